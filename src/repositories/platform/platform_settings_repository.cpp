#include "repositories/platform/platform_settings_repository.hpp"

#include "shared/rfc3339.hpp"

namespace gpuaas::repositories {
namespace {

constexpr std::string_view kSelect = "SELECT key, value, updated_at, version FROM platform_settings WHERE key = ?";
constexpr std::string_view kInsertIfAbsent =
    "INSERT INTO platform_settings (key, value, updated_at, version) VALUES (?, ?, ?, 1) "
    "ON CONFLICT (key) DO NOTHING";
constexpr std::string_view kUpdateIfVersion =
    "UPDATE platform_settings SET value = ?, updated_at = ?, version = version + 1 WHERE key = ? AND version = ?";

}  // namespace

Result<std::optional<PlatformSetting>> PlatformSettingsRepository::Find(store::Session& session, std::string_view key) {
  GPUAAS_ASSIGN_OR_RETURN(const auto rows, session.Query(kSelect, {std::string(key)}));
  if (rows.empty()) return std::optional<PlatformSetting>();
  const auto& row = rows.front();
  GPUAAS_ASSIGN_OR_RETURN(const auto updated_at, ParseRfc3339(row.Text(2)));
  return std::optional<PlatformSetting>(PlatformSetting{row.Text(0), row.Text(1), updated_at, row.Int(3)});
}

Result<bool> PlatformSettingsRepository::InsertIfAbsent(store::Session& session, const PlatformSetting& setting) {
  GPUAAS_ASSIGN_OR_RETURN(const auto inserted, session.Execute(kInsertIfAbsent, {setting.key, setting.value,
                                                                                 FormatRfc3339(setting.updated_at)}));
  return inserted == 1;
}

Result<bool> PlatformSettingsRepository::UpdateIfVersion(store::Session& session, const PlatformSetting& setting,
                                                         std::int64_t expected_version) {
  GPUAAS_ASSIGN_OR_RETURN(const auto updated,
                          session.Execute(kUpdateIfVersion, {setting.value, FormatRfc3339(setting.updated_at),
                                                             setting.key, expected_version}));
  return updated == 1;
}

}  // namespace gpuaas::repositories
