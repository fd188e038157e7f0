#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "shared/result.hpp"

namespace gpuaas {

// An ISO 4217 code such as "USD": three upper-case letters.
class Currency {
 public:
  static Result<Currency> Parse(std::string_view code);
  [[nodiscard]] std::string_view code() const { return {code_, 3}; }
  friend bool operator==(const Currency&, const Currency&) = default;

 private:
  explicit Currency(std::string_view code);
  char code_[3]{};
};

// Money in integer micro-units (1 USD = 1'000'000 micros): never floating point.
// Arithmetic is checked: overflow and mixed currencies are errors, not wrap-around.
class Money {
 public:
  static constexpr std::int64_t kMicrosPerUnit = 1'000'000;

  Money(std::int64_t micros, Currency currency) : micros_(micros), currency_(currency) {}

  // Parses a decimal amount with up to six fractional digits: "12.5", "-0.000001".
  static Result<Money> Parse(std::string_view amount, Currency currency);

  [[nodiscard]] std::int64_t micros() const { return micros_; }
  [[nodiscard]] Currency currency() const { return currency_; }

  [[nodiscard]] Result<Money> Add(const Money& other) const;
  [[nodiscard]] Result<Money> Subtract(const Money& other) const;
  [[nodiscard]] Result<Money> Multiply(std::int64_t factor) const;

  // Canonical decimal text with six fractional digits: "12.500000".
  [[nodiscard]] std::string ToDecimalString() const;

  friend bool operator==(const Money&, const Money&) = default;

 private:
  std::int64_t micros_;
  Currency currency_;
};

}  // namespace gpuaas
