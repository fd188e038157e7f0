#pragma once

#include "net/http_types.hpp"
#include "shared/id.hpp"
#include "shared/log.hpp"
#include "shared/result.hpp"

namespace gpuaas::api {

// POST /api/v1/console/reports: the console reports its own crashes (an uncaught error, a
// failed render) so operators see them in the server log next to the requests around them.
// Nothing is stored; the body is bounded by field, and secret-named fields are never logged.
class ConsoleReportHandler {
 public:
  explicit ConsoleReportHandler(IdGenerator& ids) : ids_(ids) {}
  Result<net::Response> operator()(net::Request& request) const;

 private:
  IdGenerator& ids_;
  log::Logger logger_{"console"};
};

}  // namespace gpuaas::api
