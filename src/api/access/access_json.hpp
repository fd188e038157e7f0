#pragma once

#include <boost/json/object.hpp>

#include "services/access/auth_service.hpp"
#include "services/access/credential_service.hpp"
#include "services/access/ssh_key_service.hpp"
#include "services/access/tenancy_service.hpp"
#include "services/access/user_service.hpp"

namespace gpuaas::api {

// The JSON shapes of the access family (api/openapi.json describes each). No secret ever
// appears in them: password hashes, token hashes and session secrets stay in the store.
boost::json::object UserJson(const services::UserView& view);
boost::json::object SessionJson(const repositories::ConsoleSessionRecord& session, std::string_view current_id);
boost::json::object TokenJson(const repositories::ApiTokenRecord& token, Timestamp now);
boost::json::object SshKeyJson(const repositories::SshKeyRecord& key);
boost::json::object MemberJson(const repositories::MembershipRecord& member);
boost::json::object TenantJson(const services::TenantView& view);
boost::json::object ProjectJson(const services::ProjectView& view);
boost::json::object ServiceAccountJson(const services::ServiceAccountView& view, Timestamp now);

boost::json::value TimeOrNull(const std::optional<Timestamp>& time);

// {"items": [...]} from a range, with `render` applied to each element.
template <typename Range, typename Render>
boost::json::object Items(const Range& range, Render render) {
  boost::json::array items;
  for (const auto& item : range) items.push_back(render(item));
  return boost::json::object{{"items", std::move(items)}};
}

}  // namespace gpuaas::api
