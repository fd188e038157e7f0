#include "repositories/access/user_repository.hpp"

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {
namespace {

constexpr std::string_view kColumns =
    "id, email, display_name, password_hash, platform_admin, status, created_at, updated_at, password_changed_at";

UserRecord FromRow(const store::Row& row) {
  return UserRecord{row.Text(0), row.Text(1),    row.Text(2),    row.Text(3),   row.Int(4) != 0,
                    row.Text(5), TimeAt(row, 6), TimeAt(row, 7), TimeAt(row, 8)};
}

// Users with the end of their sign-in lock, if any.
constexpr std::string_view kWithLockSelect =
    "SELECT u.id, u.email, u.display_name, u.password_hash, u.platform_admin, u.status, u.created_at, "
    "u.updated_at, u.password_changed_at, lt.locked_until FROM users u "
    "LEFT JOIN login_throttle lt ON lt.email = u.email ";

std::pair<UserRecord, std::optional<Timestamp>> WithLockFromRow(const store::Row& row) {
  return {FromRow(row), OptionalTimeAt(row, 9)};
}

Result<std::optional<UserRecord>> FindOne(store::Session& session, std::string_view where, std::string_view value) {
  const auto sql = "SELECT " + std::string(kColumns) + " FROM users WHERE " + std::string(where) + " = ?";
  GPUAAS_ASSIGN_OR_RETURN(const auto rows, session.Query(sql, {std::string(value)}));
  if (rows.empty()) return std::optional<UserRecord>();
  return std::optional<UserRecord>(FromRow(rows.front()));
}

}  // namespace

Status UserRepository::Insert(store::Session& session, const UserRecord& user) {
  const auto sql = "INSERT INTO users (" + std::string(kColumns) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  GPUAAS_RETURN_IF_ERROR(session.Execute(
      sql, {user.id, user.email, user.display_name, user.password_hash, std::int64_t{user.platform_admin ? 1 : 0},
            user.status, TimeValue(user.created_at), TimeValue(user.updated_at), TimeValue(user.password_changed_at)}));
  return Ok();
}

Result<std::optional<UserRecord>> UserRepository::FindById(store::Session& session, std::string_view id) {
  return FindOne(session, "id", id);
}

Result<std::optional<std::pair<UserRecord, std::optional<Timestamp>>>> UserRepository::FindWithLock(
    store::Session& session, std::string_view id) {
  return QueryOne<std::pair<UserRecord, std::optional<Timestamp>>>(
      session,
      "SELECT u.id, u.email, u.display_name, u.password_hash, u.platform_admin, u.status, u.created_at, "
      "u.updated_at, u.password_changed_at, lt.locked_until FROM users u "
      "LEFT JOIN login_throttle lt ON lt.email = u.email WHERE u.id = ?",
      {std::string(id)}, [](const store::Row& row) {
        return std::pair{FromRow(row), OptionalTimeAt(row, 9)};
      });
}

Result<std::optional<UserRecord>> UserRepository::FindByEmail(store::Session& session, std::string_view email) {
  return FindOne(session, "email", email);
}

Result<std::vector<std::pair<UserRecord, std::optional<Timestamp>>>> UserRepository::ListWithLocks(
    store::Session& session, std::size_t limit) {
  return QueryAll<std::pair<UserRecord, std::optional<Timestamp>>>(
      session, std::string(kWithLockSelect) + "ORDER BY u.email LIMIT ?", {static_cast<std::int64_t>(limit)},
      WithLockFromRow);
}

Result<std::int64_t> UserRepository::Count(store::Session& session) {
  GPUAAS_ASSIGN_OR_RETURN(const auto rows, session.Query("SELECT COUNT(*) FROM users"));
  return rows.front().Int(0);
}

Status UserRepository::UpdateProfile(store::Session& session, std::string_view id, std::string_view display_name,
                                     Timestamp now) {
  GPUAAS_RETURN_IF_ERROR(session.Execute("UPDATE users SET display_name = ?, updated_at = ? WHERE id = ?",
                                         {std::string(display_name), TimeValue(now), std::string(id)}));
  return Ok();
}

Status UserRepository::UpdatePassword(store::Session& session, std::string_view id, std::string_view password_hash,
                                      Timestamp now) {
  GPUAAS_RETURN_IF_ERROR(
      session.Execute("UPDATE users SET password_hash = ?, password_changed_at = ?, updated_at = ? WHERE id = ?",
                      {std::string(password_hash), TimeValue(now), TimeValue(now), std::string(id)}));
  return Ok();
}

Status UserRepository::UpdateAdminFields(store::Session& session, std::string_view id, std::string_view status,
                                         bool platform_admin, Timestamp now) {
  GPUAAS_RETURN_IF_ERROR(
      session.Execute("UPDATE users SET status = ?, platform_admin = ?, updated_at = ? WHERE id = ?",
                      {std::string(status), std::int64_t{platform_admin ? 1 : 0}, TimeValue(now), std::string(id)}));
  return Ok();
}

Result<std::int64_t> UserRepository::CountActivePlatformAdmins(store::Session& session) {
  GPUAAS_ASSIGN_OR_RETURN(const auto rows,
                          session.Query("SELECT COUNT(*) FROM users WHERE platform_admin = 1 AND status = 'active'"));
  return rows.front().Int(0);
}

Result<std::optional<LoginThrottleRecord>> UserRepository::FindThrottle(store::Session& session,
                                                                        std::string_view email) {
  GPUAAS_ASSIGN_OR_RETURN(
      const auto rows,
      session.Query("SELECT email, failures, last_failure_at, blocked_until, locked_until FROM login_throttle "
                    "WHERE email = ?",
                    {std::string(email)}));
  if (rows.empty()) return std::optional<LoginThrottleRecord>();
  const auto& row = rows.front();
  return std::optional<LoginThrottleRecord>(
      LoginThrottleRecord{row.Text(0), row.Int(1), TimeAt(row, 2), OptionalTimeAt(row, 3), OptionalTimeAt(row, 4)});
}

Status UserRepository::UpsertThrottle(store::Session& session, const LoginThrottleRecord& record) {
  GPUAAS_RETURN_IF_ERROR(
      session.Execute("INSERT INTO login_throttle (email, failures, last_failure_at, blocked_until, locked_until) "
                      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (email) DO UPDATE SET failures = excluded.failures, "
                      "last_failure_at = excluded.last_failure_at, blocked_until = excluded.blocked_until, "
                      "locked_until = excluded.locked_until",
                      {record.email, record.failures, TimeValue(record.last_failure_at),
                       OptionalTimeValue(record.blocked_until), OptionalTimeValue(record.locked_until)}));
  return Ok();
}

Status UserRepository::ClearThrottle(store::Session& session, std::string_view email) {
  GPUAAS_RETURN_IF_ERROR(session.Execute("DELETE FROM login_throttle WHERE email = ?", {std::string(email)}));
  return Ok();
}

}  // namespace gpuaas::repositories
