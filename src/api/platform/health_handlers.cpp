#include "api/platform/health_handlers.hpp"

#include <boost/json.hpp>

namespace gpuaas::api {

Result<net::Response> HandleHealthz(net::Request& /*request*/) {
  return net::Response::Json(200, R"({"status":"ok"})");
}

Result<net::Response> ReadyzHandler::operator()(net::Request& /*request*/) const {
  const auto readiness = readiness_.Check();
  boost::json::object database{{"status", readiness.database_reachable ? "ok" : "unavailable"}};
  if (!readiness.database_problem.empty()) database["problem"] = readiness.database_problem;
  const boost::json::object migrations{{"status", readiness.migrations.current() ? "ok" : "pending"},
                                       {"applied", readiness.migrations.applied},
                                       {"latest", readiness.migrations.latest}};
  const boost::json::object body{{"status", readiness.ready ? "ready" : "not_ready"},
                                 {"checks", {{"database", database}, {"migrations", migrations}}}};
  auto response = net::Response::Json(readiness.ready ? 200 : 503, boost::json::serialize(body));
  if (!readiness.ready) response.headers.Add("Retry-After", "5");
  return response;
}

}  // namespace gpuaas::api
