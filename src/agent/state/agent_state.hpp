#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "shared/result.hpp"

namespace gpuaas::agent::state {

// state.json: who this node is and how its certificate renewals have gone. The key and the
// certificates sit beside it as PEM files (state_store.hpp).
struct AgentState {
  std::string node_id;
  std::string node_name;
  std::string server_url;                    // from the bootstrap token, or --server at enrollment
  std::optional<std::string> simulate_gpus;  // "8xH100" when enrolled with --simulate-gpus
  std::string enrolled_at;                   // RFC 3339
  std::optional<std::string> last_renewal_at;
  std::optional<std::string> last_renewal_error;

  bool operator==(const AgentState&) const = default;
};

std::string RenderAgentState(const AgentState& state);

// Strict, like every reader of the wire: a missing or unknown field is refused, so a hand-edited or
// truncated file is reported rather than half-read. Errors are invalid_argument naming the field.
Result<AgentState> ParseAgentState(std::string_view text);

}  // namespace gpuaas::agent::state
