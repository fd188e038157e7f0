#include "repositories/compute/gpu_claim_repository.hpp"

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {
namespace {

GpuClaimRecord FromRow(const store::Row& row) { return GpuClaimRecord{row.Text(0), row.Int(1), row.Text(2)}; }

}  // namespace

Status GpuClaimRepository::Claim(store::Session& session, std::string_view node_id, std::int64_t first_gpu,
                                 std::int64_t gpus, std::string_view workload_id, std::string_view project_id,
                                 std::string_view owner_id, Timestamp now) {
  for (std::int64_t index = first_gpu; index < first_gpu + gpus; ++index) {
    GPUAAS_RETURN_IF_ERROR(
        session.Execute("INSERT INTO gpu_claims (node_id, gpu_index, workload_id, project_id, owner_id, claimed_at) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        {std::string(node_id), index, std::string(workload_id), std::string(project_id),
                         std::string(owner_id), TimeValue(now)}));
  }
  return Ok();
}

Result<std::int64_t> GpuClaimRepository::ReleaseOf(store::Session& session, std::string_view workload_id) {
  return session.Execute("DELETE FROM gpu_claims WHERE workload_id = ?", {std::string(workload_id)});
}

Result<std::vector<GpuClaimRecord>> GpuClaimRepository::All(store::Session& session) {
  return QueryAll<GpuClaimRecord>(session, "SELECT node_id, gpu_index, workload_id FROM gpu_claims", {}, FromRow);
}

Result<std::vector<GpuClaimRecord>> GpuClaimRepository::OfNode(store::Session& session, std::string_view node_id) {
  return QueryAll<GpuClaimRecord>(
      session, "SELECT node_id, gpu_index, workload_id FROM gpu_claims WHERE node_id = ? ORDER BY gpu_index",
      {std::string(node_id)}, FromRow);
}

}  // namespace gpuaas::repositories
