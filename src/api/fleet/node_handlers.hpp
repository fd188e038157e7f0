#pragma once

#include "net/http_types.hpp"
#include "services/fleet/node_service.hpp"
#include "services/fleet/setup_checklist_service.hpp"

namespace gpuaas::api {

// /api/v1/nodes (the fleet read models) and /api/v1/platform/setup.
class NodeHandlers {
 public:
  NodeHandlers(const Clock& clock, services::NodeService& nodes, services::SetupChecklistService& setup)
      : clock_(clock), nodes_(nodes), setup_(setup) {}
  Result<net::Response> List(net::Request& request);
  Result<net::Response> Get(net::Request& request);
  Result<net::Response> Tasks(net::Request& request);
  Result<net::Response> Setup(net::Request& request);

 private:
  const Clock& clock_;
  services::NodeService& nodes_;
  services::SetupChecklistService& setup_;
};

}  // namespace gpuaas::api
