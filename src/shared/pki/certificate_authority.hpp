#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "shared/clock.hpp"
#include "shared/result.hpp"

namespace gpuaas::pki {

// Node certificates are short-lived so that a stolen key stops working soon without relying on
// revocation alone; agents renew at two thirds of the lifetime (renewal.hpp).
inline constexpr std::chrono::seconds kDefaultNodeCertificateLifetime = std::chrono::hours(24 * 7);
inline constexpr std::chrono::seconds kMaxNodeCertificateLifetime = std::chrono::hours(24 * 365);
// Certificates start this long before they are issued, so a verifier whose clock runs up to five
// minutes behind the issuer's still accepts a certificate issued just now.
inline constexpr std::chrono::seconds kClockSkewAllowance = std::chrono::minutes(5);

// The platform CA: created at the server's first start. Only the server holds the private key,
// sealed at rest (sealed_key.hpp); agents pin the certificate by its fingerprint.
struct CaMaterial {
  std::string cert_pem;
  std::string private_key_pem;  // unencrypted PKCS#8 PEM: seal it before it touches storage
};

// Self-signed EC P-256 CA: basicConstraints critical CA:TRUE pathlen:0 (it signs node certificates
// only), keyUsage critical keyCertSign|cRLSign, 128-bit random serial, valid from
// now - kClockSkewAllowance for `lifetime_days` (1 to 36500) days.
Result<CaMaterial> CreateCa(std::string_view common_name, int lifetime_days, Timestamp now);

struct IssuedCertificate {
  std::string cert_pem;
  std::string serial;    // lower-case hex, as revocation records it
  Timestamp not_before;  // the requested start minus kClockSkewAllowance
  Timestamp not_after;
};

// Signs the node certificate for an already authorised enrollment (the bootstrap token is checked
// by the caller). The CSR must pass ParseCsr; its CN is ignored because the server names the node.
// The leaf has subject CN = `node_id`, SAN URI gpuaas://node/<node_id>, CA:FALSE, keyUsage
// digitalSignature, extendedKeyUsage clientAuth, a random serial, and is valid from
// `not_before` - kClockSkewAllowance to `not_before` + `lifetime`, cut short at the CA's own expiry.
// Errors: invalid_argument for the CSR, node ID or lifetime; failed_precondition when the CA key
// does not match its certificate or the CA is not valid at `not_before`.
Result<IssuedCertificate> SignNodeCertificate(const CaMaterial& ca, std::string_view csr_pem, std::string_view node_id,
                                              Timestamp not_before,
                                              std::chrono::seconds lifetime = kDefaultNodeCertificateLifetime);

// "sha256:<64 lower-case hex>" of the certificate's DER. Bootstrap tokens carry the CA's, so an agent
// pins the CA before its first connection.
Result<std::string> CertificateFingerprint(std::string_view cert_pem);

}  // namespace gpuaas::pki
