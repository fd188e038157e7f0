#include "repositories/fleet/site_repository.hpp"

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {
namespace {

constexpr std::string_view kSelect =
    "SELECT s.id, s.name, s.region, s.description, s.created_at, "
    "(SELECT COUNT(*) FROM nodes n WHERE n.site_id = s.id AND n.state <> 'retired') FROM sites s ";

SiteRecord FromRow(const store::Row& row) {
  return SiteRecord{row.Text(0), row.Text(1), row.Text(2), row.Text(3), TimeAt(row, 4), row.Int(5)};
}

}  // namespace

Status SiteRepository::Insert(store::Session& session, const SiteRecord& site) {
  GPUAAS_RETURN_IF_ERROR(
      session.Execute("INSERT INTO sites (id, name, region, description, created_at) VALUES (?, ?, ?, ?, ?)",
                      {site.id, site.name, site.region, site.description, TimeValue(site.created_at)}));
  return Ok();
}

Result<std::vector<SiteRecord>> SiteRepository::List(store::Session& session) {
  return QueryAll<SiteRecord>(session, std::string(kSelect) + "ORDER BY s.name", {}, FromRow);
}

Result<std::optional<SiteRecord>> SiteRepository::Find(store::Session& session, std::string_view id) {
  return QueryOne<SiteRecord>(session, std::string(kSelect) + "WHERE s.id = ?", {std::string(id)}, FromRow);
}

Result<std::optional<SiteRecord>> SiteRepository::FindByName(store::Session& session, std::string_view name) {
  return QueryOne<SiteRecord>(session, std::string(kSelect) + "WHERE s.name = ?", {std::string(name)}, FromRow);
}

}  // namespace gpuaas::repositories
