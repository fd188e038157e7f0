#pragma once

#include <string>
#include <vector>

#include "repositories/fleet/site_repository.hpp"
#include "services/access/caller.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

struct NewSite {
  std::string name;
  std::string region;
  std::string description;
};

// Sites: where nodes stand (a data centre, a lab). Platform admins only.
class SiteService {
 public:
  explicit SiteService(ServiceContext context) : context_(context) {}

  Result<std::vector<repositories::SiteRecord>> List(const Caller& caller);
  Result<repositories::SiteRecord> Create(const Caller& caller, const NewSite& site);

 private:
  ServiceContext context_;
};

}  // namespace gpuaas::services
