#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "services/access/caller.hpp"
#include "shared/clock.hpp"

namespace gpuaas::services {

// Resolved credentials, keyed by the credential's digest, kept for at most `ttl`. The short
// TTL is the revocation bound across replicas: a token revoked on another replica stops
// working here within one TTL. Revocations on this replica clear the cache at once.
class PrincipalCache {
 public:
  explicit PrincipalCache(std::chrono::microseconds ttl = std::chrono::milliseconds(1000), std::size_t max_size = 50000)
      : ttl_(ttl), max_size_(max_size) {}

  std::optional<Principal> Find(const std::string& digest, Timestamp now) const;
  void Put(const std::string& digest, const Principal& principal, Timestamp now);
  void Clear();

 private:
  struct Entry {
    Principal principal;
    Timestamp expires_at;
  };
  std::chrono::microseconds ttl_;
  std::size_t max_size_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace gpuaas::services
