#pragma once

#include <string_view>

#include "net/http_types.hpp"
#include "shared/result.hpp"

namespace gpuaas::api {

// api/openapi.json as it is in the repository, compiled into the binary.
std::string_view OpenApiDocument();

// GET /api/openapi.json
Result<net::Response> HandleOpenApi(net::Request& request);

}  // namespace gpuaas::api
