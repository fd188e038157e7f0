#include "net/middleware.hpp"

namespace gpuaas::net {

Result<Response> Next::operator()(Request& request) const {
  if (index_ >= chain_.stages_.size()) return terminal_(request);
  return chain_.stages_[index_]->Handle(request, route_, Next(chain_, index_ + 1, route_, terminal_));
}

Result<Response> MiddlewareChain::Run(Request& request, const Route* route, const Handler& terminal) const {
  return Next(*this, 0, route, terminal)(request);
}

}  // namespace gpuaas::net
