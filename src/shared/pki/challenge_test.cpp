#include "shared/pki/challenge.hpp"

#include <gtest/gtest.h>

#include "shared/pki/certificate_authority.hpp"
#include "shared/pki/csr.hpp"
#include "shared/pki/key_pair.hpp"
#include "shared/pki/test_support.hpp"
#include "shared/secret.hpp"

namespace gpuaas::pki {
namespace {

using testing::Describe;

class PkiChallenge : public ::testing::Test {
 protected:
  void SetUp() override {
    const Timestamp now = testing::At("2027-03-01T12:00:00Z");
    const auto ca = CreateCa("GPUaaS test CA", 30, now);
    auto keys = GenerateKeyPair();
    ASSERT_TRUE(ca.ok() && keys.ok());
    keys_ = std::move(keys).value();
    const auto issued = SignNodeCertificate(*ca, MakeCsr(keys_.private_key_pem, "agent").value(), "node_1", now);
    ASSERT_TRUE(issued.ok());
    cert_pem_ = issued->cert_pem;
  }

  KeyPair keys_;
  std::string cert_pem_;
  const std::string challenge_ = GenerateSecret("", 32);
};

TEST_F(PkiChallenge, SignatureOfTheCertificateKeyVerifies) {
  const auto signature = SignChallenge(keys_.private_key_pem, challenge_);
  ASSERT_EQ(Describe(signature), "ok");
  EXPECT_EQ(signature->find_first_of("+/="), std::string::npos) << *signature;  // base64url, unpadded
  EXPECT_EQ(Describe(VerifyChallenge(cert_pem_, challenge_, *signature)), "ok");
}

TEST_F(PkiChallenge, RefusesASignatureByAnotherKey) {
  const auto other = GenerateKeyPair();
  ASSERT_TRUE(other.ok());
  const auto signature = SignChallenge(other->private_key_pem, challenge_);
  ASSERT_TRUE(signature.ok());
  EXPECT_EQ(Describe(VerifyChallenge(cert_pem_, challenge_, *signature)),
            "unauthenticated: challenge signature does not verify with the certificate's key");
}

TEST_F(PkiChallenge, RefusesASignatureOverAnotherChallenge) {
  const auto signature = SignChallenge(keys_.private_key_pem, challenge_);
  ASSERT_TRUE(signature.ok());
  std::string changed = challenge_;
  changed[0] = changed[0] == 'a' ? 'b' : 'a';
  EXPECT_EQ(Describe(VerifyChallenge(cert_pem_, changed, *signature)),
            "unauthenticated: challenge signature does not verify with the certificate's key");
}

TEST_F(PkiChallenge, RefusesMalformedSignaturesAndChallenges) {
  auto signature = SignChallenge(keys_.private_key_pem, challenge_).value();
  signature[10] = signature[10] == 'A' ? 'B' : 'A';
  EXPECT_EQ(Describe(VerifyChallenge(cert_pem_, challenge_, signature)),
            "unauthenticated: challenge signature does not verify with the certificate's key");
  EXPECT_EQ(Describe(VerifyChallenge(cert_pem_, challenge_, "a+b/")),
            "invalid_argument: signature: is not a base64url ECDSA signature");
  EXPECT_EQ(Describe(VerifyChallenge(cert_pem_, challenge_, "")),
            "invalid_argument: signature: is not a base64url ECDSA signature");
  EXPECT_EQ(Describe(SignChallenge(keys_.private_key_pem, "short")),
            "invalid_argument: challenge: must be 16 to 1024 bytes");
  EXPECT_EQ(Describe(SignChallenge(testing::kP384PrivateKey, challenge_)),
            "invalid_argument: private_key_pem: key uses curve secp384r1; node keys must be EC P-256");
  EXPECT_EQ(Describe(VerifyChallenge("garbage", challenge_, "AAAA")),
            "invalid_argument: cert_pem: is not a PEM certificate");
}

}  // namespace
}  // namespace gpuaas::pki
