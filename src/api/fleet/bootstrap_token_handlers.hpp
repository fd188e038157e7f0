#pragma once

#include <string>

#include "net/http_types.hpp"
#include "services/fleet/bootstrap_token_service.hpp"

namespace gpuaas::api {

// /api/v1/bootstrap-tokens: one-time enrollment tokens and the onboarding wizard's live status.
class BootstrapTokenHandlers {
 public:
  // `public_origin`: what agents are told to call; empty: the scheme and host the operator used.
  BootstrapTokenHandlers(const Clock& clock, services::BootstrapTokenService& tokens, std::string public_origin)
      : clock_(clock), tokens_(tokens), public_origin_(std::move(public_origin)) {}
  Result<net::Response> List(net::Request& request);
  Result<net::Response> Create(net::Request& request);
  Result<net::Response> Get(net::Request& request);
  Result<net::Response> Revoke(net::Request& request);

 private:
  [[nodiscard]] std::string ServerUrl(const net::Request& request) const;

  const Clock& clock_;
  services::BootstrapTokenService& tokens_;
  std::string public_origin_;
};

}  // namespace gpuaas::api
