#include "api/console/console_assets.hpp"

#include <fstream>
#include <sstream>

namespace gpuaas::api {
namespace {

constexpr std::size_t kMaxAssetBytes = 32 << 20;

std::string ContentTypeFor(const std::filesystem::path& path) {
  static const std::map<std::string, std::string> kTypes = {{".html", "text/html; charset=utf-8"},
                                                            {".js", "text/javascript; charset=utf-8"},
                                                            {".css", "text/css; charset=utf-8"},
                                                            {".json", "application/json"},
                                                            {".svg", "image/svg+xml"},
                                                            {".png", "image/png"},
                                                            {".ico", "image/x-icon"},
                                                            {".woff2", "font/woff2"},
                                                            {".txt", "text/plain; charset=utf-8"},
                                                            {".map", "application/json"}};
  const auto it = kTypes.find(path.extension().string());
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

constexpr std::string_view kNotBuiltPage =
    "<!doctype html><html><head><title>GPUaaS</title></head><body><h1>GPUaaS console is not built</h1>"
    "<p>The API is running. Build the console with <code>make run</code> (or <code>npm run build</code> in "
    "<code>web/</code>) and restart the server.</p></body></html>";

}  // namespace

ConsoleAssets ConsoleAssets::Load(const std::filesystem::path& root) {
  ConsoleAssets assets;
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) return assets;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file() || it->file_size() > kMaxAssetBytes) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    const auto relative = std::filesystem::relative(it->path(), root).generic_string();
    assets.files_[relative] = Asset{ContentTypeFor(it->path()), content.str()};
  }
  return assets;
}

Result<net::Response> ConsoleAssets::operator()(net::Request& request) const {
  const auto path = request.Param("path");
  // The router has already decoded the path and refused "." and ".." segments; compare the
  // first segment, not a string prefix, so "/apis" is the console and "/api" is not.
  const auto first = path.substr(0, path.find('/'));
  if (first == "api" || first == "ws") return Error::NotFound("no such route");

  if (!path.empty()) {
    if (const auto it = files_.find(path); it != files_.end()) {
      auto response = net::Response::Text(200, it->second.body, it->second.content_type);
      // Vite puts a content hash in every file name under assets/: safe to cache for ever.
      response.headers.Add("Cache-Control",
                           path.starts_with("assets/") ? "public, max-age=31536000, immutable" : "no-cache");
      return response;
    }
    if (path.starts_with("assets/")) return Error::NotFound("no such asset");
  }
  const auto index = files_.find("index.html");
  if (index == files_.end()) return net::Response::Text(503, std::string(kNotBuiltPage), "text/html; charset=utf-8");
  auto response = net::Response::Text(200, index->second.body, index->second.content_type);
  response.headers.Add("Cache-Control", "no-cache");
  return response;
}

}  // namespace gpuaas::api
