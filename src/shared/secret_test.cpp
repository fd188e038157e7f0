#include "shared/secret.hpp"

#include <gtest/gtest.h>

#include <set>

namespace gpuaas {
namespace {

TEST(SecretTest, GeneratedSecretsCarryThePrefixAndAreUnique) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    const auto secret = GenerateSecret("gpuaas_pat_");
    ASSERT_EQ(secret.rfind("gpuaas_pat_", 0), 0u);
    EXPECT_EQ(secret.size(), std::string("gpuaas_pat_").size() + 43);  // 32 bytes, base64url, no padding
    EXPECT_EQ(secret.find_first_of("+/="), std::string::npos);
    EXPECT_TRUE(seen.insert(secret).second);
  }
}

TEST(SecretTest, Sha256HexMatchesTheKnownVector) {
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(SecretTest, ConstantTimeEqualsComparesWholeValues) {
  EXPECT_TRUE(ConstantTimeEquals("secret", "secret"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secreT"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secret2"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

TEST(SecretTest, Base64RoundTripsAndRejectsGarbage) {
  for (const std::string input : {"", "f", "fo", "foo", "foob", "fooba", "foobar"}) {
    std::string decoded;
    ASSERT_TRUE(Base64Decode(Base64Encode(input), decoded)) << input;
    EXPECT_EQ(decoded, input);
  }
  EXPECT_EQ(Base64Encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64Encode("fo"), "Zm8=");
  EXPECT_EQ(Base64Encode("fo", false), "Zm8");
  std::string out;
  EXPECT_FALSE(Base64Decode("Zm9v!mFy", out));
  EXPECT_FALSE(Base64Decode("Z", out));
  EXPECT_FALSE(Base64Decode("Zm9=", out));  // non-zero leftover bits
}

}  // namespace
}  // namespace gpuaas
