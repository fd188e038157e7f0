#include "api/platform/openapi_handler.hpp"

namespace gpuaas::api {

Result<net::Response> HandleOpenApi(net::Request& /*request*/) {
  auto response = net::Response::Json(200, std::string(OpenApiDocument()));
  response.headers.Add("Cache-Control", "no-cache");
  return response;
}

}  // namespace gpuaas::api
