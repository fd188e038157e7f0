#include "shared/rfc3339.hpp"

#include <charconv>
#include <cstdio>

namespace gpuaas {
namespace {

using std::chrono::days;
using std::chrono::microseconds;

bool ReadInt(std::string_view text, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > text.size()) return false;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  std::from_chars(text.data() + pos, text.data() + pos + len, out);
  return true;
}

Error Malformed(std::string_view text) {
  return Error::InvalidArgument("time", "expected an RFC 3339 date-time, got '" + std::string(text) + "'");
}

}  // namespace

std::string FormatRfc3339(Timestamp time) {
  const auto day_point = std::chrono::floor<days>(time);
  const std::chrono::year_month_day ymd{day_point};
  const std::chrono::hh_mm_ss hms{std::chrono::floor<std::chrono::milliseconds>(time - day_point)};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()), static_cast<int>(hms.subseconds().count()));
  return buffer;
}

Result<Timestamp> ParseRfc3339(std::string_view text) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (text.size() < 20 || !ReadInt(text, 0, 4, year) || text[4] != '-' || !ReadInt(text, 5, 2, month) ||
      text[7] != '-' || !ReadInt(text, 8, 2, day) || (text[10] != 'T' && text[10] != 't') ||
      !ReadInt(text, 11, 2, hour) || text[13] != ':' || !ReadInt(text, 14, 2, minute) || text[16] != ':' ||
      !ReadInt(text, 17, 2, second)) {
    return Malformed(text);
  }
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                                        std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok() || hour > 23 || minute > 59 || second > 60) return Malformed(text);

  std::size_t pos = 19;
  std::int64_t fraction_us = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    std::int64_t scale = 100000;
    const std::size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      fraction_us += (text[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == start) return Malformed(text);
  }
  int offset_minutes = 0;
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    int off_h = 0, off_m = 0;
    if (!ReadInt(text, pos + 1, 2, off_h) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
        !ReadInt(text, pos + 4, 2, off_m) || off_h > 23 || off_m > 59) {
      return Malformed(text);
    }
    offset_minutes = (off_h * 60 + off_m) * (text[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return Malformed(text);
  }
  if (pos != text.size()) return Malformed(text);

  const auto local = std::chrono::sys_days{ymd} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
                     std::chrono::seconds{second} + microseconds{fraction_us};
  return Timestamp{std::chrono::duration_cast<microseconds>(local.time_since_epoch()) -
                   std::chrono::minutes{offset_minutes}};
}

}  // namespace gpuaas
