#include "repositories/compute/sku_repository.hpp"

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {
namespace {

constexpr std::string_view kSelect =
    "SELECT id, name, title, gpu_model, gpus, vcpu, memory_gib, disk_gib, hourly_price_micros, currency, regions, "
    "state, created_at, updated_at FROM skus ";

SkuRecord FromRow(const store::Row& row) {
  return SkuRecord{row.Text(0),
                   row.Text(1),
                   row.Text(2),
                   row.Text(3),
                   row.Int(4),
                   row.Int(5),
                   row.Int(6),
                   row.Int(7),
                   row.Int(8),
                   row.Text(9),
                   SplitSpaces(row.Text(10)),
                   row.Text(11),
                   TimeAt(row, 12),
                   TimeAt(row, 13)};
}

}  // namespace

Result<std::vector<SkuRecord>> SkuRepository::List(store::Session& session) {
  return QueryAll<SkuRecord>(session, std::string(kSelect) + "ORDER BY gpu_model, gpus, name", {}, FromRow);
}

Result<std::optional<SkuRecord>> SkuRepository::Find(store::Session& session, std::string_view id_or_name) {
  return QueryOne<SkuRecord>(session, std::string(kSelect) + "WHERE id = ? OR name = ?",
                             {std::string(id_or_name), std::string(id_or_name)}, FromRow);
}

}  // namespace gpuaas::repositories
