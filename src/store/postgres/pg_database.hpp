#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/postgres/pg_connection.hpp"

namespace gpuaas::store {

struct PgOptions {
  std::size_t pool_size = 8;
  std::chrono::milliseconds acquire_timeout{5000};
};

// The production store: a bounded pool of libpq connections. Each Write() is its own
// transaction; PostgreSQL groups concurrent commits itself. Safe for many server replicas.
class PgDatabase final : public Database {
 public:
  static Result<std::unique_ptr<PgDatabase>> Open(const std::string& uri, const PgOptions& options);
  PgDatabase(std::string uri, const PgOptions& options, std::unique_ptr<PgConnection> first);

  [[nodiscard]] Dialect dialect() const override { return Dialect::kPostgres; }
  Status Write(const Work& work) override;
  Status Read(const Work& work) override;
  Status Ping() override;
  [[nodiscard]] StoreStats stats() const override;

 private:
  Result<std::unique_ptr<PgConnection>> Acquire();
  void Release(std::unique_ptr<PgConnection> connection);
  Status InTransaction(const char* begin, const Work& work);

  const std::string uri_;
  const PgOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable released_;
  std::vector<std::unique_ptr<PgConnection>> idle_;
  std::size_t open_ = 0;
  StoreStats stats_;
};

}  // namespace gpuaas::store
