#include "net/http_types.hpp"

#include <strings.h>

namespace gpuaas::net {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace

std::string_view MethodName(Method method) {
  switch (method) {
    case Method::kGet: return "GET";
    case Method::kHead: return "HEAD";
    case Method::kPost: return "POST";
    case Method::kPut: return "PUT";
    case Method::kPatch: return "PATCH";
    case Method::kDelete: return "DELETE";
    case Method::kOptions: return "OPTIONS";
    case Method::kOther: return "OTHER";
  }
  return "OTHER";
}

Method ParseMethod(std::string_view text) {
  for (const auto method :
       {Method::kGet, Method::kHead, Method::kPost, Method::kPut, Method::kPatch, Method::kDelete, Method::kOptions}) {
    if (text == MethodName(method)) return method;
  }
  return Method::kOther;
}

std::string_view Headers::Find(std::string_view name) const {
  for (const auto& [key, value] : entries_) {
    if (EqualsIgnoreCase(key, name)) return value;
  }
  return {};
}

std::size_t Headers::Count(std::string_view name) const {
  std::size_t count = 0;
  for (const auto& entry : entries_) count += EqualsIgnoreCase(entry.first, name) ? 1 : 0;
  return count;
}

std::string_view Request::Param(std::string_view name) const {
  for (const auto& param : params) {
    if (param.name == name) return param.value;
  }
  return {};
}

Response Response::Json(int status, std::string body) {
  return Response{status, "application/json", std::move(body), {}, false};
}

Response Response::Text(int status, std::string body, std::string content_type) {
  return Response{status, std::move(content_type), std::move(body), {}, false};
}

}  // namespace gpuaas::net
