#pragma once

#include "net/middleware.hpp"
#include "shared/clock.hpp"
#include "shared/token_bucket.hpp"

namespace gpuaas::api {

struct RateLimits {
  TokenBucketPolicy per_principal{200, 100};  // signed-in callers, by principal
  TokenBucketPolicy per_ip{400, 200};         // every API call, by client IP
  // Sign-in, sign-up and token creation: guessing and minting are slowed per IP.
  TokenBucketPolicy sensitive_per_ip{10, 0.2};
};

// Token buckets per principal and per client IP on /api and /ws routes; 429 rate_limited
// with Retry-After when a bucket is empty. Buckets live in this replica's memory, so N
// replicas allow up to N times the rate (docs/adr/0005-identity-and-access.md).
class RateLimitMiddleware final : public net::Middleware {
 public:
  RateLimitMiddleware(const Clock& clock, RateLimits limits) : clock_(clock), limits_(limits) {}
  Result<net::Response> Handle(net::Request& request, const net::Route* route, const net::Next& next) override;

 private:
  const Clock& clock_;
  RateLimits limits_;
  TokenBucketLimiter limiter_;
};

}  // namespace gpuaas::api
