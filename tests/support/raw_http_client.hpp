#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace gpuaas::testing {

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-cased names
  std::string body;
  [[nodiscard]] std::string Header(const std::string& lower_name) const;
};

// A plain blocking socket client for tests: it can send anything, malformed requests
// included, so the server is tested as a real peer would see it.
class RawHttpClient {
 public:
  explicit RawHttpClient(std::uint16_t port, std::chrono::milliseconds timeout = std::chrono::seconds(10));
  ~RawHttpClient();
  RawHttpClient(const RawHttpClient&) = delete;
  RawHttpClient& operator=(const RawHttpClient&) = delete;

  bool SendRaw(const std::string& bytes);
  // Reads one response (Content-Length framed; no body for HEAD); nullopt on timeout or close.
  std::optional<HttpReply> ReadReply(bool expect_body = true);
  // True once the server has closed the connection (reads return EOF).
  bool WaitClosed(std::chrono::milliseconds within);

  std::optional<HttpReply> Get(const std::string& path, const std::string& extra_headers = "");
  std::optional<HttpReply> Send(const std::string& method, const std::string& path, const std::string& body,
                                const std::string& content_type = "application/json",
                                const std::string& extra_headers = "");

 private:
  int fd_ = -1;
  std::string buffer_;
};

}  // namespace gpuaas::testing
