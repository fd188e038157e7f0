#pragma once

#include <string>
#include <vector>

#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

// What the scheduler needs of a node: its GPUs, how it slices them, where it stands and whether
// it takes new work.
struct NodeCapacityRecord {
  std::string id;
  std::string name;
  std::string gpu_model;
  std::int64_t gpu_count = 0;
  std::string profile;
  std::string state;       // enrolling | online | offline | cordoned | draining
  std::string scheduling;  // schedulable | cordoned | draining
  std::string region;
};

class CapacityRepository {
 public:
  // Every node with GPUs that is not retired.
  static Result<std::vector<NodeCapacityRecord>> Nodes(store::Session& session);
};

}  // namespace gpuaas::repositories
