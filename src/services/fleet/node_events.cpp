#include "services/fleet/node_events.hpp"

#include <boost/json.hpp>

#include "services/platform/outbox.hpp"

namespace gpuaas::services {

Status EmitNodeEvent(store::Session& session, const ServiceContext& context, const repositories::NodeRecord& node,
                     std::string type, std::string title, std::string actor_label) {
  DomainEvent event;
  event.type = std::move(type);
  event.resource_type = "node";
  event.resource_id = node.id;
  event.actor_label = std::move(actor_label);
  event.payload = boost::json::object{{"title", std::move(title)}, {"node_name", node.name}, {"state", node.state}};
  GPUAAS_RETURN_IF_ERROR(EmitEvent(session, context.clock, context.ids, event));
  return Ok();
}

Caller AgentCaller(std::string_view node_id, std::string client_ip) {
  Caller caller;
  caller.principal = Principal{PrincipalKind::kSystem, std::string(node_id), "agent:" + std::string(node_id)};
  caller.client_ip = std::move(client_ip);
  return caller;
}

}  // namespace gpuaas::services
