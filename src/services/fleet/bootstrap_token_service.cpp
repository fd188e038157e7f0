#include "services/fleet/bootstrap_token_service.hpp"

#include "repositories/fleet/site_repository.hpp"
#include "services/access/authorizer.hpp"
#include "services/fleet/fleet_rules.hpp"
#include "shared/secret.hpp"
#include "wire/fleet/bootstrap_token.hpp"

namespace gpuaas::services {

using repositories::BootstrapTokenRepository;
using repositories::NodeRepository;

namespace {

constexpr std::int64_t kMinTtlMinutes = 5;
constexpr std::int64_t kMaxTtlMinutes = 7 * 24 * 60;
constexpr std::int64_t kListLimit = 200;

Error TokenNotFound(std::string_view id) {
  return Error::NotFound("bootstrap token " + std::string(id) + " not found");
}

OnboardingProgress ProgressOf(const repositories::BootstrapTokenRecord& token,
                              const std::optional<repositories::NodeRecord>& node, Timestamp now) {
  OnboardingProgress progress;
  progress.token_used = token.used_at.has_value();
  if (!progress.token_used || !node) return progress;
  progress.enrolled = true;
  progress.first_heartbeat = node->connected_since.has_value() && node->last_heartbeat_us.has_value();
  progress.certificate_valid = node->cert_not_after.has_value() && *node->cert_not_after > now;
  progress.inventory_received = node->inventory.has_value();
  progress.ready = progress.first_heartbeat && progress.certificate_valid && progress.inventory_received &&
                   (node->state == "online" || node->state == "cordoned" || node->state == "draining");
  return progress;
}

}  // namespace

std::string_view BootstrapTokenState(const repositories::BootstrapTokenRecord& token, Timestamp now) {
  if (token.revoked_at) return "revoked";
  if (token.used_at) return "used";
  if (now >= token.expires_at) return "expired";
  return "active";
}

Result<CreatedBootstrapToken> BootstrapTokenService::Create(const Caller& caller, const NewBootstrapToken& input) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  return CreateChecked(caller, input);
}

Result<CreatedBootstrapToken> BootstrapTokenService::CreateOnHost(std::string_view site_name, std::string_view profile,
                                                                  std::string server_url) {
  const Caller host{Principal{PrincipalKind::kSystem, "host-operator", "host operator (gpuaas-server fleet token)"},
                    "cli", "", ""};
  GPUAAS_RETURN_IF_ERROR(ValidateSlug(site_name, "site"));
  std::string site_id;
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto site, repositories::SiteRepository::FindByName(session, site_name));
    if (site) {
      site_id = site->id;
      return Ok();
    }
    repositories::SiteRecord created{context_.ids.Next("site"),
                                     std::string(site_name),
                                     "local",
                                     "Created by gpuaas-server fleet token",
                                     context_.clock.Now(),
                                     0};
    GPUAAS_RETURN_IF_ERROR(repositories::SiteRepository::Insert(session, created));
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(
        session, host, {"site.create", "site", created.id, {}, {}, "allowed", {{"name", created.name}}}));
    site_id = created.id;
    return Ok();
  }));
  return CreateChecked(host, {site_id, std::string(profile), 60, std::nullopt, std::move(server_url)});
}

