#include "services/compute/compute_rules.hpp"

#include <algorithm>
#include <cctype>

namespace gpuaas::services {
namespace {

bool IsMemorySize(std::string_view word) {
  if (word.size() < 3) return false;
  const auto suffix = word.substr(word.size() - 2);
  const bool unit = (suffix[0] == 'G' || suffix[0] == 'g' || suffix[0] == 'T' || suffix[0] == 't') &&
                    (suffix[1] == 'B' || suffix[1] == 'b');
  return unit &&
         std::all_of(word.begin(), word.end() - 2, [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

}  // namespace

std::string GpuFamily(std::string_view model) {
  std::size_t start = 0;
  while (start < model.size()) {
    const auto end = model.find_first_of(" -_/", start);
    const auto word = model.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    const bool has_digit =
        std::any_of(word.begin(), word.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (has_digit && !IsMemorySize(word)) {
      std::string family(word);
      std::transform(family.begin(), family.end(), family.begin(),
                     [](char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); });
      return family;
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return {};
}

Status ValidateWorkloadName(std::string_view name, std::string_view field) {
  const auto bad = [&] {
    return Error::InvalidArgument(
        std::string(field), "must be 1 to 63 lower-case letters, digits and '-', starting with a letter or digit");
  };
  if (name.empty() || name.size() > 63 || name.front() == '-') return bad();
  for (const char c : name) {
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '-')) {
      return bad();
    }
  }
  return Ok();
}

bool HoldsCapacity(std::string_view state) {
  return state == "provisioning" || state == "active" || state == "releasing" || state == "release_failed";
}

bool IsTerminalState(std::string_view state) { return state == "released" || state == "failed"; }

std::string WorkloadUnixUser(std::string_view workload_id) {
  auto suffix = workload_id.substr(workload_id.find('_') == std::string_view::npos ? 0 : workload_id.find('_') + 1);
  std::string user = "gw-";
  for (const char c : suffix) {
    if (user.size() >= 31) break;
    if (std::isalnum(static_cast<unsigned char>(c)))
      user += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return user;
}

std::string CudaVisibleDevices(std::int64_t first_gpu, std::int64_t gpus) {
  std::string text;
  for (std::int64_t i = first_gpu; i < first_gpu + gpus; ++i) text += (text.empty() ? "" : ",") + std::to_string(i);
  return text;
}

}  // namespace gpuaas::services
