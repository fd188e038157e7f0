#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct UserRecord {
  std::string id;
  std::string email;
  std::string display_name;
  std::string password_hash;
  bool platform_admin = false;
  std::string status = "active";  // active | disabled
  Timestamp created_at;
  Timestamp updated_at;
  Timestamp password_changed_at;
};

struct LoginThrottleRecord {
  std::string email;
  std::int64_t failures = 0;
  Timestamp last_failure_at;
  std::optional<Timestamp> blocked_until;  // next attempt allowed from
  std::optional<Timestamp> locked_until;   // account locked until
};

class UserRepository {
 public:
  static Status Insert(store::Session& session, const UserRecord& user);
  static Result<std::optional<UserRecord>> FindById(store::Session& session, std::string_view id);
  // The user and, when locked out of signing in, until when: one query.
  static Result<std::optional<std::pair<UserRecord, std::optional<Timestamp>>>> FindWithLock(store::Session& session,
                                                                                             std::string_view id);
  static Result<std::optional<UserRecord>> FindByEmail(store::Session& session, std::string_view email);
  static Result<std::vector<std::pair<UserRecord, std::optional<Timestamp>>>> ListWithLocks(store::Session& session,
                                                                                            std::size_t limit);
  static Result<std::int64_t> Count(store::Session& session);
  static Status UpdateProfile(store::Session& session, std::string_view id, std::string_view display_name,
                              Timestamp now);
  static Status UpdatePassword(store::Session& session, std::string_view id, std::string_view password_hash,
                               Timestamp now);
  static Status UpdateAdminFields(store::Session& session, std::string_view id, std::string_view status,
                                  bool platform_admin, Timestamp now);
  static Result<std::int64_t> CountActivePlatformAdmins(store::Session& session);

  static Result<std::optional<LoginThrottleRecord>> FindThrottle(store::Session& session, std::string_view email);
  static Status UpsertThrottle(store::Session& session, const LoginThrottleRecord& record);
  static Status ClearThrottle(store::Session& session, std::string_view email);
};

}  // namespace gpuaas::repositories
