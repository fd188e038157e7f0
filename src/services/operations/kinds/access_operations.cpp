#include "services/operations/kinds/access_operations.hpp"

#include "repositories/access/api_token_repository.hpp"
#include "repositories/access/tenancy_repository.hpp"
#include "services/access/authorizer.hpp"

namespace gpuaas::services {
namespace {

using repositories::ApiTokenRepository;
using repositories::TenancyRepository;

std::string_view Bool(bool value) { return value ? "true" : "false"; }

Result<TargetView> ResolveUser(UserService& users, store::Session& session, const Caller& caller, std::string_view id) {
  // People see their own user; platform admins see everyone.
  if (!caller.principal.platform_admin && caller.principal.id != id) {
    return Error::HiddenNotFound("user " + std::string(id) + " not found");
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto view, users.LoadView(session, id));
  TargetView target{"user", view.user.id, view.user.email, {}, {}, {}, "/platform"};
  target.facts = {{"status", view.user.status},
                  {"platform_admin", std::string(Bool(view.user.platform_admin))},
                  {"locked", std::string(Bool(view.locked_until.has_value()))},
                  {"self", std::string(Bool(caller.principal.id == id))}};
  return target;
}

Result<TargetView> ResolveToken(store::Session& session, const Caller& caller, std::string_view id, Timestamp now) {
  GPUAAS_ASSIGN_OR_RETURN(const auto token, ApiTokenRepository::FindById(session, id));
  const auto hidden = Error::HiddenNotFound("token " + std::string(id) + " not found");
  if (!token) return hidden;
  TargetView target{"token", token->id, token->name, {}, {}, {}, "/account/security"};
  if (token->kind == "personal") {
    if (token->user_id != caller.principal.id) return hidden;
  } else {
    GPUAAS_ASSIGN_OR_RETURN(const auto account,
                            TenancyRepository::FindServiceAccount(session, token->service_account_id.value_or("")));
    if (!account) return hidden;
    auto access = Authorizer::RequireProject(session, caller, account->project_id, ProjectRole::kAdmin);
    if (!access) return access.error().code() == ErrorCode::kPermissionDenied ? hidden : access.TakeError();
    target.project_id = account->project_id;
    target.tenant_id = access->project.tenant_id;
    target.link = "/access/service-accounts";
  }
  target.facts = {{"status", std::string(TokenStatus(*token, now))}, {"kind", token->kind}};
  return target;
}

Status RequirePlatformAdminOn(const TargetView& /*target*/, const Caller& caller) {
  return Authorizer::RequirePlatformAdmin(caller);
}

Precondition UserStatusIs(std::string status) {
  return {"user_" + status, "The user is " + status,
          [status](const TargetView& target, const Caller&) -> std::optional<std::string> {
            if (target.Fact("status") == status) return std::nullopt;
            return "the user is " + target.Fact("status");
          }};
}

Precondition NotYourself(std::string what) {
  return {"not_yourself", "The user is not you",
          [what](const TargetView& target, const Caller&) -> std::optional<std::string> {
            if (target.Fact("self") != "true") return std::nullopt;
            return "you cannot " + what + " yourself; ask another platform admin";
          }};
}

OperationKind TokenRevoke(CredentialService& credentials, AuthService& auth) {
  OperationKind kind;
  kind.name = "token.revoke";
  kind.target_type = "token";
  kind.intent = IntentGroup::kDestructive;
  kind.title = "Revoke token";
  kind.description = "Revokes the API token at once: every request that presents it is refused from then on.";
  kind.expected_result = "The token's status is revoked; scripts and CLIs using it get 401.";
  kind.failure_path =
      "Nothing changes when the revoke step fails; retry it. A revoke cannot be undone: create a "
      "new token instead.";
  kind.evidence = {"audit", "activity"};
  kind.danger = Danger::kDestructive;
  kind.confirmation = Confirmation::kTyped;
  kind.max_attempts = 3;
  kind.permission = [](const TargetView& target, const Caller& caller) -> Status {
    // Who can see a token may revoke it (its owner; project admins for service accounts),
    // but not with a read-only token.
    if (!caller.principal.can_write) return Error::PermissionDenied("this token is read-only");
    (void)target;
    return Ok();
  };
  kind.preconditions = {{"token_active", "The token is active",
                         [](const TargetView& target, const Caller&) -> std::optional<std::string> {
                           if (target.Fact("status") == "active") return std::nullopt;
                           return "the token is already " + target.Fact("status");
                         }}};
  kind.steps = {
      {"revoke",
       "Revoke the token",
       {},
       [&credentials](store::Session& session, StepContext& context) -> Status {
         GPUAAS_ASSIGN_OR_RETURN(const auto token, ApiTokenRepository::FindById(session, context.target_id));
         if (!token) return Error::NotFound("token " + context.target_id + " no longer exists");
         if (token->revoked_at) return Ok();  // already revoked: the step's effect is there
         return credentials.ApplyRevoke(session, context.requester, *token);
       }},
      {"forget_cached",
       "End cached sign-ins that used it",
       [&auth](StepContext&) -> Status {
         auth.ForgetCachedCredentials();
         return Ok();
       },
       {}},
  };
  return kind;
}

OperationKind UserStatusChange(UserService& users, AuthService& auth, bool disable) {
  OperationKind kind;
  kind.name = disable ? "user.disable" : "user.enable";
  kind.target_type = "user";
  kind.intent = disable ? IntentGroup::kDestructive : IntentGroup::kRecovery;
  kind.title = disable ? "Disable user" : "Enable user";
  kind.description = disable ? "Signs the user out everywhere and refuses their sign-ins and tokens until enabled."
                             : "Lets a disabled user sign in and use their tokens again.";
  kind.expected_result = disable ? "The user is disabled; their sessions ended and their tokens are refused."
                                 : "The user is active and can sign in.";
  kind.failure_path = "The change is one transaction: on failure nothing changed.";
  kind.evidence = {"audit", "activity"};
  kind.danger = disable ? Danger::kDestructive : Danger::kCaution;
  kind.confirmation = disable ? Confirmation::kTyped : Confirmation::kConfirm;
  kind.max_attempts = 3;
  kind.permission = RequirePlatformAdminOn;
  if (disable) {
    kind.preconditions = {UserStatusIs("active"), NotYourself("disable")};
  } else {
    kind.preconditions = {UserStatusIs("disabled")};
  }
  const std::string status = disable ? "disabled" : "active";
  kind.steps = {
      {disable ? "disable" : "enable",
       disable ? "Disable the user and end their sessions" : "Enable the user",
       {},
       [&users, status](store::Session& session, StepContext& context) -> Status {
         GPUAAS_ASSIGN_OR_RETURN(const auto view, users.LoadView(session, context.target_id));
         if (view.user.status == status) return Ok();
         AdminUserUpdate update;
         update.status = status;
         return users.ApplyAdminUpdate(session, context.requester, context.target_id, update);
       }},
      {"forget_cached",
       "Drop cached credentials on this replica",
       [&auth](StepContext&) -> Status {
         auth.ForgetCachedCredentials();
         return Ok();
       },
       {}},
  };
  return kind;
}

OperationKind UserUnlock(UserService& users) {
  OperationKind kind;
  kind.name = "user.unlock";
  kind.target_type = "user";
  kind.intent = IntentGroup::kRecovery;
  kind.title = "Unlock sign-in";
  kind.description = "Lifts the sign-in lock that repeated wrong passwords put on the user's email.";
  kind.expected_result = "The user can sign in again at once.";
  kind.failure_path = "Nothing changes on failure; the lock also ends by itself after 15 minutes.";
  kind.evidence = {"audit", "activity"};
  kind.danger = Danger::kSafe;
  kind.permission = RequirePlatformAdminOn;
  kind.preconditions = {
      {"user_locked", "Sign-in is locked", [](const TargetView& target, const Caller&) -> std::optional<std::string> {
         if (target.Fact("locked") == "true") return std::nullopt;
         return "sign-in is not locked";
       }}};
  kind.steps = {
      {"unlock", "Clear the sign-in lock", {}, [&users](store::Session& session, StepContext& context) -> Status {
         return users.ApplyUnlock(session, context.requester, context.target_id);
       }}};
  return kind;
}

}  // namespace

void RegisterAccessOperations(OperationRegistry& registry, const Clock& clock, UserService& users,
                              CredentialService& credentials, AuthService& auth) {
  registry.AddTarget("user", [&users](store::Session& session, const Caller& caller, std::string_view id) {
    return ResolveUser(users, session, caller, id);
  });
  registry.AddTarget("token", [&clock](store::Session& session, const Caller& caller, std::string_view id) {
    return ResolveToken(session, caller, id, clock.Now());
  });
  registry.AddTarget("project",
                     [](store::Session& session, const Caller& caller, std::string_view id) -> Result<TargetView> {
                       GPUAAS_ASSIGN_OR_RETURN(const auto access,
                                               Authorizer::RequireProject(session, caller, id, ProjectRole::kViewer));
                       return TargetView{"project",         access.project.id,        access.project.name,
                                         access.project.id, access.project.tenant_id, {},
                                         "/access"};
                     });
  registry.AddTarget(
      "tenant", [](store::Session& session, const Caller& caller, std::string_view id) -> Result<TargetView> {
        GPUAAS_ASSIGN_OR_RETURN(const auto access, Authorizer::RequireTenant(session, caller, id, TenantRole::kMember));
        return TargetView{"tenant", access.tenant.id, access.tenant.name, {}, access.tenant.id, {}, "/access"};
      });
  registry.AddKind(TokenRevoke(credentials, auth));
  registry.AddKind(UserStatusChange(users, auth, true));
  registry.AddKind(UserStatusChange(users, auth, false));
  registry.AddKind(UserUnlock(users));
}

}  // namespace gpuaas::services
