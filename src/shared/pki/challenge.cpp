#include "shared/pki/challenge.hpp"

#include <algorithm>

#include "shared/pki/key_policy.hpp"
#include "shared/pki/pem_io.hpp"
#include "shared/secret.hpp"

namespace gpuaas::pki {
namespace {

using internal::OpensslFailure;

// Domain separation; the trailing NUL ends the label so no challenge can extend it.
using std::string_view_literals::operator""sv;
constexpr std::string_view kContext = "gpuaas agent challenge v1\0"sv;
// A DER ECDSA P-256 signature is at most 72 bytes, 96 characters of base64url.
constexpr std::size_t kMaxSignatureText = 96;

Status CheckChallenge(std::string_view challenge) {
  if (challenge.size() < kMinChallengeBytes || challenge.size() > kMaxChallengeBytes) {
    return Error::InvalidArgument("challenge", "must be " + std::to_string(kMinChallengeBytes) + " to " +
                                                   std::to_string(kMaxChallengeBytes) + " bytes");
  }
  return Ok();
}

std::string SignedMessage(std::string_view challenge) { return std::string(kContext) + std::string(challenge); }

// secret.hpp speaks the standard alphabet; these map it to and from the URL-safe one.
std::string ToBase64Url(std::string_view bytes) {
  std::string text = Base64Encode(bytes, false);
  std::replace(text.begin(), text.end(), '+', '-');
  std::replace(text.begin(), text.end(), '/', '_');
  return text;
}

bool FromBase64Url(std::string_view text, std::string& bytes) {
  if (text.find_first_of("+/=") != std::string_view::npos) return false;
  std::string standard(text);
  std::replace(standard.begin(), standard.end(), '-', '+');
  std::replace(standard.begin(), standard.end(), '_', '/');
  return Base64Decode(standard, bytes);
}

}  // namespace

Result<std::string> SignChallenge(std::string_view private_key_pem, std::string_view challenge) {
  GPUAAS_RETURN_IF_ERROR(CheckChallenge(challenge));
  GPUAAS_ASSIGN_OR_RETURN(const auto key, internal::ReadPrivateKey(private_key_pem, "private_key_pem"));
  GPUAAS_RETURN_IF_ERROR(internal::CheckNodeKey(*key, "private_key_pem"));

  const internal::MdCtxPtr context(EVP_MD_CTX_new());
  if (!context) return OpensslFailure("EVP_MD_CTX_new");
  if (EVP_DigestSignInit(context.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1) {
    return OpensslFailure("EVP_DigestSignInit");
  }
  const std::string message = SignedMessage(challenge);
  const auto* data = reinterpret_cast<const unsigned char*>(message.data());
  std::size_t size = 0;
  if (EVP_DigestSign(context.get(), nullptr, &size, data, message.size()) != 1) return OpensslFailure("EVP_DigestSign");
  std::string signature(size, '\0');
  if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char*>(signature.data()), &size, data, message.size()) !=
      1) {
    return OpensslFailure("EVP_DigestSign");
  }
  signature.resize(size);  // DER signatures vary in length; the first call gave the maximum
  return ToBase64Url(signature);
}

Status VerifyChallenge(std::string_view cert_pem, std::string_view challenge, std::string_view signature) {
  GPUAAS_RETURN_IF_ERROR(CheckChallenge(challenge));
  std::string der;
  if (signature.empty() || signature.size() > kMaxSignatureText || !FromBase64Url(signature, der)) {
    return Error::InvalidArgument("signature", "is not a base64url ECDSA signature");
  }
  GPUAAS_ASSIGN_OR_RETURN(const auto certificate, internal::ReadCertificate(cert_pem, "cert_pem"));
  EVP_PKEY* key = X509_get0_pubkey(certificate.get());  // owned by the certificate
  if (key == nullptr) return internal::PemError("cert_pem", "certificate carries no usable public key");
  GPUAAS_RETURN_IF_ERROR(internal::CheckNodeKey(*key, "cert_pem"));

  const internal::MdCtxPtr context(EVP_MD_CTX_new());
  if (!context) return OpensslFailure("EVP_MD_CTX_new");
  if (EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key) != 1) {
    return OpensslFailure("EVP_DigestVerifyInit");
  }
  const std::string message = SignedMessage(challenge);
  // 1 is a valid signature; 0 a wrong one and a negative value a malformed one: both a refusal.
  if (EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(der.data()), der.size(),
                       reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1) {
    internal::ClearOpensslErrors();
    return Error::Unauthenticated("challenge signature does not verify with the certificate's key");
  }
  return Ok();
}

}  // namespace gpuaas::pki
