#pragma once

#include <cstdint>
#include <functional>
#include <memory>

#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::store {

using Work = std::function<Status(Session&)>;

struct StoreStats {
  std::uint64_t writes = 0;   // Write() calls that committed
  std::uint64_t commits = 0;  // physical commits (SQLite groups several writes into one)
};

// The database behind every repository. Write() runs `work` in a transaction: all of it
// commits or none of it does, and an error from `work` rolls back only that work. Read()
// runs on a read-only connection. Both block the calling (worker) thread, never an IO thread.
class Database {
 public:
  virtual ~Database() = default;
  [[nodiscard]] virtual Dialect dialect() const = 0;
  virtual Status Write(const Work& work) = 0;
  virtual Status Read(const Work& work) = 0;
  virtual Status Ping() = 0;
  [[nodiscard]] virtual StoreStats stats() const = 0;
};

}  // namespace gpuaas::store
