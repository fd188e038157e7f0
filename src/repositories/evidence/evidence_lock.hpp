#pragma once

#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

// Orders every append to the audit chain and the outbox across replicas: on PostgreSQL a
// transaction-scoped advisory lock, held until commit, so sequence numbers taken under it
// are also commit order. SQLite's single writer already gives that. One lock for both, so
// a transaction that appends to both can never deadlock with another.
Status LockEvidence(store::Session& session);

}  // namespace gpuaas::repositories
