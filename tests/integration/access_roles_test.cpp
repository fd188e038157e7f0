// Every role against every kind of access rule: the table below is the authorization
// contract of the access family. Each refusal must also leave an audit row with outcome
// "denied" under the caller's identity.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <map>

#include "tests/support/api_client.hpp"
#include "tests/support/test_server.hpp"

namespace gpuaas::testing {
namespace {

enum Role {
  kPlatformAdmin,
  kTenantOwner,
  kTenantAdmin,
  kTenantMember,
  kProjectAdmin,
  kProjectMember,
  kProjectViewer,
  kOutsider,
  kServiceAccount,
  kRoleCount
};

constexpr const char* kRoleNames[] = {"platform_admin", "tenant_owner",  "tenant_admin",
                                      "tenant_member",  "project_admin", "project_member",
                                      "project_viewer", "outsider",      "service_account"};

struct Call {
  const char* name;
  const char* method;
  std::string path;  // {P} and {T} are replaced by the project and tenant ids
  std::string body;  // {N} is replaced by a unique suffix
  int expected[kRoleCount];
};

class AccessRolesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    admin_ = std::make_unique<ApiClient>(ApiClient::SignIn(server_.port(), kTestAdminEmail, kTestAdminPassword));
    clients_.insert_or_assign(kPlatformAdmin, *admin_);
    const char* emails[] = {"",
                            "owner@t.local",
                            "tadmin@t.local",
                            "tmember@t.local",
                            "padmin@t.local",
                            "pmember@t.local",
                            "pviewer@t.local",
                            "outsider@t.local"};
    for (int role = kTenantOwner; role <= kOutsider; ++role) {
      const auto created = admin_->Post(
          "/api/v1/users",
          boost::json::serialize(boost::json::object{
              {"email", emails[role]}, {"display_name", kRoleNames[role]}, {"password", "role password 123"}}));
      ASSERT_EQ(created.status, 201) << created.body;
      ids_[role] = std::string(created.json.at("user").at("id").as_string());
    }
    const auto tenant = admin_->Post("/api/v1/tenants", R"({"name":"Tenant T","owner_email":"owner@t.local"})");
    ASSERT_EQ(tenant.status, 201) << tenant.body;
    tenant_ = tenant.Str("id");
    clients_.insert_or_assign(kTenantOwner,
                              ApiClient::SignIn(server_.port(), emails[kTenantOwner], "role password 123"));
    const auto& owner = clients_.at(kTenantOwner);
    ASSERT_EQ(
        owner.Post("/api/v1/tenants/" + tenant_ + "/members", R"({"email":"tadmin@t.local","role":"admin"})").status,
        201);
    ASSERT_EQ(
        owner.Post("/api/v1/tenants/" + tenant_ + "/members", R"({"email":"tmember@t.local","role":"member"})").status,
        201);
    const auto project = owner.Post("/api/v1/tenants/" + tenant_ + "/projects", R"({"name":"P"})");
    ASSERT_EQ(project.status, 201);
    project_ = project.Str("id");
    for (const auto& [email, role] : {std::pair{"padmin@t.local", "admin"}, std::pair{"pmember@t.local", "member"},
                                      std::pair{"pviewer@t.local", "viewer"}}) {
      ASSERT_EQ(owner
                    .Post("/api/v1/projects/" + project_ + "/members",
                          std::string(R"({"email":")") + email + R"(","role":")" + role + R"("})")
                    .status,
                201);
    }
    for (int role = kTenantAdmin; role <= kOutsider; ++role) {
      clients_.insert_or_assign(role, ApiClient::SignIn(server_.port(), emails[role], "role password 123"));
    }
    const auto account =
        owner.Post("/api/v1/projects/" + project_ + "/service-accounts", R"({"name":"robot","role":"member"})");
    ASSERT_EQ(account.status, 201);
    ids_[kServiceAccount] = account.Str("id");
    const auto token =
        owner.Post("/api/v1/projects/" + project_ + "/service-accounts/" + ids_[kServiceAccount] + "/tokens",
                   R"({"name":"robot-token"})");
    ASSERT_EQ(token.status, 201);
    clients_.insert_or_assign(kServiceAccount, ApiClient::Bearer(server_.port(), token.Str("secret")));
    ids_[kPlatformAdmin] = std::string(admin_->Get("/api/v1/users/me").json.at("user").at("id").as_string());
  }

