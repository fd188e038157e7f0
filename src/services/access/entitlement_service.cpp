#include "services/access/entitlement_service.hpp"

#include <algorithm>
#include <string>

#include "repositories/access/tenancy_repository.hpp"
#include "services/access/authorizer.hpp"

namespace gpuaas::services {

using repositories::EntitlementRecord;
using repositories::EntitlementRepository;
using repositories::TenancyRepository;

namespace {

bool IsReferenceChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

// `prefix` is the JSON name of the kind ("skus" or "apps"), so errors name e.g. skus.allowed.
Result<EntitlementSetting> ValidateSetting(std::string_view prefix, std::string_view mode,
                                           const std::vector<std::string>& allowed) {
  const std::string mode_field = std::string(prefix) + ".mode";
  const std::string allowed_field = std::string(prefix) + ".allowed";
  if (mode != "all_active" && mode != "allow_list") {
    return Error::InvalidArgument(mode_field, "must be all_active or allow_list");
  }
  if (mode == "all_active" && !allowed.empty()) {
    return Error::InvalidArgument(allowed_field, "must be empty when mode is all_active");
  }
  if (allowed.size() > EntitlementService::kMaxAllowed) {
    return Error::InvalidArgument(allowed_field,
                                  "must have at most " + std::to_string(EntitlementService::kMaxAllowed) + " items");
  }
  for (std::size_t i = 0; i < allowed.size(); ++i) {
    const auto& item = allowed[i];
    if (item.empty() || item.size() > EntitlementService::kMaxReferenceLength ||
        !std::all_of(item.begin(), item.end(), IsReferenceChar)) {
      return Error::InvalidArgument(allowed_field, "items must be 1 to " +
                                                       std::to_string(EntitlementService::kMaxReferenceLength) +
                                                       " characters of a-z, 0-9, '.', '_' and '-'");
    }
    if (std::find(allowed.begin(), allowed.begin() + static_cast<std::ptrdiff_t>(i), item) !=
        allowed.begin() + static_cast<std::ptrdiff_t>(i)) {
      return Error::InvalidArgument(allowed_field, "lists '" + item + "' more than once");
    }
  }
  return EntitlementSetting{std::string(mode), allowed};
}

std::string Join(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) {
    if (!text.empty()) text += ' ';
    text += item;
  }
  return text;
}

}  // namespace

Result<EntitlementView> EntitlementService::Get(const Caller& caller, std::string_view project_id) {
  EntitlementView view;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto access,
                            Authorizer::RequireProject(session, caller, project_id, ProjectRole::kViewer));
    view.project_id = access.project.id;
    GPUAAS_ASSIGN_OR_RETURN(const auto records, EntitlementRepository::ListForProject(session, access.project.id));
    for (const auto& record : records) {
      if (record.resource_kind == "sku") view.skus = EntitlementSetting{record.mode, record.allowed};
      if (record.resource_kind == "app") view.apps = EntitlementSetting{record.mode, record.allowed};
    }
    return Ok();
  }));
  return view;
}

Result<EntitlementView> EntitlementService::Set(const Caller& caller, std::string_view project_id,
                                                std::string_view sku_mode, const std::vector<std::string>& sku_allowed,
                                                std::string_view app_mode,
                                                const std::vector<std::string>& app_allowed) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  EntitlementView view;
  GPUAAS_ASSIGN_OR_RETURN(view.skus, ValidateSetting("skus", sku_mode, sku_allowed));
  GPUAAS_ASSIGN_OR_RETURN(view.apps, ValidateSetting("apps", app_mode, app_allowed));
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto project, TenancyRepository::FindProject(session, project_id));
    if (!project) return Error::NotFound("project " + std::string(project_id) + " not found");
    view.project_id = project->id;
    const auto now = context_.clock.Now();
    GPUAAS_RETURN_IF_ERROR(EntitlementRepository::Upsert(
        session, EntitlementRecord{project->id, "sku", view.skus.mode, view.skus.allowed, now, caller.principal.id}));
    GPUAAS_RETURN_IF_ERROR(EntitlementRepository::Upsert(
        session, EntitlementRecord{project->id, "app", view.apps.mode, view.apps.allowed, now, caller.principal.id}));
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(session, caller,
                                                 {"entitlement.set",
                                                  "entitlement",
                                                  project->id,
                                                  project->id,
                                                  project->tenant_id,
                                                  "allowed",
                                                  {{"sku_mode", view.skus.mode},
                                                   {"sku_allowed", Join(view.skus.allowed)},
                                                   {"app_mode", view.apps.mode},
                                                   {"app_allowed", Join(view.apps.allowed)}}}));
    return Ok();
  }));
  return view;
}

}  // namespace gpuaas::services
