#include "api/fleet/enrollment_handler.hpp"

#include "api/handler_support.hpp"
#include "api/request_context.hpp"

namespace gpuaas::api {

Result<net::Response> EnrollmentHandler::Enroll(net::Request& request) {
  GPUAAS_ASSIGN_OR_RETURN(const auto parsed, wire::fleet::EnrollRequestFromJson(request.json));
  GPUAAS_ASSIGN_OR_RETURN(const auto enrolled, enrollment_.Enroll(parsed, CallerOf(request).client_ip));
  auto response = JsonReply(201, wire::fleet::ToJson(enrolled));
  response.headers.Add("Cache-Control", "no-store");
  return response;
}

}  // namespace gpuaas::api
