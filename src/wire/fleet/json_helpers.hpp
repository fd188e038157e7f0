#pragma once

// What the fleet's wire codecs (agent_protocol.cpp, inventory.cpp) share when they write and read
// JSON. Internal to src/wire/fleet: not part of the contract.

#include <boost/json/value.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace gpuaas::wire::fleet::internal {

inline constexpr std::uint64_t kMaxU32 = std::numeric_limits<std::uint32_t>::max();

// An absent optional is JSON null, never a missing field: readers tell "unknown" from "forgotten".
template <typename T>
boost::json::value OrNull(const std::optional<T>& value) {
  if (!value) return nullptr;
  return boost::json::value(*value);
}

// For fields read with a kMaxU32 (or smaller) bound, so the cast cannot truncate.
inline std::optional<std::uint32_t> Narrow(const std::optional<std::uint64_t>& value) {
  if (!value) return std::nullopt;
  return static_cast<std::uint32_t>(*value);
}

// "gpus[3]": how an error names an array element's field.
inline std::string ElementPath(std::string_view array, std::size_t index) {
  return std::string(array) + "[" + std::to_string(index) + "]";
}

}  // namespace gpuaas::wire::fleet::internal
