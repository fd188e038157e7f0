#include "shared/pki/verify.hpp"

#include <gtest/gtest.h>

#include "shared/pki/certificate_authority.hpp"
#include "shared/pki/csr.hpp"
#include "shared/pki/key_pair.hpp"
#include "shared/pki/test_support.hpp"

namespace gpuaas::pki {
namespace {

using namespace std::chrono_literals;
using testing::At;
using testing::Describe;
using testing::DetailOf;

class PkiVerify : public ::testing::Test {
 protected:
  void SetUp() override {
    auto ca = CreateCa("GPUaaS test CA", 3650, issued_at_);
    ASSERT_TRUE(ca.ok());
    ca_ = std::move(ca).value();
    const auto keys = GenerateKeyPair();
    ASSERT_TRUE(keys.ok());
    const auto csr = MakeCsr(keys->private_key_pem, "agent");
    ASSERT_TRUE(csr.ok());
    auto issued = SignNodeCertificate(ca_, *csr, "node_7", issued_at_);
    ASSERT_TRUE(issued.ok());
    issued_ = std::move(issued).value();
    public_key_fingerprint_ = PublicKeyFingerprint(keys->public_key_pem).value();
  }

  const Timestamp issued_at_ = At("2027-03-01T12:00:00Z");
  CaMaterial ca_;
  IssuedCertificate issued_;
  std::string public_key_fingerprint_;
};

TEST_F(PkiVerify, AcceptsACertificateOfThisCaAndNamesTheNode) {
  const auto node = VerifyNodeCertificate(ca_.cert_pem, issued_.cert_pem, issued_at_ + 1h);
  ASSERT_EQ(Describe(node), "ok");
  EXPECT_EQ(node->node_id, "node_7");
  EXPECT_EQ(node->serial, issued_.serial);
  EXPECT_EQ(node->not_before, issued_.not_before);
  EXPECT_EQ(node->not_after, issued_.not_after);
  EXPECT_EQ(node->public_key_fingerprint, public_key_fingerprint_);
}

TEST_F(PkiVerify, ToleratesFiveMinutesOfClockSkewAndNoMore) {
  EXPECT_EQ(Describe(VerifyNodeCertificate(ca_.cert_pem, issued_.cert_pem, issued_at_ - 5min)), "ok");
  const auto early = VerifyNodeCertificate(ca_.cert_pem, issued_.cert_pem, issued_at_ - 5min - 1s);
  EXPECT_EQ(Describe(early),
            "unauthenticated: certificate is not valid until 2027-03-01T11:55:00.000Z "
            "(now 2027-03-01T11:54:59.000Z); check the clocks");
  EXPECT_EQ(DetailOf(early, "reason"), kReasonNotYetValid);
}

TEST_F(PkiVerify, RefusesAnExpiredCertificateWithBothTimes) {
  EXPECT_EQ(Describe(VerifyNodeCertificate(ca_.cert_pem, issued_.cert_pem, issued_at_ + 7 * 24h - 1s)), "ok");
  const auto late = VerifyNodeCertificate(ca_.cert_pem, issued_.cert_pem, issued_at_ + 7 * 24h);
  EXPECT_EQ(Describe(late),
            "unauthenticated: certificate expired at 2027-03-08T12:00:00.000Z (now 2027-03-08T12:00:00.000Z)");
  EXPECT_EQ(DetailOf(late, "reason"), kReasonExpired);
}

TEST_F(PkiVerify, RefusesACertificateOfAnotherCa) {
  // Same CA name, different key: only the signature tells them apart.
  const auto other = CreateCa("GPUaaS test CA", 3650, issued_at_);
  ASSERT_TRUE(other.ok());
  const auto result = VerifyNodeCertificate(other->cert_pem, issued_.cert_pem, issued_at_);
  EXPECT_EQ(Describe(result), "unauthenticated: certificate is not signed by this CA");
  EXPECT_EQ(DetailOf(result, "reason"), kReasonUnknownIssuer);
  EXPECT_EQ(Describe(VerifyNodeCertificate(testing::kFixtureCaCert, issued_.cert_pem, issued_at_)),
            "unauthenticated: certificate is not signed by this CA");
}

TEST_F(PkiVerify, RefusesATamperedCertificate) {
  const std::string tampered = testing::TamperDer(issued_.cert_pem, "node_7", "node_8");
  ASSERT_FALSE(tampered.empty());
  EXPECT_EQ(Describe(VerifyNodeCertificate(ca_.cert_pem, tampered, issued_at_)),
            "unauthenticated: certificate is not signed by this CA");
}

TEST_F(PkiVerify, RefusesTheCaCertificateAsANodeCertificate) {
  const auto result = VerifyNodeCertificate(ca_.cert_pem, ca_.cert_pem, issued_at_);
  EXPECT_EQ(Describe(result), "unauthenticated: certificate is a CA certificate, not a node certificate");
  EXPECT_EQ(DetailOf(result, "reason"), kReasonNotANodeCertificate);
}

// The leaves below come from the openssl CLI; the first is the control that the others differ from
// only in the property under test.
TEST(PkiVerifyFixtures, AcceptsAWellFormedLeafFromTheFixtureCa) {
  const auto node = VerifyNodeCertificate(testing::kFixtureCaCert, testing::kFixtureGoodLeaf, testing::FixtureNow());
  ASSERT_EQ(Describe(node), "ok");
  EXPECT_EQ(node->node_id, "node_good");
  EXPECT_EQ(node->serial, testing::kFixtureGoodLeafSerial);
  EXPECT_EQ(node->public_key_fingerprint, testing::kFixtureLeafKeyFingerprint);
}

TEST(PkiVerifyFixtures, RefusesALeafMarkedCaTrue) {
  const auto result =
      VerifyNodeCertificate(testing::kFixtureCaCert, testing::kFixtureCaTrueLeaf, testing::FixtureNow());
  EXPECT_EQ(Describe(result), "unauthenticated: certificate is a CA certificate, not a node certificate");
  EXPECT_EQ(DetailOf(result, "reason"), kReasonNotANodeCertificate);
}

TEST(PkiVerifyFixtures, RefusesALeafWithoutTheNodeUri) {
  const auto result = VerifyNodeCertificate(testing::kFixtureCaCert, testing::kFixtureNoSanLeaf, testing::FixtureNow());
  EXPECT_EQ(Describe(result),
            "unauthenticated: certificate has no single valid gpuaas://node/ URI in its subjectAltName");
  EXPECT_EQ(DetailOf(result, "reason"), kReasonNotANodeCertificate);
}

TEST(PkiVerifyFixtures, GarbageIsInvalidArgument) {
  EXPECT_EQ(Describe(VerifyNodeCertificate(testing::kFixtureCaCert, "nope", testing::FixtureNow())),
            "invalid_argument: cert_pem: is not a PEM certificate");
  EXPECT_EQ(Describe(VerifyNodeCertificate("", testing::kFixtureGoodLeaf, testing::FixtureNow())),
            "invalid_argument: ca_cert_pem: is empty");
}

}  // namespace
}  // namespace gpuaas::pki
