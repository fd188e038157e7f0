#pragma once

#include "net/middleware.hpp"
#include "services/platform/idempotency_service.hpp"

namespace gpuaas::api {

inline constexpr std::string_view kIdempotencyKeyHeader = "Idempotency-Key";

// The one idempotency mechanism of the API: every POST/PUT/PATCH/DELETE that carries an
// Idempotency-Key runs at most once per caller and key (see IdempotencyService). Stored
// replies are the rendered responses, errors included, with secret-named JSON fields
// replaced by "***"; requests refused before they started (invalid input, no credentials,
// rate limits) are not stored, so a corrected retry with the same key runs.
class IdempotencyMiddleware final : public net::Middleware {
 public:
  explicit IdempotencyMiddleware(services::IdempotencyService& service) : service_(service) {}
  Result<net::Response> Handle(net::Request& request, const net::Route* route, const net::Next& next) override;

 private:
  services::IdempotencyService& service_;
};

// A JSON body with every secret-named member's value replaced; other bodies unchanged.
std::string RedactSecrets(std::string_view body);

}  // namespace gpuaas::api
