#include "agent/session/certificate_renewal.hpp"

#include "agent/tasks/certificate_check.hpp"
#include "shared/log.hpp"
#include "shared/pki/csr.hpp"
#include "shared/pki/renewal.hpp"
#include "shared/rfc3339.hpp"

namespace gpuaas::agent::session {
namespace {

const log::Logger logger{"renewal"};

}  // namespace

bool CertificateRenewal::Due(Timestamp now) const {
  if (retry_at_) return now >= *retry_at_;
  const auto current = tasks::CheckOwnCertificate(store_, now);
  // An expired certificate cannot renew over a stream it no longer opens; the server refuses the
  // hello and the operator re-enrolls. Any other unreadable certificate is reported by the probe.
  return current && pki::RenewalDue(current->not_before, current->not_after, now);
}

RenewalStep CertificateRenewal::Poll(bool forced) {
  const auto now = clock_.Now();
  if (pending_key_) {
    if (now - sent_at_ < kAnswerTimeout) return {};
    const std::string message = "the server sent no certificate within 60 seconds";
    Fail(message);
    return {.send = std::nullopt, .failure = message};
  }
  if (!forced && !Due(now)) return {};
  auto state = store_.LoadState();
  auto key = pki::GenerateKeyPair();
  auto csr = key ? pki::MakeCsr(key->private_key_pem, state ? state->node_id : "") : Result<std::string>(key.error());
  if (!csr) {
    Fail("could not make a renewal request: " + csr.error().message());
    return {.send = std::nullopt, .failure = csr.error().message()};
  }
  pending_key_ = std::move(key).value();
  sent_at_ = now;
  logger.Info("renewal_requested", {{"forced", forced}});
  return {.send = wire::fleet::RenewFrame{.csr_pem = std::move(csr).value()}, .failure = std::nullopt};
}

Result<std::string> CertificateRenewal::Complete(const wire::fleet::CertificateFrame& frame) {
  if (!pending_key_) return Error::FailedPrecondition("a certificate arrived but no renewal was requested");
  const auto now = clock_.Now();
  auto checked = [&]() -> Result<pki::VerifiedNode> {
    GPUAAS_ASSIGN_OR_RETURN(const auto state, store_.LoadState());
    GPUAAS_ASSIGN_OR_RETURN(const auto identity, store_.LoadIdentity());
    GPUAAS_ASSIGN_OR_RETURN(auto node,
                            pki::VerifyNodeCertificate(identity.ca_certificate_pem, frame.certificate_pem, now));
    GPUAAS_ASSIGN_OR_RETURN(const auto key_fingerprint, pki::PublicKeyFingerprint(pending_key_->public_key_pem));
    if (node.node_id != state.node_id) return Error::Unauthenticated("the renewed certificate names another node");
    if (node.public_key_fingerprint != key_fingerprint) {
      return Error::Unauthenticated("the renewed certificate is not for the key the agent sent");
    }
    return node;
  }();
  if (!checked) {
    Fail("the renewed certificate was refused: " + checked.error().message());
    return checked.TakeError();
  }
  GPUAAS_RETURN_IF_ERROR(store_.InstallRenewedIdentity(pending_key_->private_key_pem, frame.certificate_pem));
  pending_key_.reset();
  retry_at_.reset();
  retry_backoff_.Reset();
  if (auto recorded = Record(std::nullopt); !recorded) {
    logger.Warn("renewal_not_recorded", {{"error", recorded.error().message()}});
  }
  const auto not_after = FormatRfc3339(checked->not_after);
  logger.Info("certificate_renewed", {{"not_after", not_after}, {"serial", checked->serial}});
  return not_after;
}

void CertificateRenewal::Fail(const std::string& message) {
  pending_key_.reset();
  const auto delay = retry_backoff_.Next();
  retry_at_ = clock_.Now() + std::chrono::duration_cast<std::chrono::microseconds>(delay);
  logger.Warn("renewal_failed", {{"error", message}, {"retry_in_ms", static_cast<std::int64_t>(delay.count())}});
  if (auto recorded = Record(message); !recorded) {
    logger.Warn("renewal_not_recorded", {{"error", recorded.error().message()}});
  }
}

// The posture the next hello reports: when the last renewal succeeded, and the last failure since.
Status CertificateRenewal::Record(const std::optional<std::string>& error) const {
  GPUAAS_ASSIGN_OR_RETURN(auto state, store_.LoadState());
  if (!error) state.last_renewal_at = FormatRfc3339(clock_.Now());
  state.last_renewal_error = error;
  return store_.SaveState(state);
}

}  // namespace gpuaas::agent::session
