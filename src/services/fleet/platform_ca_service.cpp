#include "services/fleet/platform_ca_service.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "repositories/fleet/platform_ca_repository.hpp"
#include "shared/pki/sealed_key.hpp"
#include "shared/pki/verify.hpp"
#include "shared/secret.hpp"

namespace gpuaas::services {
namespace {

constexpr int kCaLifetimeDays = 3650;

// Writes a fresh secret beside the target and links it into place: link() fails when the target
// exists, so two servers starting together on one data directory agree on one secret, and no
// reader ever sees a half-written file.
Status CreateSecretFile(const std::string& path) {
  const auto parent = std::filesystem::path(path).parent_path();
  std::error_code ec;
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  const auto staging = path + ".new." + std::to_string(::getpid());
  const int fd = ::open(staging.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Error::FailedPrecondition("cannot create the secrets key file " + path + ": " + std::strerror(errno));
  }
  const auto secret = GenerateSecret("", 36) + "\n";
  const auto written = ::write(fd, secret.data(), secret.size());
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  if (written != static_cast<ssize_t>(secret.size()) || !synced) {
    ::unlink(staging.c_str());
    return Error::FailedPrecondition("cannot write the secrets key file " + path);
  }
  const int linked = ::link(staging.c_str(), path.c_str());
  const int link_errno = errno;
  ::unlink(staging.c_str());
  if (linked != 0 && link_errno != EEXIST) {
    return Error::FailedPrecondition("cannot create the secrets key file " + path + ": " + std::strerror(link_errno));
  }
  return Ok();
}

}  // namespace

Result<std::string> PlatformCaService::LoadOrCreateSealingKey() {
  if (!std::filesystem::exists(secrets_key_file_)) {
    GPUAAS_RETURN_IF_ERROR(CreateSecretFile(secrets_key_file_));
    key_file_generated_ = true;
  }
  std::ifstream in(secrets_key_file_);
  if (!in) return Error::FailedPrecondition("cannot read the secrets key file " + secrets_key_file_);
  std::stringstream text;
  text << in.rdbuf();
  auto secret = text.str();
  while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r' || secret.back() == ' ')) secret.pop_back();
  auto key = pki::DeriveKeyFromSecret(secret);
  if (!key) {
    return Error::FailedPrecondition("the secrets key file " + secrets_key_file_ +
                                     " is unusable: " + key.error().message());
  }
  return key;
}

Status PlatformCaService::Ensure() {
  GPUAAS_ASSIGN_OR_RETURN(const auto key, LoadOrCreateSealingKey());
  const auto now = context_.clock.Now();
  return context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(auto current, repositories::PlatformCaRepository::FindCurrent(session));
    if (!current) {
      GPUAAS_ASSIGN_OR_RETURN(auto created, pki::CreateCa("GPUaaS platform CA", kCaLifetimeDays, now));
      GPUAAS_ASSIGN_OR_RETURN(auto sealed, pki::SealWithKey(created.private_key_pem, key));
      GPUAAS_ASSIGN_OR_RETURN(auto fingerprint, pki::CertificateFingerprint(created.cert_pem));
      repositories::PlatformCaRecord record{context_.ids.Next("ca"),
                                            created.cert_pem,
                                            sealed,
                                            fingerprint,
                                            now + std::chrono::hours(24 * kCaLifetimeDays),
                                            now};
      GPUAAS_RETURN_IF_ERROR(repositories::PlatformCaRepository::Insert(session, record));
      GPUAAS_RETURN_IF_ERROR(context_.audit.Append(
          session, Caller{Principal{PrincipalKind::kSystem, "system", "system"}, "startup", "", ""},
          {"platform_ca.create", "platform_ca", record.id, {}, {}, "allowed", {{"fingerprint", fingerprint}}}));
      current = record;
    }
    auto private_key = pki::OpenWithKey(current->sealed_key, key);
    if (!private_key) {
      return Error::FailedPrecondition("the secrets key file " + secrets_key_file_ +
                                       " does not open the stored platform CA (was the file replaced?)");
    }
    ca_ = pki::CaMaterial{current->cert_pem, std::move(*private_key)};
    fingerprint_ = current->fingerprint;
    not_after_ = current->not_after;
    return Ok();
  });
}

Result<pki::IssuedCertificate> PlatformCaService::Sign(std::string_view csr_pem, std::string_view node_id,
                                                       std::chrono::seconds lifetime) const {
  return pki::SignNodeCertificate(ca_, csr_pem, node_id, context_.clock.Now(), lifetime);
}

}  // namespace gpuaas::services
