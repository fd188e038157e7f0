#include "agent/state/state_store.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#include "agent/state/atomic_file.hpp"

namespace gpuaas::agent::state {
namespace {

constexpr mode_t kPrivateFile = 0600;
constexpr mode_t kPublicFile = 0644;

std::filesystem::path NextOf(std::filesystem::path path) { return path += ".next"; }

Status Rename(const std::filesystem::path& from, const std::filesystem::path& to) {
  if (std::rename(from.c_str(), to.c_str()) != 0) {
    return Error::Unavailable("could not rename " + from.string() + " to " + to.string() + ": " + std::strerror(errno));
  }
  return Ok();
}

}  // namespace

bool StateStore::HasEnrollment() const {
  std::error_code error;
  return std::filesystem::exists(PathOf(kStateFile), error);
}

Status StateStore::SaveEnrollment(const NodeIdentity& identity, const AgentState& state) const {
  GPUAAS_RETURN_IF_ERROR(EnsurePrivateDirectory(data_dir_));
  // A renewal half-done under a previous enrollment must not be completed over this one.
  std::error_code ignored;
  std::filesystem::remove(NextOf(PathOf(kKeyFile)), ignored);
  std::filesystem::remove(NextOf(PathOf(kCertificateFile)), ignored);
  GPUAAS_RETURN_IF_ERROR(WriteFileAtomically(PathOf(kKeyFile), identity.private_key_pem, kPrivateFile));
  GPUAAS_RETURN_IF_ERROR(WriteFileAtomically(PathOf(kCertificateFile), identity.certificate_pem, kPublicFile));
  GPUAAS_RETURN_IF_ERROR(WriteFileAtomically(PathOf(kCaFile), identity.ca_certificate_pem, kPublicFile));
  return SaveState(state);
}

Result<AgentState> StateStore::LoadState() const {
  auto text = ReadTextFile(PathOf(kStateFile));
  if (!text && text.error().code() == ErrorCode::kNotFound) {
    return Error::NotFound("this host is not enrolled: no " + PathOf(kStateFile).string() +
                           " (run gpuaas-agent enroll first)");
  }
  if (!text) return text.TakeError();
  auto parsed = ParseAgentState(*text);
  if (!parsed) {
    return Error::InvalidArgument(PathOf(kStateFile).string(),
                                  "is corrupt: " + parsed.error().message() + " (repair it or re-enroll with --force)");
  }
  return parsed;
}

Status StateStore::SaveState(const AgentState& state) const {
  return WriteFileAtomically(PathOf(kStateFile), RenderAgentState(state), kPrivateFile);
}

Result<NodeIdentity> StateStore::LoadIdentity() const {
  GPUAAS_RETURN_IF_ERROR(FinishInterruptedRenewal());
  NodeIdentity identity;
  GPUAAS_ASSIGN_OR_RETURN(identity.private_key_pem, ReadTextFile(PathOf(kKeyFile)));
  GPUAAS_ASSIGN_OR_RETURN(identity.certificate_pem, ReadTextFile(PathOf(kCertificateFile)));
  GPUAAS_ASSIGN_OR_RETURN(identity.ca_certificate_pem, ReadTextFile(PathOf(kCaFile)));
  return identity;
}

Status StateStore::InstallRenewedIdentity(std::string_view private_key_pem, std::string_view certificate_pem) const {
  // The certificate's .next is written last: its presence says both new files are complete.
  GPUAAS_RETURN_IF_ERROR(WriteFileAtomically(NextOf(PathOf(kKeyFile)), private_key_pem, kPrivateFile));
  GPUAAS_RETURN_IF_ERROR(WriteFileAtomically(NextOf(PathOf(kCertificateFile)), certificate_pem, kPublicFile));
  return FinishInterruptedRenewal();
}

// node.crt.next present: the new pair is complete, so move the key (if not yet moved) and then the
// certificate. Only key.pem.next present: the certificate never arrived on disk; the old pair stands.
Status StateStore::FinishInterruptedRenewal() const {
  const auto key_next = NextOf(PathOf(kKeyFile));
  const auto certificate_next = NextOf(PathOf(kCertificateFile));
  std::error_code error;
  if (std::filesystem::exists(certificate_next, error)) {
    if (std::filesystem::exists(key_next, error)) GPUAAS_RETURN_IF_ERROR(Rename(key_next, PathOf(kKeyFile)));
    return Rename(certificate_next, PathOf(kCertificateFile));
  }
  std::filesystem::remove(key_next, error);
  return Ok();
}

}  // namespace gpuaas::agent::state
