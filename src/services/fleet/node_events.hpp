#pragma once

#include <string>

#include "repositories/fleet/node_repository.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

// Something that happened to a node (enrolled, connected, offline, renewed, ...), written to
// the outbox in the caller's transaction so it reaches the node's activity stream. `type` is
// "node.<what>"; `title` is the sentence the activity stream shows.
Status EmitNodeEvent(store::Session& session, const ServiceContext& context, const repositories::NodeRecord& node,
                     std::string type, std::string title, std::string actor_label = "agent");

// The caller an agent acts as in audit rows: the platform on the node's behalf.
Caller AgentCaller(std::string_view node_id, std::string client_ip = {});

}  // namespace gpuaas::services
