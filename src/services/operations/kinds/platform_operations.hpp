#pragma once

#include "services/operations/operation_registry.hpp"

namespace gpuaas::services {

// The "platform" target (the installation itself, platform admins only) and
// platform.selftest: a synthetic operation that proves the runner works end to end, with
// optional slow steps and injected transient failures. The crash, retry and throughput
// tests and benchmarks run it.
void RegisterPlatformOperations(OperationRegistry& registry);

}  // namespace gpuaas::services
