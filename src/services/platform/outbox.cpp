#include "services/platform/outbox.hpp"

#include <boost/json/serialize.hpp>

#include "repositories/platform/outbox_repository.hpp"

namespace gpuaas::services {

std::string PayloadText(const boost::json::object& payload, std::string_view key) {
  const auto* value = payload.if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
}

Result<std::string> EmitEvent(store::Session& session, const Clock& clock, IdGenerator& ids, const DomainEvent& event) {
  repositories::OutboxEventRecord record;
  record.id = ids.Next("evt");
  record.type = event.type;
  record.resource_type = event.resource_type;
  record.resource_id = event.resource_id;
  record.project_id = event.project_id;
  record.tenant_id = event.tenant_id;
  record.actor_label = event.actor_label;
  record.payload = boost::json::serialize(event.payload);
  record.occurred_at = clock.Now();
  GPUAAS_RETURN_IF_ERROR(repositories::OutboxRepository::Append(session, record));
  return record.id;
}

}  // namespace gpuaas::services
