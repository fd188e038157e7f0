#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "net/http_types.hpp"
#include "shared/result.hpp"

namespace gpuaas::api {

// The built console (web/dist), read into memory once at start: a few hundred kilobytes
// served from memory on the IO threads, without file I/O per request.
class ConsoleAssets {
 public:
  // A missing directory is not an error: the server still serves the API, and `/` explains
  // how to build the console.
  static ConsoleAssets Load(const std::filesystem::path& root);

  // GET /{path...}: a file of the build; any other path gets index.html so the console's
  // client-side routes work on reload. Paths under /api and /ws are never answered with
  // the console: they get the JSON 404 envelope.
  Result<net::Response> operator()(net::Request& request) const;

  [[nodiscard]] bool loaded() const { return !files_.empty(); }

 private:
  struct Asset {
    std::string content_type;
    std::string body;
  };
  std::map<std::string, Asset, std::less<>> files_;  // key: path relative to the root, '/'-separated
};

}  // namespace gpuaas::api
