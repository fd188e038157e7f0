#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>

#include "services/service_context.hpp"
#include "shared/pki/certificate_authority.hpp"

namespace gpuaas::services {

// The platform CA that signs node certificates. Created on the first start and stored with its
// private key sealed under the key from the secrets key file; opened once and kept in memory,
// so signing a renewal costs no database read or decryption.
class PlatformCaService {
 public:
  // `secrets_key_file`: holds the secret the sealing key is derived from. A missing file is
  // created with a fresh random secret (mode 0600), so `make run` works out of the box; the
  // setup checklist says where it is and that it should move into a secret store.
  PlatformCaService(ServiceContext context, std::string secrets_key_file)
      : context_(context), secrets_key_file_(std::move(secrets_key_file)) {}

  // Loads or creates the CA. A key that does not open the stored CA is failed_precondition
  // naming the file: the server refuses to start rather than issue from a second CA.
  Status Ensure();

  [[nodiscard]] const std::string& cert_pem() const { return ca_.cert_pem; }
  [[nodiscard]] const std::string& fingerprint() const { return fingerprint_; }
  [[nodiscard]] Timestamp not_after() const { return not_after_; }
  [[nodiscard]] const std::string& secrets_key_file() const { return secrets_key_file_; }
  [[nodiscard]] bool key_file_generated() const { return key_file_generated_; }

  Result<pki::IssuedCertificate> Sign(std::string_view csr_pem, std::string_view node_id,
                                      std::chrono::seconds lifetime) const;

 private:
  Result<std::string> LoadOrCreateSealingKey();

  ServiceContext context_;
  std::string secrets_key_file_;
  pki::CaMaterial ca_;
  std::string fingerprint_;
  Timestamp not_after_{};
  bool key_file_generated_ = false;
};

}  // namespace gpuaas::services
