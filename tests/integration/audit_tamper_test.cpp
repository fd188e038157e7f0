// The audit log is hash-chained: `gpuaas-server audit verify` passes on an untouched log and
// names the first row a direct database edit broke.
#include <gtest/gtest.h>

#include "store/open_database.hpp"
#include "tests/support/api_client.hpp"
#include "tests/support/server_command.hpp"
#include "tests/support/test_server.hpp"

namespace gpuaas::testing {
namespace {

CommandOutcome Verify(const std::string& database_url) {
  return RunCommand(std::string(GPUAAS_SERVER_BINARY) + " audit verify --database '" + database_url + "'");
}

void Execute(const std::string& database_url, const std::string& sql) {
  auto url = store::DatabaseUrl::Parse(database_url);
  ASSERT_TRUE(url.ok());
  auto database = store::OpenDatabase(*url, store::StoreOptions{});
  ASSERT_TRUE(database.ok()) << database.error().message();
  const auto status = (*database)->Write([&](store::Session& session) -> Status {
    GPUAAS_RETURN_IF_ERROR(session.Execute(sql));
    return Ok();
  });
  ASSERT_TRUE(status.ok()) << status.error().message();
}

TEST(AuditTamperTest, VerifyFindsTheFirstEditedRow) {
  TestServer server;
  const auto admin = ApiClient::SignIn(server.port(), kTestAdminEmail, kTestAdminPassword);
  for (int i = 0; i < 4; ++i) admin.CreateToken("token-" + std::to_string(i));
  const auto url = server.database().url();
  server.Stop();  // SQLite allows one process; the CLI opens the database next

  const auto intact = Verify(url);
  EXPECT_EQ(intact.exit_code, 0) << intact.output;
  EXPECT_NE(intact.output.find("intact"), std::string::npos) << intact.output;

  // Row 3 is the first token.create after the bootstrap and sign-in rows; hide who did it.
  Execute(url, "UPDATE audit_log SET actor_label = 'someone else' WHERE seq = 3");
  const auto broken = Verify(url);
  EXPECT_EQ(broken.exit_code, 1) << broken.output;
  EXPECT_NE(broken.output.find("BROKEN at row 3"), std::string::npos) << broken.output;
}

TEST(AuditTamperTest, VerifyFindsADeletedRow) {
  TestServer server;
  const auto admin = ApiClient::SignIn(server.port(), kTestAdminEmail, kTestAdminPassword);
  for (int i = 0; i < 3; ++i) admin.CreateToken("token-" + std::to_string(i));
  const auto url = server.database().url();
  server.Stop();
  Execute(url, "DELETE FROM audit_log WHERE seq = 2");
  const auto broken = Verify(url);
  EXPECT_EQ(broken.exit_code, 1) << broken.output;
  EXPECT_NE(broken.output.find("row 2 is missing"), std::string::npos) << broken.output;
}

}  // namespace
}  // namespace gpuaas::testing
