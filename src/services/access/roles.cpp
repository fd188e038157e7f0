#include "services/access/roles.hpp"

namespace gpuaas::services {

std::string_view RoleName(TenantRole role) {
  switch (role) {
    case TenantRole::kOwner: return "owner";
    case TenantRole::kAdmin: return "admin";
    case TenantRole::kMember: return "member";
  }
  return "member";
}

std::string_view RoleName(ProjectRole role) {
  switch (role) {
    case ProjectRole::kAdmin: return "admin";
    case ProjectRole::kMember: return "member";
    case ProjectRole::kViewer: return "viewer";
  }
  return "viewer";
}

std::optional<TenantRole> ParseTenantRole(std::string_view text) {
  if (text == "owner") return TenantRole::kOwner;
  if (text == "admin") return TenantRole::kAdmin;
  if (text == "member") return TenantRole::kMember;
  return std::nullopt;
}

std::optional<ProjectRole> ParseProjectRole(std::string_view text) {
  if (text == "admin") return ProjectRole::kAdmin;
  if (text == "member") return ProjectRole::kMember;
  if (text == "viewer") return ProjectRole::kViewer;
  return std::nullopt;
}

}  // namespace gpuaas::services
