#include "api/access/access_json.hpp"

#include "services/access/credential_service.hpp"
#include "shared/rfc3339.hpp"

namespace gpuaas::api {

boost::json::value TimeOrNull(const std::optional<Timestamp>& time) {
  if (!time) return nullptr;
  return boost::json::value(FormatRfc3339(*time));
}

boost::json::object UserJson(const services::UserView& view) {
  const auto& user = view.user;
  return {{"id", user.id},
          {"email", user.email},
          {"display_name", user.display_name},
          {"platform_admin", user.platform_admin},
          {"status", user.status},
          {"locked_until", TimeOrNull(view.locked_until)},
          {"created_at", FormatRfc3339(user.created_at)}};
}

boost::json::object SessionJson(const repositories::ConsoleSessionRecord& session, std::string_view current_id) {
  return {{"id", session.id},
          {"created_at", FormatRfc3339(session.created_at)},
          {"last_seen_at", FormatRfc3339(session.last_seen_at)},
          {"expires_at", FormatRfc3339(session.expires_at)},
          {"ip", session.ip},
          {"user_agent", session.user_agent},
          {"current", session.id == current_id}};
}

boost::json::object TokenJson(const repositories::ApiTokenRecord& token, Timestamp now) {
  boost::json::array scopes;
  std::string_view rest = token.scopes;
  while (!rest.empty()) {
    const auto end = std::min(rest.find(' '), rest.size());
    scopes.emplace_back(rest.substr(0, end));
    rest.remove_prefix(std::min(end + 1, rest.size()));
  }
  boost::json::object json{{"id", token.id},
                           {"name", token.name},
                           {"kind", token.kind},
                           {"prefix", token.prefix},
                           {"scopes", std::move(scopes)},
                           {"expires_at", TimeOrNull(token.expires_at)},
                           {"last_used_at", TimeOrNull(token.last_used_at)},
                           {"created_at", FormatRfc3339(token.created_at)},
                           {"revoked_at", TimeOrNull(token.revoked_at)},
                           {"status", services::TokenStatus(token, now)}};
  if (token.service_account_id) json["service_account_id"] = *token.service_account_id;
  return json;
}

boost::json::object SshKeyJson(const repositories::SshKeyRecord& key) {
  return {{"id", key.id},
          {"name", key.name},
          {"key_type", key.key_type},
          {"bits", key.bits},
          {"fingerprint", key.fingerprint},
          {"comment", key.comment},
          {"created_at", FormatRfc3339(key.created_at)}};
}

boost::json::object MemberJson(const repositories::MembershipRecord& member) {
  return {{"user_id", member.user_id},
          {"email", member.email},
          {"display_name", member.display_name},
          {"role", member.role},
          {"created_at", FormatRfc3339(member.created_at)}};
}

boost::json::object TenantJson(const services::TenantView& view) {
  return {{"id", view.tenant.id},
          {"name", view.tenant.name},
          {"personal", view.tenant.personal},
          {"role", view.role ? boost::json::value(services::RoleName(*view.role)) : boost::json::value(nullptr)},
          {"created_at", FormatRfc3339(view.tenant.created_at)}};
}

boost::json::object ProjectJson(const services::ProjectView& view) {
  return {{"id", view.project.id},
          {"tenant_id", view.project.tenant_id},
          {"tenant_name", view.project.tenant_name},
          {"name", view.project.name},
          {"role", view.role ? boost::json::value(services::RoleName(*view.role)) : boost::json::value(nullptr)},
          {"created_at", FormatRfc3339(view.project.created_at)}};
}

boost::json::object ServiceAccountJson(const services::ServiceAccountView& view, Timestamp now) {
  boost::json::array tokens;
  for (const auto& token : view.tokens) tokens.push_back(TokenJson(token, now));
  return {{"id", view.account.id},
          {"project_id", view.account.project_id},
          {"name", view.account.name},
          {"role", view.account.role},
          {"created_at", FormatRfc3339(view.account.created_at)},
          {"tokens", std::move(tokens)}};
}

}  // namespace gpuaas::api
