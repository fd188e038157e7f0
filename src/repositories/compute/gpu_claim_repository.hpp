#pragma once

#include <string>
#include <vector>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct GpuClaimRecord {
  std::string node_id;
  std::int64_t gpu_index = 0;
  std::string workload_id;
};

// The GPUs workloads hold, one row per GPU. Its primary key refuses a second claim of a GPU
// (a `conflict`), which is the last word against double-booking.
class GpuClaimRepository {
 public:
  static Status Claim(store::Session& session, std::string_view node_id, std::int64_t first_gpu, std::int64_t gpus,
                      std::string_view workload_id, std::string_view project_id, std::string_view owner_id,
                      Timestamp now);
  static Result<std::int64_t> ReleaseOf(store::Session& session, std::string_view workload_id);
  static Result<std::vector<GpuClaimRecord>> All(store::Session& session);
  static Result<std::vector<GpuClaimRecord>> OfNode(store::Session& session, std::string_view node_id);
};

}  // namespace gpuaas::repositories
