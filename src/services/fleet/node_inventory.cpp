#include "services/fleet/node_inventory.hpp"

#include <boost/json.hpp>

#include <cctype>

namespace gpuaas::services {

void ApplyInventory(repositories::NodeRecord& node, const wire::fleet::HostInventory& inventory, Timestamp now) {
  node.hostname = inventory.hostname;
  node.simulated = inventory.simulated;
  node.gpu_count = static_cast<std::int64_t>(inventory.gpus.size());
  node.gpu_model = inventory.gpus.empty() ? std::nullopt : std::optional<std::string>(inventory.gpus.front().model);
  node.agent_version = inventory.agent_version;
  node.inventory = boost::json::serialize(wire::fleet::ToJson(inventory));
  node.inventory_at = now;
}

std::string NodeNameFromHostname(std::string_view hostname) {
  std::string name;
  for (const char c : hostname) {
    if (name.size() >= 50) break;
    const auto lower = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
      name += lower;
    } else if (!name.empty() && name.back() != '-') {
      name += '-';
    }
  }
  while (!name.empty() && name.back() == '-') name.pop_back();
  return name.empty() ? "node" : name;
}

}  // namespace gpuaas::services
