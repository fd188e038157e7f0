#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "shared/result.hpp"

namespace gpuaas {

// A setting's text and the place it came from ("default", "file gpuaas.yaml",
// "env GPUAAS_LISTEN", "flag --listen"), so a validation error can name both.
struct SettingValue {
  std::string text;
  std::string origin;
};

// Layered settings: each Set() overrides what an earlier layer said for the same key.
// Programs apply layers in the order defaults < file < environment < flags.
class SettingLayers {
 public:
  void Set(const std::string& key, std::string text, std::string origin);
  [[nodiscard]] const SettingValue& Get(const std::string& key) const;  // key must have a default
  [[nodiscard]] bool Has(const std::string& key) const;

 private:
  std::map<std::string, SettingValue, std::less<>> values_;
};

// Reads a YAML file of `key: scalar` pairs. Nested maps and lists are rejected: settings are flat.
Result<std::map<std::string, std::string>> ReadSettingsFile(const std::string& path);

// Collects every problem found while validating settings so they are reported at once.
class SettingErrors {
 public:
  void Add(const std::string& key, const SettingValue& value, std::string_view problem);
  void AddRaw(std::string message);
  [[nodiscard]] bool empty() const { return messages_.empty(); }
  // "invalid configuration:\n  listen (env GPUAAS_LISTEN): ..." as an invalid_argument Error.
  [[nodiscard]] Error ToError() const;

 private:
  std::vector<std::string> messages_;
};

}  // namespace gpuaas
