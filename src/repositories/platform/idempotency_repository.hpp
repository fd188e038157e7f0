#pragma once

#include <optional>
#include <string>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct IdempotencyRecord {
  std::string scope;
  std::string key;
  std::string fingerprint;
  std::string state;  // running | completed
  std::optional<std::int64_t> status;
  std::optional<std::string> content_type;
  std::optional<std::string> body;
  Timestamp created_at;
  Timestamp expires_at;
};

class IdempotencyRepository {
 public:
  // Inserts a `running` row unless one exists; true when this call inserted it.
  static Result<bool> Claim(store::Session& session, const IdempotencyRecord& record);
  static Result<std::optional<IdempotencyRecord>> Find(store::Session& session, std::string_view scope,
                                                       std::string_view key);
  static Status Complete(store::Session& session, std::string_view scope, std::string_view key, std::int64_t status,
                         std::string_view content_type, std::string_view body);
  static Status Delete(store::Session& session, std::string_view scope, std::string_view key);
  static Result<std::int64_t> DeleteExpired(store::Session& session, Timestamp now, std::size_t limit);
};

}  // namespace gpuaas::repositories
