#pragma once

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <optional>
#include <string>

#include "net/http_types.hpp"
#include "net/route.hpp"

namespace gpuaas::api {

inline net::Response JsonReply(int status, const boost::json::value& body) {
  return net::Response::Json(status, boost::json::serialize(body));
}

// A JSON string, or null when absent.
inline boost::json::value StringOrNull(const std::optional<std::string>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

inline net::Response NoContent() {
  net::Response response;
  response.status = 204;
  return response;
}

// A route handler from a member function of a handler object that outlives the router.
template <typename Handlers>
net::Handler Bind(Handlers& handlers, Result<net::Response> (Handlers::*method)(net::Request&)) {
  return [&handlers, method](net::Request& request) { return (handlers.*method)(request); };
}

}  // namespace gpuaas::api
