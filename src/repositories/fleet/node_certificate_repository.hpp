#pragma once

#include <optional>
#include <string>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct NodeCertificateRecord {
  std::string serial;
  std::string node_id;
  std::string public_key_fingerprint;
  Timestamp not_before;
  Timestamp not_after;
  Timestamp issued_at;
  std::optional<Timestamp> revoked_at;
  std::optional<std::string> revoke_reason;
};

class NodeCertificateRepository {
 public:
  static Status Insert(store::Session& session, const NodeCertificateRecord& certificate);
  static Result<std::optional<NodeCertificateRecord>> Find(store::Session& session, std::string_view serial);
  // Revokes every certificate of the node that is not revoked yet except `keep_serial`.
  static Status RevokeAllOf(store::Session& session, std::string_view node_id, std::string_view reason, Timestamp now,
                            std::string_view keep_serial = {});
};

}  // namespace gpuaas::repositories
