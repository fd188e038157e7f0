#include "agent/inventory_command.hpp"

#include <ostream>

#include "agent/inventory/collector.hpp"
#include "wire/json_format.hpp"

namespace gpuaas::agent {
namespace {

int Fail(std::ostream& err, const Error& error) {
  err << "gpuaas-agent: " << error.message() << "\n";
  if (!error.internal().empty()) err << "  cause: " << error.internal() << "\n";
  return error.code() == ErrorCode::kInvalidArgument ? 2 : 1;
}

}  // namespace

int RunInventoryCommand(const InventoryFlags& flags, std::ostream& out, std::ostream& err) {
  auto options = inventory::MakeInventoryOptions(
      flags.simulate_gpus, flags.data_dir ? std::optional<std::filesystem::path>(*flags.data_dir) : std::nullopt);
  if (!options) return Fail(err, options.error());
  auto collected = inventory::CollectInventory(*options);
  if (!collected) return Fail(err, collected.error());
  for (const auto& skipped : collected->skipped_gpu_sources) err << "gpuaas-agent: skipped " << skipped << "\n";
  const auto layout = flags.one_line ? wire::JsonLayout::kCompact : wire::JsonLayout::kPretty;
  out << wire::FormatJson(wire::fleet::ToJson(collected->inventory), layout);
  if (flags.one_line) out << "\n";
  return 0;
}

}  // namespace gpuaas::agent
