#include "shared/settings.hpp"

#include <yaml-cpp/yaml.h>

namespace gpuaas {

void SettingLayers::Set(const std::string& key, std::string text, std::string origin) {
  values_[key] = SettingValue{std::move(text), std::move(origin)};
}

const SettingValue& SettingLayers::Get(const std::string& key) const { return values_.at(key); }

bool SettingLayers::Has(const std::string& key) const { return values_.contains(key); }

Result<std::map<std::string, std::string>> ReadSettingsFile(const std::string& path) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    return Error::InvalidArgument("config", "cannot read config file " + path);
  } catch (const YAML::Exception& e) {
    return Error::InvalidArgument("config", "config file " + path + " is not valid YAML: " + e.what());
  }
  std::map<std::string, std::string> settings;
  if (root.IsNull()) return settings;
  if (!root.IsMap()) return Error::InvalidArgument("config", "config file " + path + " must be a map of settings");
  for (const auto& entry : root) {
    const auto key = entry.first.as<std::string>();
    if (!entry.second.IsScalar()) {
      return Error::InvalidArgument("config", "setting '" + key + "' in " + path + " must be a single value");
    }
    settings[key] = entry.second.as<std::string>();
  }
  return settings;
}

void SettingErrors::Add(const std::string& key, const SettingValue& value, std::string_view problem) {
  messages_.push_back(key + " (" + value.origin + "): " + std::string(problem));
}

void SettingErrors::AddRaw(std::string message) { messages_.push_back(std::move(message)); }

Error SettingErrors::ToError() const {
  std::string text = "invalid configuration:";
  for (const auto& message : messages_) text += "\n  " + message;
  return {ErrorCode::kInvalidArgument, text};
}

}  // namespace gpuaas
