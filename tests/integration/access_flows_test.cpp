// Identity, tenancy and access over HTTP, as the console and the CLI use them. Runs on
// SQLite and on PostgreSQL (access_flows_test_pg).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <set>

#include "tests/support/api_client.hpp"
#include "tests/support/test_server.hpp"

namespace gpuaas::testing {
namespace {

// A real ed25519 key and the fingerprint `ssh-keygen -lf` prints for it.
constexpr const char* kEd25519 =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMLN8QzNENtmRzCgGOHFm5QoYu54RTzXwc84rAyibfY4 alice@laptop";
constexpr const char* kEd25519Fingerprint = "SHA256:XYMdOol1XPJYviyKubYr+L0V5qSYK1OBDuDGkOlKMxE";

std::string Json(const boost::json::object& object) { return boost::json::serialize(object); }

class AccessFlowsTest : public ::testing::Test {
 protected:
  TestServer server_;
  ApiClient admin_ = ApiClient::SignIn(server_.port(), kTestAdminEmail, kTestAdminPassword);

  // A new user created by the platform admin, signed in.
  ApiClient NewUser(const std::string& email, std::string* user_id = nullptr) {
    const auto created =
        admin_.Post("/api/v1/users",
                    Json({{"email", email}, {"display_name", "User " + email}, {"password", "correct horse battery"}}));
    EXPECT_EQ(created.status, 201) << created.body;
    if (user_id != nullptr) *user_id = std::string(created.json.at("user").at("id").as_string());
    return ApiClient::SignIn(server_.port(), email, "correct horse battery");
  }

  static std::string FirstProjectId(const ApiClient& client) {
    const auto me = client.Get("/api/v1/users/me");
    return std::string(me.json.at("projects").as_array().at(0).at("id").as_string());
  }

  boost::json::array Audit(const std::string& query) {
    const auto reply = admin_.Get("/api/v1/audit?" + query);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.json.at("items").as_array();
  }
};

TEST_F(AccessFlowsTest, SignInSetsAnHttpOnlyCookieAndTheSessionNamesTheUser) {
  ApiClient anonymous(server_.port());
  const auto login =
      anonymous.Post("/api/v1/auth/login", Json({{"email", "ADMIN@test.local"}, {"password", kTestAdminPassword}}));
  ASSERT_EQ(login.status, 200) << login.body;
  const auto cookie = login.raw.Header("set-cookie");
  EXPECT_NE(cookie.find("gpuaas_session=gpuaas_ses_"), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // plain HTTP here
  EXPECT_EQ(login.body.find("gpuaas_ses_"), std::string::npos) << "the session secret must stay in the cookie";
  EXPECT_FALSE(login.Str("csrf_token").empty());

  const auto session = admin_.Get("/api/v1/auth/session");
  ASSERT_EQ(session.status, 200);
  EXPECT_EQ(session.json.at("user").at("email"), "admin@test.local");
  EXPECT_EQ(session.json.at("user").at("platform_admin"), true);
  EXPECT_EQ(anonymous.Get("/api/v1/auth/session").status, 401);
}

TEST_F(AccessFlowsTest, AWrongPasswordAndAnUnknownEmailGetTheSameGenericAnswer) {
  ApiClient anonymous(server_.port());
  const auto wrong =
      anonymous.Post("/api/v1/auth/login", Json({{"email", kTestAdminEmail}, {"password", "nope nope"}}));
  const auto unknown = anonymous.Post("/api/v1/auth/login", Json({{"email", "ghost@test.local"}, {"password", "x"}}));
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.json.at("error").at("message"), unknown.json.at("error").at("message"));
  EXPECT_EQ(wrong.json.at("error").at("message"), "email or password is incorrect");
  const auto denied = Audit("action=auth.login&outcome=denied");
  ASSERT_EQ(denied.size(), 2u);
  for (const auto& row : denied) EXPECT_EQ(row.at("metadata").as_object().count("password"), 0u);
}

TEST_F(AccessFlowsTest, RepeatedFailuresSlowSignInDown) {
  ApiClient anonymous(server_.port());
  const auto attempt = [&] {
    return anonymous.Post("/api/v1/auth/login", Json({{"email", "victim@test.local"}, {"password", "guess guess"}}));
  };
  EXPECT_EQ(attempt().status, 401);
  EXPECT_EQ(attempt().status, 401);
  EXPECT_EQ(attempt().status, 401);  // the third failure starts the delay
  const auto throttled = attempt();
  EXPECT_EQ(throttled.status, 429) << throttled.body;
  EXPECT_EQ(throttled.ErrorCode(), "rate_limited");
  EXPECT_FALSE(throttled.raw.Header("retry-after").empty());
}

TEST_F(AccessFlowsTest, CookieMutationsNeedTheCsrfTokenAndTheRefusalIsAudited) {
  auto no_csrf = admin_;
  no_csrf.send_csrf = false;
  const auto refused = no_csrf.Post("/api/v1/users/me/ssh-keys", Json({{"name", "laptop"}, {"public_key", kEd25519}}));
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.ErrorCode(), "permission_denied");
  EXPECT_EQ(admin_.Get("/api/v1/users/me/ssh-keys").json.at("items").as_array().size(), 0u);
  const auto rows = Audit("action=ssh_key.create&outcome=denied");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].at("actor_label"), "admin@test.local");
}

