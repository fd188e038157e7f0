#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

// One quota rule: the platform default (scope "platform", scope_id "") or an override for a
// project or a user. An empty limit means unlimited.
struct QuotaRuleRecord {
  std::string scope;  // platform | project | user
  std::string scope_id;
  std::optional<std::int64_t> max_gpus;
  std::optional<std::int64_t> max_workloads;
  Timestamp updated_at;
  std::string updated_by;
};

class QuotaRepository {
 public:
  // Inserts the rule, or replaces the limits of the rule with the same scope and scope_id.
  static Status Upsert(store::Session& session, const QuotaRuleRecord& rule);
  static Result<std::optional<QuotaRuleRecord>> Find(store::Session& session, std::string_view scope,
                                                     std::string_view scope_id);
  // Returns the number of rules removed (0 or 1).
  static Result<std::int64_t> Delete(store::Session& session, std::string_view scope, std::string_view scope_id);
  // Every project and user override, ordered by scope and scope_id.
  static Result<std::vector<QuotaRuleRecord>> ListOverrides(store::Session& session);
};

}  // namespace gpuaas::repositories
