#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "agent/state/agent_state.hpp"
#include "shared/result.hpp"

namespace gpuaas::agent::state {

// The node's credentials: its private key, its certificate and the platform CA it pins.
struct NodeIdentity {
  std::string private_key_pem;
  std::string certificate_pem;
  std::string ca_certificate_pem;
};

// The agent's data directory (0700):
//   key.pem (0600)  node.crt (0644)  ca.crt (0644)  state.json (0600)
// Every file is replaced atomically; a renewal swaps key and certificate through *.next files.
class StateStore {
 public:
  explicit StateStore(std::filesystem::path data_dir) : data_dir_(std::move(data_dir)) {}

  [[nodiscard]] const std::filesystem::path& data_dir() const { return data_dir_; }
  [[nodiscard]] std::filesystem::path PathOf(std::string_view file) const { return data_dir_ / file; }

  // True when state.json exists: this host is enrolled (perhaps with another server).
  [[nodiscard]] bool HasEnrollment() const;

  // Creates the directory and writes the identity, then state.json last: until state.json is
  // written the host does not count as enrolled, so an interrupted enrollment is simply redone.
  Status SaveEnrollment(const NodeIdentity& identity, const AgentState& state) const;

  // not_found when the host is not enrolled; invalid_argument naming the file when it is corrupt.
  Result<AgentState> LoadState() const;
  Status SaveState(const AgentState& state) const;
  Result<NodeIdentity> LoadIdentity() const;

  // Replaces key and certificate after a renewal: both are written as *.next first, then the key
  // and the certificate are renamed into place. LoadIdentity completes a swap a crash interrupted.
  Status InstallRenewedIdentity(std::string_view private_key_pem, std::string_view certificate_pem) const;

 private:
  Status FinishInterruptedRenewal() const;

  std::filesystem::path data_dir_;
};

inline constexpr std::string_view kKeyFile = "key.pem";
inline constexpr std::string_view kCertificateFile = "node.crt";
inline constexpr std::string_view kCaFile = "ca.crt";
inline constexpr std::string_view kStateFile = "state.json";

}  // namespace gpuaas::agent::state
