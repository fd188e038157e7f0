#include "repositories/evidence/evidence_lock.hpp"

namespace gpuaas::repositories {
namespace {

// Any fixed number: the key of the advisory lock.
constexpr std::int64_t kEvidenceLock = 0x61756469;

}  // namespace

Status LockEvidence(store::Session& session) {
  if (session.dialect() != store::Dialect::kPostgres) return Ok();
  GPUAAS_RETURN_IF_ERROR(session.Query("SELECT pg_advisory_xact_lock(?)", {kEvidenceLock}));
  return Ok();
}

}  // namespace gpuaas::repositories
