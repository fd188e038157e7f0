#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "agent/session/backoff.hpp"
#include "agent/state/state_store.hpp"
#include "shared/clock.hpp"
#include "shared/pki/key_pair.hpp"
#include "shared/result.hpp"
#include "wire/fleet/agent_protocol.hpp"

namespace gpuaas::agent::session {

// What one look at the renewal gives the session: a request to send, or a failure to report
// (a certificate that never came, a key that could not be made). Both empty: nothing to do.
struct RenewalStep {
  std::optional<wire::fleet::RenewFrame> send;
  std::optional<std::string> failure;
};

// The agent's side of certificate renewal over the stream. Every renewal uses a new key: a key that
// may have leaked stops being useful at the next renewal, not only at re-enrollment. The new key
// stays in memory until the server's certificate for it arrives and checks out.
class CertificateRenewal {
 public:
  static constexpr auto kAnswerTimeout = std::chrono::seconds(60);

  CertificateRenewal(const state::StateStore& store, const Clock& clock, std::uint64_t seed)
      : store_(store), clock_(clock), retry_backoff_({std::chrono::seconds(30), std::chrono::minutes(15)}, seed) {}

  // Called on every heartbeat tick, and with `forced` for a renew_certificate task. Starts a
  // renewal when none is in flight and it is forced, due (two thirds of the certificate's life,
  // renewal.hpp) or a failed one's retry time has come.
  RenewalStep Poll(bool forced);

  // The server's answer: checks the certificate names this node and holds the new key, installs
  // both, and records the success. Returns the new not_after (RFC 3339).
  Result<std::string> Complete(const wire::fleet::CertificateFrame& frame);

  // renew_failed, or a certificate that did not check out: recorded in state.json, retried later.
  void Fail(const std::string& message);

  [[nodiscard]] bool in_flight() const { return pending_key_.has_value(); }

 private:
  bool Due(Timestamp now) const;
  Status Record(const std::optional<std::string>& error) const;

  const state::StateStore& store_;
  const Clock& clock_;
  Backoff retry_backoff_;
  std::optional<pki::KeyPair> pending_key_;
  Timestamp sent_at_{};
  std::optional<Timestamp> retry_at_;
};

}  // namespace gpuaas::agent::session
