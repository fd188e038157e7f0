#pragma once

#include <boost/json/value.hpp>

#include <any>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gpuaas::net {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view MethodName(Method method);
Method ParseMethod(std::string_view text);

// Header names compare case-insensitively; order is kept.
class Headers {
 public:
  void Add(std::string name, std::string value) { entries_.emplace_back(std::move(name), std::move(value)); }
  [[nodiscard]] std::string_view Find(std::string_view name) const;  // empty when absent
  [[nodiscard]] std::size_t Count(std::string_view name) const;
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& entries() const { return entries_; }

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

// A decoded path parameter: {node_id} in the route template.
struct PathParam {
  std::string_view name;
  std::string value;
};

// An HTTP request as handlers see it: no transport types leak past the net module.
struct Request {
  Method method = Method::kGet;
  std::string target;  // as sent: path plus query
  std::string path;
  std::string query;
  Headers headers;
  std::string body;
  std::string remote_address;

  // Set by the server before the middleware chain runs.
  std::string_view route_template;  // "unmatched" when no route matched
  std::vector<PathParam> params;
  std::string request_id;
  boost::json::value json;  // the parsed body, for routes whose BodyPolicy is kJson
  // Who is calling, set by the api module's authentication middleware; net never reads it.
  std::any caller;

  [[nodiscard]] std::string_view Param(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type;
  std::string body;
  Headers headers;
  bool close_connection = false;

  static Response Json(int status, std::string body);
  static Response Text(int status, std::string body, std::string content_type = "text/plain; charset=utf-8");
};

}  // namespace gpuaas::net
