#include "agent/enroll/enroll_command.hpp"

#include <boost/json/parse.hpp>

#include <ostream>

#include "agent/enroll/enrollment_check.hpp"
#include "agent/error_line.hpp"
#include "agent/inventory/collector.hpp"
#include "agent/state/atomic_file.hpp"
#include "agent/state/state_store.hpp"
#include "agent/transport/http_client.hpp"
#include "shared/pki/csr.hpp"
#include "shared/pki/key_pair.hpp"
#include "shared/rfc3339.hpp"
#include "wire/error_envelope.hpp"
#include "wire/fleet/bootstrap_token.hpp"
#include "wire/json_format.hpp"

namespace gpuaas::agent {
namespace {

namespace fleet = wire::fleet;
constexpr auto kEnrollTimeout = std::chrono::seconds(30);

// The steps after the flags are read; every failure comes back as the Error to print.
struct Enrollment {
  fleet::BootstrapToken token;
  std::string server_url;
  transport::ServerEndpoint endpoint;
  inventory::InventoryOptions inventory;
};

Result<Enrollment> ReadFlags(const EnrollFlags& flags) {
  Enrollment enrollment;
  GPUAAS_ASSIGN_OR_RETURN(enrollment.token, fleet::DecodeBootstrapToken(flags.token, "--token"));
  enrollment.server_url = flags.server.value_or(enrollment.token.server_url);
  while (enrollment.server_url.ends_with('/')) enrollment.server_url.pop_back();
  GPUAAS_ASSIGN_OR_RETURN(enrollment.endpoint, transport::ParseServerUrl(enrollment.server_url, "--server"));
  GPUAAS_ASSIGN_OR_RETURN(enrollment.inventory, inventory::MakeInventoryOptions(flags.simulate_gpus, flags.data_dir));
  return enrollment;
}

Result<fleet::EnrollResponse> Exchange(const Enrollment& enrollment, const fleet::EnrollRequest& request) {
  const auto body = wire::FormatJson(fleet::ToJson(request), wire::JsonLayout::kCompact);
  GPUAAS_ASSIGN_OR_RETURN(const auto response,
                          transport::PostJson(enrollment.endpoint, transport::kEnrollTarget, body, kEnrollTimeout));
  if (response.status != 200 && response.status != 201) return wire::ParseErrorEnvelope(response.body, response.status);
  boost::system::error_code error;
  const auto json = boost::json::parse(response.body, error);
  if (error) return Error::Internal("the server's enrollment answer is not JSON: " + error.message());
  return fleet::EnrollResponseFromJson(json);
}

Status Enroll(const EnrollFlags& flags, const Enrollment& enrollment, std::ostream& out) {
  const state::StateStore store{flags.data_dir};
  // The directory exists before the inventory is taken: its disk figures are of this filesystem.
  GPUAAS_RETURN_IF_ERROR(state::EnsurePrivateDirectory(store.data_dir()));
  GPUAAS_ASSIGN_OR_RETURN(const auto key, pki::GenerateKeyPair());
  GPUAAS_ASSIGN_OR_RETURN(auto collected, inventory::CollectInventory(enrollment.inventory));
  GPUAAS_ASSIGN_OR_RETURN(auto csr, pki::MakeCsr(key.private_key_pem, collected.inventory.hostname));
  const fleet::EnrollRequest request{
      .token = flags.token, .csr_pem = std::move(csr), .inventory = std::move(collected.inventory)};
  GPUAAS_ASSIGN_OR_RETURN(const auto response, Exchange(enrollment, request));
  const SystemClock clock;
  const auto now = clock.Now();
  GPUAAS_ASSIGN_OR_RETURN(const auto node, enroll::CheckEnrollmentResponse(enrollment.token.ca_fingerprint, response,
                                                                           key.public_key_pem, now));
  const state::NodeIdentity identity{.private_key_pem = key.private_key_pem,
                                     .certificate_pem = response.certificate_pem,
                                     .ca_certificate_pem = response.ca_certificate_pem};
  const state::AgentState agent_state{.node_id = node.node_id,
                                      .node_name = response.node_name,
                                      .server_url = enrollment.server_url,
                                      .simulate_gpus = flags.simulate_gpus,
                                      .enrolled_at = FormatRfc3339(now),
                                      .last_renewal_at = std::nullopt,
                                      .last_renewal_error = std::nullopt};
  GPUAAS_RETURN_IF_ERROR(store.SaveEnrollment(identity, agent_state));
  out << "enrolled node " << node.node_id << " (" << response.node_name << ") with " << enrollment.server_url << "\n"
      << "certificate valid until " << FormatRfc3339(node.not_after) << "; files in " << store.data_dir().string()
      << "\n"
      << "next: gpuaas-agent run --data-dir " << store.data_dir().string() << "\n";
  return Ok();
}

int Report(std::ostream& err, const Error& error) {
  err << ErrorLine(error);
  return error.code() == ErrorCode::kInvalidArgument ? 2 : 1;
}

}  // namespace

int RunEnrollCommand(const EnrollFlags& flags, std::ostream& out, std::ostream& err) {
  auto enrollment = ReadFlags(flags);
  if (!enrollment) return Report(err, enrollment.error());
  const state::StateStore store{flags.data_dir};
  if (store.HasEnrollment() && !flags.force) {
    const auto existing = store.LoadState();
    const auto who = existing ? "node " + existing->node_id + " of " + existing->server_url : "an unreadable state";
    return Report(err, Error::Conflict("this host is already enrolled (" + who + " in " + flags.data_dir +
                                       "); pass --force to enroll it again"));
  }
  if (auto enrolled = Enroll(flags, *enrollment, out); !enrolled) {
    // An invalid_argument here came from the server (a refused token or CSR), not from a flag.
    err << ErrorLine(enrolled.error());
    return 1;
  }
  return 0;
}

}  // namespace gpuaas::agent
