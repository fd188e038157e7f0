#pragma once

#include <functional>
#include <memory>
#include <string>

#include "net/http_types.hpp"
#include "net/websocket_handler.hpp"
#include "shared/result.hpp"

namespace gpuaas::net {

using Handler = std::function<Result<Response>(Request&)>;
using WebSocketFactory = std::function<std::unique_ptr<WebSocketHandler>(const Request&)>;

// Where a handler runs. Inline handlers never block (no database, no file I/O beyond a
// cached read) and run on the IO thread; everything else runs on the bounded worker pool.
enum class Execution { kInline, kBlocking };

// What the request body must be; checked by the JSON body middleware before the handler.
enum class BodyPolicy { kNone, kJson };

struct Route {
  Method method = Method::kGet;
  std::string path;  // template: /api/v1/nodes/{node_id}, or /{path...} for a tail
  Handler handler;   // for WebSocket routes: an optional guard run before the upgrade
  Execution execution = Execution::kBlocking;
  BodyPolicy body = BodyPolicy::kNone;
  WebSocketFactory websocket;  // set for WebSocket upgrade routes (GET)
  // The stable name of what the route does ("ssh_key.create"): the audit trail records
  // refused and failed calls under it. Empty for routes that change nothing.
  std::string action;
  // The handler's service writes every audit row itself, refusals included (sign-in, whose
  // failures also update the throttle in the same transaction).
  bool audits_itself = false;
};

}  // namespace gpuaas::net
