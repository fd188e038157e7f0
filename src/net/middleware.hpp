#pragma once

#include <memory>
#include <vector>

#include "net/http_types.hpp"
#include "net/route.hpp"
#include "shared/result.hpp"

namespace gpuaas::net {

class MiddlewareChain;

// The rest of the chain after the current middleware. Cheap to copy; no allocation.
class Next {
 public:
  Next(const MiddlewareChain& chain, std::size_t index, const Route* route, const Handler& terminal)
      : chain_(chain), index_(index), route_(route), terminal_(terminal) {}
  Result<Response> operator()(Request& request) const;

 private:
  const MiddlewareChain& chain_;
  std::size_t index_;
  const Route* route_;
  const Handler& terminal_;
};

class Middleware {
 public:
  virtual ~Middleware() = default;
  virtual Result<Response> Handle(Request& request, const Route* route, const Next& next) = 0;
};

// An ordered list of middleware ending in a handler. The order is decided in one place, the
// server's composition function, with the reason for each position written there.
class MiddlewareChain {
 public:
  void Append(std::unique_ptr<Middleware> middleware) { stages_.push_back(std::move(middleware)); }
  // Runs the stages around `terminal`; `route` is null when nothing matched.
  Result<Response> Run(Request& request, const Route* route, const Handler& terminal) const;

 private:
  friend class Next;
  std::vector<std::unique_ptr<Middleware>> stages_;
};

}  // namespace gpuaas::net
