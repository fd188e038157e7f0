#include "shared/money.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace gpuaas {
namespace {

Currency Usd() { return Currency::Parse("USD").value(); }

TEST(Money, ParsesDecimalAmountsIntoMicros) {
  EXPECT_EQ(Money::Parse("12.5", Usd())->micros(), 12'500'000);
  EXPECT_EQ(Money::Parse("-0.000001", Usd())->micros(), -1);
  EXPECT_EQ(Money::Parse("7", Usd())->micros(), 7'000'000);
}

TEST(Money, RejectsMalformedAmounts) {
  for (const auto* text : {"", "1.", ".5", "1.2345678", "12,50", "1e3", "abc", "--1"}) {
    const auto parsed = Money::Parse(text, Usd());
    EXPECT_FALSE(parsed.ok()) << text;
    if (!parsed.ok()) {
      EXPECT_EQ(parsed.error().details()[0].value, "amount");
    }
  }
  EXPECT_FALSE(Money::Parse("99999999999999999", Usd()).ok());
}

TEST(Money, FormatsWithSixFractionalDigits) {
  EXPECT_EQ(Money(12'500'000, Usd()).ToDecimalString(), "12.500000");
  EXPECT_EQ(Money(-1, Usd()).ToDecimalString(), "-0.000001");
  EXPECT_EQ(Money(std::numeric_limits<std::int64_t>::min(), Usd()).ToDecimalString(), "-9223372036854.775808");
}

TEST(Money, ArithmeticIsCheckedNotWrapped) {
  const Money max(std::numeric_limits<std::int64_t>::max(), Usd());
  EXPECT_FALSE(max.Add(Money(1, Usd())).ok());
  EXPECT_FALSE(max.Multiply(2).ok());
  EXPECT_EQ(Money(3, Usd()).Multiply(4)->micros(), 12);
  EXPECT_EQ(Money(3, Usd()).Subtract(Money(5, Usd()))->micros(), -2);
}

TEST(Money, RefusesToMixCurrencies) {
  const auto eur = Currency::Parse("EUR").value();
  const auto sum = Money(1, Usd()).Add(Money(1, eur));
  ASSERT_FALSE(sum.ok());
  EXPECT_EQ(sum.error().code(), ErrorCode::kFailedPrecondition);
}

TEST(Currency, AcceptsOnlyThreeUpperCaseLetters) {
  EXPECT_TRUE(Currency::Parse("EUR").ok());
  EXPECT_FALSE(Currency::Parse("usd").ok());
  EXPECT_FALSE(Currency::Parse("US").ok());
  EXPECT_FALSE(Currency::Parse("US1").ok());
}

}  // namespace
}  // namespace gpuaas
