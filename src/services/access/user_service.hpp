#pragma once

#include <optional>
#include <string>
#include <vector>

#include "repositories/access/tenancy_repository.hpp"
#include "repositories/access/user_repository.hpp"
#include "services/access/auth_service.hpp"
#include "services/access/caller.hpp"
#include "services/access/password_hasher.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

struct UserView {
  repositories::UserRecord user;
  std::optional<Timestamp> locked_until;  // from sign-in throttling
};

struct Membership {
  std::string id;  // tenant or project id
  std::string name;
  std::string tenant_id;    // projects
  std::string tenant_name;  // projects
  bool personal = false;    // tenants
  std::string role;
};

struct MeView {
  UserView user;
  std::vector<Membership> tenants;
  std::vector<Membership> projects;
};

struct NewUserInput {
  std::string email;
  std::string display_name;
  std::optional<std::string> password;  // absent: a random one is generated and returned once
  bool platform_admin = false;
};

struct CreatedUser {
  UserView user;
  std::optional<std::string> initial_password;  // only when generated
};

struct AdminUserUpdate {
  std::optional<std::string> status;
  std::optional<bool> platform_admin;
};

// Users: the caller's own profile, and the platform admin's user management.
class UserService {
 public:
  UserService(ServiceContext context, const PasswordHasher& hasher, AuthService& auth)
      : context_(context), hasher_(hasher), auth_(auth) {}

  Result<MeView> Me(const Caller& caller);
  Result<UserView> UpdateProfile(const Caller& caller, std::string_view display_name);

  Result<std::vector<UserView>> List(const Caller& caller);
  Result<UserView> Get(const Caller& caller, std::string_view user_id);
  Result<CreatedUser> Create(const Caller& caller, const NewUserInput& input);
  Result<UserView> Update(const Caller& caller, std::string_view user_id, const AdminUserUpdate& update);
  Result<UserView> Unlock(const Caller& caller, std::string_view user_id);

  // The changes above inside the caller's transaction, audited, for the operations that run
  // them as steps. The caller must already be authorised; they keep the last-admin rule.
  Status ApplyAdminUpdate(store::Session& session, const Caller& caller, std::string_view user_id,
                          const AdminUserUpdate& update);
  Status ApplyUnlock(store::Session& session, const Caller& caller, std::string_view user_id);
  Result<UserView> LoadView(store::Session& session, std::string_view user_id);

  // On an empty database, creates the first platform admin (with a personal tenant and
  // project). Returns the created login, or nothing when users already exist.
  struct FirstAdmin {
    std::string email;
    std::string password;
    bool password_generated = false;
  };
  Result<std::optional<FirstAdmin>> EnsureFirstAdmin(std::optional<std::string> email,
                                                     std::optional<std::string> password);

  // Inserts a user with a personal tenant (owner) and a "default" project (admin) inside
  // the caller's transaction. Shared by sign-up, admin creation and the first admin.
  static Result<repositories::UserRecord> InsertWithWorkspace(store::Session& session, ServiceContext context,
                                                              const std::string& email, const std::string& display_name,
                                                              const std::string& password_hash, bool platform_admin);

 private:
  // A lock that has run out is no lock.
  UserView View(const repositories::UserRecord& user, std::optional<Timestamp> locked_until) const;
  ServiceContext context_;
  const PasswordHasher& hasher_;
  AuthService& auth_;
};

}  // namespace gpuaas::services
