#include "services/evidence/audit_trail.hpp"

#include "services/platform/outbox.hpp"

#include <boost/json.hpp>

#include "shared/redaction.hpp"
#include "shared/rfc3339.hpp"
#include "shared/secret.hpp"

namespace gpuaas::services {
namespace {

using repositories::AuditRecord;
using repositories::AuditRepository;

std::string_view ActorType(const Principal& principal) {
  switch (principal.kind) {
    case PrincipalKind::kUser: return "user";
    case PrincipalKind::kServiceAccount: return "service_account";
    case PrincipalKind::kSystem: return "system";
    case PrincipalKind::kAnonymous: return "anonymous";
  }
  return "anonymous";
}

std::string MetadataJson(const AuditEntry& entry) {
  boost::json::object object;
  for (const auto& [key, value] : entry.metadata) {
    object[key] = IsSecretName(key) ? std::string(kRedacted) : value;
  }
  return boost::json::serialize(object);
}

// Field separator that cannot occur in the UTF-8 text of any field.
constexpr char kSeparator = '\x1f';

}  // namespace

std::string AuditTrail::ChainHash(const AuditRecord& r) {
  std::string canonical;
  for (const auto* field : {&r.prev_hash, &r.id, &r.actor_type, &r.actor_id, &r.actor_label, &r.action, &r.target_type,
                            &r.target_id, &r.request_id, &r.client_ip, &r.outcome, &r.metadata}) {
    canonical += *field;
    canonical += kSeparator;
  }
  canonical += std::to_string(r.seq) + kSeparator + FormatRfc3339(r.occurred_at) + kSeparator +
               r.project_id.value_or("") + kSeparator + r.tenant_id.value_or("");
  return Sha256Hex(canonical);
}

Result<std::string> AuditTrail::Append(store::Session& session, const Caller& caller, const AuditEntry& entry) {
  GPUAAS_ASSIGN_OR_RETURN(const auto head, AuditRepository::LockHead(session));
  AuditRecord record;
  record.seq = head.seq + 1;
  record.id = ids_.Next("aud");
  record.occurred_at = clock_.Now();
  record.actor_type = std::string(ActorType(caller.principal));
  record.actor_id = caller.principal.id.empty() ? "anonymous" : caller.principal.id;
  record.actor_label = caller.principal.label;
  record.action = entry.action;
  record.target_type = entry.target_type;
  record.target_id = entry.target_id;
  record.project_id = entry.project_id;
  record.tenant_id = entry.tenant_id;
  record.request_id = caller.request_id;
  record.client_ip = caller.client_ip;
  record.outcome = entry.outcome;
  record.metadata = MetadataJson(entry);
  record.prev_hash = head.hash;
  record.hash = ChainHash(record);
  GPUAAS_RETURN_IF_ERROR(AuditRepository::Insert(session, record));
  // The activity stream of the target learns of it through the outbox, in this transaction.
  if (!record.target_id.empty()) {
    const DomainEvent event{"audit.recorded",
                            record.target_type,
                            record.target_id,
                            record.project_id,
                            record.tenant_id,
                            record.actor_label,
                            {{"audit_id", record.id}, {"action", record.action}, {"outcome", record.outcome}}};
    GPUAAS_ASSIGN_OR_RETURN(const auto event_id, EmitEvent(session, clock_, ids_, event));
    (void)event_id;
  }
  return record.id;
}

Result<std::string> AuditTrail::AppendNow(const Caller& caller, const AuditEntry& entry) {
  std::string id;
  GPUAAS_RETURN_IF_ERROR(database_.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(id, Append(session, caller, entry));
    return Ok();
  }));
  return id;
}

Result<AuditVerification> AuditTrail::Verify() {
  AuditVerification verification;
  std::int64_t last_seq = 0;
  std::string last_hash;
  constexpr std::size_t kBatch = 1000;
  for (;;) {
    std::vector<AuditRecord> batch;
    GPUAAS_RETURN_IF_ERROR(database_.Read([&](store::Session& session) -> Status {
      GPUAAS_ASSIGN_OR_RETURN(batch, AuditRepository::Scan(session, last_seq, kBatch));
      return Ok();
    }));
    for (const auto& record : batch) {
      ++verification.rows_checked;
      std::string reason;
      if (record.seq != last_seq + 1) {
        reason = "row " + std::to_string(last_seq + 1) + " is missing";
      } else if (record.prev_hash != last_hash) {
        reason = "its link to the previous row does not match";
      } else if (record.hash != ChainHash(record)) {
        reason = "its content does not match its hash";
      }
      if (!reason.empty()) {
        verification.first_broken_seq = record.seq;
        verification.reason = reason;
        return verification;
      }
      last_seq = record.seq;
      last_hash = record.hash;
    }
    if (batch.size() < kBatch) return verification;
  }
}

}  // namespace gpuaas::services
