#include "services/access/auth_service.hpp"

#include <algorithm>
#include <cmath>

#include "repositories/access/api_token_repository.hpp"
#include "repositories/access/tenancy_repository.hpp"
#include "services/access/authorizer.hpp"
#include "services/access/identity_rules.hpp"
#include "services/access/user_service.hpp"
#include "shared/secret.hpp"

namespace gpuaas::services {

using repositories::ApiTokenRepository;
using repositories::ConsoleSessionRecord;
using repositories::ConsoleSessionRepository;
using repositories::LoginThrottleRecord;
using repositories::UserRecord;
using repositories::UserRepository;

namespace {

// Sign-in throttling: from the 3rd failure in a row each attempt waits 2^(n-3) seconds (at
// most a minute); the 10th locks the account for 15 minutes. A quiet quarter hour forgets.
constexpr int kFailuresBeforeDelay = 3;
constexpr int kFailuresBeforeLock = 10;
constexpr auto kLockDuration = std::chrono::minutes(15);
constexpr auto kFailureMemory = std::chrono::minutes(15);
// last_seen_at / last_used_at are written at most this often per credential.
constexpr auto kTouchInterval = std::chrono::seconds(60);

constexpr std::string_view kBadLogin = "email or password is incorrect";
constexpr std::string_view kSessionPrefix = "gpuaas_ses_";

std::int64_t SecondsUntil(Timestamp until, Timestamp now) {
  const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(until - now).count();
  return std::max<std::int64_t>(1, (micros + 999'999) / 1'000'000);
}

LoginThrottleRecord NextThrottle(const std::optional<LoginThrottleRecord>& previous, const std::string& email,
                                 Timestamp now) {
  LoginThrottleRecord next{email, 1, now, std::nullopt, std::nullopt};
  if (previous && now - previous->last_failure_at < kFailureMemory) next.failures = previous->failures + 1;
  if (next.failures >= kFailuresBeforeLock) {
    next.locked_until = now + kLockDuration;
  } else if (next.failures >= kFailuresBeforeDelay) {
    const auto delay = std::min<std::int64_t>(60, std::int64_t{1} << (next.failures - kFailuresBeforeDelay));
    next.blocked_until = now + std::chrono::seconds(delay);
  }
  return next;
}

bool HasScope(std::string_view scopes, std::string_view scope) {
  std::size_t start = 0;
  while (start <= scopes.size()) {
    const auto end = std::min(scopes.find(' ', start), scopes.size());
    if (scopes.substr(start, end - start) == scope) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

Result<SignedIn> AuthService::OpenSession(store::Session& session, const Caller& caller, const UserRecord& user) {
  const auto now = context_.clock.Now();
  SignedIn signed_in;
  signed_in.session_secret = GenerateSecret(kSessionPrefix);
  signed_in.session = ConsoleSessionRecord{context_.ids.Next("ses"),
                                           user.id,
                                           Sha256Hex(signed_in.session_secret),
                                           GenerateSecret("", 24),
                                           now,
                                           now,
                                           now + settings_.session_lifetime,
                                           caller.client_ip,
                                           caller.user_agent.substr(0, 512),
                                           std::nullopt};
  signed_in.user = user;
  GPUAAS_RETURN_IF_ERROR(ConsoleSessionRepository::Insert(session, signed_in.session));
  return signed_in;
}

Result<SignedIn> AuthService::Login(const Caller& caller, std::string_view email_text, std::string_view password) {
  GPUAAS_ASSIGN_OR_RETURN(const auto email, NormalizeEmail(email_text));
  if (password.empty()) return Error::InvalidArgument("password", "is required");
  if (password.size() > 256) return Error::Unauthenticated(std::string(kBadLogin));
  const auto now = context_.clock.Now();

  std::optional<LoginThrottleRecord> throttle;
  std::optional<UserRecord> user;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(throttle, UserRepository::FindThrottle(session, email));
    GPUAAS_ASSIGN_OR_RETURN(user, UserRepository::FindByEmail(session, email));
    return Ok();
  }));
  AuditEntry entry{"auth.login", "user", user ? user->id : "unknown", {}, {}, "denied", {{"email", email}}};
  const auto refuse_throttled = [&](Timestamp until, std::string_view reason) -> Result<SignedIn> {
    entry.metadata.emplace_back("reason", std::string(reason));
    GPUAAS_RETURN_IF_ERROR(context_.audit.AppendNow(caller, entry));
    return Error::RateLimited(
        "too many failed sign-in attempts; try again in " + std::to_string(SecondsUntil(until, now)) + " seconds",
        SecondsUntil(until, now));
  };
  if (throttle && throttle->locked_until && *throttle->locked_until > now) {
    return refuse_throttled(*throttle->locked_until, "locked");
  }
  if (throttle && throttle->blocked_until && *throttle->blocked_until > now) {
    return refuse_throttled(*throttle->blocked_until, "throttled");
  }

  bool verified = false;
  if (user) {
    verified = hasher_.Verify(user->password_hash, password) && user->status == "active";
  } else {
    hasher_.VerifyDummy(password);
  }
  if (!verified) {
    GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
      GPUAAS_ASSIGN_OR_RETURN(const auto latest, UserRepository::FindThrottle(session, email));
      const auto next = NextThrottle(latest, email, now);
      GPUAAS_RETURN_IF_ERROR(UserRepository::UpsertThrottle(session, next));
      entry.metadata.emplace_back("failures", std::to_string(next.failures));
      if (next.locked_until) entry.metadata.emplace_back("reason", "locked");
      GPUAAS_RETURN_IF_ERROR(context_.audit.Append(session, caller, entry));
      return Ok();
    }));
    return Error::Unauthenticated(std::string(kBadLogin));
  }

