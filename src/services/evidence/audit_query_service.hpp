#pragma once

#include <optional>
#include <string>
#include <vector>

#include "repositories/evidence/audit_repository.hpp"
#include "services/access/caller.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

struct AuditPage {
  std::vector<repositories::AuditRecord> items;
  std::optional<std::string> next_cursor;
};

// Reading the audit trail. Platform admins see every row; users see the rows they caused
// and the rows of projects they administer or belong to; service accounts see their own.
class AuditQueryService {
 public:
  explicit AuditQueryService(ServiceContext context) : context_(context) {}

  static constexpr std::size_t kMaxPage = 200;
  static constexpr std::size_t kMaxExport = 10000;

  // `cursor` is the opaque next_cursor of the previous page.
  Result<AuditPage> List(const Caller& caller, repositories::AuditFilter filter, std::optional<std::string> cursor);
  Result<repositories::AuditRecord> Get(const Caller& caller, std::string_view audit_id);
  // The rows of List without paging, newest first, at most kMaxExport.
  Result<std::vector<repositories::AuditRecord>> Export(const Caller& caller, repositories::AuditFilter filter);

 private:
  Status ApplyVisibility(store::Session& session, const Caller& caller, repositories::AuditFilter& filter);

  ServiceContext context_;
};

}  // namespace gpuaas::services
