#pragma once

#include <string>

#include "store/database.hpp"
#include "store/migrations/migration_runner.hpp"

namespace gpuaas::services {

struct Readiness {
  bool ready = false;
  bool database_reachable = false;
  std::string database_problem;  // client-safe; empty when reachable
  store::MigrationState migrations;
};

// Whether this replica can serve traffic: the database answers and its schema is the one
// this binary expects. Load balancers poll it through GET /readyz.
class ReadinessService {
 public:
  ReadinessService(store::Database& database, store::MigrationRunner& migrations)
      : database_(database), migrations_(migrations) {}

  Readiness Check();

 private:
  store::Database& database_;
  store::MigrationRunner& migrations_;
};

}  // namespace gpuaas::services
