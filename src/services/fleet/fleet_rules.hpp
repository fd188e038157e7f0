#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "shared/result.hpp"

namespace gpuaas::services {

// Site and region names: 1 to 63 of [a-z0-9-], not starting or ending with '-' (DNS labels,
// so they can name things in hostnames and URLs later).
Status ValidateSlug(std::string_view value, std::string_view field);

// How a node's GPUs are offered: `standard` slices them into 1, 2 and 4 GPU slots and the whole
// node; `whole-node` rents the node only whole.
struct NodeProfile {
  std::string_view id;
  std::string_view title;
  std::string_view description;
  std::vector<int> slice_sizes;  // for an 8-GPU node; smaller nodes cap them at their GPU count
};

std::span<const NodeProfile> NodeProfiles();
const NodeProfile* FindNodeProfile(std::string_view id);

// The slot sizes a node of `gpu_count` GPUs offers under `profile`.
std::vector<int> SliceSizesFor(const NodeProfile& profile, std::int64_t gpu_count);

}  // namespace gpuaas::services
