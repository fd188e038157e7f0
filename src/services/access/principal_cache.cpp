#include "services/access/principal_cache.hpp"

namespace gpuaas::services {

std::optional<Principal> PrincipalCache::Find(const std::string& digest, Timestamp now) const {
  const std::lock_guard lock(mutex_);
  const auto it = entries_.find(digest);
  if (it == entries_.end() || it->second.expires_at <= now) return std::nullopt;
  return it->second.principal;
}

void PrincipalCache::Put(const std::string& digest, const Principal& principal, Timestamp now) {
  const std::lock_guard lock(mutex_);
  // Bounded: when full, expired entries go first, and if none expired the cache starts over.
  if (entries_.size() >= max_size_) {
    std::erase_if(entries_, [now](const auto& item) { return item.second.expires_at <= now; });
    if (entries_.size() >= max_size_) entries_.clear();
  }
  entries_.insert_or_assign(digest, Entry{principal, now + ttl_});
}

void PrincipalCache::Clear() {
  const std::lock_guard lock(mutex_);
  entries_.clear();
}

}  // namespace gpuaas::services