Result<CreatedBootstrapToken> BootstrapTokenService::CreateChecked(const Caller& caller,
                                                                   const NewBootstrapToken& input) {
  if (FindNodeProfile(input.profile) == nullptr) {
    return Error::InvalidArgument("profile", "is not a known node profile (standard, whole-node)");
  }
  if (input.ttl_minutes < kMinTtlMinutes || input.ttl_minutes > kMaxTtlMinutes) {
    return Error::InvalidArgument("ttl_minutes", "must be between 5 and 10080 (7 days)");
  }
  const auto now = context_.clock.Now();
  const auto secret = GenerateSecret("", 32);
  CreatedBootstrapToken created;
  auto& token = created.token;
  token.id = context_.ids.Next("bt");
  token.secret_hash = Sha256Hex(secret);
  token.site_id = input.site_id;
  token.profile = input.profile;
  token.purpose = input.node_id ? "reenroll" : "enroll";
  token.node_id = input.node_id;
  token.created_by = caller.principal.label;
  token.created_at = now;
  token.expires_at = now + std::chrono::minutes(input.ttl_minutes);
  GPUAAS_RETURN_IF_ERROR(context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto site, repositories::SiteRepository::Find(session, input.site_id));
    if (!site) return Error::InvalidArgument("site_id", "is not a known site");
    token.site_name = site->name;
    if (input.node_id) {
      GPUAAS_ASSIGN_OR_RETURN(const auto node, NodeRepository::Find(session, *input.node_id));
      if (!node) return Error::InvalidArgument("node_id", "is not a known node");
      if (node->state == "retired") return Error::FailedPrecondition("node " + node->name + " is retired");
    }
    GPUAAS_RETURN_IF_ERROR(BootstrapTokenRepository::Insert(session, token));
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(session, caller,
                                                 {"bootstrap_token.create",
                                                  "bootstrap_token",
                                                  token.id,
                                                  {},
                                                  {},
                                                  "allowed",
                                                  {{"site", site->name},
                                                   {"profile", token.profile},
                                                   {"purpose", token.purpose},
                                                   {"ttl_minutes", std::to_string(input.ttl_minutes)}}}));
    return Ok();
  }));
  created.secret = wire::fleet::EncodeBootstrapToken({input.server_url, ca_.fingerprint(), secret});
  created.command =
      "sudo gpuaas-agent enroll --token '" + created.secret + "' && sudo systemctl enable --now gpuaas-agent";
  return created;
}

Result<std::vector<repositories::BootstrapTokenRecord>> BootstrapTokenService::List(
    const Caller& caller, const std::optional<std::string>& state) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  if (state && *state != "active" && *state != "used" && *state != "expired" && *state != "revoked") {
    return Error::InvalidArgument("state", "must be active, used, expired or revoked");
  }
  std::vector<repositories::BootstrapTokenRecord> tokens;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(tokens, BootstrapTokenRepository::List(session, kListLimit));
    return Ok();
  }));
  if (state) {
    const auto now = context_.clock.Now();
    std::erase_if(tokens, [&](const auto& token) { return BootstrapTokenState(token, now) != *state; });
  }
  return tokens;
}

Result<BootstrapTokenView> BootstrapTokenService::Get(const Caller& caller, std::string_view id) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  BootstrapTokenView view;
  GPUAAS_RETURN_IF_ERROR(context_.database.Read([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto token, BootstrapTokenRepository::Find(session, id));
    if (!token) return TokenNotFound(id);
    view.token = *token;
    if (token->node_id) {
      GPUAAS_ASSIGN_OR_RETURN(view.node, NodeRepository::Find(session, *token->node_id));
    }
    return Ok();
  }));
  view.progress = ProgressOf(view.token, view.node, context_.clock.Now());
  return view;
}

Status BootstrapTokenService::Revoke(const Caller& caller, std::string_view id) {
  GPUAAS_RETURN_IF_ERROR(Authorizer::RequirePlatformAdmin(caller));
  const auto now = context_.clock.Now();
  return context_.database.Write([&](store::Session& session) -> Status {
    GPUAAS_ASSIGN_OR_RETURN(const auto token, BootstrapTokenRepository::Find(session, id));
    if (!token) return TokenNotFound(id);
    const auto state = BootstrapTokenState(*token, now);
    if (state == "revoked") return Ok();  // idempotent
    if (state != "active") return Error::FailedPrecondition("the bootstrap token is " + std::string(state));
    GPUAAS_ASSIGN_OR_RETURN(const bool revoked, BootstrapTokenRepository::Revoke(session, id, now));
    if (!revoked) return Error::FailedPrecondition("the bootstrap token was used meanwhile");
    GPUAAS_RETURN_IF_ERROR(context_.audit.Append(
        session, caller, {"bootstrap_token.revoke", "bootstrap_token", token->id, {}, {}, "allowed", {}}));
    return Ok();
  });
}

}  // namespace gpuaas::services
