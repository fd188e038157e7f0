#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct ConsoleSessionRecord {
  std::string id;
  std::string user_id;
  std::string token_hash;
  std::string csrf_token;
  Timestamp created_at;
  Timestamp last_seen_at;
  Timestamp expires_at;
  std::string ip;
  std::string user_agent;
  std::optional<Timestamp> revoked_at;
};

class ConsoleSessionRepository {
 public:
  static Status Insert(store::Session& session, const ConsoleSessionRecord& record);
  static Result<std::optional<ConsoleSessionRecord>> FindByTokenHash(store::Session& session,
                                                                     std::string_view token_hash);
  static Result<std::optional<ConsoleSessionRecord>> FindById(store::Session& session, std::string_view id);
  // The sessions of a user that are neither revoked nor expired at `now`, newest first.
  static Result<std::vector<ConsoleSessionRecord>> ListLive(store::Session& session, std::string_view user_id,
                                                            Timestamp now);
  static Status Touch(store::Session& session, std::string_view id, Timestamp now);
  static Result<std::int64_t> Revoke(store::Session& session, std::string_view id, Timestamp now);
  // Revokes every live session of the user except `keep_id` (empty: all of them).
  static Result<std::int64_t> RevokeAllOfUser(store::Session& session, std::string_view user_id,
                                              std::string_view keep_id, Timestamp now);
};

}  // namespace gpuaas::repositories
