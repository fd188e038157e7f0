#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct BootstrapTokenRecord {
  std::string id;
  std::string secret_hash;
  std::string site_id;
  std::string profile;
  std::string purpose;  // enroll | reenroll
  std::optional<std::string> node_id;
  std::string created_by;
  Timestamp created_at;
  Timestamp expires_at;
  std::optional<Timestamp> used_at;
  std::optional<Timestamp> revoked_at;
  std::string site_name;  // joined for read models
};

class BootstrapTokenRepository {
 public:
  static Status Insert(store::Session& session, const BootstrapTokenRecord& token);
  static Result<std::optional<BootstrapTokenRecord>> Find(store::Session& session, std::string_view id);
  static Result<std::optional<BootstrapTokenRecord>> FindBySecretHash(store::Session& session,
                                                                      std::string_view secret_hash);
  // Newest first, at most `limit`.
  static Result<std::vector<BootstrapTokenRecord>> List(store::Session& session, std::int64_t limit);
  // Uses the token once: false when another enrollment used or someone revoked it first.
  static Result<bool> MarkUsed(store::Session& session, std::string_view id, std::string_view node_id, Timestamp now);
  static Result<bool> Revoke(store::Session& session, std::string_view id, Timestamp now);
};

}  // namespace gpuaas::repositories
