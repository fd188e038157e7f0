#include "wire/fleet/bootstrap_token.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "shared/secret.hpp"

namespace gpuaas::wire::fleet {
namespace {

constexpr std::size_t kMaxTokenChars = 2048;
constexpr std::size_t kMinSecretChars = 32;

bool IsLowerHex(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool IsServerUrl(std::string_view url) {
  std::string_view rest;
  if (url.rfind("http://", 0) == 0) {
    rest = url.substr(7);
  } else if (url.rfind("https://", 0) == 0) {
    rest = url.substr(8);
  } else {
    return false;
  }
  if (rest.empty() || rest.size() > 255) return false;
  return std::all_of(rest.begin(), rest.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
  });
}

std::string Member(const boost::json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
}

}  // namespace

std::string EncodeBootstrapToken(const BootstrapToken& token) {
  const auto json = boost::json::serialize(
      boost::json::object{{"u", token.server_url}, {"f", token.ca_fingerprint}, {"s", token.secret}});
  return std::string(kBootstrapTokenPrefix) + Base64UrlEncode(json);
}

Result<BootstrapToken> DecodeBootstrapToken(std::string_view text, std::string_view field) {
  const auto refuse = [field](std::string why) { return Error::InvalidArgument(std::string(field), std::move(why)); };
  if (text.size() > kMaxTokenChars) return refuse("is longer than a bootstrap token can be");
  if (text.rfind(kBootstrapTokenPrefix, 0) != 0) {
    return refuse("is not a bootstrap token (it starts with \"gpbt1.\"; copy it whole from the console)");
  }
  const auto decoded = Base64UrlDecode(text.substr(kBootstrapTokenPrefix.size()));
  if (!decoded) return refuse("is damaged: its body is not base64url");
  boost::system::error_code ec;
  const auto json = boost::json::parse(*decoded, ec);
  if (ec || !json.is_object()) return refuse("is damaged: its body is not a JSON object");
  const auto& object = json.as_object();
  BootstrapToken token{Member(object, "u"), Member(object, "f"), Member(object, "s")};
  if (!IsServerUrl(token.server_url)) return refuse("names no server URL of the form http(s)://host[:port]");
  const std::string_view fingerprint = token.ca_fingerprint;
  if (fingerprint.size() != 71 || fingerprint.rfind("sha256:", 0) != 0 || !IsLowerHex(fingerprint.substr(7))) {
    return refuse("carries no CA fingerprint of the form sha256:<64 hex>");
  }
  if (token.secret.size() < kMinSecretChars) return refuse("carries no secret");
  return token;
}

}  // namespace gpuaas::wire::fleet
