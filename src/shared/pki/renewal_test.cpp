#include "shared/pki/renewal.hpp"

#include <gtest/gtest.h>

#include "shared/pki/certificate_authority.hpp"
#include "shared/pki/test_support.hpp"

namespace gpuaas::pki {
namespace {

using namespace std::chrono_literals;
using testing::At;

TEST(PkiRenewal, RenewsAtTwoThirdsOfTheLifetimeFromIssuance) {
  const Timestamp issued = At("2027-03-01T00:00:00Z");
  const Timestamp backdated = issued - kClockSkewAllowance;
  EXPECT_EQ(RenewalTime(backdated, issued + 7 * 24h), At("2027-03-05T16:00:00Z"));
  EXPECT_EQ(RenewalTime(backdated, issued + 3h), issued + 2h);
  EXPECT_FALSE(RenewalDue(backdated, issued + 3h, issued + 2h - 1s));
  EXPECT_TRUE(RenewalDue(backdated, issued + 3h, issued + 2h));
}

TEST(PkiRenewal, AOneMinuteCertificateIsNotDueOnArrival) {
  const Timestamp issued = At("2027-03-01T00:00:00Z");
  const Timestamp backdated = issued - kClockSkewAllowance;
  EXPECT_FALSE(RenewalDue(backdated, issued + 60s, issued + 1s));
  EXPECT_EQ(RenewalTime(backdated, issued + 60s), issued + 40s);
}

TEST(PkiRenewal, AValidityShorterThanTheSkewAllowanceCountsFromNotBefore) {
  const Timestamp start = At("2027-03-01T00:00:00Z");
  EXPECT_EQ(RenewalTime(start, start + 3min), start + 2min);
}

TEST(PkiRenewal, AnEmptyOrInvertedValidityIsDueAtOnce) {
  const Timestamp start = At("2027-03-01T00:00:00Z");
  EXPECT_EQ(RenewalTime(start, start), start);
  EXPECT_TRUE(RenewalDue(start, start - 1h, start));
}

}  // namespace
}  // namespace gpuaas::pki
