#include "agent/session/agent_session.hpp"

#include <algorithm>

#include "agent/inventory/collector.hpp"
#include "shared/build_info.hpp"
#include "shared/log.hpp"
#include "shared/pki/challenge.hpp"

namespace gpuaas::agent::session {
namespace {

namespace fleet = wire::fleet;
const log::Logger logger{"session"};

constexpr auto kPollSlice = std::chrono::milliseconds(200);  // how soon a stop request is noticed
constexpr std::int64_t kMaxHeartbeatSeconds = 3600;

}  // namespace

bool IsRejection(const Error& error) {
  return error.code() == ErrorCode::kUnauthenticated || error.code() == ErrorCode::kPermissionDenied;
}

SessionOutcome AgentSession::Run() {
  // A renewal sent on a previous connection will never be answered on this one.
  if (context_.renewal.in_flight()) context_.renewal.Fail("the connection closed before the certificate arrived");
  auto welcome = Handshake();
  if (!welcome) {
    if (context_.stop_requested) return {.end = SessionEnd::kStopped, .welcomed = false, .reason = "stopping"};
    const auto end = IsRejection(welcome.error()) ? SessionEnd::kRejected : SessionEnd::kDisconnected;
    const auto reason = welcome.error().message() + " (" + std::string(ErrorCodeName(welcome.error().code())) + ")";
    return {.end = end, .welcomed = false, .reason = reason};
  }
  logger.Info("welcomed", {{"node_id", welcome->node_id},
                           {"node_state", welcome->node_state},
                           {"heartbeat_interval_seconds", welcome->heartbeat_interval_seconds}});
  const auto interval = std::clamp<std::int64_t>(welcome->heartbeat_interval_seconds, 1, kMaxHeartbeatSeconds);
  return Serve(std::chrono::seconds(interval));
}

Result<fleet::WelcomeFrame> AgentSession::Handshake() {
  GPUAAS_ASSIGN_OR_RETURN(auto challenge, NextFrame(kHandshakeTimeout));
  if (!challenge) return Error::Unavailable("the server sent no challenge");
  const auto* nonce = std::get_if<fleet::ChallengeFrame>(&*challenge);
  if (nonce == nullptr) return Error::Unavailable("the server's first frame was not a challenge");
  GPUAAS_ASSIGN_OR_RETURN(const auto hello, MakeHello(nonce->nonce));
  GPUAAS_RETURN_IF_ERROR(Send(hello));
  GPUAAS_ASSIGN_OR_RETURN(auto answer, NextFrame(kHandshakeTimeout));
  if (!answer) return Error::Unavailable("the server did not answer the hello");
  auto* welcome = std::get_if<fleet::WelcomeFrame>(&*answer);
  if (welcome == nullptr) return Error::Unavailable("the server answered the hello with something else than welcome");
  return std::move(*welcome);
}

Result<fleet::HelloFrame> AgentSession::MakeHello(const std::string& nonce) const {
  const auto& store = context_.tasks.store;
  GPUAAS_ASSIGN_OR_RETURN(const auto state, store.LoadState());
  GPUAAS_ASSIGN_OR_RETURN(const auto identity, store.LoadIdentity());
  GPUAAS_ASSIGN_OR_RETURN(auto signature, pki::SignChallenge(identity.private_key_pem, nonce));
  GPUAAS_ASSIGN_OR_RETURN(auto collected, inventory::CollectInventory(context_.tasks.inventory));
  return fleet::HelloFrame{
      .node_id = state.node_id,
      .certificate_pem = identity.certificate_pem,
      .signature = std::move(signature),
      .agent_version = VersionString(),
      .inventory = std::move(collected.inventory),
      .posture = {.last_renewal_at = state.last_renewal_at, .last_renewal_error = state.last_renewal_error},
  };
}

Result<std::optional<fleet::AgentFrame>> AgentSession::NextFrame(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!context_.stop_requested) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left <= std::chrono::milliseconds(0)) break;
    GPUAAS_ASSIGN_OR_RETURN(auto text, connection_.Receive(std::min(left, kPollSlice)));
    if (!text) continue;
    GPUAAS_ASSIGN_OR_RETURN(auto frame, fleet::DecodeFrame(*text));
    return std::optional<fleet::AgentFrame>(std::move(frame));
  }
  return std::optional<fleet::AgentFrame>();
}

}  // namespace gpuaas::agent::session
