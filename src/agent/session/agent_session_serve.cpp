// The welcomed half of AgentSession: heartbeats, tasks and renewals on one connection.
#include <variant>

#include "agent/inventory/collector.hpp"
#include "agent/session/agent_session.hpp"
#include "agent/session/gpu_samples.hpp"
#include "agent/tasks/local_tasks.hpp"
#include "agent/tasks/self_update_task.hpp"
#include "shared/log.hpp"

namespace gpuaas::agent::session {
namespace {

namespace fleet = wire::fleet;
const log::Logger logger{"session"};
constexpr auto kPollSlice = std::chrono::milliseconds(200);
// While a terminal is open its output is read this often: typing feels immediate.
constexpr auto kTerminalSlice = std::chrono::milliseconds(10);

}  // namespace

SessionOutcome AgentSession::Serve(std::chrono::seconds heartbeat_interval) {
  const auto disconnected = [](const Error& error) {
    return SessionOutcome{.end = SessionEnd::kDisconnected, .welcomed = true, .reason = error.message()};
  };
  // The first heartbeat goes out at once, so the server has live GPU figures from the start.
  auto next_heartbeat = std::chrono::steady_clock::now();
  while (true) {
    if (context_.stop_requested)
      return SessionOutcome{.end = SessionEnd::kStopped, .welcomed = true, .reason = "stopping"};
    if (restart_requested_)
      return SessionOutcome{.end = SessionEnd::kRestart, .welcomed = true, .reason = "restart_agent"};
    const auto now = std::chrono::steady_clock::now();
    if (now >= next_heartbeat) {
      if (auto sent = SendHeartbeat(); !sent) return disconnected(sent.error());
      if (auto renewed = PollRenewal(false); !renewed) return disconnected(renewed.error());
      next_heartbeat = now + heartbeat_interval;
    }
    const auto slice = terminals_.empty() ? kPollSlice : kTerminalSlice;
    const auto wait = std::min(slice, std::chrono::duration_cast<std::chrono::milliseconds>(next_heartbeat - now));
    auto text = connection_.Receive(std::max(wait, std::chrono::milliseconds(1)));
    if (!text) return disconnected(text.error());
    if (auto pumped = PumpTerminals(); !pumped) return disconnected(pumped.error());
    if (!*text) continue;
    auto frame = fleet::DecodeFrame(**text);
    if (!frame && IsRejection(frame.error())) {
      return SessionOutcome{.end = SessionEnd::kRejected, .welcomed = true, .reason = frame.error().message()};
    }
    if (!frame) {
      // A frame this agent cannot read (or an error the server reports) is logged, not fatal: a
      // newer server may send what an older agent does not know yet.
      logger.Warn("frame_refused", {{"code", ErrorCodeName(frame.error().code())}, {"error", frame.error().message()}});
      continue;
    }
    if (auto handled = OnFrame(std::move(frame).value()); !handled) return disconnected(handled.error());
  }
}

Status AgentSession::OnFrame(fleet::AgentFrame frame) {
  if (const auto* task = std::get_if<fleet::TaskFrame>(&frame)) return OnTask(*task);
  if (const auto* terminal = std::get_if<fleet::TerminalFrame>(&frame)) return OnTerminal(*terminal);
  if (const auto* certificate = std::get_if<fleet::CertificateFrame>(&frame)) return OnCertificate(*certificate);
  if (const auto* failed = std::get_if<fleet::RenewFailedFrame>(&frame)) return OnRenewFailed(*failed);
  if (const auto* welcome = std::get_if<fleet::WelcomeFrame>(&frame)) {
    logger.Info("node_state", {{"node_state", welcome->node_state}});
    return Ok();
  }
  logger.Warn("unexpected_frame", {{"index", static_cast<std::int64_t>(frame.index())}});
  return Ok();
}

Status AgentSession::OnTask(const fleet::TaskFrame& task) {
  logger.Info("task_received", {{"task_id", task.task_id}, {"kind", task.kind}});
  if (task.kind == fleet::kTaskRestartAgent) {
    GPUAAS_RETURN_IF_ERROR(Send(tasks::RunningUpdate(task.task_id)));
    GPUAAS_RETURN_IF_ERROR(Send(tasks::SucceededUpdate(task.task_id, {})));
    restart_requested_ = true;  // Serve returns, the run loop closes cleanly and re-executes
    return Ok();
  }
  if (task.kind == fleet::kTaskSelfUpdate) {
    GPUAAS_RETURN_IF_ERROR(Send(tasks::RunningUpdate(task.task_id)));
    auto installed = tasks::SelfUpdateTask(task.params, context_.executable, context_.server);
    if (!installed) return Send(tasks::FailedUpdate(task.task_id, installed.error().message()));
    GPUAAS_RETURN_IF_ERROR(Send(tasks::SucceededUpdate(task.task_id, std::move(installed).value())));
    restart_requested_ = true;  // the new binary connects and reports its version in the hello
    return Ok();
  }
  if (task.kind == fleet::kTaskRenewCertificate) {
    GPUAAS_RETURN_IF_ERROR(Send(tasks::RunningUpdate(task.task_id)));
    if (renew_task_id_) {
      GPUAAS_RETURN_IF_ERROR(Send(tasks::FailedUpdate(*renew_task_id_, "superseded by task " + task.task_id)));
    }
    renew_task_id_ = task.task_id;
    // A renewal already in flight answers this task too.
    return context_.renewal.in_flight() ? Ok() : PollRenewal(true);
  }
  for (const auto& update : tasks::RunLocalTask(task, context_.tasks)) GPUAAS_RETURN_IF_ERROR(Send(update));
  return Ok();
}

Status AgentSession::OnCertificate(const fleet::CertificateFrame& frame) {
  auto installed = context_.renewal.Complete(frame);
  if (!renew_task_id_) return Ok();
  const auto task_id = std::exchange(renew_task_id_, std::nullopt).value();
  if (!installed) return Send(tasks::FailedUpdate(task_id, installed.error().message()));
  return Send(tasks::SucceededUpdate(task_id, {{"not_after", *installed}}));
}

Status AgentSession::OnRenewFailed(const fleet::RenewFailedFrame& frame) {
  context_.renewal.Fail("the server refused the renewal: " + frame.message);
  if (!renew_task_id_) return Ok();
  const auto task_id = std::exchange(renew_task_id_, std::nullopt).value();
  return Send(tasks::FailedUpdate(task_id, frame.message));
}

Status AgentSession::PollRenewal(bool forced) {
  auto step = context_.renewal.Poll(forced);
  if (step.send) GPUAAS_RETURN_IF_ERROR(Send(*step.send));
  if (step.failure && renew_task_id_) {
    return Send(tasks::FailedUpdate(std::exchange(renew_task_id_, std::nullopt).value(), *step.failure));
  }
  return Ok();
}

Status AgentSession::SendHeartbeat() {
  fleet::HeartbeatFrame heartbeat{.seq = ++heartbeat_seq_,
                                  .gpus = SamplesOf(inventory::SelectHostGpus(context_.tasks.inventory).report.gpus),
                                  .running_tasks = {}};
  if (renew_task_id_) heartbeat.running_tasks.push_back(*renew_task_id_);
  return Send(heartbeat);
}

Status AgentSession::OnTerminal(const fleet::TerminalFrame& frame) {
  for (auto& reply : terminals_.Handle(frame)) GPUAAS_RETURN_IF_ERROR(Send(reply));
  return Ok();
}

Status AgentSession::PumpTerminals() {
  if (terminals_.empty()) return Ok();
  for (auto& output : terminals_.Poll()) GPUAAS_RETURN_IF_ERROR(Send(output));
  return Ok();
}

Status AgentSession::Send(const fleet::AgentFrame& frame) { return connection_.Send(fleet::EncodeFrame(frame)); }

}  // namespace gpuaas::agent::session
