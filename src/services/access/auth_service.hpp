#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "repositories/access/console_session_repository.hpp"
#include "repositories/access/user_repository.hpp"
#include "services/access/caller.hpp"
#include "services/access/password_hasher.hpp"
#include "services/access/principal_cache.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

struct AuthSettings {
  bool signup_enabled = true;
  std::chrono::microseconds session_lifetime = std::chrono::hours(24 * 7);
  std::chrono::microseconds session_idle_timeout = std::chrono::hours(12);
};

struct SignedIn {
  std::string session_secret;  // goes into the cookie, never into a body or a log
  repositories::ConsoleSessionRecord session;
  repositories::UserRecord user;
};

// Sign-in, sign-up, sign-out, console sessions, password changes, and turning a presented
// credential (session cookie or bearer token) into a Principal.
class AuthService {
 public:
  AuthService(ServiceContext context, const PasswordHasher& hasher, AuthSettings settings)
      : context_(context), hasher_(hasher), settings_(settings) {}

  [[nodiscard]] const AuthSettings& settings() const { return settings_; }

  // Audits itself (success and failure), since a failed sign-in also updates the throttle.
  Result<SignedIn> Login(const Caller& caller, std::string_view email, std::string_view password);
  Result<SignedIn> Signup(const Caller& caller, std::string_view email, std::string_view password,
                          std::string_view display_name);
  Status Logout(const Caller& caller);

  Result<std::vector<repositories::ConsoleSessionRecord>> ListSessions(const Caller& caller);
  // The caller's own console session; unauthenticated when the caller has none.
  Result<repositories::ConsoleSessionRecord> CurrentSession(const Caller& caller);
  Status RevokeSession(const Caller& caller, std::string_view session_id);
  Status ChangePassword(const Caller& caller, std::string_view current_password, std::string_view new_password);

  // Unauthenticated when the credential is unknown, expired, revoked or its owner disabled.
  Result<Principal> ResolveSession(std::string_view session_secret);
  Result<Principal> ResolveBearer(std::string_view token);
  // Re-reads the credential behind a principal, bypassing the cache: for long-lived
  // connections that must end within a second of a revocation.
  Result<bool> StillValid(const Principal& principal);

  // Called by every change that ends credentials on this replica.
  void ForgetCachedCredentials() { cache_.Clear(); }

 private:
  Result<SignedIn> OpenSession(store::Session& session, const Caller& caller, const repositories::UserRecord& user);
  Result<std::optional<Principal>> LoadSessionPrincipal(store::Session& session, std::string_view digest,
                                                        std::optional<std::string>* touch_id);
  Result<std::optional<Principal>> LoadTokenPrincipal(store::Session& session, std::string_view digest,
                                                      std::optional<std::string>* touch_id);

  ServiceContext context_;
  const PasswordHasher& hasher_;
  AuthSettings settings_;
  PrincipalCache cache_;
};

}  // namespace gpuaas::services
