#include "agent/enroll/enrollment_check.hpp"

#include <gtest/gtest.h>

#include "agent/testing/test_node.hpp"

namespace gpuaas::agent::enroll {
namespace {

struct Answer {
  testing::TestNode node;
  std::string pinned;
  wire::fleet::EnrollResponse response;
};

Answer MakeAnswer(Timestamp now) {
  Answer answer{.node = testing::MakeTestNode(now), .pinned = {}, .response = {}};
  answer.pinned = *pki::CertificateFingerprint(answer.node.ca.cert_pem);
  answer.response = {.node_id = answer.node.state.node_id,
                     .node_name = "test-host",
                     .certificate_pem = answer.node.certificate.cert_pem,
                     .ca_certificate_pem = answer.node.ca.cert_pem,
                     .not_after = "",
                     .heartbeat_interval_seconds = 10};
  return answer;
}

const Timestamp kNow = std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());

TEST(EnrollmentCheck, AcceptsTheNodeTheTokenVouchesFor) {
  const auto answer = MakeAnswer(kNow);
  const auto node = CheckEnrollmentResponse(answer.pinned, answer.response, answer.node.key.public_key_pem, kNow);
  ASSERT_TRUE(node.ok()) << node.error().message();
  EXPECT_EQ(node->node_id, answer.node.state.node_id);
}

TEST(EnrollmentCheck, RefusesACaOtherThanTheTokensAsAManInTheMiddle) {
  auto answer = MakeAnswer(kNow);
  const auto impostor = testing::MakeTestNode(kNow);  // another CA that signed a certificate for our key
  answer.response.ca_certificate_pem = impostor.ca.cert_pem;
  answer.response.certificate_pem = testing::IssueFor(impostor.ca, answer.node.key, "node_test1", kNow).cert_pem;
  const auto node = CheckEnrollmentResponse(answer.pinned, answer.response, answer.node.key.public_key_pem, kNow);
  ASSERT_FALSE(node.ok());
  EXPECT_EQ(node.error().code(), ErrorCode::kUnauthenticated);
  EXPECT_EQ(node.error().message(), "the server's CA does not match the token: possible man in the middle");
}

TEST(EnrollmentCheck, RefusesACertificateForAnotherNode) {
  auto answer = MakeAnswer(kNow);
  answer.response.node_id = "node_other";
  const auto node = CheckEnrollmentResponse(answer.pinned, answer.response, answer.node.key.public_key_pem, kNow);
  ASSERT_FALSE(node.ok());
  EXPECT_NE(node.error().message().find("node_other"), std::string::npos);
}

TEST(EnrollmentCheck, RefusesACertificateForAnotherKey) {
  const auto answer = MakeAnswer(kNow);
  const auto other_key = pki::GenerateKeyPair();
  const auto node = CheckEnrollmentResponse(answer.pinned, answer.response, other_key->public_key_pem, kNow);
  ASSERT_FALSE(node.ok());
  EXPECT_EQ(node.error().code(), ErrorCode::kUnauthenticated);
}

}  // namespace
}  // namespace gpuaas::agent::enroll