  SignedIn signed_in;
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_RETURN_IF_ERROR(UserRepository::ClearThrottle(session, email));
    GPUAAS_ASSIGN_OR_RETURN(signed_in, OpenSession(session, caller, *user));
    auto actor = caller;
    actor.principal = Principal{PrincipalKind::kUser, user->id, user->email, user->platform_admin};
    entry.outcome = "allowed";
    entry.metadata.emplace_back("session_id", signed_in.session.id);
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(session, actor, entry));
    return Ok();
  }));
  return signed_in;
}

Result<SignedIn> AuthService::Signup(const Caller& caller, std::string_view email_text, std::string_view password,
                                     std::string_view display_name) {
  if (!settings_.signup_enabled) return Error::PermissionDenied("sign-up is disabled on this installation");
  GPUAAS_ASSIGN_OR_RETURN(const auto email, NormalizeEmail(email_text));
  GPUAAS_ASSIGN_OR_RETURN(const auto name, ValidateName(display_name, "display_name"));
  GPUAAS_RETURN_IF_ERROR(ValidatePassword(password, "password"));
  GPUAAS_ASSIGN_OR_RETURN(const auto hash, hasher_.Hash(password));
  SignedIn signed_in;
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto user,
                            UserService::InsertWithWorkspace(session, context_, email, name, hash, false));
    GPUAAS_ASSIGN_OR_RETURN(signed_in, OpenSession(session, caller, user));
    auto actor = caller;
    actor.principal = Principal{PrincipalKind::kUser, user.id, user.email, false};
    GPUAAS_RETURN_IF_ERROR(
        context_.audit.Append(session, actor, {"auth.signup", "user", user.id, {}, {}, "allowed", {{"email", email}}}));
    return Ok();
  }));
  return signed_in;
}

Status AuthService::Logout(const Caller& caller) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireSignedIn(caller));
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    if (caller.principal.credential == CredentialKind::kSession) {
      GPUAAS_RETURN_IF_ERROR(
          ConsoleSessionRepository::Revoke(session, caller.principal.session_id, context_.clock.Now()));
    }
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(
        session, caller,
        {"auth.logout",
         "session",
         caller.principal.session_id.empty() ? caller.principal.token_id : caller.principal.session_id,
         {},
         {},
         "allowed",
         {}}));
    return Ok();
  }));
  ForgetCachedCredentials();
  return Ok();
}