TEST_F(AccessFlowsTest, LogoutEndsTheSessionAtOnce) {
  auto second = ApiClient::SignIn(server_.port(), kTestAdminEmail, kTestAdminPassword);
  ASSERT_EQ(second.Get("/api/v1/users/me").status, 200);
  const auto logout = second.Post("/api/v1/auth/logout");
  EXPECT_EQ(logout.status, 204);
  EXPECT_NE(logout.raw.Header("set-cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(second.Get("/api/v1/users/me").status, 401);
  EXPECT_EQ(admin_.Get("/api/v1/users/me").status, 200);  // other sessions live on
}

TEST_F(AccessFlowsTest, SessionsAreListedWithTheirOriginAndRevocable) {
  auto other = ApiClient::SignIn(server_.port(), kTestAdminEmail, kTestAdminPassword);
  const auto sessions = admin_.Get("/api/v1/users/me/sessions").json.at("items").as_array();
  ASSERT_EQ(sessions.size(), 2u);
  std::string other_id;
  for (const auto& session : sessions) {
    EXPECT_EQ(session.at("ip"), "127.0.0.1");
    if (!session.at("current").as_bool()) other_id = std::string(session.at("id").as_string());
  }
  ASSERT_FALSE(other_id.empty());
  EXPECT_EQ(admin_.Delete("/api/v1/users/me/sessions/" + other_id).status, 204);
  EXPECT_EQ(other.Get("/api/v1/users/me").status, 401);
  EXPECT_EQ(admin_.Delete("/api/v1/users/me/sessions/ses_unknown").status, 404);
}

TEST_F(AccessFlowsTest, PasswordChangeEndsOtherSessionsAndTheNewPasswordWorks) {
  auto bob = NewUser("bob@test.local");
  auto bob_elsewhere = ApiClient::SignIn(server_.port(), "bob@test.local", "correct horse battery");
  const auto wrong = bob.Post("/api/v1/users/me/password",
                              Json({{"current_password", "not it"}, {"new_password", "a much longer secret"}}));
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.Field(), "current_password");
  const auto short_one = bob.Post("/api/v1/users/me/password",
                                  Json({{"current_password", "correct horse battery"}, {"new_password", "short"}}));
  EXPECT_EQ(short_one.Field(), "new_password");
  EXPECT_EQ(bob.Post("/api/v1/users/me/password",
                     Json({{"current_password", "correct horse battery"}, {"new_password", "a much longer secret"}}))
                .status,
            204);
  EXPECT_EQ(bob.Get("/api/v1/users/me").status, 200);
  EXPECT_EQ(bob_elsewhere.Get("/api/v1/users/me").status, 401);
  EXPECT_NO_THROW(ApiClient::SignIn(server_.port(), "bob@test.local", "a much longer secret"));
}

TEST_F(AccessFlowsTest, SignUpGivesAPersonalTenantAndProject) {
  ApiClient anonymous(server_.port());
  const auto bad =
      anonymous.Post("/api/v1/auth/signup",
                     Json({{"email", "not-an-email"}, {"password", "long enough pass"}, {"display_name", "C"}}));
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Field(), "email");
  const auto signed_up = anonymous.Post(
      "/api/v1/auth/signup",
      Json({{"email", "carol@test.local"}, {"password", "long enough pass"}, {"display_name", "Carol"}}));
  ASSERT_EQ(signed_up.status, 201) << signed_up.body;
  auto carol = ApiClient::SignIn(server_.port(), "carol@test.local", "long enough pass");
  const auto me = carol.Get("/api/v1/users/me");
  ASSERT_EQ(me.json.at("tenants").as_array().size(), 1u);
  EXPECT_EQ(me.json.at("tenants").at(0).at("role"), "owner");
  EXPECT_EQ(me.json.at("tenants").at(0).at("personal"), true);
  EXPECT_EQ(me.json.at("projects").at(0).at("role"), "admin");
  const auto again =
      anonymous.Post("/api/v1/auth/signup",
                     Json({{"email", "carol@test.local"}, {"password", "long enough pass"}, {"display_name", "C"}}));
  EXPECT_EQ(again.status, 409);
}

