#include "shared/pki/pem_io.hpp"

#include <openssl/err.h>
#include <openssl/pem.h>

#include "shared/secret.hpp"

namespace gpuaas::pki::internal {
namespace {

// OpenSSL's default passphrase callback reads from the terminal; a server must never block on
// that. Encrypted PEM is refused instead.
int RefusePassphrase(char* /*buffer*/, int /*size*/, int /*rwflag*/, void* /*userdata*/) { return -1; }

std::string DrainErrorQueue() {
  std::string text;
  while (const unsigned long code = ERR_get_error()) {
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    if (!text.empty()) text += "; ";
    text += buffer;
  }
  return text;
}

Result<BioPtr> InputBio(std::string_view pem, std::string_view field) {
  if (pem.empty()) return PemError(field, "is empty");
  if (pem.size() > kMaxPemBytes) {
    return PemError(field, "is " + std::to_string(pem.size()) + " bytes; the limit is " + std::to_string(kMaxPemBytes));
  }
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return OpensslFailure("BIO_new_mem_buf");
  return bio;
}

// Copies what a writer put in a memory BIO. Key material goes through a secure-memory BIO, which
// wipes its buffer when freed.
Result<std::string> WriteWith(bool secure, const char* operation, int (*write)(BIO*, const void*), const void* object) {
  BioPtr bio(BIO_new(secure ? BIO_s_secmem() : BIO_s_mem()));
  if (!bio) return OpensslFailure("BIO_new");
  if (write(bio.get(), object) != 1) return OpensslFailure(operation);
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  if (size <= 0 || data == nullptr) return OpensslFailure(operation);
  return std::string(data, static_cast<std::size_t>(size));
}

}  // namespace

void ClearOpensslErrors() { ERR_clear_error(); }

Error PemError(std::string_view field, std::string message) {
  ClearOpensslErrors();
  return Error::InvalidArgument(std::string(field), std::move(message));
}

Error OpensslFailure(std::string_view operation) {
  return Error::Internal(std::string(operation) + " failed: " + DrainErrorQueue());
}

Result<PkeyPtr> ReadPrivateKey(std::string_view pem, std::string_view field) {
  GPUAAS_ASSIGN_OR_RETURN(const auto bio, InputBio(pem, field));
  PkeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, &RefusePassphrase, nullptr));
  if (!key) return PemError(field, "is not an unencrypted PEM private key");
  return key;
}

Result<PkeyPtr> ReadPublicKey(std::string_view pem, std::string_view field) {
  GPUAAS_ASSIGN_OR_RETURN(const auto bio, InputBio(pem, field));
  PkeyPtr key(PEM_read_bio_PUBKEY(bio.get(), nullptr, &RefusePassphrase, nullptr));
  if (!key) return PemError(field, "is not a PEM public key");
  return key;
}

Result<X509Ptr> ReadCertificate(std::string_view pem, std::string_view field) {
  GPUAAS_ASSIGN_OR_RETURN(const auto bio, InputBio(pem, field));
  X509Ptr certificate(PEM_read_bio_X509(bio.get(), nullptr, &RefusePassphrase, nullptr));
  if (!certificate) return PemError(field, "is not a PEM certificate");
  return certificate;
}

Result<X509ReqPtr> ReadCsr(std::string_view pem, std::string_view field) {
  GPUAAS_ASSIGN_OR_RETURN(const auto bio, InputBio(pem, field));
  X509ReqPtr csr(PEM_read_bio_X509_REQ(bio.get(), nullptr, &RefusePassphrase, nullptr));
  if (!csr) return PemError(field, "is not a PEM certificate signing request");
  return csr;
}

Result<std::string> WritePrivateKeyPem(const EVP_PKEY& key) {
  return WriteWith(
      true, "PEM_write_bio_PrivateKey",
      [](BIO* bio, const void* object) {
        return PEM_write_bio_PrivateKey(bio, static_cast<const EVP_PKEY*>(object), nullptr, nullptr, 0, nullptr,
                                        nullptr);
      },
      &key);
}

Result<std::string> WritePublicKeyPem(const EVP_PKEY& key) {
  return WriteWith(
      false, "PEM_write_bio_PUBKEY",
      [](BIO* bio, const void* object) { return PEM_write_bio_PUBKEY(bio, static_cast<const EVP_PKEY*>(object)); },
      &key);
}

Result<std::string> WriteCertificatePem(const X509& certificate) {
  return WriteWith(
      false, "PEM_write_bio_X509",
      [](BIO* bio, const void* object) { return PEM_write_bio_X509(bio, static_cast<const X509*>(object)); },
      &certificate);
}

Result<std::string> WriteCsrPem(const X509_REQ& csr) {
  return WriteWith(
      false, "PEM_write_bio_X509_REQ",
      [](BIO* bio, const void* object) { return PEM_write_bio_X509_REQ(bio, static_cast<const X509_REQ*>(object)); },
      &csr);
}

Result<std::string> CertificateFingerprintOf(const X509& certificate) {
  unsigned char* der = nullptr;
  const int size = i2d_X509(&certificate, &der);
  if (size <= 0) return OpensslFailure("i2d_X509");
  const OpensslStringPtr owner(reinterpret_cast<char*>(der));
  return "sha256:" + Sha256Hex(std::string_view(owner.get(), static_cast<std::size_t>(size)));
}

Result<std::string> PublicKeyFingerprintOf(const EVP_PKEY& key) {
  unsigned char* der = nullptr;
  const int size = i2d_PUBKEY(&key, &der);
  if (size <= 0) return OpensslFailure("i2d_PUBKEY");
  const OpensslStringPtr owner(reinterpret_cast<char*>(der));
  return "sha256:" + Sha256Hex(std::string_view(owner.get(), static_cast<std::size_t>(size)));
}

}  // namespace gpuaas::pki::internal
