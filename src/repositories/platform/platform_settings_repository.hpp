#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct PlatformSetting {
  std::string key;
  std::string value;
  Timestamp updated_at;
  std::int64_t version = 1;
};

// SQL for platform_settings. Portable SQL: one implementation serves both backends.
class PlatformSettingsRepository {
 public:
  static Result<std::optional<PlatformSetting>> Find(store::Session& session, std::string_view key);
  // Inserts the setting unless the key exists; true when this call inserted it.
  static Result<bool> InsertIfAbsent(store::Session& session, const PlatformSetting& setting);
  // Replaces the value if the stored version is `expected_version`; false when it moved on.
  static Result<bool> UpdateIfVersion(store::Session& session, const PlatformSetting& setting,
                                      std::int64_t expected_version);
};

}  // namespace gpuaas::repositories
