#include "wire/fleet/agent_protocol.hpp"

#include <boost/json.hpp>

#include <limits>

#include "wire/error_envelope.hpp"
#include "wire/fleet/json_helpers.hpp"
#include "wire/json_object_reader.hpp"

namespace gpuaas::wire::fleet {
namespace {

using internal::ElementPath;
using internal::kMaxU32;
using internal::Narrow;
using internal::OrNull;

constexpr std::uint64_t kMaxI64 = std::numeric_limits<std::int64_t>::max();
// Frames are small; a hello with a 16-GPU inventory is about 8 KiB.
constexpr std::size_t kMaxFrameBytes = 256 * 1024;

boost::json::object Typed(std::string_view type, boost::json::object body) {
  body.emplace("type", type);
  return body;
}

// A required string that may be empty in no case but carries free text (PEM, messages).
std::vector<std::string> Strings(JsonObjectReader& reader, std::string_view key) {
  std::vector<std::string> out;
  const auto* array = reader.Array(key);
  if (array == nullptr) return out;
  for (const auto& item : *array) {
    if (!item.is_string()) {
      reader.Fail(key, "expected an array of strings");
      return {};
    }
    out.emplace_back(item.get_string());
  }
  return out;
}

struct Encoder {
  boost::json::object operator()(const ChallengeFrame& f) const { return Typed("challenge", {{"nonce", f.nonce}}); }
  boost::json::object operator()(const HelloFrame& f) const {
    return Typed("hello", {{"node_id", f.node_id},
                           {"certificate", f.certificate_pem},
                           {"signature", f.signature},
                           {"agent_version", f.agent_version},
                           {"inventory", ToJson(f.inventory)},
                           {"posture",
                            {{"last_renewal_at", OrNull(f.posture.last_renewal_at)},
                             {"last_renewal_error", OrNull(f.posture.last_renewal_error)}}}});
  }
  boost::json::object operator()(const WelcomeFrame& f) const {
    return Typed("welcome", {{"node_id", f.node_id},
                             {"node_state", f.node_state},
                             {"heartbeat_interval_seconds", f.heartbeat_interval_seconds},
                             {"desired_agent_version", OrNull(f.desired_agent_version)}});
  }
  boost::json::object operator()(const HeartbeatFrame& f) const {
    boost::json::array gpus;
    for (const auto& gpu : f.gpus) gpus.push_back(ToJson(gpu));
    boost::json::array tasks;
    for (const auto& task : f.running_tasks) tasks.emplace_back(task);
    return Typed("heartbeat", {{"seq", f.seq}, {"gpus", std::move(gpus)}, {"running_tasks", std::move(tasks)}});
  }
  boost::json::object operator()(const TaskFrame& f) const {
    return Typed("task", {{"task_id", f.task_id}, {"kind", f.kind}, {"params", f.params}});
  }
  boost::json::object operator()(const TaskUpdateFrame& f) const {
    return Typed("task_update",
                 {{"task_id", f.task_id}, {"state", f.state}, {"result", f.result}, {"error", OrNull(f.error)}});
  }
  boost::json::object operator()(const RenewFrame& f) const { return Typed("renew", {{"csr", f.csr_pem}}); }
  boost::json::object operator()(const CertificateFrame& f) const {
    return Typed("certificate", {{"certificate", f.certificate_pem}, {"not_after", f.not_after}});
  }
  boost::json::object operator()(const RenewFailedFrame& f) const {
    return Typed("renew_failed", {{"message", f.message}});
  }
  boost::json::object operator()(const TerminalFrame& f) const {
    boost::json::object body{{"session_id", f.session_id}, {"op", f.op}};
    if (f.workload_id) body["workload_id"] = *f.workload_id;
    if (f.data_b64) body["data_b64"] = *f.data_b64;
    if (f.cols) body["cols"] = *f.cols;
    if (f.rows) body["rows"] = *f.rows;
    return Typed("terminal", std::move(body));
  }
  boost::json::object operator()(const TerminalOutputFrame& f) const {
    boost::json::object body{{"session_id", f.session_id}, {"event", f.event}};
    if (f.data_b64) body["data_b64"] = *f.data_b64;
    if (f.message) body["message"] = *f.message;
    return Typed("terminal_output", std::move(body));
  }
};

Result<AgentFrame> DecodeHello(JsonObjectReader& reader) {
  HelloFrame frame;
  frame.node_id = reader.String("node_id");
  frame.certificate_pem = reader.String("certificate");
  frame.signature = reader.String("signature");
  frame.agent_version = reader.String("agent_version");
  const auto* inventory = reader.Object("inventory");
  const auto* posture = reader.Object("posture");
  GPUAAS_RETURN_IF_ERROR(reader.Finish());
  auto parsed = HostInventoryFromJson(*inventory);
  if (!parsed) return parsed.TakeError();
  frame.inventory = std::move(*parsed);
  const boost::json::value posture_value(*posture);
  GPUAAS_ASSIGN_OR_RETURN(auto posture_reader, JsonObjectReader::Open(posture_value, "posture"));
  frame.posture.last_renewal_at = posture_reader.OptionalString("last_renewal_at");
  frame.posture.last_renewal_error = posture_reader.OptionalString("last_renewal_error");
  GPUAAS_RETURN_IF_ERROR(posture_reader.Finish());
  return AgentFrame(std::move(frame));
}

Result<AgentFrame> DecodeHeartbeat(JsonObjectReader& reader) {
  HeartbeatFrame frame;
  frame.seq = static_cast<std::int64_t>(reader.Unsigned("seq", kMaxI64));
  const auto* gpus = reader.Array("gpus");
  frame.running_tasks = Strings(reader, "running_tasks");
  GPUAAS_RETURN_IF_ERROR(reader.Finish());
  for (std::size_t i = 0; i < gpus->size(); ++i) {
    GPUAAS_ASSIGN_OR_RETURN(auto sample, GpuSampleFromJson((*gpus)[i], ElementPath("gpus", i)));
    frame.gpus.push_back(sample);
  }
  return AgentFrame(std::move(frame));
}

Result<AgentFrame> DecodeTaskUpdate(JsonObjectReader& reader) {
  TaskUpdateFrame frame;
  frame.task_id = reader.String("task_id");
  frame.state = reader.String("state");
  const auto* result = reader.Object("result");
  frame.error = reader.OptionalString("error");
  if (!reader.failed() && frame.state != "running" && frame.state != "succeeded" && frame.state != "failed") {
    reader.Fail("state", "expected running, succeeded or failed");
  }
  if (!reader.failed() && (frame.state == "failed") != frame.error.has_value()) {
    reader.Fail("error", "is set exactly when the state is failed");
  }
  GPUAAS_RETURN_IF_ERROR(reader.Finish());
  frame.result = *result;
  return AgentFrame(std::move(frame));
}

Result<AgentFrame> DecodeTerminal(JsonObjectReader& reader) {
  TerminalFrame frame;
  frame.session_id = reader.String("session_id");
  frame.op = reader.String("op");
  frame.workload_id = reader.OptionalString("workload_id");
  frame.data_b64 = reader.OptionalString("data_b64");
  frame.cols = reader.OptionalUnsigned("cols", 1000);
  frame.rows = reader.OptionalUnsigned("rows", 1000);
  if (!reader.failed() && frame.op != "open" && frame.op != "input" && frame.op != "resize" && frame.op != "close") {
    reader.Fail("op", "expected open, input, resize or close");
  }
  if (!reader.failed() && frame.op == "open" && !frame.workload_id) reader.Fail("workload_id", "is required to open");
  GPUAAS_RETURN_IF_ERROR(reader.Finish());
  return AgentFrame(std::move(frame));
}

Result<AgentFrame> DecodeTerminalOutput(JsonObjectReader& reader) {
  TerminalOutputFrame frame;
  frame.session_id = reader.String("session_id");
  frame.event = reader.String("event");
  frame.data_b64 = reader.OptionalString("data_b64");
  frame.message = reader.OptionalString("message");
  if (!reader.failed() && frame.event != "ready" && frame.event != "output" && frame.event != "closed" &&
      frame.event != "error") {
    reader.Fail("event", "expected ready, output, closed or error");
  }
  GPUAAS_RETURN_IF_ERROR(reader.Finish());
  return AgentFrame(std::move(frame));
}

Result<AgentFrame> DecodeBody(std::string_view type, JsonObjectReader& reader) {
  if (type == "challenge") {
    ChallengeFrame frame{reader.String("nonce")};
    GPUAAS_RETURN_IF_ERROR(reader.Finish());
    return AgentFrame(std::move(frame));
  }
  if (type == "hello") return DecodeHello(reader);
  if (type == "welcome") {
    WelcomeFrame frame;
    frame.node_id = reader.String("node_id");
    frame.node_state = reader.String("node_state");
    frame.heartbeat_interval_seconds = static_cast<std::int64_t>(reader.Unsigned("heartbeat_interval_seconds", 3600));
    frame.desired_agent_version = reader.OptionalString("desired_agent_version");
    GPUAAS_RETURN_IF_ERROR(reader.Finish());
    return AgentFrame(std::move(frame));
  }
  if (type == "heartbeat") return DecodeHeartbeat(reader);
  if (type == "task") {
    TaskFrame frame;
    frame.task_id = reader.String("task_id");
    frame.kind = reader.String("kind");
    const auto* params = reader.Object("params");
    GPUAAS_RETURN_IF_ERROR(reader.Finish());
    frame.params = *params;
    return AgentFrame(std::move(frame));
  }
  if (type == "task_update") return DecodeTaskUpdate(reader);
  if (type == "renew") {
    RenewFrame frame{reader.String("csr")};
    GPUAAS_RETURN_IF_ERROR(reader.Finish());
    return AgentFrame(std::move(frame));
  }
  if (type == "certificate") {
    CertificateFrame frame{reader.String("certificate"), reader.String("not_after")};
    GPUAAS_RETURN_IF_ERROR(reader.Finish());
    return AgentFrame(std::move(frame));
  }
  if (type == "renew_failed") {
    RenewFailedFrame frame{reader.String("message")};
    GPUAAS_RETURN_IF_ERROR(reader.Finish());
    return AgentFrame(std::move(frame));
  }
  if (type == "terminal") return DecodeTerminal(reader);
  if (type == "terminal_output") return DecodeTerminalOutput(reader);
  return Error::InvalidArgument("type", "is not a known frame type: " + std::string(type));
}

}  // namespace

boost::json::value ToJson(const EnrollRequest& request) {
  return boost::json::object{
      {"token", request.token}, {"csr", request.csr_pem}, {"inventory", ToJson(request.inventory)}};
}

boost::json::value ToJson(const EnrollResponse& response) {
  return boost::json::object{{"node_id", response.node_id},
                             {"node_name", response.node_name},
                             {"certificate", response.certificate_pem},
                             {"ca_certificate", response.ca_certificate_pem},
                             {"not_after", response.not_after},
                             {"heartbeat_interval_seconds", response.heartbeat_interval_seconds}};
}

Result<EnrollRequest> EnrollRequestFromJson(const boost::json::value& json) {
  GPUAAS_ASSIGN_OR_RETURN(auto reader, JsonObjectReader::Open(json, ""));
  EnrollRequest request;
  request.token = reader.String("token");
  request.csr_pem = reader.String("csr");
  const auto* inventory = reader.Object("inventory");
  GPUAAS_RETURN_IF_ERROR(reader.Finish());
  auto parsed = HostInventoryFromJson(*inventory);
  if (!parsed) return parsed.TakeError();
  request.inventory = std::move(*parsed);
  return request;
}

Result<EnrollResponse> EnrollResponseFromJson(const boost::json::value& json) {
  GPUAAS_ASSIGN_OR_RETURN(auto reader, JsonObjectReader::Open(json, ""));
  EnrollResponse response;
  response.node_id = reader.String("node_id");
  response.node_name = reader.String("node_name");
  response.certificate_pem = reader.String("certificate");
  response.ca_certificate_pem = reader.String("ca_certificate");
  response.not_after = reader.String("not_after");
  response.heartbeat_interval_seconds = static_cast<std::int64_t>(reader.Unsigned("heartbeat_interval_seconds", 3600));
  GPUAAS_RETURN_IF_ERROR(reader.Finish());
  return response;
}

boost::json::value ToJson(const GpuSample& sample) {
  return boost::json::object{{"index", sample.index},
                             {"memory_used_mib", sample.memory_used_mib},
                             {"utilization_pct", OrNull(sample.utilization_pct)},
                             {"temperature_c", OrNull(sample.temperature_c)},
                             {"power_draw_w", OrNull(sample.power_draw_w)},
                             {"ecc_uncorrected", OrNull(sample.ecc_uncorrected)}};
}

Result<GpuSample> GpuSampleFromJson(const boost::json::value& json, std::string_view path) {
  GPUAAS_ASSIGN_OR_RETURN(auto reader, JsonObjectReader::Open(json, path));
  GpuSample sample;
  sample.index = static_cast<std::uint32_t>(reader.Unsigned("index", kMaxU32));
  sample.memory_used_mib = reader.Unsigned("memory_used_mib");
  sample.utilization_pct = Narrow(reader.OptionalUnsigned("utilization_pct", 100));
  sample.temperature_c = Narrow(reader.OptionalUnsigned("temperature_c", kMaxU32));
  sample.power_draw_w = reader.OptionalNonNegative("power_draw_w");
  sample.ecc_uncorrected = reader.OptionalUnsigned("ecc_uncorrected");
  GPUAAS_RETURN_IF_ERROR(reader.Finish());
  return sample;
}

std::string EncodeFrame(const AgentFrame& frame) { return boost::json::serialize(std::visit(Encoder{}, frame)); }

Result<AgentFrame> DecodeFrame(std::string_view text) {
  if (text.size() > kMaxFrameBytes) return Error::InvalidArgument("frame", "is larger than 256 KiB");
  boost::system::error_code ec;
  const auto json = boost::json::parse(text, ec);
  if (ec || !json.is_object()) return Error::InvalidArgument("frame", "is not a JSON object");
  const auto& object = json.as_object();
  // The server's refusals are error envelopes; a task update's "error" is a string or null.
  if (const auto* error = object.if_contains("error"); error != nullptr && error->is_object()) {
    return ParseErrorEnvelope(text, 0);
  }
  const auto* type = object.if_contains("type");
  if (type == nullptr || !type->is_string()) return Error::InvalidArgument("type", "is missing");
  boost::json::object body = object;
  body.erase("type");
  const boost::json::value body_value(std::move(body));
  GPUAAS_ASSIGN_OR_RETURN(auto reader, JsonObjectReader::Open(body_value, ""));
  return DecodeBody(type->as_string(), reader);
}

}  // namespace gpuaas::wire::fleet
