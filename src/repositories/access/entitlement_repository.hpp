#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

// Which SKUs or apps a project may use. A project without a row for a kind may use every
// active one of that kind.
struct EntitlementRecord {
  std::string project_id;
  std::string resource_kind;         // sku | app
  std::string mode;                  // all_active | allow_list
  std::vector<std::string> allowed;  // stored space-separated; empty for all_active
  Timestamp updated_at;
  std::string updated_by;
};

class EntitlementRepository {
 public:
  // Inserts the record, or replaces the one with the same project and kind.
  static Status Upsert(store::Session& session, const EntitlementRecord& record);
  // The project's records, ordered by resource_kind.
  static Result<std::vector<EntitlementRecord>> ListForProject(store::Session& session, std::string_view project_id);
};

}  // namespace gpuaas::repositories