Result<std::vector<ConsoleSessionRecord>> AuthService::ListSessions(const Caller& caller) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireUser(caller));
  std::vector<ConsoleSessionRecord> sessions;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(sessions,
                            ConsoleSessionRepository::ListLive(session, caller.principal.id, context_.clock.Now()));
    return Ok();
  }));
  return sessions;
}

Result<ConsoleSessionRecord> AuthService::CurrentSession(const Caller& caller) {
  if (caller.principal.credential != CredentialKind::kSession) {
    return Error::Unauthenticated("no console session; sign in");
  }
  std::optional<ConsoleSessionRecord> record;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(record, ConsoleSessionRepository::FindById(session, caller.principal.session_id));
    return Ok();
  }));
  if (!record || record->revoked_at) return Error::Unauthenticated("the session has ended; sign in again");
  return *record;
}

Status AuthService::RevokeSession(const Caller& caller, std::string_view session_id) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireUser(caller));
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto record, ConsoleSessionRepository::FindById(session, session_id));
    if (!record || record->user_id != caller.principal.id) {
      return Error::NotFound("session " + std::string(session_id) + " not found");
    }
    GPUAAS_RETURN_IF_ERROR(ConsoleSessionRepository::Revoke(session, session_id, context_.clock.Now()));
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(
        session, caller,
        {"session.revoke", "session", std::string(session_id), {}, {}, "allowed", {{"ip", record->ip}}}));
    return Ok();
  }));
  ForgetCachedCredentials();
  return Ok();
}

Status AuthService::ChangePassword(const Caller& caller, std::string_view current_password,
                                   std::string_view new_password) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireUser(caller));
  if (current_password.empty()) return Error::InvalidArgument("current_password", "is required");
  GPUAAS_RETURN_IF_ERROR(ValidatePassword(new_password, "new_password"));
  std::optional<UserRecord> user;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(user, UserRepository::FindById(session, caller.principal.id));
    return Ok();
  }));
  if (!user || !hasher_.Verify(user->password_hash, current_password)) {
    return Error::InvalidArgument("current_password", "is incorrect");
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto hash, hasher_.Hash(new_password));
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    const auto now = context_.clock.Now();
    GPUAAS_RETURN_IF_ERROR(UserRepository::UpdatePassword(session, user->id, hash, now));
    // Every other session ends; the one that changed the password stays signed in.
    GPUAAS_ASSIGN_OR_RETURN(const auto ended, ConsoleSessionRepository::RevokeAllOfUser(
                                                  session, user->id, caller.principal.session_id, now));
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(
        session, caller,
        {"user.change_password", "user", user->id, {}, {}, "allowed", {{"sessions_ended", std::to_string(ended)}}}));
    return Ok();
  }));
  ForgetCachedCredentials();
  return Ok();
}

Result<std::optional<Principal>> AuthService::LoadSessionPrincipal(store::Session& session, std::string_view digest,
                                                                   std::optional<std::string>* touch_id) {
  const auto now = context_.clock.Now();
  GPUAAS_ASSIGN_OR_RETURN(const auto record, ConsoleSessionRepository::FindByTokenHash(session, digest));
  if (!record || record->revoked_at || record->expires_at <= now ||
      record->last_seen_at + settings_.session_idle_timeout <= now) {
    return std::optional<Principal>();
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto user, UserRepository::FindById(session, record->user_id));
  if (!user || user->status != "active") return std::optional<Principal>();
  if (touch_id != nullptr && now - record->last_seen_at >= kTouchInterval) *touch_id = record->id;
  Principal principal{PrincipalKind::kUser, user->id, user->email, user->platform_admin, CredentialKind::kSession};
  principal.session_id = record->id;
  principal.csrf_token = record->csrf_token;
  return std::optional<Principal>(std::move(principal));
}

