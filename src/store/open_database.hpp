#pragma once

#include <memory>

#include "store/database.hpp"
#include "store/database_url.hpp"

namespace gpuaas::store {

struct StoreOptions {
  std::size_t sqlite_readers = 4;
  std::size_t pg_pool_size = 8;
};

// The one place that turns a database URL into a backend.
Result<std::unique_ptr<Database>> OpenDatabase(const DatabaseUrl& url, const StoreOptions& options);

}  // namespace gpuaas::store