TEST(AccessSignupDisabledTest, SignUpCanBeTurnedOff) {
  TestServer server(TestServer::Settings{{"signup_enabled", "false"}});
  ApiClient anonymous(server.port());
  EXPECT_EQ(anonymous.Get("/api/v1/auth/config").json.at("signup_enabled"), false);
  const auto refused =
      anonymous.Post("/api/v1/auth/signup",
                     Json({{"email", "dan@test.local"}, {"password", "long enough pass"}, {"display_name", "D"}}));
  EXPECT_EQ(refused.status, 403);
}

TEST_F(AccessFlowsTest, SshKeysAreValidatedFingerprintedAndUnique) {
  const auto added = admin_.Post("/api/v1/users/me/ssh-keys", Json({{"name", "laptop"}, {"public_key", kEd25519}}));
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.json.at("key_type"), "ssh-ed25519");
  EXPECT_EQ(added.Str("fingerprint"), kEd25519Fingerprint);
  EXPECT_EQ(added.json.at("comment"), "alice@laptop");
  const auto duplicate = admin_.Post("/api/v1/users/me/ssh-keys", Json({{"name", "again"}, {"public_key", kEd25519}}));
  EXPECT_EQ(duplicate.status, 409);
  const auto malformed =
      admin_.Post("/api/v1/users/me/ssh-keys", Json({{"name", "bad"}, {"public_key", "ssh-ed25519 AAAA"}}));
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.Field(), "public_key");
  const auto unnamed = admin_.Post("/api/v1/users/me/ssh-keys", Json({{"name", "  "}, {"public_key", kEd25519}}));
  EXPECT_EQ(unnamed.Field(), "name");
  const auto long_name =
      admin_.Post("/api/v1/users/me/ssh-keys", Json({{"name", std::string(101, 'k')}, {"public_key", kEd25519}}));
  EXPECT_EQ(long_name.Field(), "name");
  const auto keys = admin_.Get("/api/v1/users/me/ssh-keys").json.at("items").as_array();
  ASSERT_EQ(keys.size(), 1u);
  const auto id = std::string(keys[0].at("id").as_string());
  EXPECT_EQ(admin_.Delete("/api/v1/users/me/ssh-keys/" + id).status, 204);
  EXPECT_EQ(admin_.Delete("/api/v1/users/me/ssh-keys/" + id).status, 404);
  EXPECT_EQ(Audit("action=ssh_key.create&outcome=allowed").size(), 1u);
  EXPECT_EQ(Audit("action=ssh_key.delete&outcome=allowed").size(), 1u);
}

TEST_F(AccessFlowsTest, TokensAreShownOnceWorkAsBearerAndStopAtRevocation) {
  const auto created = admin_.Post("/api/v1/users/me/tokens", Json({{"name", "ci"}, {"expires_in_days", 30}}));
  ASSERT_EQ(created.status, 201) << created.body;
  const auto secret = created.Str("secret");
  ASSERT_EQ(secret.rfind("gpuaas_pat_", 0), 0u);
  EXPECT_GE(secret.size() - 11, 43u);  // 256 random bits, base64url
  const auto listed = admin_.Get("/api/v1/users/me/tokens");
  EXPECT_EQ(listed.body.find(secret), std::string::npos);
  EXPECT_EQ(listed.json.at("items").at(0).at("status"), "active");

  auto cli = ApiClient::Bearer(server_.port(), secret);
  EXPECT_EQ(cli.Get("/api/v1/users/me").status, 200);
  EXPECT_EQ(cli.Post("/api/v1/users/me/ssh-keys", Json({{"name", "k"}, {"public_key", kEd25519}})).status, 201);
  const auto token_id = std::string(created.json.at("token").at("id").as_string());
  EXPECT_EQ(admin_.Delete("/api/v1/users/me/tokens/" + token_id).status, 204);
  EXPECT_EQ(cli.Get("/api/v1/users/me").status, 401);
  EXPECT_EQ(ApiClient::Bearer(server_.port(), "gpuaas_pat_made_up").Get("/api/v1/users/me").status, 401);

  const auto audit = admin_.Get("/api/v1/audit?action=token.create").body;
  EXPECT_EQ(audit.find(secret), std::string::npos);
  EXPECT_EQ(server_.ReadLog().find(secret), std::string::npos);
  EXPECT_EQ(server_.ReadLog().find(kTestAdminPassword), std::string::npos);
}

