#pragma once

#include <optional>
#include <string_view>

namespace gpuaas::services {

// Roles are ordered: a higher role holds every permission of the lower ones.
enum class TenantRole { kMember = 1, kAdmin = 2, kOwner = 3 };
enum class ProjectRole { kViewer = 1, kMember = 2, kAdmin = 3 };

std::string_view RoleName(TenantRole role);
std::string_view RoleName(ProjectRole role);
std::optional<TenantRole> ParseTenantRole(std::string_view text);
std::optional<ProjectRole> ParseProjectRole(std::string_view text);

}  // namespace gpuaas::services
