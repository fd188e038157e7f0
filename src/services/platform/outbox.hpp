#pragma once

#include <boost/json/object.hpp>

#include <optional>
#include <string>

#include "shared/clock.hpp"
#include "shared/id.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::services {

// A domain event: something that happened to a resource, for the consumers that react to it
// (activity streams, notifications, later metering).
struct DomainEvent {
  std::string type;  // audit.recorded, operation.created, operation.succeeded, ...
  std::string resource_type;
  std::string resource_id;
  std::optional<std::string> project_id;
  std::optional<std::string> tenant_id;
  std::string actor_label;
  boost::json::object payload;
};

// A string member of an event's payload, or "" (consumers read payloads with it).
std::string PayloadText(const boost::json::object& payload, std::string_view key);

// The one way to publish a domain event: written into the outbox inside the caller's
// transaction, so the event exists exactly when the change it describes does. Returns the
// event id (evt_...).
Result<std::string> EmitEvent(store::Session& session, const Clock& clock, IdGenerator& ids, const DomainEvent& event);

}  // namespace gpuaas::services
