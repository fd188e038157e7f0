#include "store/value.hpp"

#include <stdexcept>

namespace gpuaas::store {

// A column of the wrong type is a bug in the repository's SQL, not an expected failure.
std::int64_t Row::Int(std::size_t column) const {
  const auto& value = values_.at(column);
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return *integer;
  throw std::logic_error("column " + std::to_string(column) + " is not an integer");
}

double Row::Real(std::size_t column) const {
  const auto& value = values_.at(column);
  if (const auto* real = std::get_if<double>(&value)) return *real;
  if (const auto* integer = std::get_if<std::int64_t>(&value)) return static_cast<double>(*integer);
  throw std::logic_error("column " + std::to_string(column) + " is not a number");
}

const std::string& Row::Text(std::size_t column) const {
  const auto& value = values_.at(column);
  if (const auto* text = std::get_if<std::string>(&value)) return *text;
  throw std::logic_error("column " + std::to_string(column) + " is not text");
}

}  // namespace gpuaas::store
