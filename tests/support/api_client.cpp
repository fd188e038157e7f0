#include "tests/support/api_client.hpp"

#include <boost/json.hpp>

#include <stdexcept>

namespace gpuaas::testing {

std::string ApiReply::ErrorCode() const {
  if (!json.is_object() || !json.as_object().contains("error")) return "";
  return std::string(json.at("error").at("code").as_string());
}

std::string ApiReply::Field() const {
  if (!json.is_object() || !json.as_object().contains("error")) return "";
  const auto& details = json.at("error").at("details").as_object();
  const auto* field = details.if_contains("field");
  return field != nullptr && field->is_string() ? std::string(field->as_string()) : "";
}

std::string ApiReply::Str(std::string_view key) const {
  if (!json.is_object()) return "";
  const auto* value = json.as_object().if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->as_string()) : "";
}

ApiClient ApiClient::SignIn(std::uint16_t port, const std::string& email, const std::string& password) {
  ApiClient client(port);
  const auto body = boost::json::serialize(boost::json::object{{"email", email}, {"password", password}});
  const auto reply = client.Post("/api/v1/auth/login", body);
  if (reply.status != 200) throw std::runtime_error("sign-in failed for " + email + ": " + reply.body);
  const auto set_cookie = reply.raw.Header("set-cookie");
  client.cookie = set_cookie.substr(0, set_cookie.find(';'));
  client.csrf_token = reply.Str("csrf_token");
  return client;
}

ApiClient ApiClient::Bearer(std::uint16_t port, const std::string& token) {
  ApiClient client(port);
  client.bearer = token;
  return client;
}

ApiReply ApiClient::Call(const std::string& method, const std::string& path, const std::string& body,
                         const std::string& extra_headers) const {
  std::string headers = extra_headers;
  if (!cookie.empty()) headers += "Cookie: " + cookie + "\r\n";
  if (!bearer.empty()) headers += "Authorization: Bearer " + bearer + "\r\n";
  if (method != "GET" && send_csrf && !csrf_token.empty()) headers += "X-CSRF-Token: " + csrf_token + "\r\n";
  RawHttpClient http(port_);
  const auto reply =
      method == "GET" ? http.Get(path, headers) : http.Send(method, path, body, "application/json", headers);
  if (!reply) throw std::runtime_error("no reply to " + method + " " + path);
  ApiReply result;
  result.status = reply->status;
  result.body = reply->body;
  result.raw = *reply;
  boost::system::error_code ec;
  auto parsed = boost::json::parse(reply->body, ec);
  if (!ec) result.json = std::move(parsed);
  return result;
}

ApiReply ApiClient::Get(const std::string& path) const { return Call("GET", path, "", ""); }
ApiReply ApiClient::Post(const std::string& path, const std::string& json_body,
                         const std::string& extra_headers) const {
  return Call("POST", path, json_body, extra_headers);
}
ApiReply ApiClient::Put(const std::string& path, const std::string& json_body, const std::string& extra_headers) const {
  return Call("PUT", path, json_body, extra_headers);
}
ApiReply ApiClient::Patch(const std::string& path, const std::string& json_body,
                          const std::string& extra_headers) const {
  return Call("PATCH", path, json_body, extra_headers);
}
ApiReply ApiClient::Delete(const std::string& path, const std::string& extra_headers) const {
  return Call("DELETE", path, "", extra_headers);
}

std::string ApiClient::CreateToken(const std::string& name, const std::string& scopes_json) const {
  const auto reply = Post("/api/v1/users/me/tokens", R"({"name":")" + name + R"(","scopes":)" + scopes_json + "}");
  if (reply.status != 201) throw std::runtime_error("token creation failed: " + reply.body);
  return reply.Str("secret");
}

}  // namespace gpuaas::testing
