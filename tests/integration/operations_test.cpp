// The operations engine through the API: catalogue, start, retry with backoff, cancel,
// idempotent start, every kind of bad input (refused, audited, nothing started), and the
// outbox feeding activity streams and inboxes. Runs on SQLite and on PostgreSQL.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <chrono>
#include <thread>

#include "tests/support/api_client.hpp"
#include "tests/support/test_server.hpp"

namespace gpuaas::testing {
namespace {

namespace json = boost::json;

std::string SelftestBody(const std::string& params) {
  return R"({"kind":"platform.selftest","target":{"type":"platform","id":"platform"},"params":)" + params + "}";
}

class OperationsTest : public ::testing::Test {
 protected:
  // Fast retries and polls, so the suite does not wait on production timings.
  TestServer server_{TestServer::Settings{{"operation_retry_base_ms", "20"}, {"worker_poll_ms", "20"}}};
  ApiClient admin_ = ApiClient::SignIn(server_.port(), kTestAdminEmail, kTestAdminPassword);

  // Polls the operation until it reaches `state` (10 s at most); returns its last view.
  json::object WaitFor(const std::string& id, const std::string& state, const ApiClient* client = nullptr) {
    const auto& caller = client != nullptr ? *client : admin_;
    json::object last;
    for (int i = 0; i < 500; ++i) {
      const auto reply = caller.Get("/api/v1/operations/" + id);
      if (reply.status == 200) last = reply.json.as_object();
      if (last.contains("state") && last.at("state").as_string() == state) return last;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ADD_FAILURE() << id << " never reached " << state << ": " << json::serialize(last);
    return last;
  }

  std::int64_t CountOperations() {
    const auto reply = admin_.Get("/api/v1/operations?limit=200");
    return static_cast<std::int64_t>(reply.json.at("items").as_array().size());
  }

  // The newest audit row of `action`, or null.
  json::value LastAudit(const std::string& action) {
    const auto reply = admin_.Get("/api/v1/audit?action=" + action + "&limit=1");
    const auto& items = reply.json.at("items").as_array();
    return items.empty() ? json::value(nullptr) : items.front();
  }

  // Polls a resource's activity until `predicate` holds (5 s at most).
  template <typename Predicate>
  json::array WaitActivity(const ApiClient& client, const std::string& resource, Predicate predicate) {
    json::array items;
    for (int i = 0; i < 250; ++i) {
      const auto reply = client.Get("/api/v1/activity?resource=" + resource);
      if (reply.status == 200) items = reply.json.at("items").as_array();
      if (predicate(items)) return items;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ADD_FAILURE() << "activity of " << resource << " never matched: " << json::serialize(items);
    return items;
  }
};

TEST_F(OperationsTest, TheCatalogueOfATargetEvaluatesPreconditionsForTheCaller) {
  const auto token_id = admin_.Post("/api/v1/users/me/tokens", R"({"name":"ci"})").json.at("token").at("id");
  const auto catalogue = admin_.Get("/api/v1/tokens/" + std::string(token_id.as_string()) + "/operations");
  ASSERT_EQ(catalogue.status, 200) << catalogue.body;
  const auto& revoke = catalogue.json.at("operations").as_array().at(0).as_object();
  EXPECT_EQ(revoke.at("kind").as_string(), "token.revoke");
  EXPECT_EQ(revoke.at("intent").as_string(), "destructive");
  EXPECT_EQ(revoke.at("danger").as_string(), "destructive");
  EXPECT_EQ(revoke.at("confirmation").as_string(), "typed");
  EXPECT_EQ(revoke.at("confirmation_text").as_string(), "ci");
  EXPECT_TRUE(revoke.at("available").as_bool());
  EXPECT_TRUE(revoke.at("preconditions").as_array().at(0).at("met").as_bool());

  // The admin's own user: disabling yourself is offered, but its precondition is unmet.
  const auto me = admin_.Get("/api/v1/users/me").json.at("user").at("id").as_string();
  const auto users = admin_.Get("/api/v1/users/" + std::string(me) + "/operations");
  ASSERT_EQ(users.status, 200) << users.body;
  bool saw_disable = false;
  for (const auto& entry : users.json.at("operations").as_array()) {
    if (entry.at("kind").as_string() != "user.disable") continue;
    saw_disable = true;
    EXPECT_FALSE(entry.at("available").as_bool());
    bool unmet_self = false;
    for (const auto& condition : entry.at("preconditions").as_array()) {
      if (condition.at("id").as_string() == "not_yourself") unmet_self = !condition.at("met").as_bool();
    }
    EXPECT_TRUE(unmet_self) << json::serialize(entry);
  }
  EXPECT_TRUE(saw_disable);
}

TEST_F(OperationsTest, TransientStepFailuresAreRetriedWithBackoffAndEachStepLandsOnce) {
  const auto started = admin_.Post("/api/v1/operations", SelftestBody(R"({"steps":3,"fail_attempts":2})"));
  ASSERT_EQ(started.status, 202) << started.body;
  EXPECT_EQ(started.raw.Header("location"), "/api/v1/operations/" + started.Str("id"));
  const auto done = WaitFor(started.Str("id"), "succeeded");
  EXPECT_EQ(json::serialize(done.at("result").at("marks_per_step")), "[1,1,1]");
  int retries = 0;
  std::int64_t last_delay_ms = 0;
  for (const auto& event : done.at("timeline").as_array()) {
    if (event.at("type").as_string() != "step_retry") continue;
    ++retries;
    const std::string message(event.at("message").as_string());
    const auto at = message.find("next attempt in ");
    ASSERT_NE(at, std::string::npos) << message;
    last_delay_ms = std::stoll(message.substr(at + 16));
  }
  EXPECT_EQ(retries, 6);  // two per step
  // The second retry of a step waits base * 2 with jitter in [half, full]: 20..40 ms.
  EXPECT_GE(last_delay_ms, 20);
  EXPECT_LE(last_delay_ms, 40);
}

TEST_F(OperationsTest, AnOperationOutOfAttemptsFailsWithTheReasonAndCanBeRetried) {
  // Six attempts per step; seven injected failures exhaust them.
  const auto started = admin_.Post("/api/v1/operations", SelftestBody(R"({"steps":1,"fail_attempts":7})"));
  ASSERT_EQ(started.status, 202) << started.body;
  const auto id = started.Str("id");
  const auto failed = WaitFor(id, "failed");
  EXPECT_EQ(failed.at("attempt").as_int64(), 6);
  EXPECT_EQ(failed.at("error").at("code").as_string(), "unavailable");
  EXPECT_NE(failed.at("error").at("message").as_string().find("injected transient failure (attempt 6)"),
            std::string::npos);
  EXPECT_EQ(failed.at("steps").as_array().at(0).at("state").as_string(), "failed");

  // Retry runs the failed step again with fresh attempts (and here fails again).
  const auto retried = admin_.Post("/api/v1/operations/" + id + "/retry");
  ASSERT_EQ(retried.status, 202) << retried.body;
  const auto again = WaitFor(id, "failed");
  int retry_requests = 0;
  int failures = 0;
  for (const auto& event : again.at("timeline").as_array()) {
    retry_requests += event.at("type").as_string() == "retry_requested" ? 1 : 0;
    failures += event.at("type").as_string() == "failed" ? 1 : 0;
  }
  EXPECT_EQ(retry_requests, 1);
  EXPECT_EQ(failures, 2);
  EXPECT_EQ(LastAudit("operation.retry").at("outcome").as_string(), "allowed");
  // A succeeded operation cannot be retried, and the refusal says why.
  const auto ok = admin_.Post("/api/v1/operations", SelftestBody(R"({"steps":1})"));
  WaitFor(ok.Str("id"), "succeeded");
  const auto refused = admin_.Post("/api/v1/operations/" + ok.Str("id") + "/retry");
  EXPECT_EQ(refused.status, 412) << refused.body;
  EXPECT_NE(refused.body.find("only a failed operation can be retried"), std::string::npos);
}

TEST_F(OperationsTest, CancelStopsARunningOperationBeforeItsNextStep) {
  const auto started = admin_.Post("/api/v1/operations", SelftestBody(R"({"steps":10,"step_ms":100})"));
  ASSERT_EQ(started.status, 202) << started.body;
  const auto id = started.Str("id");
  WaitFor(id, "running");
  const auto cancel = admin_.Post("/api/v1/operations/" + id + "/cancel");
  ASSERT_EQ(cancel.status, 202) << cancel.body;
  const auto done = WaitFor(id, "cancelled");
  EXPECT_LT(done.at("step_index").as_int64(), 10);
  bool requested = false;
  bool cancelled = false;
  for (const auto& event : done.at("timeline").as_array()) {
    requested = requested || event.at("type").as_string() == "cancel_requested";
    cancelled = cancelled || event.at("type").as_string() == "cancelled";
  }
  EXPECT_TRUE(requested && cancelled) << json::serialize(done.at("timeline"));
  EXPECT_EQ(admin_.Post("/api/v1/operations/" + id + "/cancel").status, 412);
  EXPECT_EQ(LastAudit("operation.cancel").at("outcome").as_string(), "failed");
}

TEST_F(OperationsTest, StartingIsIdempotentAndOneDestructiveOperationRunsPerTarget) {
  const auto created = admin_.Post("/api/v1/users/me/tokens", R"({"name":"twice"})").json;
  const std::string token_id(created.at("token").at("id").as_string());
  const auto body =
      R"({"kind":"token.revoke","target":{"type":"token","id":")" + token_id + R"("},"confirmation":"twice"})";
  const auto first = admin_.Post("/api/v1/operations", body, "Idempotency-Key: revoke-twice-1\r\n");
  const auto replay = admin_.Post("/api/v1/operations", body, "Idempotency-Key: revoke-twice-1\r\n");
  ASSERT_EQ(first.status, 202) << first.body;
  EXPECT_EQ(replay.status, 202);
  EXPECT_EQ(replay.Str("id"), first.Str("id"));
  EXPECT_EQ(replay.raw.Header("idempotent-replayed"), "true");
  WaitFor(first.Str("id"), "succeeded");
  // The token is revoked now: a new start is refused by the precondition, naming it.
  const auto again = admin_.Post("/api/v1/operations", body);
  EXPECT_EQ(again.status, 412) << again.body;
  EXPECT_EQ(again.json.at("error").at("details").at("unmet").as_string(), "token_active");
}

TEST_F(OperationsTest, BadInputIsRefusedAuditedAndStartsNothing) {
  const auto token_id =
      std::string(admin_.Post("/api/v1/users/me/tokens", R"({"name":"keep"})").json.at("token").at("id").as_string());
  const auto before = CountOperations();
  struct Case {
    std::string body;
    int status;
    std::string field;
  };
  const Case cases[] = {
      {R"({"kind":"nope.nothing","target":{"type":"token","id":")" + token_id + R"("}})", 400, "kind"},
      {R"({"kind":"token.revoke","target":{"type":"user","id":")" + token_id + R"("}})", 400, "target.type"},
      {R"({"kind":"token.revoke","target":{"type":"token","id":")" + token_id + R"("}})", 400, "confirmation"},
      {R"({"kind":"token.revoke","target":{"type":"token","id":")" + token_id + R"("},"confirmation":"Keep"})", 400,
       "confirmation"},
      {R"({"kind":"token.revoke","target":{"type":"token","id":"tok_01m84cq86zrgdh5pw0vxa3t2wf"},"confirmation":"x"})",
       404, ""},
      {SelftestBody(R"({"steps":99})"), 400, "params.steps"},
      {R"({"kind":"platform.selftest","target":{"type":"platform","id":"platform"},"extra":1})", 400, "extra"},
  };
  for (const auto& c : cases) {
    const auto reply = admin_.Post("/api/v1/operations", c.body);
    EXPECT_EQ(reply.status, c.status) << c.body << " -> " << reply.body;
    if (!c.field.empty()) {
      EXPECT_EQ(reply.Field(), c.field) << reply.body;
    }
    if (c.status != 400 || c.field == "kind" || c.field == "target.type" || c.field == "confirmation") {
      const auto audit = LastAudit("operation.start");
      ASSERT_TRUE(audit.is_object());
      EXPECT_EQ(audit.at("request_id").as_string(), reply.json.at("error").at("correlation_id").as_string());
      EXPECT_EQ(audit.at("outcome").as_string(), c.status == 404 ? "denied" : "failed");
    }
  }
  EXPECT_EQ(CountOperations(), before);

  // A user who may not run it: a plain member cannot see the platform, nor another's token.
  ASSERT_EQ(
      admin_.Post("/api/v1/users", R"({"email":"member@test.local","display_name":"M","password":"member-password-1"})")
          .status,
      201);
  const auto member = ApiClient::SignIn(server_.port(), "member@test.local", "member-password-1");
  EXPECT_EQ(member.Post("/api/v1/operations", SelftestBody("{}")).status, 404);
  EXPECT_EQ(member
                .Post("/api/v1/operations", R"({"kind":"token.revoke","target":{"type":"token","id":")" + token_id +
                                                R"("},"confirmation":"keep"})")
                .status,
            404);
  EXPECT_EQ(LastAudit("operation.start").at("outcome").as_string(), "denied");
  EXPECT_EQ(member.Get("/api/v1/platform/operations").status, 404);
  EXPECT_EQ(CountOperations(), before);
}

TEST_F(OperationsTest, OperationsFeedTheTargetsActivityAndTheRequestersInbox) {
  const auto created = admin_.Post("/api/v1/users/me/tokens", R"({"name":"feed"})").json;
  const std::string token_id(created.at("token").at("id").as_string());
  const auto inbox_before = admin_.Get("/api/v1/notifications").json.at("unread_count").as_int64();
  const auto started = admin_.Post("/api/v1/operations", R"({"kind":"token.revoke","target":{"type":"token","id":")" +
                                                             token_id + R"("},"confirmation":"feed"})");
  ASSERT_EQ(started.status, 202) << started.body;
  const auto op_id = started.Str("id");
  WaitFor(op_id, "succeeded");
  const auto items = WaitActivity(admin_, "token:" + token_id, [&](const json::array& rows) {
    int of_operation = 0;
    for (const auto& row : rows) of_operation += row.at("operation_id") == json::value(op_id) ? 1 : 0;
    return of_operation == 2;
  });
  // Newest first: the operation's success, its start, the revoke's audit row and the creation.
  ASSERT_GE(items.size(), 3U);
  EXPECT_EQ(items.at(0).at("kind").as_string(), "operation.succeeded");
  EXPECT_EQ(items.at(0).at("title").as_string(), "Revoke token succeeded");
  bool audit_pivot = false;
  for (const auto& row : items) audit_pivot = audit_pivot || row.at("kind").as_string() == "audit:token.revoke";
  EXPECT_TRUE(audit_pivot) << json::serialize(items);

  // The requester's inbox: one notification linking to the operation; read, read all, delete.
  json::object note;
  for (int i = 0; i < 250 && note.empty(); ++i) {
    const auto page = admin_.Get("/api/v1/notifications");
    for (const auto& item : page.json.at("items").as_array()) {
      if (item.at("link").as_string() == "/operations/" + op_id) note = item.as_object();
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_FALSE(note.empty());
  EXPECT_EQ(note.at("title").as_string(), "Revoke token succeeded");
  EXPECT_EQ(admin_.Get("/api/v1/notifications").json.at("unread_count").as_int64(), inbox_before + 1);
  const std::string note_id(note.at("id").as_string());
  EXPECT_EQ(admin_.Post("/api/v1/notifications/" + note_id + "/read").status, 204);
  EXPECT_EQ(admin_.Get("/api/v1/notifications?unread=true").json.at("unread_count").as_int64(), inbox_before);
  EXPECT_EQ(admin_.Post("/api/v1/notifications/read-all").status, 200);
  EXPECT_EQ(admin_.Delete("/api/v1/notifications/" + note_id).status, 204);
  EXPECT_EQ(admin_.Delete("/api/v1/notifications/" + note_id).status, 404);
  EXPECT_EQ(admin_.Get("/api/v1/notifications?unread=maybe").Field(), "unread");
  EXPECT_EQ(admin_.Get("/api/v1/activity?resource=token").Field(), "resource");
}

}  // namespace
}  // namespace gpuaas::testing