TEST_F(AccessFlowsTest, ReadOnlyTokensCannotChangeAnything) {
  const auto secret = admin_.CreateToken("reader", R"(["read"])");
  auto reader = ApiClient::Bearer(server_.port(), secret);
  EXPECT_EQ(reader.Get("/api/v1/users/me/ssh-keys").status, 200);
  const auto refused = reader.Post("/api/v1/users/me/ssh-keys", Json({{"name", "k"}, {"public_key", kEd25519}}));
  EXPECT_EQ(refused.status, 403);
  const auto bad_scope = admin_.Post("/api/v1/users/me/tokens", Json({{"name", "x"}, {"scopes", {"admin"}}}));
  EXPECT_EQ(bad_scope.Field(), "scopes");
  const auto bad_expiry = admin_.Post("/api/v1/users/me/tokens", Json({{"name", "x"}, {"expires_in_days", 0}}));
  EXPECT_EQ(bad_expiry.Field(), "expires_in_days");
}

TEST_F(AccessFlowsTest, TenantOwnersManageMembersAndTheLastOwnerStays) {
  std::string erin_id;
  auto erin = NewUser("erin@test.local", &erin_id);
  std::string frank_id;
  auto frank = NewUser("frank@test.local", &frank_id);
  const auto tenant = admin_.Post("/api/v1/tenants", Json({{"name", "Acme"}, {"owner_email", "erin@test.local"}}));
  ASSERT_EQ(tenant.status, 201) << tenant.body;
  const auto tenant_id = tenant.Str("id");

  EXPECT_EQ(
      erin.Post("/api/v1/tenants/" + tenant_id + "/members", Json({{"email", "frank@test.local"}, {"role", "member"}}))
          .status,
      201);
  const auto unknown = erin.Post("/api/v1/tenants/" + tenant_id + "/members",
                                 Json({{"email", "nobody@test.local"}, {"role", "member"}}));
  EXPECT_EQ(unknown.Field(), "email");
  const auto bad_role =
      erin.Post("/api/v1/tenants/" + tenant_id + "/members", Json({{"email", "frank@test.local"}, {"role", "king"}}));
  EXPECT_EQ(bad_role.Field(), "role");

  const auto demote_last =
      erin.Patch("/api/v1/tenants/" + tenant_id + "/members/" + erin_id, Json({{"role", "admin"}}));
  EXPECT_EQ(demote_last.status, 412) << demote_last.body;
  EXPECT_EQ(erin.Delete("/api/v1/tenants/" + tenant_id + "/members/" + erin_id).status, 412);

  EXPECT_EQ(frank.Post("/api/v1/tenants/" + tenant_id + "/projects", Json({{"name", "research"}})).status, 403);
  const auto project = erin.Post("/api/v1/tenants/" + tenant_id + "/projects", Json({{"name", "research"}}));
  ASSERT_EQ(project.status, 201);
  EXPECT_EQ(erin.Post("/api/v1/tenants/" + tenant_id + "/projects", Json({{"name", "research"}})).status, 409);
  const auto project_id = project.Str("id");
  EXPECT_EQ(frank.Get("/api/v1/projects/" + project_id).status, 404);  // not a project member
  EXPECT_EQ(erin.Post("/api/v1/projects/" + project_id + "/members",
                      Json({{"email", "frank@test.local"}, {"role", "viewer"}}))
                .status,
            201);
  EXPECT_EQ(frank.Get("/api/v1/projects/" + project_id).json.at("role"), "viewer");

  EXPECT_EQ(erin.Patch("/api/v1/tenants/" + tenant_id + "/members/" + frank_id, Json({{"role", "owner"}})).status, 200);
  EXPECT_EQ(erin.Patch("/api/v1/tenants/" + tenant_id + "/members/" + erin_id, Json({{"role", "admin"}})).status, 200);
  EXPECT_EQ(frank.Delete("/api/v1/tenants/" + tenant_id + "/members/" + erin_id).status, 204);
  EXPECT_EQ(erin.Get("/api/v1/tenants/" + tenant_id).status, 404);
  const auto members = frank.Get("/api/v1/tenants/" + tenant_id + "/members").json.at("items").as_array();
  EXPECT_EQ(members.size(), 1u);
}

