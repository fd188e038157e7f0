#pragma once

#include <string>

#include "shared/clock.hpp"
#include "shared/id.hpp"
#include "store/database.hpp"

namespace gpuaas::services {

struct Installation {
  std::string id;  // inst_...: stable for the life of the database
  Timestamp installed_at;
};

// The identity of this GPUaaS installation, created by the first server that starts on a
// database and read by every later one (and every replica).
class InstallationService {
 public:
  InstallationService(store::Database& database, const Clock& clock, IdGenerator& ids)
      : database_(database), clock_(clock), ids_(ids) {}

  Result<Installation> Ensure();

 private:
  store::Database& database_;
  const Clock& clock_;
  IdGenerator& ids_;
};

}  // namespace gpuaas::services
