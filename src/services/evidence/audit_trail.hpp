#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "repositories/evidence/audit_repository.hpp"
#include "services/access/caller.hpp"
#include "shared/clock.hpp"
#include "shared/id.hpp"
#include "store/database.hpp"

namespace gpuaas::services {

// What one audit row says. Metadata values whose names look like secrets are stored as "***".
struct AuditEntry {
  std::string action;  // "<noun>.<verb>": ssh_key.create, auth.login, project_member.remove
  std::string target_type;
  std::string target_id;
  std::optional<std::string> project_id;
  std::optional<std::string> tenant_id;
  std::string outcome = "allowed";  // allowed | denied | failed
  std::vector<std::pair<std::string, std::string>> metadata;
};

struct AuditVerification {
  std::int64_t rows_checked = 0;
  std::optional<std::int64_t> first_broken_seq;  // empty when the chain is intact
  std::string reason;
};

// The one way to write audit rows. Successful mutations append inside their own transaction
// (Append), so the change and its evidence commit together; denials and failures append in a
// transaction of their own (AppendNow).
class AuditTrail {
 public:
  AuditTrail(store::Database& database, const Clock& clock, IdGenerator& ids)
      : database_(database), clock_(clock), ids_(ids) {}

  Result<std::string> Append(store::Session& session, const Caller& caller, const AuditEntry& entry);
  Result<std::string> AppendNow(const Caller& caller, const AuditEntry& entry);

  // Recomputes the chain from the first row and reports the first row whose hash or link
  // does not match.
  Result<AuditVerification> Verify();

  // The hash of a row given its predecessor's; exposed for the tamper test.
  static std::string ChainHash(const repositories::AuditRecord& record);

 private:
  store::Database& database_;
  const Clock& clock_;
  IdGenerator& ids_;
};

}  // namespace gpuaas::services