TEST_F(AccessFlowsTest, ServiceAccountTokensActOnlyInTheirProject) {
  const auto project_id = FirstProjectId(admin_);
  const auto account = admin_.Post("/api/v1/projects/" + project_id + "/service-accounts",
                                   Json({{"name", "deployer"}, {"role", "member"}}));
  ASSERT_EQ(account.status, 201) << account.body;
  const auto account_id = account.Str("id");
  const auto token = admin_.Post("/api/v1/projects/" + project_id + "/service-accounts/" + account_id + "/tokens",
                                 Json({{"name", "pipeline"}}));
  ASSERT_EQ(token.status, 201);
  auto robot = ApiClient::Bearer(server_.port(), token.Str("secret"));
  EXPECT_EQ(robot.Get("/api/v1/projects/" + project_id).json.at("role"), "member");
  EXPECT_EQ(robot.Get("/api/v1/projects").json.at("items").as_array().size(), 1u);
  EXPECT_EQ(robot.Get("/api/v1/users/me").status, 403);
  EXPECT_EQ(robot.Get("/api/v1/users").status, 403);
  EXPECT_EQ(robot.Post("/api/v1/projects/" + project_id + "/service-accounts", Json({{"name", "x"}, {"role", "admin"}}))
                .status,
            403);
  const auto listed = admin_.Get("/api/v1/projects/" + project_id + "/service-accounts");
  EXPECT_EQ(listed.json.at("items").at(0).at("tokens").as_array().size(), 1u);
  EXPECT_EQ(listed.body.find(token.Str("secret")), std::string::npos);
  EXPECT_EQ(admin_.Delete("/api/v1/projects/" + project_id + "/service-accounts/" + account_id).status, 204);
  EXPECT_EQ(robot.Get("/api/v1/projects/" + project_id).status, 401);
}

TEST_F(AccessFlowsTest, DisablingAUserEndsTheirSessionsAndTokens) {
  std::string gina_id;
  auto gina = NewUser("gina@test.local", &gina_id);
  auto gina_cli = ApiClient::Bearer(server_.port(), gina.CreateToken("cli"));
  EXPECT_EQ(admin_.Patch("/api/v1/users/" + gina_id, Json({{"status", "disabled"}})).status, 200);
  EXPECT_EQ(gina.Get("/api/v1/users/me").status, 401);
  EXPECT_EQ(gina_cli.Get("/api/v1/users/me").status, 401);
  ApiClient anonymous(server_.port());
  EXPECT_EQ(
      anonymous.Post("/api/v1/auth/login", Json({{"email", "gina@test.local"}, {"password", "correct horse battery"}}))
          .status,
      401);
  const auto last_admin = admin_.Get("/api/v1/users/me").json.at("user").at("id").as_string();
  const auto demote = admin_.Patch("/api/v1/users/" + std::string(last_admin), Json({{"platform_admin", false}}));
  EXPECT_EQ(demote.status, 412);
}

