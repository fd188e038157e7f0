#include "services/evidence/audit_query_service.hpp"

#include <charconv>

#include "repositories/access/tenancy_repository.hpp"
#include "services/access/authorizer.hpp"

namespace gpuaas::services {

using repositories::AuditFilter;
using repositories::AuditRepository;

namespace {

// Cursors are "a" + the last seq seen; opaque to clients.
std::string EncodeCursor(std::int64_t seq) { return "a" + std::to_string(seq); }

Result<std::int64_t> DecodeCursor(std::string_view cursor) {
  std::int64_t seq = 0;
  if (cursor.size() < 2 || cursor.front() != 'a') return Error::InvalidArgument("cursor", "is not a valid cursor");
  const auto* end = cursor.data() + cursor.size();
  const auto [ptr, ec] = std::from_chars(cursor.data() + 1, end, seq);
  if (ec != std::errc() || ptr != end || seq <= 0) return Error::InvalidArgument("cursor", "is not a valid cursor");
  return seq;
}

}  // namespace

Status AuditQueryService::ApplyVisibility(store::Session& session, const Caller& caller, AuditFilter& filter) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireSignedIn(caller));
  if (caller.principal.platform_admin) return Ok();
  filter.visible_actor_id = caller.principal.id;
  if (caller.principal.kind == PrincipalKind::kServiceAccount) return Ok();
  GPUAAS_ASSIGN_OR_RETURN(const auto projects,
                          repositories::TenancyRepository::ListProjectsVisibleTo(session, caller.principal.id));
  for (const auto& project : projects) filter.visible_project_ids.push_back(project.id);
  return Ok();
}

Result<AuditPage> AuditQueryService::List(const Caller& caller, AuditFilter filter, std::optional<std::string> cursor) {
  if (filter.limit == 0 || filter.limit > kMaxPage) {
    return Error::InvalidArgument("limit", "must be between 1 and " + std::to_string(kMaxPage));
  }
  if (cursor) {
    GPUAAS_ASSIGN_OR_RETURN(filter.before_seq, DecodeCursor(*cursor));
  }
  AuditPage page;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_RETURN_IF_ERROR(ApplyVisibility(session, caller, filter));
    // One row more than asked tells whether another page exists.
    const auto wanted = filter.limit;
    filter.limit = wanted + 1;
    GPUAAS_ASSIGN_OR_RETURN(page.items, AuditRepository::List(session, filter));
    if (page.items.size() > wanted) {
      page.items.resize(wanted);
      page.next_cursor = EncodeCursor(page.items.back().seq);
    }
    return Ok();
  }));
  return page;
}

Result<repositories::AuditRecord> AuditQueryService::Get(const Caller& caller, std::string_view audit_id) {
  std::optional<repositories::AuditRecord> record;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    AuditFilter filter;
    GPUAAS_RETURN_IF_ERROR(ApplyVisibility(session, caller, filter));
    GPUAAS_ASSIGN_OR_RETURN(record, AuditRepository::FindById(session, audit_id));
    if (record && filter.visible_actor_id) {
      const bool own = record->actor_id == *filter.visible_actor_id;
      bool in_project = false;
      for (const auto& id : filter.visible_project_ids) in_project = in_project || record->project_id == id;
      if (!own && !in_project) record.reset();
    }
    return Ok();
  }));
  if (!record) return Error::HiddenNotFound("audit row " + std::string(audit_id) + " not found");
  return *record;
}

Result<std::vector<repositories::AuditRecord>> AuditQueryService::Export(const Caller& caller, AuditFilter filter) {
  std::vector<repositories::AuditRecord> rows;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_RETURN_IF_ERROR(ApplyVisibility(session, caller, filter));
    filter.limit = kMaxExport;
    GPUAAS_ASSIGN_OR_RETURN(rows, AuditRepository::List(session, filter));
    return Ok();
  }));
  return rows;
}

}  // namespace gpuaas::services
