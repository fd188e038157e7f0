#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct SiteRecord {
  std::string id;
  std::string name;
  std::string region;
  std::string description;
  Timestamp created_at;
  std::int64_t node_count = 0;  // read models only: nodes not retired
};

class SiteRepository {
 public:
  // A second site with the same name is a `conflict` (unique index).
  static Status Insert(store::Session& session, const SiteRecord& site);
  static Result<std::vector<SiteRecord>> List(store::Session& session);
  static Result<std::optional<SiteRecord>> Find(store::Session& session, std::string_view id);
  static Result<std::optional<SiteRecord>> FindByName(store::Session& session, std::string_view name);
};

}  // namespace gpuaas::repositories
