#pragma once

#include "services/access/auth_service.hpp"
#include "services/access/credential_service.hpp"
#include "services/access/user_service.hpp"
#include "services/operations/operation_registry.hpp"

namespace gpuaas::services {

// Targets user, token, project and tenant, and the lifecycle operations of the access
// family: token.revoke, user.disable, user.enable, user.unlock.
void RegisterAccessOperations(OperationRegistry& registry, const Clock& clock, UserService& users,
                              CredentialService& credentials, AuthService& auth);

}  // namespace gpuaas::services