Result<std::optional<Principal>> AuthService::LoadTokenPrincipal(store::Session& session, std::string_view digest,
                                                                 std::optional<std::string>* touch_id) {
  const auto now = context_.clock.Now();
  GPUAAS_ASSIGN_OR_RETURN(const auto token, ApiTokenRepository::FindByHash(session, digest));
  if (!token || token->revoked_at || (token->expires_at && *token->expires_at <= now)) {
    return std::optional<Principal>();
  }
  Principal principal;
  principal.credential = CredentialKind::kToken;
  principal.token_id = token->id;
  principal.can_write = HasScope(token->scopes, "write");
  if (token->user_id) {
    GPUAAS_ASSIGN_OR_RETURN(const auto user, UserRepository::FindById(session, *token->user_id));
    if (!user || user->status != "active") return std::optional<Principal>();
    principal.kind = PrincipalKind::kUser;
    principal.id = user->id;
    principal.label = user->email;
    principal.platform_admin = user->platform_admin;
  } else if (token->service_account_id) {
    GPUAAS_ASSIGN_OR_RETURN(const auto account,
                            repositories::TenancyRepository::FindServiceAccount(session, *token->service_account_id));
    if (!account) return std::optional<Principal>();
    principal.kind = PrincipalKind::kServiceAccount;
    principal.id = account->id;
    principal.label = account->name;
    principal.project_id = account->project_id;
    principal.project_role = ParseProjectRole(account->role).value_or(ProjectRole::kViewer);
  } else {
    return std::optional<Principal>();
  }
  if (touch_id != nullptr && (!token->last_used_at || now - *token->last_used_at >= kTouchInterval)) {
    *touch_id = token->id;
  }
  return std::optional<Principal>(std::move(principal));
}

Result<Principal> AuthService::ResolveSession(std::string_view session_secret) {
  if (session_secret.rfind(kSessionPrefix, 0) != 0)
    return Error::Unauthenticated("the session has ended; sign in again");
  const auto digest = Sha256Hex(session_secret);
  const auto cache_key = "s:" + digest;
  const auto now = context_.clock.Now();
  if (auto cached = cache_.Find(cache_key, now)) return *std::move(cached);
  std::optional<Principal> principal;
  std::optional<std::string> touch_id;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(principal, LoadSessionPrincipal(session, digest, &touch_id));
    return Ok();
  }));
  if (!principal) return Error::Unauthenticated("the session has ended; sign in again");
  if (touch_id) {
    GPUAAS_RETURN_IF_ERROR(context_.database.Write(
        [&](store::Session& session) { return ConsoleSessionRepository::Touch(session, *touch_id, now); }));
  }
  cache_.Put(cache_key, *principal, now);
  return *std::move(principal);
}

Result<Principal> AuthService::ResolveBearer(std::string_view token) {
  if (token.rfind("gpuaas_", 0) != 0) return Error::Unauthenticated("the bearer token is not valid");
  const auto digest = Sha256Hex(token);
  const auto cache_key = "t:" + digest;
  const auto now = context_.clock.Now();
  if (auto cached = cache_.Find(cache_key, now)) return *std::move(cached);
  std::optional<Principal> principal;
  std::optional<std::string> touch_id;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(principal, LoadTokenPrincipal(session, digest, &touch_id));
    return Ok();
  }));
  if (!principal) return Error::Unauthenticated("the bearer token is not valid, expired or revoked");
  if (touch_id) {
    GPUAAS_RETURN_IF_ERROR(context_.database.Write(
        [&](store::Session& session) { return ApiTokenRepository::TouchLastUsed(session, *touch_id, now); }));
  }
  cache_.Put(cache_key, *principal, now);
  return *std::move(principal);
}

Result<bool> AuthService::StillValid(const Principal& principal) {
  bool valid = true;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    const auto now = context_.clock.Now();
    if (principal.credential == CredentialKind::kSession) {
      GPUAAS_ASSIGN_OR_RETURN(const auto record, ConsoleSessionRepository::FindById(session, principal.session_id));
      valid = record && !record->revoked_at && record->expires_at > now;
    } else if (principal.credential == CredentialKind::kToken) {
      GPUAAS_ASSIGN_OR_RETURN(const auto token, ApiTokenRepository::FindById(session, principal.token_id));
      valid = token && !token->revoked_at && (!token->expires_at || *token->expires_at > now);
    }
    if (valid && principal.is_user()) {
      GPUAAS_ASSIGN_OR_RETURN(const auto user, UserRepository::FindById(session, principal.id));
      valid = user && user->status == "active";
    }
    return Ok();
  }));
  return valid;
}

}  // namespace gpuaas::services
