#include "shared/pki/asn1_time.hpp"

#include <chrono>
#include <ctime>

#include "shared/pki/pem_io.hpp"

namespace gpuaas::pki::internal {

Status SetAsn1Time(ASN1_TIME& target, Timestamp time) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(time).time_since_epoch().count();
  if (ASN1_TIME_set(&target, static_cast<std::time_t>(seconds)) == nullptr) return OpensslFailure("ASN1_TIME_set");
  return Ok();
}

Result<Timestamp> FromAsn1Time(const ASN1_TIME& time) {
  std::tm parts{};
  if (ASN1_TIME_to_tm(&time, &parts) != 1) return OpensslFailure("ASN1_TIME_to_tm");
  // Civil UTC date to time point with <chrono>, avoiding the non-standard timegm().
  using namespace std::chrono;
  const year_month_day date{year{parts.tm_year + 1900}, month{static_cast<unsigned>(parts.tm_mon + 1)},
                            day{static_cast<unsigned>(parts.tm_mday)}};
  const auto point = sys_days{date} + hours{parts.tm_hour} + minutes{parts.tm_min} + seconds{parts.tm_sec};
  return time_point_cast<microseconds>(point);
}

}  // namespace gpuaas::pki::internal
