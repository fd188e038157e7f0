#pragma once

#include <any>

#include "net/http_types.hpp"
#include "services/access/caller.hpp"

namespace gpuaas::api {

// The caller the authentication middleware attached to the request; an anonymous caller
// for routes that run without it (tests of single handlers).
inline const services::Caller& CallerOf(const net::Request& request) {
  static const services::Caller kAnonymous;
  const auto* caller = std::any_cast<services::Caller>(&request.caller);
  return caller != nullptr ? *caller : kAnonymous;
}

inline bool IsMutation(net::Method method) {
  return method == net::Method::kPost || method == net::Method::kPut || method == net::Method::kPatch ||
         method == net::Method::kDelete;
}

}  // namespace gpuaas::api
