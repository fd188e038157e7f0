#pragma once

#include <array>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "net/route.hpp"

namespace gpuaas::net {

struct RouteMatch {
  enum class Kind { kFound, kNotFound, kMethodNotAllowed, kBadPath };
  Kind kind = Kind::kNotFound;
  const Route* route = nullptr;
  std::vector<PathParam> params;
  std::string allow;    // kMethodNotAllowed: the Allow header value
  std::string problem;  // kBadPath: what is wrong with the path
};

// The one route table. Paths are matched segment by segment after percent-decoding, so
// "/api/v1/%76ersion" and "/api//v1/version" find the same route and "%zz" is rejected.
// Literal segments win over {params}, which win over a {tail...}.
class Router {
 public:
  Router();
  ~Router();
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  // Fails on a malformed template or a second route for the same method and path.
  Status Add(Route route);
  [[nodiscard]] RouteMatch Find(Method method, std::string_view path) const;
  [[nodiscard]] std::vector<const Route*> routes() const;

 private:
  static constexpr std::size_t kMethodCount = static_cast<std::size_t>(Method::kOther) + 1;
  struct Node {
    std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
    std::unique_ptr<Node> param;
    std::unique_ptr<Node> tail;
    std::string_view param_name;
    std::array<const Route*, kMethodCount> by_method{};
  };

  const Node* Match(const Node& node, const std::vector<std::string>& segments, std::size_t index,
                    std::vector<PathParam>& params) const;

  std::unique_ptr<Node> root_;
  std::deque<Route> routes_;  // stable addresses: matches point into it
};

// Splits a raw URL path into percent-decoded segments, dropping empty ones. Fails on bad
// percent-encoding, NUL bytes and "." or ".." segments.
Result<std::vector<std::string>> DecodePathSegments(std::string_view path);

}  // namespace gpuaas::net
