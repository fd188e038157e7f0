#pragma once

#include <boost/json/value.hpp>

#include <cstdint>
#include <string>

#include "tests/support/raw_http_client.hpp"

namespace gpuaas::testing {

struct ApiReply {
  int status = 0;
  std::string body;
  boost::json::value json;  // null when the body is not JSON
  HttpReply raw;

  [[nodiscard]] std::string ErrorCode() const;                // error.code of an envelope, else ""
  [[nodiscard]] std::string Field() const;                    // error.details.field, else ""
  [[nodiscard]] std::string Str(std::string_view key) const;  // a top-level string member
};

// A client of the JSON API that signs in like the console (cookie + CSRF token) or calls
// like the CLI (bearer token). One connection per call, over real loopback sockets.
class ApiClient {
 public:
  explicit ApiClient(std::uint16_t port) : port_(port) {}

  // Signs in with the console's flow; the client then sends the cookie and the CSRF token.
  static ApiClient SignIn(std::uint16_t port, const std::string& email, const std::string& password);
  static ApiClient Bearer(std::uint16_t port, const std::string& token);

  ApiReply Get(const std::string& path) const;
  ApiReply Post(const std::string& path, const std::string& json_body = "{}",
                const std::string& extra_headers = "") const;
  ApiReply Put(const std::string& path, const std::string& json_body, const std::string& extra_headers = "") const;
  ApiReply Patch(const std::string& path, const std::string& json_body, const std::string& extra_headers = "") const;
  ApiReply Delete(const std::string& path, const std::string& extra_headers = "") const;
  ApiReply Call(const std::string& method, const std::string& path, const std::string& body,
                const std::string& extra_headers) const;

  // Creates a personal token with the given scopes ("read", or "read write") and returns its secret.
  std::string CreateToken(const std::string& name, const std::string& scopes_json = R"(["read","write"])") const;

  std::string cookie;      // "gpuaas_session=..."
  std::string csrf_token;  // sent as X-CSRF-Token on mutations
  std::string bearer;      // sent as Authorization: Bearer
  bool send_csrf = true;

 private:
  std::uint16_t port_;
};

}  // namespace gpuaas::testing
