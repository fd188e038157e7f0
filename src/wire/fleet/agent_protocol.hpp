#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "shared/result.hpp"
#include "wire/fleet/inventory.hpp"

namespace gpuaas::wire::fleet {

// The agent's side of the control plane: enrollment over HTTP, then one WebSocket per node
// (GET /ws/v1/agent) carrying JSON text frames, each an object with a "type". Both programs
// build and read these frames only through this file.
//
//   agent                                  server
//     |  POST /api/v1/agent/enroll  ------->  (bootstrap token + CSR + inventory)
//     |  <-------  node id, certificate, CA certificate
//     |  GET /ws/v1/agent (upgrade)  ------>
//     |  <-------  challenge {nonce}
//     |  hello {certificate, signature, inventory, posture} -->
//     |  <-------  welcome {heartbeat interval, node state}   or error + close
//     |  heartbeat {seq, gpus}  (every interval) ------------>
//     |  <-------  task {task_id, kind, params}
//     |  task_update {task_id, state, result | error} ------->
//     |  renew {csr} ------------------------------------------>
//     |  <-------  certificate {certificate, not_after}  or renew_failed {message}

// --- Enrollment (HTTP) -------------------------------------------------------------------

struct EnrollRequest {
  std::string token;  // the whole bootstrap token text (gpbt1.…)
  std::string csr_pem;
  HostInventory inventory;
};

struct EnrollResponse {
  std::string node_id;
  std::string node_name;
  std::string certificate_pem;
  std::string ca_certificate_pem;
  std::string not_after;  // RFC 3339
  std::int64_t heartbeat_interval_seconds = 10;
};

boost::json::value ToJson(const EnrollRequest& request);
boost::json::value ToJson(const EnrollResponse& response);
Result<EnrollRequest> EnrollRequestFromJson(const boost::json::value& json);
Result<EnrollResponse> EnrollResponseFromJson(const boost::json::value& json);

// --- Stream frames -----------------------------------------------------------------------

// One GPU's live figures in a heartbeat; the static facts stay in the inventory.
struct GpuSample {
  std::uint32_t index = 0;
  std::uint64_t memory_used_mib = 0;
  std::optional<std::uint32_t> utilization_pct;
  std::optional<std::uint32_t> temperature_c;
  std::optional<double> power_draw_w;
  std::optional<std::uint64_t> ecc_uncorrected;

  bool operator==(const GpuSample&) const = default;
};

// How the agent's certificate renewals have gone, reported in every hello.
struct CertificatePosture {
  std::optional<std::string> last_renewal_at;     // RFC 3339
  std::optional<std::string> last_renewal_error;  // the last failure's message, cleared by a success
};

struct ChallengeFrame {
  std::string nonce;  // base64url, signed by the agent as-is (pki::SignChallenge)
};

struct HelloFrame {
  std::string node_id;
  std::string certificate_pem;
  std::string signature;  // over the challenge's nonce text
  std::string agent_version;
  HostInventory inventory;
  CertificatePosture posture;
};

struct WelcomeFrame {
  std::string node_id;
  std::string node_state;  // online | cordoned | draining | ...
  std::int64_t heartbeat_interval_seconds = 10;
  std::optional<std::string> desired_agent_version;
};

struct HeartbeatFrame {
  std::int64_t seq = 0;  // increases by one per heartbeat of a connection; stale ones are dropped
  std::vector<GpuSample> gpus;
  std::vector<std::string> running_tasks;  // task ids the agent is still working on
};

// Tasks the server asks an agent to run. Unknown kinds are answered with a failed update.
inline constexpr std::string_view kTaskProbe = "probe";
inline constexpr std::string_view kTaskRefreshInventory = "refresh_inventory";
inline constexpr std::string_view kTaskCollectDiagnostics = "collect_diagnostics";
inline constexpr std::string_view kTaskDrain = "drain";
inline constexpr std::string_view kTaskRestartAgent = "restart_agent";
inline constexpr std::string_view kTaskRenewCertificate = "renew_certificate";
// Params: download_path, sha256, version (agent/tasks/self_update_task.hpp).
inline constexpr std::string_view kTaskSelfUpdate = "self_update";
// Compute workloads (agent/workloads/process_runtime.hpp). Params of all three: workload_id,
// unix_user; provision adds gpu_indexes, cuda_visible_devices and ssh_keys (authorized_keys lines).
inline constexpr std::string_view kTaskWorkloadProvision = "workload_provision";
inline constexpr std::string_view kTaskWorkloadRelease = "workload_release";
inline constexpr std::string_view kTaskWorkloadRestart = "workload_restart";

// Where a server publishes agent binaries for self_update, by content: <prefix><sha256>/gpuaas-agent.
inline constexpr std::string_view kAgentReleasesPath = "/api/v1/agent/releases/";
inline std::string AgentReleaseDownloadPath(std::string_view sha256) {
  return std::string(kAgentReleasesPath) + std::string(sha256) + "/gpuaas-agent";
}
// The largest agent binary either side handles (a release is about 15 MiB, a debug build 66 MiB).
inline constexpr std::uint64_t kMaxAgentBinaryBytes = 256ULL << 20;

// "0.1.0 (38b80d89515b)" -> "0.1.0": agents report their build after the release; only the
// release counts when versions are compared (drift, an update that took).
inline std::string_view ReleaseOf(std::string_view version) { return version.substr(0, version.find(' ')); }

struct TaskFrame {
  std::string task_id;
  std::string kind;
  boost::json::object params;
};

// state: running | succeeded | failed. `result` is free-form per kind (a refresh carries
// {"inventory": …}); `error` is set exactly when failed.
struct TaskUpdateFrame {
  std::string task_id;
  std::string state;
  boost::json::object result;
  std::optional<std::string> error;
};

struct RenewFrame {
  std::string csr_pem;
};

struct CertificateFrame {
  std::string certificate_pem;
  std::string not_after;  // RFC 3339
};

struct RenewFailedFrame {
  std::string message;
};

// The browser terminal, relayed by the server. Server to agent: op open (workload_id, cols, rows),
// input (data_b64), resize (cols, rows) or close. Bytes travel base64-encoded: a PTY's output is not
// UTF-8 text and may split a character between two reads.
struct TerminalFrame {
  std::string session_id;
  std::string op;  // open | input | resize | close
  std::optional<std::string> workload_id;
  std::optional<std::string> data_b64;
  std::optional<std::uint64_t> cols;
  std::optional<std::uint64_t> rows;
};

// Agent to server: event ready (the shell started), output (data_b64), closed or error (message).
struct TerminalOutputFrame {
  std::string session_id;
  std::string event;  // ready | output | closed | error
  std::optional<std::string> data_b64;
  std::optional<std::string> message;
};

// A frame of either direction, read by its "type".
using AgentFrame = std::variant<ChallengeFrame, HelloFrame, WelcomeFrame, HeartbeatFrame, TaskFrame, TaskUpdateFrame,
                                RenewFrame, CertificateFrame, RenewFailedFrame, TerminalFrame, TerminalOutputFrame>;

// Serialised frame text with its "type".
std::string EncodeFrame(const AgentFrame& frame);

// Strict: unknown types and fields, missing fields and wrong JSON types are invalid_argument
// naming the field. An {"type":"error",…} frame from the server is returned as its Error.
Result<AgentFrame> DecodeFrame(std::string_view text);

boost::json::value ToJson(const GpuSample& sample);
Result<GpuSample> GpuSampleFromJson(const boost::json::value& json, std::string_view path);

}  // namespace gpuaas::wire::fleet
