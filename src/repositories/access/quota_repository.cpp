#include "repositories/access/quota_repository.hpp"

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {
namespace {

constexpr std::string_view kSelect =
    "SELECT scope, scope_id, max_gpus, max_workloads, updated_at, updated_by FROM quota_rules ";

QuotaRuleRecord FromRow(const store::Row& row) {
  return QuotaRuleRecord{row.Text(0),           row.Text(1),    OptionalIntAt(row, 2),
                         OptionalIntAt(row, 3), TimeAt(row, 4), row.Text(5)};
}

}  // namespace

Status QuotaRepository::Upsert(store::Session& session, const QuotaRuleRecord& rule) {
  GPUAAS_RETURN_IF_ERROR(session.Execute(
      "INSERT INTO quota_rules (scope, scope_id, max_gpus, max_workloads, updated_at, updated_by) "
      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (scope, scope_id) DO UPDATE SET max_gpus = excluded.max_gpus, "
      "max_workloads = excluded.max_workloads, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
      {rule.scope, rule.scope_id, OptionalIntValue(rule.max_gpus), OptionalIntValue(rule.max_workloads),
       TimeValue(rule.updated_at), rule.updated_by}));
  return Ok();
}

Result<std::optional<QuotaRuleRecord>> QuotaRepository::Find(store::Session& session, std::string_view scope,
                                                             std::string_view scope_id) {
  return QueryOne<QuotaRuleRecord>(session, std::string(kSelect) + "WHERE scope = ? AND scope_id = ?",
                                   {std::string(scope), std::string(scope_id)}, FromRow);
}

Result<std::int64_t> QuotaRepository::Delete(store::Session& session, std::string_view scope,
                                             std::string_view scope_id) {
  return session.Execute("DELETE FROM quota_rules WHERE scope = ? AND scope_id = ?",
                         {std::string(scope), std::string(scope_id)});
}

Result<std::vector<QuotaRuleRecord>> QuotaRepository::ListOverrides(store::Session& session) {
  return QueryAll<QuotaRuleRecord>(session, std::string(kSelect) + "WHERE scope <> 'platform' ORDER BY scope, scope_id",
                                   {}, FromRow);
}

}  // namespace gpuaas::repositories
