#include "repositories/notifications/notification_repository.hpp"

#include "repositories/row_reader.hpp"

namespace gpuaas::repositories {
namespace {

constexpr std::string_view kSelect =
    "SELECT seq, id, user_id, kind, title, body, link, event_id, created_at, read_at FROM notifications ";

NotificationRecord FromRow(const store::Row& row) {
  return NotificationRecord{row.Int(0),  row.Text(1), row.Text(2),    row.Text(3),    row.Text(4),
                            row.Text(5), row.Text(6), row.Text(7), TimeAt(row, 8), OptionalTimeAt(row, 9)};
}

}  // namespace

Result<bool> NotificationRepository::Insert(store::Session& session, NotificationRecord& r) {
  GPUAAS_ASSIGN_OR_RETURN(const auto existing,
                          session.Query("SELECT 1 FROM notifications WHERE user_id = ? AND event_id = ?",
                                        {r.user_id, r.event_id}));
  if (!existing.empty()) return false;
  GPUAAS_ASSIGN_OR_RETURN(const auto rows, session.Query("SELECT COALESCE(MAX(seq), 0) + 1 FROM notifications"));
  r.seq = rows.front().Int(0);
  GPUAAS_RETURN_IF_ERROR(session.Execute(
      "INSERT INTO notifications (seq, id, user_id, kind, title, body, link, event_id, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {r.seq, r.id, r.user_id, r.kind, r.title, r.body, r.link, r.event_id, TimeValue(r.created_at)}));
  return true;
}

Result<std::vector<NotificationRecord>> NotificationRepository::ListForUser(store::Session& session,
                                                                            std::string_view user_id,
                                                                            bool unread_only,
                                                                            std::optional<std::int64_t> before_seq,
                                                                            int limit) {
  return QueryAll<NotificationRecord>(
      session,
      std::string(kSelect) + "WHERE user_id = ? AND deleted_at IS NULL AND seq < ?" + (unread_only ? " AND read_at IS NULL" : "") +
          " ORDER BY seq DESC LIMIT ?",
      {std::string(user_id), before_seq.value_or(INT64_MAX), std::int64_t{limit}}, FromRow);
}

Result<std::vector<NotificationRecord>> NotificationRepository::ListAfter(store::Session& session,
                                                                          std::string_view user_id,
                                                                          std::int64_t after_seq, int limit) {
  if (user_id.empty()) {
    return QueryAll<NotificationRecord>(session, std::string(kSelect) + "WHERE deleted_at IS NULL AND seq > ? ORDER BY seq LIMIT ?",
                                        {after_seq, std::int64_t{limit}}, FromRow);
  }
  return QueryAll<NotificationRecord>(session,
                                      std::string(kSelect) + "WHERE user_id = ? AND deleted_at IS NULL AND seq > ? ORDER BY seq LIMIT ?",
                                      {std::string(user_id), after_seq, std::int64_t{limit}}, FromRow);
}

Result<std::int64_t> NotificationRepository::CountUnread(store::Session& session, std::string_view user_id) {
  GPUAAS_ASSIGN_OR_RETURN(const auto rows,
                          session.Query("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL AND deleted_at IS NULL",
                                        {std::string(user_id)}));
  return rows.front().Int(0);
}

Result<std::int64_t> NotificationRepository::LastSeq(store::Session& session) {
  GPUAAS_ASSIGN_OR_RETURN(const auto rows, session.Query("SELECT COALESCE(MAX(seq), 0) FROM notifications"));
  return rows.front().Int(0);
}

Result<bool> NotificationRepository::MarkRead(store::Session& session, std::string_view user_id, std::string_view id,
                                              Timestamp now) {
  GPUAAS_ASSIGN_OR_RETURN(const auto found, session.Query("SELECT 1 FROM notifications WHERE user_id = ? AND id = ? AND deleted_at IS NULL",
                                                          {std::string(user_id), std::string(id)}));
  if (found.empty()) return false;
  GPUAAS_RETURN_IF_ERROR(
      session.Execute("UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE user_id = ? AND id = ?",
                      {TimeValue(now), std::string(user_id), std::string(id)}));
  return true;
}

Result<std::int64_t> NotificationRepository::MarkAllRead(store::Session& session, std::string_view user_id,
                                                         Timestamp now) {
  return session.Execute("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND deleted_at IS NULL",
                         {TimeValue(now), std::string(user_id)});
}

Result<bool> NotificationRepository::Delete(store::Session& session, std::string_view user_id, std::string_view id,
                                            Timestamp now) {
  GPUAAS_ASSIGN_OR_RETURN(const auto changed,
                          session.Execute("UPDATE notifications SET deleted_at = ? "
                                          "WHERE user_id = ? AND id = ? AND deleted_at IS NULL",
                                          {TimeValue(now), std::string(user_id), std::string(id)}));
  return changed == 1;
}

}  // namespace gpuaas::repositories