TEST_F(AccessFlowsTest, QuotasReportEffectiveHeadroomAndWhichRuleSetIt) {
  const auto project_id = FirstProjectId(admin_);
  auto headroom = admin_.Get("/api/v1/projects/" + project_id + "/quota");
  ASSERT_EQ(headroom.status, 200) << headroom.body;
  EXPECT_EQ(headroom.json.at("resources").at(0).at("limit"), nullptr);
  EXPECT_EQ(admin_.Put("/api/v1/quotas/platform", Json({{"max_gpus", 8}, {"max_workloads", 20}})).status, 200);
  EXPECT_EQ(
      admin_.Put("/api/v1/quotas/projects/" + project_id, Json({{"max_gpus", 4}, {"max_workloads", nullptr}})).status,
      200);
  headroom = admin_.Get("/api/v1/projects/" + project_id + "/quota");
  const auto& gpus = headroom.json.at("resources").at(0);
  EXPECT_EQ(gpus.at("resource"), "gpus");
  EXPECT_EQ(gpus.at("limit"), 4);
  EXPECT_EQ(gpus.at("source"), "project_override");
  EXPECT_EQ(headroom.json.at("resources").at(1).at("limit"), 20);
  EXPECT_EQ(headroom.json.at("resources").at(1).at("source"), "platform_default");
  EXPECT_EQ(headroom.json.at("usage_state"), "not_available");
  const auto negative = admin_.Put("/api/v1/quotas/platform", Json({{"max_gpus", -1}, {"max_workloads", 1}}));
  EXPECT_EQ(negative.Field(), "max_gpus");
  auto hal = NewUser("hal@test.local");
  EXPECT_EQ(hal.Put("/api/v1/quotas/platform", Json({{"max_gpus", 1000}, {"max_workloads", 1}})).status, 403);
  EXPECT_EQ(hal.Get("/api/v1/quotas").status, 403);
}

TEST_F(AccessFlowsTest, EntitlementsDefaultToEveryActiveOfferingAndAdminsNarrowThem) {
  const auto project_id = FirstProjectId(admin_);
  auto view = admin_.Get("/api/v1/projects/" + project_id + "/entitlements");
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_EQ(view.json.at("skus").at("mode"), "all_active");
  const auto set = admin_.Put("/api/v1/projects/" + project_id + "/entitlements",
                              R"({"skus":{"mode":"allow_list","allowed":["h100-80gb"]},"apps":{"mode":"all_active"}})");
  ASSERT_EQ(set.status, 200) << set.body;
  view = admin_.Get("/api/v1/projects/" + project_id + "/entitlements");
  EXPECT_EQ(view.json.at("skus").at("allowed").at(0), "h100-80gb");
  const auto bad = admin_.Put("/api/v1/projects/" + project_id + "/entitlements",
                              R"({"skus":{"mode":"some"},"apps":{"mode":"all_active"}})");
  EXPECT_EQ(bad.status, 400);
}

TEST_F(AccessFlowsTest, EvidenceIsFilteredPagedExportedAndScopedToWhatTheCallerMaySee) {
  for (int i = 0; i < 5; ++i) admin_.CreateToken("t" + std::to_string(i));
  auto page = admin_.Get("/api/v1/audit?action=token.create&limit=2");
  ASSERT_EQ(page.json.at("items").as_array().size(), 2u);
  std::set<std::string> seen;
  int pages = 1;
  for (;;) {
    for (const auto& row : page.json.at("items").as_array()) seen.insert(std::string(row.at("id").as_string()));
    if (page.json.at("next_cursor").is_null()) break;
    page = admin_.Get("/api/v1/audit?action=token.create&limit=2&cursor=" +
                      std::string(page.json.at("next_cursor").as_string()));
    ++pages;
  }
  EXPECT_EQ(seen.size(), 5u);
  EXPECT_EQ(pages, 3);
  const auto id = *seen.begin();
  const auto detail = admin_.Get("/api/v1/audit/" + id);
  EXPECT_EQ(detail.json.at("action"), "token.create");
  EXPECT_FALSE(detail.json.at("request_id").as_string().empty());

  const auto csv = admin_.Get("/api/v1/audit/export?action=token.create");
  EXPECT_EQ(csv.status, 200);
  EXPECT_NE(csv.raw.Header("content-type").find("text/csv"), std::string::npos);
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 6);  // header + 5 rows

  auto ivan = NewUser("ivan@test.local");
  const auto own = ivan.Get("/api/v1/audit").json.at("items").as_array();
  for (const auto& row : own) EXPECT_NE(row.at("actor_label"), "admin@test.local") << boost::json::serialize(row);
  EXPECT_EQ(ivan.Get("/api/v1/audit/" + id).status, 404);
  EXPECT_EQ(admin_.Get("/api/v1/audit?outcome=maybe").Field(), "outcome");
  EXPECT_EQ(admin_.Get("/api/v1/audit?cursor=zzz").Field(), "cursor");
}

}  // namespace
}  // namespace gpuaas::testing
