#include "repositories/compute/capacity_repository.hpp"

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {

Result<std::vector<NodeCapacityRecord>> CapacityRepository::Nodes(store::Session& session) {
  return QueryAll<NodeCapacityRecord>(
      session,
      "SELECT n.id, n.name, COALESCE(n.gpu_model, ''), n.gpu_count, n.profile, n.state, n.scheduling, s.region "
      "FROM nodes n JOIN sites s ON s.id = n.site_id WHERE n.state <> 'retired' AND n.gpu_count > 0 ORDER BY n.id",
      {}, [](const store::Row& row) {
        return NodeCapacityRecord{row.Text(0), row.Text(1), row.Text(2), row.Int(3),
                                  row.Text(4), row.Text(5), row.Text(6), row.Text(7)};
      });
}

}  // namespace gpuaas::repositories
