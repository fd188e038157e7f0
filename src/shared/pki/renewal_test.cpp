#include "shared/pki/renewal.hpp"

#include <gtest/gtest.h>

#include "shared/pki/test_support.hpp"

namespace gpuaas::pki {
namespace {

using namespace std::chrono_literals;
using testing::At;

TEST(PkiRenewal, RenewsAtTwoThirdsOfTheLifetime) {
  const Timestamp start = At("2027-03-01T00:00:00Z");
  EXPECT_EQ(RenewalTime(start, start + 7 * 24h), At("2027-03-05T16:00:00Z"));
  EXPECT_EQ(RenewalTime(start, start + 3h), start + 2h);
  EXPECT_FALSE(RenewalDue(start, start + 3h, start + 2h - 1s));
  EXPECT_TRUE(RenewalDue(start, start + 3h, start + 2h));
}

TEST(PkiRenewal, AnEmptyOrInvertedValidityIsDueAtOnce) {
  const Timestamp start = At("2027-03-01T00:00:00Z");
  EXPECT_EQ(RenewalTime(start, start), start);
  EXPECT_TRUE(RenewalDue(start, start - 1h, start));
}

}  // namespace
}  // namespace gpuaas::pki
