#pragma once

// Internal to shared/pki: PEM text in and out of OpenSSL objects, with the input checks every
// entry point shares (size cap, no passphrase prompt) and OpenSSL's error queue turned into Error.

#include <cstddef>
#include <string>
#include <string_view>

#include "shared/error.hpp"
#include "shared/pki/openssl_handles.hpp"
#include "shared/result.hpp"

namespace gpuaas::pki::internal {

// Keys, CSRs and certificates of this platform are well under 4 KiB; anything larger is refused
// before OpenSSL parses it.
inline constexpr std::size_t kMaxPemBytes = 16 * 1024;

// invalid_argument naming `field`; clears OpenSSL's error queue so stale entries do not leak into
// the next call on this thread.
Error PemError(std::string_view field, std::string message);
// internal, with OpenSSL's own description for the logs; also clears the error queue.
Error OpensslFailure(std::string_view operation);
// For refusals built from an OpenSSL "no" that is an answer, not a failure.
void ClearOpensslErrors();

Result<PkeyPtr> ReadPrivateKey(std::string_view pem, std::string_view field);
Result<PkeyPtr> ReadPublicKey(std::string_view pem, std::string_view field);
Result<X509Ptr> ReadCertificate(std::string_view pem, std::string_view field);
Result<X509ReqPtr> ReadCsr(std::string_view pem, std::string_view field);

// Private keys as unencrypted PKCS#8 ("BEGIN PRIVATE KEY"); the caller seals them at rest.
Result<std::string> WritePrivateKeyPem(const EVP_PKEY& key);
Result<std::string> WritePublicKeyPem(const EVP_PKEY& key);
Result<std::string> WriteCertificatePem(const X509& certificate);
Result<std::string> WriteCsrPem(const X509_REQ& csr);

// "sha256:<64 lower-case hex>" of the DER encoding of a certificate, or of a public key
// (SubjectPublicKeyInfo). DER has one encoding per value, so PEM layout does not change it.
Result<std::string> CertificateFingerprintOf(const X509& certificate);
Result<std::string> PublicKeyFingerprintOf(const EVP_PKEY& key);

}  // namespace gpuaas::pki::internal
