#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "shared/result.hpp"

namespace gpuaas::agent::transport {

// One open control stream carrying text frames. The session logic talks only to this interface,
// so its tests run against a scripted fake instead of a socket.
class FrameConnection {
 public:
  virtual ~FrameConnection() = default;

  // Queues a frame; an error once the connection is closed.
  virtual Status Send(std::string text) = 0;

  // The next frame received, std::nullopt when `timeout` passes first, and an error (unavailable,
  // with the close reason) once the connection is closed and every frame before the close is read.
  virtual Result<std::optional<std::string>> Receive(std::chrono::milliseconds timeout) = 0;

  // Sends what is queued, then closes cleanly (normal closure); waits a few seconds at most.
  virtual void Close() = 0;
};

}  // namespace gpuaas::agent::transport
