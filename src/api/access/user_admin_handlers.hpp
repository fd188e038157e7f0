#pragma once

#include "net/http_types.hpp"
#include "services/access/user_service.hpp"

namespace gpuaas::api {

// /api/v1/users: user management for platform admins.
class UserAdminHandlers {
 public:
  explicit UserAdminHandlers(services::UserService& users) : users_(users) {}

  Result<net::Response> List(net::Request& request);
  Result<net::Response> Create(net::Request& request);
  Result<net::Response> Get(net::Request& request);
  Result<net::Response> Update(net::Request& request);
  Result<net::Response> Unlock(net::Request& request);

 private:
  services::UserService& users_;
};

}  // namespace gpuaas::api
