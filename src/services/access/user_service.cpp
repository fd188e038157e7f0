#include "services/access/user_service.hpp"

#include "repositories/access/console_session_repository.hpp"
#include "services/access/authorizer.hpp"
#include "services/access/identity_rules.hpp"
#include "shared/secret.hpp"

namespace gpuaas::services {

using repositories::TenancyRepository;
using repositories::UserRecord;
using repositories::UserRepository;

namespace {}  // namespace

UserView UserService::View(const repositories::UserRecord& user, std::optional<Timestamp> locked_until) const {
  const bool locked = locked_until && *locked_until > context_.clock.Now();
  return UserView{user, locked ? locked_until : std::nullopt};
}

Result<UserView> UserService::LoadView(store::Session& session, std::string_view user_id) {
  GPUAAS_ASSIGN_OR_RETURN(const auto found, UserRepository::FindWithLock(session, user_id));
  if (!found) return Error::NotFound("user " + std::string(user_id) + " not found");
  return View(found->first, found->second);
}

Result<repositories::UserRecord> UserService::InsertWithWorkspace(store::Session& session, ServiceContext context,
                                                                  const std::string& email,
                                                                  const std::string& display_name,
                                                                  const std::string& password_hash,
                                                                  bool platform_admin) {
  GPUAAS_ASSIGN_OR_RETURN(const auto existing, UserRepository::FindByEmail(session, email));
  if (existing) return Error::Conflict("a user with this email already exists").WithDetail("field", "email");
  const auto now = context.clock.Now();
  UserRecord user{context.ids.Next("usr"), email, display_name, password_hash, platform_admin, "active", now, now, now};
  GPUAAS_RETURN_IF_ERROR(UserRepository::Insert(session, user));
  const repositories::TenantRecord tenant{context.ids.Next("ten"), display_name + "'s workspace", true, now};
  GPUAAS_RETURN_IF_ERROR(TenancyRepository::InsertTenant(session, tenant));
  GPUAAS_RETURN_IF_ERROR(TenancyRepository::InsertMember(session, TenancyRepository::Scope::kTenant,
                                                         {tenant.id, user.id, "", "", "owner", now}));
  const repositories::ProjectRecord project{context.ids.Next("prj"), tenant.id, tenant.name, "default", now};
  GPUAAS_RETURN_IF_ERROR(TenancyRepository::InsertProject(session, project));
  GPUAAS_RETURN_IF_ERROR(TenancyRepository::InsertMember(session, TenancyRepository::Scope::kProject,
                                                         {project.id, user.id, "", "", "admin", now}));
  return user;
}

Result<MeView> UserService::Me(const Caller& caller) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireUser(caller));
  MeView me;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(me.user, LoadView(session, caller.principal.id));
    GPUAAS_ASSIGN_OR_RETURN(const auto tenants, TenancyRepository::ListTenantRolesOfUser(session, caller.principal.id));
    for (const auto& [tenant, role] : tenants) {
      me.tenants.push_back(Membership{tenant.id, tenant.name, tenant.id, tenant.name, tenant.personal, role});
    }
    GPUAAS_ASSIGN_OR_RETURN(const auto projects,
                            TenancyRepository::ListProjectRolesOfUser(session, caller.principal.id));
    for (const auto& entry : projects) {
      const auto role = Authorizer::EffectiveProjectRole(caller.principal, ParseProjectRole(entry.project_role),
                                                         ParseTenantRole(entry.tenant_role));
      const auto& project = entry.project;
      me.projects.push_back(Membership{project.id, project.name, project.tenant_id, project.tenant_name, false,
                                       role ? std::string(RoleName(*role)) : ""});
    }
    return Ok();
  }));
  return me;
}

Result<UserView> UserService::UpdateProfile(const Caller& caller, std::string_view display_name) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireUser(caller));
  GPUAAS_ASSIGN_OR_RETURN(const auto name, ValidateName(display_name, "display_name"));
  UserView view;
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_RETURN_IF_ERROR(UserRepository::UpdateProfile(session, caller.principal.id, name, context_.clock.Now()));
    GPUAAS_ASSIGN_OR_RETURN(view, LoadView(session, caller.principal.id));
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(
        session, caller,
        {"user.update_profile", "user", caller.principal.id, {}, {}, "allowed", {{"display_name", name}}}));
    return Ok();
  }));
  return view;
}

Result<std::vector<UserView>> UserService::List(const Caller& caller) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  std::vector<UserView> views;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto users, UserRepository::ListWithLocks(session, 1000));
    for (const auto& [user, locked_until] : users) views.push_back(View(user, locked_until));
    return Ok();
  }));
  return views;
}

Result<UserView> UserService::Get(const Caller& caller, std::string_view user_id) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  UserView view;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(view, LoadView(session, user_id));
    return Ok();
  }));
  return view;
}

