#include "services/compute/workload_service.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "repositories/access/entitlement_repository.hpp"
#include "repositories/access/ssh_key_repository.hpp"
#include "repositories/access/tenancy_repository.hpp"
#include "repositories/compute/sku_repository.hpp"
#include "repositories/fleet/node_repository.hpp"
#include "services/access/authorizer.hpp"
#include "services/access/quota_service.hpp"
#include "services/access/ssh_public_key.hpp"
#include "services/compute/compute_rules.hpp"
#include "services/compute/sku_service.hpp"
#include "shared/rfc3339.hpp"

namespace gpuaas::services {

using repositories::SkuRecord;
using repositories::WorkloadRecord;
using repositories::WorkloadRepository;

namespace {

// The page cursor: the last row's created_at and id, opaque to clients.
std::string EncodeCursor(const WorkloadRecord& last) { return FormatRfc3339(last.created_at) + "|" + last.id; }

Status DecodeCursor(std::string_view cursor, repositories::WorkloadFilter& filter) {
  const auto bar = cursor.find('|');
  if (bar == std::string_view::npos || !ParseRfc3339(cursor.substr(0, bar))) {
    return Error::InvalidArgument("cursor", "is not a cursor this server issued");
  }
  filter.cursor_created_at = std::string(cursor.substr(0, bar));
  filter.cursor_id = std::string(cursor.substr(bar + 1));
  return Ok();
}

Status CheckEntitled(store::Session& session, std::string_view project_id, const SkuRecord& sku) {
  GPUAAS_ASSIGN_OR_RETURN(const auto rules, repositories::EntitlementRepository::ListForProject(session, project_id));
  if (SkuService::IsEntitled(rules, sku)) return Ok();
  return Error::PermissionDenied("the project is not entitled to SKU " + sku.name).WithDetail("field", "sku");
}

// A request larger than the limit itself can never run: refused. One that fits the limit but not
// what already runs is queued with the reason `quota` by the scheduler.
Status CheckQuotaCeiling(store::Session& session, std::string_view project_id, const Caller& caller, std::int64_t gpus,
                         std::int64_t count) {
  const auto user = caller.principal.is_user() ? std::optional<std::string_view>(caller.principal.id) : std::nullopt;
  GPUAAS_ASSIGN_OR_RETURN(const auto quota, QuotaService::Resolve(session, project_id, user));
  if (quota.gpus.limit && gpus * count > *quota.gpus.limit) {
    return Error::InvalidArgument("count", std::to_string(gpus * count) + " GPUs is over the quota of " +
                                               std::to_string(*quota.gpus.limit) + " GPUs (" + quota.gpus.source + ")");
  }
  if (quota.workloads.limit && count > *quota.workloads.limit) {
    return Error::InvalidArgument("count", std::to_string(count) + " workloads is over the quota of " +
                                               std::to_string(*quota.workloads.limit) + " workloads (" +
                                               quota.workloads.source + ")");
  }
  return Ok();
}

// The keys a launch installs: chosen ones of the caller's, and the inline one (already parsed).
Result<boost::json::array> LaunchKeys(store::Session& session, const Caller& caller, const LaunchInput& input,
                                      const std::optional<repositories::SshKeyRecord>& inline_key) {
  boost::json::array keys;
  for (std::size_t i = 0; i < input.ssh_key_ids.size(); ++i) {
    GPUAAS_ASSIGN_OR_RETURN(const auto key,
                            repositories::SshKeyRepository::Find(session, caller.principal.id, input.ssh_key_ids[i]));
    if (!key) {
      return Error::InvalidArgument("ssh_key_ids[" + std::to_string(i) + "]",
                                    "SSH key " + input.ssh_key_ids[i] + " is not one of your keys");
    }
    keys.push_back({{"fingerprint", key->fingerprint}, {"public_key", key->public_key}});
  }
  if (inline_key) keys.push_back({{"fingerprint", inline_key->fingerprint}, {"public_key", inline_key->public_key}});
  return keys;
}

}  // namespace

Result<WorkloadRecord> WorkloadService::LoadVisible(store::Session& session, const Caller& caller, std::string_view id,
                                                    bool for_use) {
  const auto hidden = Error::HiddenNotFound("workload " + std::string(id) + " not found");
  GPUAAS_ASSIGN_OR_RETURN(auto workload, WorkloadRepository::Find(session, id));
  if (!workload) return hidden;
  if (caller.principal.kind == PrincipalKind::kSystem) return std::move(*workload);
  auto access = Authorizer::RequireProject(session, caller, workload->project_id,
                                           for_use ? ProjectRole::kMember : ProjectRole::kViewer);
  if (!access) {
    if (access.error().code() == ErrorCode::kPermissionDenied) return access.TakeError();
    return hidden;
  }
  return std::move(*workload);
}

Result<std::vector<WorkloadRecord>> WorkloadService::Launch(const Caller& caller, const LaunchInput& input) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireSignedIn(caller));
  if (!caller.principal.can_write) return Error::PermissionDenied("this token is read-only");
  GPUAAS_RETURN_IF_ERROR(ValidateWorkloadName(input.name, "name"));
  if (input.count < 1 || input.count > kMaxLaunchCount) {
    return Error::InvalidArgument("count", "must be from 1 to " + std::to_string(kMaxLaunchCount));
  }
  if (input.name.size() + 3 > 63 && input.count > 1) {
    return Error::InvalidArgument("name", "must leave room for the -N suffix of several workloads");
  }
  if (input.ssh_key_ids.size() > 20) return Error::InvalidArgument("ssh_key_ids", "at most 20 keys");
  std::optional<repositories::SshKeyRecord> inline_key;
  if (input.ssh_public_key) {
    if (!caller.principal.is_user()) {
      return Error::InvalidArgument("ssh_public_key", "only a user can add a key to their account");
    }
    auto parsed = ParseSshPublicKey(*input.ssh_public_key);
    if (!parsed) return Error::InvalidArgument("ssh_public_key", parsed.error().message());
    inline_key = repositories::SshKeyRecord{context_.ids.Next("key"),
                                            caller.principal.id,
                                            parsed->comment.empty() ? "added at launch" : parsed->comment.substr(0, 60),
                                            parsed->type,
                                            parsed->bits,
                                            parsed->fingerprint,
                                            parsed->normalized,
                                            parsed->comment,
                                            context_.clock.Now()};
  }
  if (!input.ssh_key_ids.empty() && !caller.principal.is_user()) {
    return Error::InvalidArgument("ssh_key_ids", "service accounts have no SSH keys; pass ssh_public_key instead");
  }

  std::vector<WorkloadRecord> launched;
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    launched.clear();
    GPUAAS_ASSIGN_OR_RETURN(const auto access,
                            Authorizer::RequireProject(session, caller, input.project_id, ProjectRole::kMember));
    GPUAAS_ASSIGN_OR_RETURN(const auto sku, repositories::SkuRepository::Find(session, input.sku));
    if (!sku) return Error::InvalidArgument("sku", "unknown SKU '" + input.sku.substr(0, 64) + "'");
    if (sku->state != "active") {
      return Error::InvalidArgument("sku", "SKU " + sku->name + " is " + sku->state + ", not available to launch");
    }
    GPUAAS_RETURN_IF_ERROR(CheckEntitled(session, access.project.id, *sku));
    GPUAAS_RETURN_IF_ERROR(CheckQuotaCeiling(session, access.project.id, caller, sku->gpus, input.count));
    std::optional<repositories::SshKeyRecord> key_to_add;
    if (inline_key) {
      GPUAAS_ASSIGN_OR_RETURN(const auto existing, repositories::SshKeyRepository::FindByFingerprint(
                                                       session, caller.principal.id, inline_key->fingerprint));
      if (!existing) key_to_add = inline_key;
    }
    GPUAAS_ASSIGN_OR_RETURN(const auto keys, LaunchKeys(session, caller, input, inline_key));
    if (key_to_add) {
      GPUAAS_RETURN_IF_ERROR(repositories::SshKeyRepository::Insert(session, *key_to_add));
      GPUAAS_RETURN_IF_ERROR(context_.audit.Append(
          session, caller,
          {"ssh_key.create",
           "ssh_key",
           key_to_add->id,
           {},
           {},
           "allowed",
           {{"name", key_to_add->name}, {"fingerprint", key_to_add->fingerprint}, {"during", "workload.launch"}}}));
    }
    const auto now = context_.clock.Now();
    for (std::int64_t i = 0; i < input.count; ++i) {
      WorkloadRecord w;
      w.id = context_.ids.Next("wl");
      w.name = input.count == 1 || i == 0 ? input.name : input.name + "-" + std::to_string(i + 1);
      w.project_id = access.project.id;
      w.tenant_id = access.project.tenant_id;
      w.owner_id = caller.principal.id;
      w.owner_label = caller.principal.label;
      w.sku_id = sku->id;
      w.sku_name = sku->name;
      w.sku_title = sku->title;
      w.gpus = sku->gpus;
      w.gpu_model = sku->gpu_model;
      w.regions = sku->regions;
      w.hourly_price_micros = sku->hourly_price_micros;
      // Arrival order; the index keeps one launch's workloads in order within the microsecond.
      w.queue_us = MicrosSinceEpoch(now) + i;
      w.state = "requested";
      w.ssh_keys = boost::json::serialize(keys);
      w.requested_at = now;
      w.created_at = now;
      w.updated_at = now;
      GPUAAS_RETURN_IF_ERROR(WorkloadRepository::Insert(session, w));
      GPUAAS_RETURN_IF_ERROR(
          context_.audit.Append(session, caller,
                                {"workload.launch",
                                 "workload",
                                 w.id,
                                 w.project_id,
                                 w.tenant_id,
                                 "allowed",
                                 {{"name", w.name}, {"sku", sku->name}, {"gpus", std::to_string(w.gpus)}}}));
      launched.push_back(std::move(w));
    }
    return Ok();
  }));
  if (on_launch_) on_launch_();
  return launched;
}

