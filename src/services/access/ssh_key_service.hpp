#pragma once

#include <string>
#include <vector>

#include "repositories/access/ssh_key_repository.hpp"
#include "services/access/caller.hpp"
#include "services/service_context.hpp"

namespace gpuaas::services {

// A user's SSH public keys (Account → Security), installed later on the hosts of their
// workloads.
class SshKeyService {
 public:
  explicit SshKeyService(ServiceContext context) : context_(context) {}

  Result<std::vector<repositories::SshKeyRecord>> List(const Caller& caller);
  Result<repositories::SshKeyRecord> Add(const Caller& caller, std::string_view name, std::string_view public_key);
  Status Delete(const Caller& caller, std::string_view key_id);

 private:
  ServiceContext context_;
};

}  // namespace gpuaas::services
