#pragma once

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "shared/rfc3339.hpp"
#include "store/session.hpp"
#include "store/value.hpp"

namespace gpuaas::repositories {

// Column readers shared by the repositories: times are stored as RFC 3339 text.
inline Timestamp TimeAt(const store::Row& row, std::size_t column) {
  auto parsed = ParseRfc3339(row.Text(column));
  return parsed ? *parsed : Timestamp{};
}

inline std::optional<Timestamp> OptionalTimeAt(const store::Row& row, std::size_t column) {
  if (row.IsNull(column)) return std::nullopt;
  return TimeAt(row, column);
}

inline std::optional<std::string> OptionalTextAt(const store::Row& row, std::size_t column) {
  if (row.IsNull(column)) return std::nullopt;
  return row.Text(column);
}

inline std::optional<std::int64_t> OptionalIntAt(const store::Row& row, std::size_t column) {
  if (row.IsNull(column)) return std::nullopt;
  return row.Int(column);
}

inline store::Value TimeValue(Timestamp time) { return FormatRfc3339(time); }

inline store::Value OptionalTimeValue(const std::optional<Timestamp>& time) {
  return time ? store::Value(FormatRfc3339(*time)) : store::Null();
}

inline store::Value OptionalTextValue(const std::optional<std::string>& text) {
  return text ? store::Value(*text) : store::Null();
}

inline store::Value OptionalIntValue(const std::optional<std::int64_t>& value) {
  return value ? store::Value(*value) : store::Null();
}

// Lists stored as space-separated text (entitlement allow lists, SKU regions).
inline std::vector<std::string> SplitSpaces(std::string_view text) {
  std::vector<std::string> items;
  while (!text.empty()) {
    const auto end = std::min(text.find(' '), text.size());
    if (end > 0) items.emplace_back(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return items;
}

inline std::string JoinSpaces(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) {
    if (!text.empty()) text += ' ';
    text += item;
  }
  return text;
}

// Appends "AND column = ?" to a WHERE clause when a filter value is given.
inline void AddEquals(std::string& where, store::Params& params, std::string_view column,
                      const std::optional<std::string>& value) {
  if (!value) return;
  where += " AND " + std::string(column) + " = ?";
  params.emplace_back(*value);
}

// Runs a query and maps each row with `map`.
template <typename Record, typename Map>
Result<std::vector<Record>> QueryAll(store::Session& session, const std::string& sql, const store::Params& params,
                                     Map map) {
  GPUAAS_ASSIGN_OR_RETURN(const auto rows, session.Query(sql, params));
  std::vector<Record> records;
  records.reserve(rows.size());
  for (const auto& row : rows) records.push_back(map(row));
  return records;
}

template <typename Record, typename Map>
Result<std::optional<Record>> QueryOne(store::Session& session, const std::string& sql, const store::Params& params,
                                       Map map) {
  GPUAAS_ASSIGN_OR_RETURN(auto records, QueryAll<Record>(session, sql, params, map));
  if (records.empty()) return std::optional<Record>();
  return std::optional<Record>(std::move(records.front()));
}

}  // namespace gpuaas::repositories
