#include "services/platform/installation_service.hpp"

#include "repositories/platform/platform_settings_repository.hpp"

namespace gpuaas::services {

using repositories::PlatformSettingsRepository;

Result<Installation> InstallationService::Ensure() {
  Installation installation;
  GPUAAS_RETURN_IF_ERROR(database_.Write([&](store::Session& session) -> Status {
    const repositories::PlatformSetting candidate{"installation_id", ids_.Next("inst"), clock_.Now(), 1};
    // Two replicas may race here: whoever inserts first wins and both read the winner.
    GPUAAS_RETURN_IF_ERROR(PlatformSettingsRepository::InsertIfAbsent(session, candidate));
    GPUAAS_ASSIGN_OR_RETURN(const auto stored, PlatformSettingsRepository::Find(session, "installation_id"));
    if (!stored) return Error::Internal("installation_id missing after insert");
    installation = Installation{stored->value, stored->updated_at};
    return Ok();
  }));
  return installation;
}

}  // namespace gpuaas::services
