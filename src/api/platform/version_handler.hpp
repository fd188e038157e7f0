#pragma once

#include <string>

#include "net/http_types.hpp"
#include "shared/result.hpp"

namespace gpuaas::api {

// GET /api/v1/version. The body is rendered once: the build never changes while running.
class VersionHandler {
 public:
  VersionHandler();
  Result<net::Response> operator()(net::Request& request) const;

 private:
  std::string body_;
};

}  // namespace gpuaas::api
