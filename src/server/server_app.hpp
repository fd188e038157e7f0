#pragma once

#include <cstdint>
#include <memory>

#include "server/server_config.hpp"
#include "services/evidence/audit_trail.hpp"
#include "shared/result.hpp"

namespace gpuaas::server {

// The control plane, wired: store, migrations, services, routes, middleware and the HTTP
// server. Create() is the one composition function of gpuaas-server; tests create it too.
class ServerApp {
 public:
  static Result<std::unique_ptr<ServerApp>> Create(const ServerConfig& config);
  ~ServerApp();
  ServerApp(const ServerApp&) = delete;
  ServerApp& operator=(const ServerApp&) = delete;

  // Applies migrations, binds, starts serving; returns the bound port.
  Result<std::uint16_t> Start();
  void StopOnSignals();
  void Stop();
  void Wait();

  struct Parts;
  explicit ServerApp(std::unique_ptr<Parts> parts);

 private:
  std::unique_ptr<Parts> parts_;
};

// `gpuaas-server migrate`: applies migrations and returns how many ran.
Result<int> MigrateDatabase(const ServerConfig& config);

// Recomputes the audit hash chain of the configured database (gpuaas-server audit verify).
Result<services::AuditVerification> VerifyAuditChain(const ServerConfig& config);

// `gpuaas-server fleet token`: a bootstrap token made on the server host (for `make run` and
// scripted installs), printed as the text to pass to `gpuaas-agent enroll --token`.
Result<std::string> CreateHostBootstrapToken(const ServerConfig& config, const std::string& site,
                                             const std::string& profile, const std::string& server_url);

}  // namespace gpuaas::server