Result<CreatedUser> UserService::Create(const Caller& caller, const NewUserInput& input) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  GPUAAS_ASSIGN_OR_RETURN(const auto email, NormalizeEmail(input.email));
  GPUAAS_ASSIGN_OR_RETURN(const auto display_name, ValidateName(input.display_name, "display_name"));
  CreatedUser created;
  std::string password;
  if (input.password) {
    GPUAAS_RETURN_IF_ERROR(ValidatePassword(*input.password, "password"));
    password = *input.password;
  } else {
    password = GenerateSecret("", 18);
    created.initial_password = password;
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto hash, hasher_.Hash(password));
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto user,
                            InsertWithWorkspace(session, context_, email, display_name, hash, input.platform_admin));
    created.user = UserView{user, std::nullopt};
    GPUAAS_RETURN_IF_ERROR(
        context_.audit.Append(session, caller,
                              {"user.create",
                               "user",
                               user.id,
                               {},
                               {},
                               "allowed",
                               {{"email", email}, {"platform_admin", input.platform_admin ? "true" : "false"}}}));
    return Ok();
  }));
  return created;
}

Result<UserView> UserService::Update(const Caller& caller, std::string_view user_id, const AdminUserUpdate& update) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  if (update.status && *update.status != "active" && *update.status != "disabled") {
    return Error::InvalidArgument("status", "must be active or disabled");
  }
  UserView view;
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_RETURN_IF_ERROR(ApplyAdminUpdate(session, caller, user_id, update));
    GPUAAS_ASSIGN_OR_RETURN(view, LoadView(session, user_id));
    return Ok();
  }));
  // Roles and status are part of every cached principal.
  auth_.ForgetCachedCredentials();
  return view;
}

Status UserService::ApplyAdminUpdate(store::Session& session, const Caller& caller, std::string_view user_id,
                                     const AdminUserUpdate& update) {
  GPUAAS_ASSIGN_OR_RETURN(const auto current, LoadView(session, user_id));
  const auto status = update.status.value_or(current.user.status);
  const auto admin = update.platform_admin.value_or(current.user.platform_admin);
  const bool loses_admin =
      current.user.platform_admin && current.user.status == "active" && (!admin || status != "active");
  if (loses_admin) {
    GPUAAS_ASSIGN_OR_RETURN(const auto admins, UserRepository::CountActivePlatformAdmins(session));
    if (admins <= 1) return Error::FailedPrecondition("the last active platform admin cannot be disabled or demoted");
  }
  const auto now = context_.clock.Now();
  GPUAAS_RETURN_IF_ERROR(UserRepository::UpdateAdminFields(session, user_id, status, admin, now));
  if (status == "disabled") {
    // A disabled user is signed out everywhere and their tokens stop working.
    GPUAAS_RETURN_IF_ERROR(repositories::ConsoleSessionRepository::RevokeAllOfUser(session, user_id, "", now));
  }
  GPUAAS_RETURN_IF_ERROR(context_.audit.Append(session, caller,
                                               {"user.update",
                                                "user",
                                                std::string(user_id),
                                                {},
                                                {},
                                                "allowed",
                                                {{"status", status}, {"platform_admin", admin ? "true" : "false"}}}));
  return Ok();
}

Result<UserView> UserService::Unlock(const Caller& caller, std::string_view user_id) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  UserView view;
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_RETURN_IF_ERROR(ApplyUnlock(session, caller, user_id));
    GPUAAS_ASSIGN_OR_RETURN(view, LoadView(session, user_id));
    return Ok();
  }));
  return view;
}

Status UserService::ApplyUnlock(store::Session& session, const Caller& caller, std::string_view user_id) {
  GPUAAS_ASSIGN_OR_RETURN(const auto view, LoadView(session, user_id));
  GPUAAS_RETURN_IF_ERROR(UserRepository::ClearThrottle(session, view.user.email));
  GPUAAS_RETURN_IF_ERROR(
      context_.audit.Append(session, caller, {"user.unlock", "user", std::string(user_id), {}, {}, "allowed", {}}));
  return Ok();
}

Result<std::optional<UserService::FirstAdmin>> UserService::EnsureFirstAdmin(std::optional<std::string> email,
                                                                             std::optional<std::string> password) {
  std::optional<FirstAdmin> created;
  GPUAAS_ASSIGN_OR_RETURN(const auto normalized, NormalizeEmail(email.value_or("admin@gpuaas.local"), "admin_email"));
  FirstAdmin admin{normalized, password.value_or(""), !password.has_value()};
  if (admin.password_generated) {
    admin.password = GenerateSecret("", 18);
  } else {
    GPUAAS_RETURN_IF_ERROR(ValidatePassword(admin.password, "admin_password"));
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto hash, hasher_.Hash(admin.password));
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    // Replicas may race on an empty database: the unique email and this count decide once.
    GPUAAS_ASSIGN_OR_RETURN(const auto users, UserRepository::Count(session));
    if (users > 0) return Ok();
    GPUAAS_ASSIGN_OR_RETURN(const auto user,
                            InsertWithWorkspace(session, context_, admin.email, "Platform admin", hash, true));
    const Caller system{Principal{PrincipalKind::kSystem, "system", "system"}, "startup", "", ""};
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(
        session, system, {"user.bootstrap_admin", "user", user.id, {}, {}, "allowed", {{"email", admin.email}}}));
    created = admin;
    return Ok();
  }));
  return created;
}

}  // namespace gpuaas::services
