#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct SkuRecord {
  std::string id;
  std::string name;
  std::string title;
  std::string gpu_model;
  std::int64_t gpus = 1;
  std::int64_t vcpu = 0;
  std::int64_t memory_gib = 0;
  std::int64_t disk_gib = 0;
  std::int64_t hourly_price_micros = 0;
  std::string currency;
  std::vector<std::string> regions;  // empty: every region
  std::string state;                 // draft | active | retired
  Timestamp created_at;
  Timestamp updated_at;
};

class SkuRepository {
 public:
  static Result<std::vector<SkuRecord>> List(store::Session& session);
  // By id or by name.
  static Result<std::optional<SkuRecord>> Find(store::Session& session, std::string_view id_or_name);
};

}  // namespace gpuaas::repositories
