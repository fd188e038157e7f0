#include "shared/pki/csr.hpp"

#include <gtest/gtest.h>

#include "shared/pki/key_pair.hpp"
#include "shared/pki/test_support.hpp"

namespace gpuaas::pki {
namespace {

using testing::Describe;

class PkiCsr : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pair = GenerateKeyPair();
    ASSERT_TRUE(pair.ok());
    keys_ = std::move(pair).value();
  }
  KeyPair keys_;
};

TEST_F(PkiCsr, RoundTripsTheCommonNameAndTheKey) {
  const auto csr = MakeCsr(keys_.private_key_pem, "agent-01.example");
  ASSERT_EQ(Describe(csr), "ok");
  EXPECT_TRUE(csr->starts_with("-----BEGIN CERTIFICATE REQUEST-----\n"));

  const auto parsed = ParseCsr(*csr);
  ASSERT_EQ(Describe(parsed), "ok");
  EXPECT_EQ(parsed->common_name, "agent-01.example");
  EXPECT_EQ(parsed->public_key_pem, keys_.public_key_pem);
}

TEST_F(PkiCsr, RefusesATamperedRequest) {
  const auto csr = MakeCsr(keys_.private_key_pem, "agent-01");
  ASSERT_TRUE(csr.ok());
  // The subject changes after signing: still a well-formed CSR, but the signature no longer covers it.
  const std::string tampered = testing::TamperDer(*csr, "agent-01", "agent-02");
  ASSERT_FALSE(tampered.empty());
  EXPECT_EQ(Describe(ParseCsr(tampered)), "invalid_argument: csr_pem: CSR signature does not verify");
}

TEST_F(PkiCsr, RefusesKeysOtherThanP256) {
  EXPECT_EQ(Describe(ParseCsr(testing::kP384Csr)),
            "invalid_argument: csr_pem: key uses curve secp384r1; node keys must be EC P-256");
  EXPECT_EQ(Describe(ParseCsr(testing::kRsa1024Csr)),
            "invalid_argument: csr_pem: key is RSA with 1024 bits; node keys must be EC P-256");
  // RSA of any size: one algorithm for every node keeps challenges and TLS settings single.
  EXPECT_EQ(Describe(ParseCsr(testing::kRsa2048Csr)),
            "invalid_argument: csr_pem: key is RSA with 2048 bits; node keys must be EC P-256");
}

TEST_F(PkiCsr, RefusesGarbageEmptyAndOversizedInput) {
  EXPECT_EQ(Describe(ParseCsr("hello")), "invalid_argument: csr_pem: is not a PEM certificate signing request");
  EXPECT_EQ(Describe(ParseCsr("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n")),
            "invalid_argument: csr_pem: is not a PEM certificate signing request");
  EXPECT_EQ(Describe(ParseCsr("")), "invalid_argument: csr_pem: is empty");

  const auto csr = MakeCsr(keys_.private_key_pem, "agent-01");
  ASSERT_TRUE(csr.ok());
  const std::string oversized = *csr + std::string(16 * 1024, '\n');
  EXPECT_EQ(Describe(ParseCsr(oversized)),
            "invalid_argument: csr_pem: is " + std::to_string(oversized.size()) + " bytes; the limit is 16384");
}

TEST_F(PkiCsr, MakeCsrRefusesABadKeyOrName) {
  EXPECT_EQ(Describe(MakeCsr(testing::kP384PrivateKey, "agent")),
            "invalid_argument: private_key_pem: key uses curve secp384r1; node keys must be EC P-256");
  EXPECT_EQ(Describe(MakeCsr(keys_.public_key_pem, "agent")),
            "invalid_argument: private_key_pem: is not an unencrypted PEM private key");
  EXPECT_EQ(Describe(MakeCsr(keys_.private_key_pem, "")),
            "invalid_argument: common_name: must be 1 to 64 printable characters");
  EXPECT_EQ(Describe(MakeCsr(keys_.private_key_pem, std::string(65, 'a'))),
            "invalid_argument: common_name: must be 1 to 64 printable characters");
}

}  // namespace
}  // namespace gpuaas::pki
