#include "shared/money.hpp"

#include <cstdio>
#include <limits>

namespace gpuaas {

Currency::Currency(std::string_view code) {
  for (int i = 0; i < 3; ++i) code_[i] = code[i];
}

Result<Currency> Currency::Parse(std::string_view code) {
  if (code.size() != 3) return Error::InvalidArgument("currency", "expected a three-letter ISO 4217 code");
  for (const char c : code) {
    if (c < 'A' || c > 'Z') return Error::InvalidArgument("currency", "expected a three-letter ISO 4217 code");
  }
  return Currency(code);
}

Result<Money> Money::Parse(std::string_view amount, Currency currency) {
  auto invalid = [&](std::string why) { return Error::InvalidArgument("amount", std::move(why)); };
  bool negative = false;
  std::size_t pos = 0;
  if (pos < amount.size() && (amount[pos] == '-' || amount[pos] == '+')) negative = amount[pos++] == '-';
  const std::size_t digits_start = pos;
  std::int64_t units = 0;
  constexpr auto kMaxUnits = std::numeric_limits<std::int64_t>::max() / kMicrosPerUnit;
  while (pos < amount.size() && amount[pos] >= '0' && amount[pos] <= '9') {
    units = units * 10 + (amount[pos++] - '0');
    if (units > kMaxUnits) return invalid("amount is out of range");
  }
  if (pos == digits_start) return invalid("expected a decimal number such as 12.50");
  std::int64_t fraction = 0;
  if (pos < amount.size() && amount[pos] == '.') {
    ++pos;
    std::int64_t scale = kMicrosPerUnit / 10;
    const std::size_t fraction_start = pos;
    while (pos < amount.size() && amount[pos] >= '0' && amount[pos] <= '9') {
      if (scale == 0) return invalid("at most six fractional digits are allowed");
      fraction += (amount[pos++] - '0') * scale;
      scale /= 10;
    }
    if (pos == fraction_start) return invalid("expected digits after the decimal point");
  }
  if (pos != amount.size()) return invalid("expected a decimal number such as 12.50");
  const std::int64_t micros = units * kMicrosPerUnit + fraction;
  return Money(negative ? -micros : micros, currency);
}

Result<Money> Money::Add(const Money& other) const {
  if (!(currency_ == other.currency_)) {
    return Error(ErrorCode::kFailedPrecondition, "cannot combine amounts in different currencies");
  }
  std::int64_t sum = 0;
  if (__builtin_add_overflow(micros_, other.micros_, &sum))
    return Error::InvalidArgument("amount", "amount is out of range");
  return Money(sum, currency_);
}

Result<Money> Money::Subtract(const Money& other) const {
  if (other.micros_ == std::numeric_limits<std::int64_t>::min()) {
    return Error::InvalidArgument("amount", "amount is out of range");
  }
  return Add(Money(-other.micros_, other.currency_));
}

Result<Money> Money::Multiply(std::int64_t factor) const {
  std::int64_t product = 0;
  if (__builtin_mul_overflow(micros_, factor, &product))
    return Error::InvalidArgument("amount", "amount is out of range");
  return Money(product, currency_);
}

std::string Money::ToDecimalString() const {
  const bool negative = micros_ < 0;
  // Work in unsigned so INT64_MIN has a magnitude.
  const auto magnitude = negative ? 0 - static_cast<std::uint64_t>(micros_) : static_cast<std::uint64_t>(micros_);
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%s%llu.%06llu", negative ? "-" : "",
                static_cast<unsigned long long>(magnitude / kMicrosPerUnit),
                static_cast<unsigned long long>(magnitude % kMicrosPerUnit));
  return buffer;
}

}  // namespace gpuaas
