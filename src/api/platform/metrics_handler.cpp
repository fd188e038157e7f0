#include "api/platform/metrics_handler.hpp"

namespace gpuaas::api {

Result<net::Response> MetricsHandler::operator()(net::Request& /*request*/) const {
  return net::Response::Text(200, metrics_.Render(), "text/plain; version=0.0.4; charset=utf-8");
}

}  // namespace gpuaas::api
