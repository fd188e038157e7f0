#include "services/fleet/site_service.hpp"

#include "services/access/authorizer.hpp"
#include "services/fleet/fleet_rules.hpp"

namespace gpuaas::services {

using repositories::SiteRepository;

Result<std::vector<repositories::SiteRecord>> SiteService::List(const Caller& caller) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  std::vector<repositories::SiteRecord> sites;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(sites, SiteRepository::List(session));
    return Ok();
  }));
  return sites;
}

Result<repositories::SiteRecord> SiteService::Create(const Caller& caller, const NewSite& input) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  GPUAAS_RETURN_IF_ERROR(ValidateSlug(input.name, "name"));
  GPUAAS_RETURN_IF_ERROR(ValidateSlug(input.region, "region"));
  if (input.description.size() > 500) return Error::InvalidArgument("description", "must be at most 500 characters");
  repositories::SiteRecord site{context_.ids.Next("site"), input.name,           input.region,
                                input.description,         context_.clock.Now(), 0};
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto existing, SiteRepository::FindByName(session, site.name));
    if (existing) return Error::Conflict("a site named " + site.name + " exists").WithDetail("field", "name");
    GPUAAS_RETURN_IF_ERROR(SiteRepository::Insert(session, site));
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(
        session, caller,
        {"site.create", "site", site.id, {}, {}, "allowed", {{"name", site.name}, {"region", site.region}}}));
    return Ok();
  }));
  return site;
}

}  // namespace gpuaas::services
