#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct ApiTokenRecord {
  std::string id;
  std::string kind;  // personal | service_account
  std::optional<std::string> user_id;
  std::optional<std::string> service_account_id;
  std::string name;
  std::string token_hash;
  std::string prefix;
  std::string scopes;  // space-separated
  std::optional<Timestamp> expires_at;
  std::optional<Timestamp> last_used_at;
  Timestamp created_at;
  std::optional<Timestamp> revoked_at;
};

class ApiTokenRepository {
 public:
  static Status Insert(store::Session& session, const ApiTokenRecord& record);
  static Result<std::optional<ApiTokenRecord>> FindByHash(store::Session& session, std::string_view token_hash);
  static Result<std::optional<ApiTokenRecord>> FindById(store::Session& session, std::string_view id);
  static Result<std::vector<ApiTokenRecord>> ListByUser(store::Session& session, std::string_view user_id);
  static Result<std::vector<ApiTokenRecord>> ListByServiceAccount(store::Session& session,
                                                                  std::string_view service_account_id);
  static Result<std::int64_t> Revoke(store::Session& session, std::string_view id, Timestamp now);
  static Result<std::int64_t> RevokeAllOfServiceAccount(store::Session& session, std::string_view service_account_id,
                                                        Timestamp now);
  static Result<std::int64_t> RevokeAllOfUser(store::Session& session, std::string_view user_id, Timestamp now);
  static Status TouchLastUsed(store::Session& session, std::string_view id, Timestamp now);
};

}  // namespace gpuaas::repositories
