#include "services/fleet/fleet_rules.hpp"

#include <algorithm>
#include <set>

namespace gpuaas::services {
namespace {

const std::vector<NodeProfile>& Profiles() {
  static const std::vector<NodeProfile> profiles{
      {"standard",
       "Standard (sliced)",
       "GPUs are offered in slices of 1, 2 and 4 GPUs and as the whole node; one workload's GPUs stay on one node.",
       {1, 2, 4, 8}},
      {"whole-node", "Whole node", "The node is rented only whole: one workload gets every GPU.", {8}},
  };
  return profiles;
}

}  // namespace

Status ValidateSlug(std::string_view value, std::string_view field) {
  const auto refuse = [field] {
    return Error::InvalidArgument(std::string(field),
                                  "must be 1 to 63 lower-case letters, digits or '-', not starting or ending with '-'");
  };
  if (value.empty() || value.size() > 63 || value.front() == '-' || value.back() == '-') return refuse();
  const bool valid = std::all_of(value.begin(), value.end(),
                                 [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
  return valid ? Ok() : refuse();
}

std::span<const NodeProfile> NodeProfiles() { return Profiles(); }

const NodeProfile* FindNodeProfile(std::string_view id) {
  for (const auto& profile : Profiles()) {
    if (profile.id == id) return &profile;
  }
  return nullptr;
}

std::vector<int> SliceSizesFor(const NodeProfile& profile, std::int64_t gpu_count) {
  if (gpu_count <= 0) return {};
  const int whole = static_cast<int>(gpu_count);
  std::set<int> sizes;
  for (const int size : profile.slice_sizes) {
    if (profile.id == "whole-node") {
      sizes.insert(whole);
    } else if (size <= whole) {
      sizes.insert(size);
    }
  }
  sizes.insert(whole);
  return {sizes.begin(), sizes.end()};
}

}  // namespace gpuaas::services
