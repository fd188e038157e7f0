#pragma once

#include <string>
#include <string_view>

namespace gpuaas::net {

// What a WebSocket handler may do with its connection. Send() is safe from any thread.
class WebSocketChannel {
 public:
  virtual ~WebSocketChannel() = default;
  // Queues a text frame. Returns false, and closes the connection, when the peer reads too
  // slowly and the bounded send queue is full: a slow reader is cut off, never buffered without end.
  virtual bool Send(std::string text) = 0;
  virtual void Close() = 0;
};

// One per connection, made by the route's factory when the upgrade is accepted.
class WebSocketHandler {
 public:
  virtual ~WebSocketHandler() = default;
  virtual void OnOpen(WebSocketChannel& channel) = 0;
  virtual void OnMessage(WebSocketChannel& channel, std::string_view text) = 0;
  virtual void OnClose() {}
};

}  // namespace gpuaas::net
