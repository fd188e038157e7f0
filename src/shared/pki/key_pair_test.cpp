#include "shared/pki/key_pair.hpp"

#include <gtest/gtest.h>

#include <string_view>

#include "shared/pki/test_support.hpp"

namespace gpuaas::pki {
namespace {

using testing::Describe;

TEST(PkiKeyPair, GeneratesPkcs8PrivateAndSpkiPublicPem) {
  const auto pair = GenerateKeyPair();
  ASSERT_EQ(Describe(pair), "ok");
  EXPECT_TRUE(pair->private_key_pem.starts_with("-----BEGIN PRIVATE KEY-----\n")) << pair->private_key_pem;
  EXPECT_TRUE(pair->public_key_pem.starts_with("-----BEGIN PUBLIC KEY-----\n")) << pair->public_key_pem;
  // A P-256 SubjectPublicKeyInfo is 91 bytes of DER: 124 characters of base64 plus the armour.
  EXPECT_EQ(pair->public_key_pem.size(), std::string_view("-----BEGIN PUBLIC KEY-----\n").size() + 124 + 2 +
                                             std::string_view("-----END PUBLIC KEY-----\n").size());
}

TEST(PkiKeyPair, EveryCallMakesANewKey) {
  const auto first = GenerateKeyPair();
  const auto second = GenerateKeyPair();
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_NE(first->private_key_pem, second->private_key_pem);
  EXPECT_NE(first->public_key_pem, second->public_key_pem);
}

TEST(PkiKeyPair, FingerprintIsSha256OfTheDerKeyAndStable) {
  const auto pair = GenerateKeyPair();
  ASSERT_TRUE(pair.ok());
  const auto fingerprint = PublicKeyFingerprint(pair->public_key_pem);
  ASSERT_EQ(Describe(fingerprint), "ok");
  EXPECT_TRUE(fingerprint->starts_with("sha256:") && testing::IsLowerHex(std::string_view(*fingerprint).substr(7), 64))
      << *fingerprint;
  EXPECT_EQ(PublicKeyFingerprint(pair->public_key_pem).value(), *fingerprint);

  const auto other = GenerateKeyPair();
  ASSERT_TRUE(other.ok());
  EXPECT_NE(PublicKeyFingerprint(other->public_key_pem).value(), *fingerprint);
}

TEST(PkiKeyPair, FingerprintRefusesWhatIsNotAPublicKey) {
  EXPECT_EQ(Describe(PublicKeyFingerprint("not a key")), "invalid_argument: public_key_pem: is not a PEM public key");
  EXPECT_EQ(Describe(PublicKeyFingerprint("")), "invalid_argument: public_key_pem: is empty");
}

}  // namespace
}  // namespace gpuaas::pki
