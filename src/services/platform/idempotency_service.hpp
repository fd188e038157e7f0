#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "repositories/platform/idempotency_repository.hpp"
#include "shared/clock.hpp"
#include "store/database.hpp"

namespace gpuaas::services {

// The stored reply of an idempotent request.
struct StoredReply {
  int status = 200;
  std::string content_type;
  std::string body;
};

// What to do with a request that carries an Idempotency-Key.
struct IdempotencyDecision {
  enum class Kind { kExecute, kReplay } kind = Kind::kExecute;
  StoredReply reply;  // for kReplay
};

// Stripe-style idempotency for every mutation: the first request with a key runs and its
// reply is stored; a repeat with the same body gets the stored reply; a repeat while the
// first still runs gets `conflict`; the same key with another body is `invalid_argument`.
class IdempotencyService {
 public:
  IdempotencyService(store::Database& database, const Clock& clock,
                     std::chrono::microseconds retention = std::chrono::hours(24))
      : database_(database), clock_(clock), retention_(retention) {}

  static constexpr std::size_t kMaxKeyLength = 255;
  static Status ValidateKey(std::string_view key);

  Result<IdempotencyDecision> Begin(std::string_view scope, std::string_view key, std::string_view fingerprint);
  Status Finish(std::string_view scope, std::string_view key, const StoredReply& reply);
  // The request did not start executing (validation failed): forget the key.
  Status Abandon(std::string_view scope, std::string_view key);
  // Drops keys past their retention; called by a periodic worker.
  Result<std::int64_t> Sweep();

 private:
  store::Database& database_;
  const Clock& clock_;
  std::chrono::microseconds retention_;
};

}  // namespace gpuaas::services
