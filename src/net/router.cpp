#include "net/router.hpp"

namespace gpuaas::net {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsParam(std::string_view segment) { return segment.size() > 2 && segment.front() == '{' && segment.back() == '}'; }

bool IsTail(std::string_view segment) {
  return IsParam(segment) && segment.size() > 5 && segment.substr(segment.size() - 4) == "...}";
}

std::vector<std::string_view> SplitTemplate(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto end = path.find('/', start);
    const auto part = path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    if (!part.empty()) parts.push_back(part);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return parts;
}

}  // namespace

Result<std::vector<std::string>> DecodePathSegments(std::string_view path) {
  if (path.empty() || path.front() != '/') return Error::InvalidArgument("path", "path must start with '/'");
  std::vector<std::string> segments;
  std::string current;
  auto flush = [&]() -> Status {
    if (current == "." || current == "..")
      return Error::InvalidArgument("path", "path must not contain '.' or '..' segments");
    if (!current.empty()) segments.push_back(std::move(current));
    current.clear();
    return Ok();
  };
  for (std::size_t i = 1; i < path.size(); ++i) {
    const char c = path[i];
    if (c == '/') {
      GPUAAS_RETURN_IF_ERROR(flush());
    } else if (c == '%') {
      const int high = i + 2 < path.size() ? HexValue(path[i + 1]) : -1;
      const int low = i + 2 < path.size() ? HexValue(path[i + 2]) : -1;
      if (high < 0 || low < 0) return Error::InvalidArgument("path", "malformed percent-encoding in path");
      const char decoded = static_cast<char>(high * 16 + low);
      if (decoded == '\0') return Error::InvalidArgument("path", "path must not contain NUL");
      current.push_back(decoded);
      i += 2;
    } else {
      current.push_back(c);
    }
  }
  GPUAAS_RETURN_IF_ERROR(flush());
  return segments;
}

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;

Status Router::Add(Route route) {
  if (route.path.empty() || route.path.front() != '/') {
    return Error::InvalidArgument("route", "template must start with '/': " + route.path);
  }
  if (route.method == Method::kOther) return Error::InvalidArgument("route", "unsupported method for " + route.path);
  routes_.push_back(std::move(route));
  const Route& stored = routes_.back();
  const auto parts = SplitTemplate(stored.path);
  Node* node = root_.get();
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto part = parts[i];
    std::unique_ptr<Node>* next = nullptr;
    if (IsTail(part)) {
      if (i + 1 != parts.size()) {
        routes_.pop_back();
        return Error::InvalidArgument("route", "a {tail...} must be the last segment");
      }
      next = &node->tail;
    } else if (IsParam(part)) {
      next = &node->param;
    } else {
      auto& child = node->literals[std::string(part)];
      next = &child;
    }
    if (!*next) *next = std::make_unique<Node>();
    if (IsParam(part)) {
      const auto name = part.substr(1, part.size() - (IsTail(part) ? 5 : 2));
      if (!(*next)->param_name.empty() && (*next)->param_name != name) {
        routes_.pop_back();
        return Error::InvalidArgument("route", "conflicting parameter names at " + stored.path);
      }
      (*next)->param_name = name;
    }
    node = next->get();
  }
  auto& slot = node->by_method[static_cast<std::size_t>(stored.method)];
  if (slot != nullptr) {
    const auto path = stored.path;
    routes_.pop_back();
    return Error::Conflict("route registered twice: " + path);
  }
  slot = &stored;
  return Ok();
}

const Router::Node* Router::Match(const Node& node, const std::vector<std::string>& segments, std::size_t index,
                                  std::vector<PathParam>& params) const {
  if (index == segments.size()) {
    for (const auto* route : node.by_method) {
      if (route != nullptr) return &node;
    }
    // An empty tail still matches "/{path...}" at the root.
    if (node.tail) {
      params.push_back({node.tail->param_name, std::string()});
      return node.tail.get();
    }
    return nullptr;
  }
  const auto& segment = segments[index];
  if (const auto it = node.literals.find(segment); it != node.literals.end()) {
    if (const auto* found = Match(*it->second, segments, index + 1, params)) return found;
  }
  if (node.param) {
    params.push_back({node.param->param_name, segment});
    if (const auto* found = Match(*node.param, segments, index + 1, params)) return found;
    params.pop_back();
  }
  if (node.tail) {
    std::string rest;
    for (std::size_t i = index; i < segments.size(); ++i) {
      if (!rest.empty()) rest.push_back('/');
      rest += segments[i];
    }
    params.push_back({node.tail->param_name, std::move(rest)});
    return node.tail.get();
  }
  return nullptr;
}

RouteMatch Router::Find(Method method, std::string_view path) const {
  RouteMatch match;
  auto segments = DecodePathSegments(path);
  if (!segments) {
    match.kind = RouteMatch::Kind::kBadPath;
    match.problem = segments.error().message();
    return match;
  }
  const Node* node = Match(*root_, *segments, 0, match.params);
  if (node == nullptr) return match;
  const auto& by_method = node->by_method;
  const Route* route = by_method[static_cast<std::size_t>(method)];
  if (route == nullptr && method == Method::kHead) route = by_method[static_cast<std::size_t>(Method::kGet)];
  if (route != nullptr) {
    match.kind = RouteMatch::Kind::kFound;
    match.route = route;
    return match;
  }
  match.kind = RouteMatch::Kind::kMethodNotAllowed;
  match.params.clear();
  for (std::size_t i = 0; i < kMethodCount; ++i) {
    if (by_method[i] == nullptr) continue;
    if (!match.allow.empty()) match.allow += ", ";
    match.allow += MethodName(static_cast<Method>(i));
    if (static_cast<Method>(i) == Method::kGet && by_method[static_cast<std::size_t>(Method::kHead)] == nullptr) {
      match.allow += ", HEAD";
    }
  }
  return match;
}

std::vector<const Route*> Router::routes() const {
  std::vector<const Route*> result;
  result.reserve(routes_.size());
  for (const auto& route : routes_) result.push_back(&route);
  return result;
}

}  // namespace gpuaas::net