Result<WorkloadPage> WorkloadService::List(const Caller& caller, const WorkloadListQuery& query) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireSignedIn(caller));
  WorkloadPage page;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    repositories::WorkloadFilter filter;
    filter.limit = std::clamp(query.limit, 1, 200) + 1;
    if (query.project_id) {
      GPUAAS_ASSIGN_OR_RETURN(const auto access,
                              Authorizer::RequireProject(session, caller, *query.project_id, ProjectRole::kViewer));
      filter.project_id = access.project.id;
      filter.all_projects = true;
    } else if (caller.principal.platform_admin) {
      filter.all_projects = true;
    } else if (caller.principal.kind == PrincipalKind::kServiceAccount) {
      filter.visible_projects = {caller.principal.project_id};
    } else {
      GPUAAS_ASSIGN_OR_RETURN(const auto projects,
                              repositories::TenancyRepository::ListProjectsVisibleTo(session, caller.principal.id));
      for (const auto& project : projects) filter.visible_projects.push_back(project.id);
    }
    auto counted = filter;
    GPUAAS_ASSIGN_OR_RETURN(page.count_all, WorkloadRepository::Count(session, counted));
    counted.archived = true;
    GPUAAS_ASSIGN_OR_RETURN(page.count_history, WorkloadRepository::Count(session, counted));
    page.count_default = page.count_all - page.count_history;
    if (query.view == WorkloadView::kDefault) filter.archived = false;
    if (query.view == WorkloadView::kHistory) filter.archived = true;
    if (query.cursor) GPUAAS_RETURN_IF_ERROR(DecodeCursor(*query.cursor, filter));
    GPUAAS_ASSIGN_OR_RETURN(page.items, WorkloadRepository::List(session, filter));
    return Ok();
  }));
  if (static_cast<int>(page.items.size()) > std::clamp(query.limit, 1, 200)) {
    page.items.pop_back();
    page.next_cursor = EncodeCursor(page.items.back());
  }
  return page;
}

Result<WorkloadRecord> WorkloadService::Get(const Caller& caller, std::string_view id) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireSignedIn(caller));
  WorkloadRecord workload;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(workload, LoadVisible(session, caller, id, false));
    return Ok();
  }));
  return workload;
}

Result<WorkloadDetail> WorkloadService::Detail(const Caller& caller, std::string_view id) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequireSignedIn(caller));
  WorkloadDetail detail;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(detail.workload, LoadVisible(session, caller, id, false));
    if (detail.workload.node_id && HoldsCapacity(detail.workload.state)) {
      GPUAAS_ASSIGN_OR_RETURN(const auto node, repositories::NodeRepository::Find(session, *detail.workload.node_id));
      if (node) {
        detail.node_telemetry = node->telemetry;
        detail.telemetry_at = node->telemetry_at;
      }
    }
    return Ok();
  }));
  return detail;
}

}  // namespace gpuaas::services
