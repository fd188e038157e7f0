#pragma once

// Test-only: a platform CA and an enrolled node made with the real PKI, so the agent's tests read
// the same key and certificates a server would hand out.

#include <gtest/gtest.h>

#include <string>

#include "agent/state/state_store.hpp"
#include "shared/clock.hpp"
#include "shared/pki/certificate_authority.hpp"
#include "shared/pki/csr.hpp"
#include "shared/pki/key_pair.hpp"

namespace gpuaas::agent::testing {

struct TestNode {
  pki::CaMaterial ca;
  pki::KeyPair key;
  pki::IssuedCertificate certificate;
  state::AgentState state;
};

// A certificate for `key` signed by `ca`, as the server's enrollment and renewal would issue it.
inline pki::IssuedCertificate IssueFor(const pki::CaMaterial& ca, const pki::KeyPair& key, const std::string& node_id,
                                       Timestamp now) {
  const auto csr = pki::MakeCsr(key.private_key_pem, "test-host");
  EXPECT_TRUE(csr.ok());
  auto issued = pki::SignNodeCertificate(ca, *csr, node_id, now);
  EXPECT_TRUE(issued.ok()) << issued.error().message();
  return *issued;
}

inline TestNode MakeTestNode(Timestamp now, const std::string& node_id = "node_test1") {
  TestNode node;
  auto ca = pki::CreateCa("GPUaaS test CA", 30, now);
  EXPECT_TRUE(ca.ok());
  node.ca = *ca;
  auto key = pki::GenerateKeyPair();
  EXPECT_TRUE(key.ok());
  node.key = *key;
  node.certificate = IssueFor(node.ca, node.key, node_id, now);
  node.state = {.node_id = node_id,
                .node_name = "test-host",
                .server_url = "http://127.0.0.1:9",
                .simulate_gpus = "2xH100",
                .enrolled_at = "2026-01-01T00:00:00.000Z",
                .last_renewal_at = std::nullopt,
                .last_renewal_error = std::nullopt};
  return node;
}

// Writes `node` into `store` as `gpuaas-agent enroll` would.
inline void SaveTestNode(const state::StateStore& store, const TestNode& node) {
  const auto saved = store.SaveEnrollment({.private_key_pem = node.key.private_key_pem,
                                           .certificate_pem = node.certificate.cert_pem,
                                           .ca_certificate_pem = node.ca.cert_pem},
                                          node.state);
  ASSERT_TRUE(saved.ok()) << saved.error().message();
}

}  // namespace gpuaas::agent::testing
