// Enrollment end to end, as the server and the agent will run it (DESIGN.md section 6).

#include <gtest/gtest.h>

#include "shared/pki/certificate_authority.hpp"
#include "shared/pki/challenge.hpp"
#include "shared/pki/csr.hpp"
#include "shared/pki/key_pair.hpp"
#include "shared/pki/renewal.hpp"
#include "shared/pki/sealed_key.hpp"
#include "shared/pki/test_support.hpp"
#include "shared/pki/verify.hpp"
#include "shared/secret.hpp"

namespace gpuaas::pki {
namespace {

using namespace std::chrono_literals;
using testing::Describe;

TEST(PkiFlow, EnrollsAnAgentAndAuthenticatesItsConnection) {
  const Timestamp first_start = testing::At("2027-03-01T12:00:00Z");

  // Server, first start: create the CA and keep only the sealed private key.
  const auto ca = CreateCa("GPUaaS platform CA", 3650, first_start);
  ASSERT_EQ(Describe(ca), "ok");
  const std::string sealing_key = DeriveKeyFromSecret("config-secret-0123456789abcdef-0123").value();
  const auto sealed = SealWithKey(ca->private_key_pem, sealing_key);
  ASSERT_EQ(Describe(sealed), "ok");
  const std::string pin = CertificateFingerprint(ca->cert_pem).value();  // goes into the bootstrap token

  // Agent: pin the CA it is shown, make a key and a CSR.
  ASSERT_EQ(CertificateFingerprint(ca->cert_pem).value(), pin);
  const auto keys = GenerateKeyPair();
  ASSERT_EQ(Describe(keys), "ok");
  const auto csr = MakeCsr(keys->private_key_pem, "gpu-host-17");
  ASSERT_EQ(Describe(csr), "ok");

  // Server, later: open the CA key and sign.
  const Timestamp enrolled_at = first_start + 24h;
  const CaMaterial opened{ca->cert_pem, OpenWithKey(*sealed, sealing_key).value()};
  const auto issued = SignNodeCertificate(opened, *csr, "node_01hx", enrolled_at);
  ASSERT_EQ(Describe(issued), "ok");

  // Server, on the agent's connection: the certificate, then a challenge signed with the same key.
  const auto node = VerifyNodeCertificate(ca->cert_pem, issued->cert_pem, enrolled_at + 1min);
  ASSERT_EQ(Describe(node), "ok");
  EXPECT_EQ(node->node_id, "node_01hx");
  EXPECT_EQ(node->serial, issued->serial);
  EXPECT_EQ(node->public_key_fingerprint, PublicKeyFingerprint(keys->public_key_pem).value());
  const std::string nonce = GenerateSecret("", 32);
  const auto signature = SignChallenge(keys->private_key_pem, nonce);
  ASSERT_EQ(Describe(signature), "ok");
  EXPECT_EQ(Describe(VerifyChallenge(issued->cert_pem, nonce, *signature)), "ok");

  // Agent: renewal falls due two thirds through, before the certificate expires.
  const Timestamp renew_at = RenewalTime(node->not_before, node->not_after);
  EXPECT_GT(renew_at, enrolled_at + 4 * 24h);
  EXPECT_LT(renew_at, node->not_after);
  EXPECT_EQ(Describe(VerifyNodeCertificate(ca->cert_pem, issued->cert_pem, renew_at)), "ok");
  EXPECT_EQ(testing::DetailOf(VerifyNodeCertificate(ca->cert_pem, issued->cert_pem, node->not_after), "reason"),
            kReasonExpired);
}

}  // namespace
}  // namespace gpuaas::pki