  std::string Expand(std::string text, int unique) const {
    const auto replace = [&](const std::string& from, const std::string& to) {
      for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
      }
    };
    replace("{P}", project_);
    replace("{T}", tenant_);
    replace("{N}", std::to_string(unique));
    return text;
  }

  std::size_t DeniedRows(int role) {
    const auto reply = admin_->Get("/api/v1/audit?outcome=denied&limit=200&actor_id=" + ids_[role]);
    return reply.json.at("items").as_array().size();
  }

  TestServer server_;
  std::unique_ptr<ApiClient> admin_;
  std::map<int, ApiClient> clients_;
  std::string ids_[kRoleCount];
  std::string tenant_;
  std::string project_;
};

TEST_F(AccessRolesTest, EveryRoleIsAllowedAndDeniedExactlyAsTheRulesSay) {
  //                                                               admin owner tadm tmem padm pmem pview out  sa
  const Call calls[] = {
      {"view project", "GET", "/api/v1/projects/{P}", "", {200, 200, 200, 404, 200, 200, 200, 404, 200}},
      {"list project members",
       "GET",
       "/api/v1/projects/{P}/members",
       "",
       {200, 200, 200, 404, 200, 200, 200, 404, 200}},
      {"project headroom", "GET", "/api/v1/projects/{P}/quota", "", {200, 200, 200, 404, 200, 200, 200, 404, 200}},
      {"project entitlements",
       "GET",
       "/api/v1/projects/{P}/entitlements",
       "",
       {200, 200, 200, 404, 200, 200, 200, 404, 200}},
      {"create service account",
       "POST",
       "/api/v1/projects/{P}/service-accounts",
       R"({"name":"sa{N}","role":"viewer"})",
       {201, 201, 201, 404, 201, 403, 403, 404, 403}},
      {"list tenant members", "GET", "/api/v1/tenants/{T}/members", "", {200, 200, 200, 200, 200, 200, 200, 404, 404}},
      {"create project",
       "POST",
       "/api/v1/tenants/{T}/projects",
       R"({"name":"p{N}"})",
       {201, 201, 201, 403, 403, 403, 403, 404, 404}},
      {"list users", "GET", "/api/v1/users", "", {200, 403, 403, 403, 403, 403, 403, 403, 403}},
      {"create tenant",
       "POST",
       "/api/v1/tenants",
       R"({"name":"t{N}","owner_email":"outsider@t.local"})",
       {201, 403, 403, 403, 403, 403, 403, 403, 403}},
      {"quota policy", "GET", "/api/v1/quotas", "", {200, 403, 403, 403, 403, 403, 403, 403, 403}},
      {"set project quota",
       "PUT",
       "/api/v1/quotas/projects/{P}",
       R"({"max_gpus":{N},"max_workloads":null})",
       {200, 403, 403, 403, 403, 403, 403, 403, 403}},
      {"set entitlements",
       "PUT",
       "/api/v1/projects/{P}/entitlements",
       R"({"skus":{"mode":"all_active"},"apps":{"mode":"all_active"}})",
       {200, 403, 403, 403, 403, 403, 403, 403, 403}},
      {"own ssh keys", "GET", "/api/v1/users/me/ssh-keys", "", {200, 200, 200, 200, 200, 200, 200, 200, 403}},
  };
  int unique = 0;
  for (const auto& call : calls) {
    for (int role = 0; role < kRoleCount; ++role) {
      const auto before = DeniedRows(role);
      const auto reply = clients_.at(role).Call(call.method, Expand(call.path, unique), Expand(call.body, unique), "");
      ++unique;
      EXPECT_EQ(reply.status, call.expected[role]) << call.name << " as " << kRoleNames[role] << ": " << reply.body;
      const bool refused = reply.status == 403 || reply.status == 404;
      EXPECT_EQ(DeniedRows(role), before + (refused ? 1 : 0))
          << call.name << " as " << kRoleNames[role] << " should " << (refused ? "" : "not ") << "leave a denied row";
    }
  }
}

}  // namespace
}  // namespace gpuaas::testing
