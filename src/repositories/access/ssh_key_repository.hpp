#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct SshKeyRecord {
  std::string id;
  std::string user_id;
  std::string name;
  std::string key_type;
  std::int64_t bits = 0;
  std::string fingerprint;
  std::string public_key;
  std::string comment;
  Timestamp created_at;
};

class SshKeyRepository {
 public:
  // A second key with the same fingerprint for the same user is a `conflict` (unique index).
  static Status Insert(store::Session& session, const SshKeyRecord& key);
  static Result<std::vector<SshKeyRecord>> ListByUser(store::Session& session, std::string_view user_id);
  static Result<std::optional<SshKeyRecord>> Find(store::Session& session, std::string_view user_id,
                                                  std::string_view id);
  static Result<std::optional<SshKeyRecord>> FindByFingerprint(store::Session& session, std::string_view user_id,
                                                               std::string_view fingerprint);
  static Status Delete(store::Session& session, std::string_view user_id, std::string_view id);
};

}  // namespace gpuaas::repositories
