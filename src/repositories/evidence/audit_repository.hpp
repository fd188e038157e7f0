#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct AuditRecord {
  std::int64_t seq = 0;
  std::string id;
  Timestamp occurred_at;
  std::string actor_type;
  std::string actor_id;
  std::string actor_label;
  std::string action;
  std::string target_type;
  std::string target_id;
  std::optional<std::string> project_id;
  std::optional<std::string> tenant_id;
  std::string request_id;
  std::string client_ip;
  std::string outcome;
  std::string metadata;  // JSON object text
  std::string prev_hash;
  std::string hash;
};

struct AuditHead {
  std::int64_t seq = 0;  // 0 for an empty log
  std::string hash;      // the genesis value for an empty log
};

struct AuditFilter {
  std::optional<std::string> actor_id;
  std::optional<std::string> action;
  std::optional<std::string> target_type;
  std::optional<std::string> target_id;
  std::optional<std::string> project_id;
  std::optional<std::string> outcome;
  std::optional<std::string> request_id;
  std::optional<Timestamp> since;
  std::optional<Timestamp> until;
  std::optional<std::int64_t> before_seq;  // cursor: rows older than this
  // Visibility for non-admins: rows whose actor is this user or whose project is listed.
  std::optional<std::string> visible_actor_id;
  std::vector<std::string> visible_project_ids;
  std::size_t limit = 50;
};

class AuditRepository {
 public:
  // Serialises appenders (an advisory transaction lock on PostgreSQL; SQLite has one writer)
  // and returns the current end of the chain.
  static Result<AuditHead> LockHead(store::Session& session);
  static Status Insert(store::Session& session, const AuditRecord& record);
  static Result<std::vector<AuditRecord>> List(store::Session& session, const AuditFilter& filter);
  static Result<std::optional<AuditRecord>> FindById(store::Session& session, std::string_view id);
  // Rows in chain order with seq > after_seq, for verification.
  static Result<std::vector<AuditRecord>> Scan(store::Session& session, std::int64_t after_seq, std::size_t limit);
};

}  // namespace gpuaas::repositories
