#include "shared/pki/sealed_key.hpp"

#include <gtest/gtest.h>

#include "shared/pki/test_support.hpp"
#include "shared/secret.hpp"

namespace gpuaas::pki {
namespace {

using testing::Describe;

const std::string kSecret = "s3cr3t-from-config-0123456789abcdef";

class PkiSealedKey : public ::testing::Test {
 protected:
  const std::string key_ = DeriveKeyFromSecret(kSecret).value();
  const std::string plaintext_ = "-----BEGIN PRIVATE KEY-----\nMIGH...\n-----END PRIVATE KEY-----\n";
};

TEST_F(PkiSealedKey, RoundTripsUnderTheSameKey) {
  const auto sealed = SealWithKey(plaintext_, key_);
  ASSERT_EQ(Describe(sealed), "ok");
  EXPECT_TRUE(sealed->starts_with("v1:")) << *sealed;
  EXPECT_EQ(sealed->find("PRIVATE KEY"), std::string::npos);
  const auto opened = OpenWithKey(*sealed, key_);
  ASSERT_EQ(Describe(opened), "ok");
  EXPECT_EQ(*opened, plaintext_);
  EXPECT_EQ(OpenWithKey(SealWithKey("", key_).value(), key_).value(), "");
}

TEST_F(PkiSealedKey, EverySealUsesAFreshNonce) {
  EXPECT_NE(SealWithKey(plaintext_, key_).value(), SealWithKey(plaintext_, key_).value());
}

TEST_F(PkiSealedKey, WrongKeyIsAnErrorNotGarbage) {
  const auto sealed = SealWithKey(plaintext_, key_).value();
  const std::string other = DeriveKeyFromSecret(kSecret + "x").value();
  EXPECT_EQ(Describe(OpenWithKey(sealed, other)),
            "failed_precondition: sealed value does not open with this key: wrong key, or the value was altered");
}

TEST_F(PkiSealedKey, TamperingIsDetected) {
  const auto sealed = SealWithKey(plaintext_, key_).value();
  std::string box;
  ASSERT_TRUE(Base64Decode(sealed.substr(3), box));
  for (const std::size_t at : {std::size_t{0}, std::size_t{30}, box.size() - 1}) {  // nonce, tag, ciphertext
    std::string altered = box;
    altered[at] = static_cast<char>(altered[at] ^ 0x01);
    EXPECT_EQ(Describe(OpenWithKey("v1:" + Base64Encode(altered), key_)),
              "failed_precondition: sealed value does not open with this key: wrong key, or the value was altered")
        << "byte " << at;
  }
  EXPECT_EQ(Describe(OpenWithKey(sealed.substr(0, 40), key_)),
            "invalid_argument: sealed: is not valid base64 of a nonce and a ciphertext");
}

TEST_F(PkiSealedKey, RefusesMalformedInputAndKeys) {
  EXPECT_EQ(Describe(OpenWithKey("v2:AAAA", key_)),
            "invalid_argument: sealed: is not a sealed value (expected the prefix \"v1:\")");
  EXPECT_EQ(Describe(OpenWithKey("v1:@@@@", key_)),
            "invalid_argument: sealed: is not valid base64 of a nonce and a ciphertext");
  EXPECT_EQ(Describe(SealWithKey(plaintext_, "short")), "invalid_argument: key: must be 32 bytes");
  EXPECT_EQ(Describe(OpenWithKey("v1:AAAA", std::string(33, 'k'))), "invalid_argument: key: must be 32 bytes");
}

TEST_F(PkiSealedKey, DerivedKeysAreDeterministicAndDistinct) {
  EXPECT_EQ(key_.size(), kSealingKeyBytes);
  EXPECT_EQ(DeriveKeyFromSecret(kSecret).value(), key_);
  EXPECT_NE(DeriveKeyFromSecret(kSecret + "x").value(), key_);
  // Personalised: not the plain hash a different use of the same secret might compute.
  EXPECT_NE(key_, Sha256(kSecret));
  EXPECT_EQ(Describe(DeriveKeyFromSecret("too short")),
            "invalid_argument: secret: must be at least 32 characters of random text");
}

}  // namespace
}  // namespace gpuaas::pki
