#include "services/platform/idempotency_service.hpp"

namespace gpuaas::services {

using repositories::IdempotencyRecord;
using repositories::IdempotencyRepository;

Status IdempotencyService::ValidateKey(std::string_view key) {
  if (key.empty()) return Error::InvalidArgument("Idempotency-Key", "must not be empty");
  if (key.size() > kMaxKeyLength) {
    return Error::InvalidArgument("Idempotency-Key",
                                  "must be at most " + std::to_string(kMaxKeyLength) + " characters");
  }
  for (const char c : key) {
    if (c < 0x21 || c > 0x7e)
      return Error::InvalidArgument("Idempotency-Key", "must be printable ASCII without spaces");
  }
  return Ok();
}

Result<IdempotencyDecision> IdempotencyService::Begin(std::string_view scope, std::string_view key,
                                                      std::string_view fingerprint) {
  IdempotencyDecision decision;
  const auto now = clock_.Now();
  GPUAAS_RETURN_IF_ERROR(database_.Write([&](store::Session& session) -> Status {
    const IdempotencyRecord claim{
        std::string(scope), std::string(key), std::string(fingerprint), "running", {}, {}, {}, now, now + retention_};
    GPUAAS_ASSIGN_OR_RETURN(const bool claimed, IdempotencyRepository::Claim(session, claim));
    if (claimed) return Ok();
    GPUAAS_ASSIGN_OR_RETURN(const auto existing, IdempotencyRepository::Find(session, scope, key));
    if (!existing) return Error::Unavailable("idempotency key changed concurrently; retry");
    if (existing->expires_at <= now) {
      // Past retention: the key starts a new life.
      GPUAAS_RETURN_IF_ERROR(IdempotencyRepository::Delete(session, scope, key));
      GPUAAS_ASSIGN_OR_RETURN(const bool reclaimed, IdempotencyRepository::Claim(session, claim));
      if (!reclaimed) return Error::Unavailable("idempotency key changed concurrently; retry");
      return Ok();
    }
    if (existing->fingerprint != fingerprint) {
      return Error::InvalidArgument("Idempotency-Key",
                                    "was already used with a different request; use a new key for a new request");
    }
    if (existing->state != "completed") {
      return Error::Conflict("a request with this Idempotency-Key is still in progress; retry later");
    }
    decision.kind = IdempotencyDecision::Kind::kReplay;
    decision.reply = StoredReply{static_cast<int>(existing->status.value_or(200)), existing->content_type.value_or(""),
                                 existing->body.value_or("")};
    return Ok();
  }));
  return decision;
}

Status IdempotencyService::Finish(std::string_view scope, std::string_view key, const StoredReply& reply) {
  return database_.Write([&](store::Session& session) {
    return IdempotencyRepository::Complete(session, scope, key, reply.status, reply.content_type, reply.body);
  });
}

Status IdempotencyService::Abandon(std::string_view scope, std::string_view key) {
  return database_.Write([&](store::Session& session) { return IdempotencyRepository::Delete(session, scope, key); });
}

Result<std::int64_t> IdempotencyService::Sweep() {
  std::int64_t removed = 0;
  GPUAAS_RETURN_IF_ERROR(database_.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(removed, IdempotencyRepository::DeleteExpired(session, clock_.Now(), 1000));
    return Ok();
  }));
  return removed;
}

}  // namespace gpuaas::services
