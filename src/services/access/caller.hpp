#pragma once

#include <string>

#include "services/access/roles.hpp"

namespace gpuaas::services {

// kSystem is the platform itself (startup tasks, workers), never a request.
enum class PrincipalKind { kAnonymous, kUser, kServiceAccount, kSystem };
enum class CredentialKind { kNone, kSession, kToken };

// Who is calling, resolved from the session cookie or the bearer token.
struct Principal {
  PrincipalKind kind = PrincipalKind::kAnonymous;
  std::string id;     // usr_... or sa_...
  std::string label;  // email, or the service account's name
  bool platform_admin = false;
  CredentialKind credential = CredentialKind::kNone;
  std::string session_id;                           // cookie sessions
  std::string csrf_token;                           // cookie sessions: mutations must echo it in X-CSRF-Token
  std::string token_id;                             // bearer tokens
  bool can_write = true;                            // false for read-scoped tokens
  std::string project_id;                           // service accounts act in their one project ...
  ProjectRole project_role = ProjectRole::kViewer;  // ... with this role

  [[nodiscard]] bool signed_in() const {
    return kind == PrincipalKind::kUser || kind == PrincipalKind::kServiceAccount;
  }
  [[nodiscard]] bool is_user() const { return kind == PrincipalKind::kUser; }
};

// The principal plus where the call came from: what every service method and audit row needs.
struct Caller {
  Principal principal;
  std::string request_id;
  std::string client_ip;
  std::string user_agent;
};

}  // namespace gpuaas::services
