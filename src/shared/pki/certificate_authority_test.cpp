#include "shared/pki/certificate_authority.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string_view>

#include "shared/pki/asn1_time.hpp"
#include "shared/pki/csr.hpp"
#include "shared/pki/key_pair.hpp"
#include "shared/pki/pem_io.hpp"
#include "shared/pki/test_support.hpp"
#include "shared/pki/x509_name.hpp"

// These tests read the certificates back with OpenSSL itself, so they check what was written,
// not what this folder's own readers make of it.

namespace gpuaas::pki {
namespace {

using namespace std::chrono_literals;
using testing::At;
using testing::Describe;

internal::X509Ptr Parse(std::string_view pem) { return internal::ReadCertificate(pem, "test").value(); }

bool IsCritical(X509* certificate, int nid) {
  const int index = X509_get_ext_by_NID(certificate, nid, -1);
  return index >= 0 && X509_EXTENSION_get_critical(X509_get_ext(certificate, index)) == 1;
}

Timestamp NotBefore(X509* certificate) { return internal::FromAsn1Time(*X509_get0_notBefore(certificate)).value(); }
Timestamp NotAfter(X509* certificate) { return internal::FromAsn1Time(*X509_get0_notAfter(certificate)).value(); }

class PkiCertificateAuthority : public ::testing::Test {
 protected:
  void SetUp() override {
    auto ca = CreateCa("GPUaaS test CA", 3650, now_);
    ASSERT_EQ(Describe(ca), "ok");
    ca_ = std::move(ca).value();
    auto keys = GenerateKeyPair();
    ASSERT_TRUE(keys.ok());
    keys_ = std::move(keys).value();
    auto csr = MakeCsr(keys_.private_key_pem, "agent-host");
    ASSERT_TRUE(csr.ok());
    csr_ = std::move(csr).value();
  }

  const Timestamp now_ = At("2027-03-01T12:00:00Z");
  CaMaterial ca_;
  KeyPair keys_;
  std::string csr_;
};

TEST_F(PkiCertificateAuthority, CreatesASelfSignedCaThatMaySignOnlyLeaves) {
  const auto certificate = Parse(ca_.cert_pem);
  EXPECT_EQ(internal::CommonNameOf(X509_get_subject_name(certificate.get()), "test").value(), "GPUaaS test CA");
  EXPECT_EQ(X509_self_signed(certificate.get(), 1), 1);
  EXPECT_NE(X509_get_extension_flags(certificate.get()) & EXFLAG_CA, 0u);
  EXPECT_TRUE(IsCritical(certificate.get(), NID_basic_constraints));
  EXPECT_EQ(X509_get_pathlen(certificate.get()), 0);
  EXPECT_TRUE(IsCritical(certificate.get(), NID_key_usage));
  EXPECT_EQ(X509_get_key_usage(certificate.get()), static_cast<std::uint32_t>(KU_KEY_CERT_SIGN | KU_CRL_SIGN));
  EXPECT_EQ(NotBefore(certificate.get()), now_ - 5min);
  EXPECT_EQ(NotAfter(certificate.get()), now_ + 3650 * 24h);
  EXPECT_TRUE(ca_.private_key_pem.starts_with("-----BEGIN PRIVATE KEY-----\n"));
}

TEST_F(PkiCertificateAuthority, CreateCaRefusesBadParameters) {
  EXPECT_EQ(Describe(CreateCa("CA", 0, now_)), "invalid_argument: lifetime_days: must be 1 to 36500");
  EXPECT_EQ(Describe(CreateCa("CA", 36501, now_)), "invalid_argument: lifetime_days: must be 1 to 36500");
  EXPECT_EQ(Describe(CreateCa("", 10, now_)), "invalid_argument: common_name: must be 1 to 64 printable characters");
}

TEST_F(PkiCertificateAuthority, SignsANodeCertificateWithTheNodeIdentity) {
  const auto issued = SignNodeCertificate(ca_, csr_, "node_01abc", now_);
  ASSERT_EQ(Describe(issued), "ok");
  const auto leaf = Parse(issued->cert_pem);
  const auto ca = Parse(ca_.cert_pem);

  // The server names the node; the CSR's CN "agent-host" is not used.
  EXPECT_EQ(internal::CommonNameOf(X509_get_subject_name(leaf.get()), "test").value(), "node_01abc");
  EXPECT_EQ(X509_NAME_cmp(X509_get_issuer_name(leaf.get()), X509_get_subject_name(ca.get())), 0);
  EXPECT_EQ(X509_verify(leaf.get(), X509_get0_pubkey(ca.get())), 1);

  const internal::GeneralNamesPtr names(
      static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(leaf.get(), NID_subject_alt_name, nullptr, nullptr)));
  ASSERT_TRUE(names);
  ASSERT_EQ(sk_GENERAL_NAME_num(names.get()), 1);
  const GENERAL_NAME* name = sk_GENERAL_NAME_value(names.get(), 0);
  ASSERT_EQ(name->type, GEN_URI);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(name->d.uniformResourceIdentifier))),
            "gpuaas://node/node_01abc");

  const std::uint32_t flags = X509_get_extension_flags(leaf.get());
  EXPECT_EQ(flags & EXFLAG_CA, 0u);
  EXPECT_NE(flags & EXFLAG_BCONS, 0u);
  EXPECT_TRUE(IsCritical(leaf.get(), NID_basic_constraints));
  EXPECT_EQ(X509_get_extended_key_usage(leaf.get()), static_cast<std::uint32_t>(XKU_SSL_CLIENT));
  EXPECT_EQ(X509_get_key_usage(leaf.get()), static_cast<std::uint32_t>(KU_DIGITAL_SIGNATURE));

  // Validity: backdated five minutes for clock skew, then the default seven days from `now`.
  EXPECT_EQ(issued->not_before, now_ - 5min);
  EXPECT_EQ(issued->not_after, now_ + 7 * 24h);
  EXPECT_EQ(NotBefore(leaf.get()), issued->not_before);
  EXPECT_EQ(NotAfter(leaf.get()), issued->not_after);
  EXPECT_TRUE(testing::IsLowerHex(issued->serial, 32)) << issued->serial;
}

