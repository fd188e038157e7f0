#include "net/middlewares/json_body_middleware.hpp"

#include <strings.h>

#include <boost/json/stream_parser.hpp>

namespace gpuaas::net {
namespace {

bool IsJsonContentType(std::string_view content_type) {
  const auto semicolon = content_type.find(';');
  auto media = content_type.substr(0, semicolon);
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  return media.size() == 16 && strncasecmp(media.data(), "application/json", 16) == 0;
}

}  // namespace

Result<Response> JsonBodyMiddleware::Handle(Request& request, const Route* route, const Next& next) {
  if (route == nullptr || route->body != BodyPolicy::kJson) return next(request);
  if (!IsJsonContentType(request.headers.Find("Content-Type"))) {
    return Error(ErrorCode::kUnsupportedMediaType, "Content-Type must be application/json")
        .WithDetail("field", "Content-Type");
  }
  boost::json::stream_parser parser;
  boost::system::error_code ec;
  const auto consumed = parser.write(request.body.data(), request.body.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    return Error::InvalidArgument(
        "body",
        "malformed JSON near byte " + std::to_string(ec ? consumed : request.body.size()) + ": " + ec.message());
  }
  request.json = parser.release();
  if (!request.json.is_object()) return Error::InvalidArgument("body", "expected a JSON object");
  return next(request);
}

}  // namespace gpuaas::net
