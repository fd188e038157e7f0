#include "services/platform/readiness_service.hpp"

namespace gpuaas::services {

Readiness ReadinessService::Check() {
  Readiness readiness;
  if (auto ping = database_.Ping(); !ping) {
    readiness.database_problem = ping.error().message();
    return readiness;
  }
  readiness.database_reachable = true;
  auto state = migrations_.State();
  if (!state) {
    readiness.database_problem = state.error().message();
    return readiness;
  }
  readiness.migrations = *state;
  readiness.ready = state->current();
  return readiness;
}

}  // namespace gpuaas::services