TEST_F(PkiCertificateAuthority, LifetimeIsConfigurableAndCutAtTheCaExpiry) {
  EXPECT_EQ(SignNodeCertificate(ca_, csr_, "node_a", now_, 24h).value().not_after, now_ + 24h);

  const auto short_ca = CreateCa("Short CA", 2, now_);
  ASSERT_TRUE(short_ca.ok());
  const auto issued = SignNodeCertificate(*short_ca, csr_, "node_a", now_ + 24h, 7 * 24h);
  ASSERT_EQ(Describe(issued), "ok");
  EXPECT_EQ(issued->not_after, NotAfter(Parse(short_ca->cert_pem).get()));
  EXPECT_EQ(issued->not_after, now_ + 48h);
}

TEST_F(PkiCertificateAuthority, RefusesBadNodeIdsLifetimesAndRequests) {
  EXPECT_EQ(Describe(SignNodeCertificate(ca_, csr_, "", now_)), "invalid_argument: node_id: is empty");
  EXPECT_EQ(Describe(SignNodeCertificate(ca_, csr_, "node/../x", now_)),
            "invalid_argument: node_id: may contain only A-Z a-z 0-9 . _ -");
  EXPECT_EQ(Describe(SignNodeCertificate(ca_, csr_, "a,URI:https://evil", now_)),
            "invalid_argument: node_id: may contain only A-Z a-z 0-9 . _ -");
  EXPECT_EQ(Describe(SignNodeCertificate(ca_, csr_, "node_a", now_, 0s)),
            "invalid_argument: lifetime: must be more than 0 and at most 31536000 seconds");
  EXPECT_EQ(Describe(SignNodeCertificate(ca_, csr_, "node_a", now_, 366 * 24h)),
            "invalid_argument: lifetime: must be more than 0 and at most 31536000 seconds");
  EXPECT_EQ(Describe(SignNodeCertificate(ca_, testing::TamperDer(csr_, "agent-host", "agent-hosT"), "node_a", now_)),
            "invalid_argument: csr_pem: CSR signature does not verify");
  EXPECT_EQ(Describe(SignNodeCertificate(ca_, testing::kRsa1024Csr, "node_a", now_)),
            "invalid_argument: csr_pem: key is RSA with 1024 bits; node keys must be EC P-256");
}

TEST_F(PkiCertificateAuthority, RefusesAMismatchedOrExpiredCa) {
  const auto other = CreateCa("Other CA", 10, now_);
  ASSERT_TRUE(other.ok());
  const CaMaterial mixed{ca_.cert_pem, other->private_key_pem};
  EXPECT_EQ(Describe(SignNodeCertificate(mixed, csr_, "node_a", now_)),
            "failed_precondition: CA private key does not match the CA certificate");
  EXPECT_EQ(Describe(SignNodeCertificate(*other, csr_, "node_a", now_ + 11 * 24h)),
            "failed_precondition: CA certificate is valid from 2027-03-01T11:55:00.000Z to "
            "2027-03-11T12:00:00.000Z, not at 2027-03-12T12:00:00.000Z");
}

TEST_F(PkiCertificateAuthority, SerialsAreUniqueOverManyCertificates) {
  std::set<std::string> serials;
  for (int i = 0; i < 100; ++i) {
    const auto issued = SignNodeCertificate(ca_, csr_, "node_a", now_);
    ASSERT_EQ(Describe(issued), "ok");
    EXPECT_EQ(issued->serial.size(), 32u) << issued->serial;
    serials.insert(issued->serial);
  }
  EXPECT_EQ(serials.size(), 100u);
}

TEST_F(PkiCertificateAuthority, FingerprintIsSha256OfTheDerAndIgnoresPemLayout) {
  // Computed with the openssl CLI, independently of this code.
  EXPECT_EQ(CertificateFingerprint(testing::kFixtureCaCert).value(), testing::kFixtureCaFingerprint);

  const auto fingerprint = CertificateFingerprint(ca_.cert_pem);
  ASSERT_EQ(Describe(fingerprint), "ok");
  EXPECT_TRUE(fingerprint->starts_with("sha256:") && testing::IsLowerHex(std::string_view(*fingerprint).substr(7), 64))
      << *fingerprint;
  EXPECT_EQ(CertificateFingerprint(ca_.cert_pem).value(), *fingerprint);
  std::string crlf;
  for (const char c : ca_.cert_pem) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  EXPECT_EQ(CertificateFingerprint(crlf).value(), *fingerprint);

  const auto other = CreateCa("GPUaaS test CA", 3650, now_);
  ASSERT_TRUE(other.ok());
  EXPECT_NE(CertificateFingerprint(other->cert_pem).value(), *fingerprint);
  EXPECT_EQ(Describe(CertificateFingerprint("garbage")), "invalid_argument: cert_pem: is not a PEM certificate");
}

}  // namespace
}  // namespace gpuaas::pki
