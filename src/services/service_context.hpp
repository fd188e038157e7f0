#pragma once

#include "services/evidence/audit_trail.hpp"
#include "shared/clock.hpp"
#include "shared/id.hpp"
#include "store/database.hpp"

namespace gpuaas::services {

// What every service is built from: the store, time, IDs and the audit trail.
struct ServiceContext {
  store::Database& database;
  const Clock& clock;
  IdGenerator& ids;
  AuditTrail& audit;
};

}  // namespace gpuaas::services
