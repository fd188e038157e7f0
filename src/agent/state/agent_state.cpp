#include "agent/state/agent_state.hpp"

#include <boost/json/parse.hpp>

#include "wire/json_format.hpp"
#include "wire/json_object_reader.hpp"

namespace gpuaas::agent::state {
namespace {

boost::json::value OrNull(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

}  // namespace

std::string RenderAgentState(const AgentState& state) {
  const boost::json::object json{{"node_id", state.node_id},
                                 {"node_name", state.node_name},
                                 {"server_url", state.server_url},
                                 {"simulate_gpus", OrNull(state.simulate_gpus)},
                                 {"enrolled_at", state.enrolled_at},
                                 {"last_renewal_at", OrNull(state.last_renewal_at)},
                                 {"last_renewal_error", OrNull(state.last_renewal_error)}};
  return wire::FormatJson(json, wire::JsonLayout::kPretty);
}

Result<AgentState> ParseAgentState(std::string_view text) {
  boost::system::error_code error;
  const auto json = boost::json::parse(text, error);
  if (error) return Error::InvalidArgument("state.json", "is not JSON: " + error.message());
  GPUAAS_ASSIGN_OR_RETURN(auto reader, wire::JsonObjectReader::Open(json, ""));
  AgentState state;
  state.node_id = reader.String("node_id");
  state.node_name = reader.String("node_name");
  state.server_url = reader.String("server_url");
  state.simulate_gpus = reader.OptionalString("simulate_gpus");
  state.enrolled_at = reader.String("enrolled_at");
  state.last_renewal_at = reader.OptionalString("last_renewal_at");
  state.last_renewal_error = reader.OptionalString("last_renewal_error");
  GPUAAS_RETURN_IF_ERROR(reader.Finish());
  return state;
}

}  // namespace gpuaas::agent::state
