#include "agent/inventory/host_facts.hpp"

#include <sys/statvfs.h>
#include <sys/utsname.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "agent/inventory/text.hpp"

namespace gpuaas::agent::inventory {
namespace {

constexpr std::uint64_t kGib = 1024ULL * 1024ULL * 1024ULL;

// "key<spaces or tabs>: value" as /proc/cpuinfo and /proc/meminfo write it.
std::optional<std::pair<std::string_view, std::string_view>> KeyValue(std::string_view line, char separator) {
  const auto at = line.find(separator);
  if (at == std::string_view::npos) return std::nullopt;
  return std::pair{Trim(line.substr(0, at)), Trim(line.substr(at + 1))};
}

// A value of os-release: quotes removed and shell escapes (\" \\ \$ \`) resolved.
std::string Unquote(std::string_view value) {
  if (value.size() < 2 || (value.front() != '"' && value.front() != '\'') || value.back() != value.front()) {
    return std::string(value);
  }
  const bool double_quoted = value.front() == '"';
  value = value.substr(1, value.size() - 2);
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (double_quoted && value[i] == '\\' && i + 1 < value.size() &&
        std::string_view("\"\\$`").find(value[i + 1]) != std::string_view::npos) {
      ++i;
    }
    out += value[i];
  }
  return out;
}

Result<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) return Error::Unavailable("cannot read " + path.string() + ": " + std::strerror(errno));
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

}  // namespace

Result<CpuInfo> ParseCpuInfo(std::string_view proc_cpuinfo) {
  CpuInfo info;
  for (const auto line : SplitLines(proc_cpuinfo)) {
    const auto field = KeyValue(line, ':');
    if (!field) continue;
    if (field->first == "processor") ++info.logical_cpus;
    if (field->first == "model name" && !info.model && !field->second.empty()) info.model = std::string(field->second);
  }
  if (info.logical_cpus == 0) return Error::Unavailable("/proc/cpuinfo lists no processor");
  return info;
}

Result<std::uint64_t> ParseMemTotalMib(std::string_view proc_meminfo) {
  for (const auto line : SplitLines(proc_meminfo)) {
    const auto field = KeyValue(line, ':');
    if (!field || field->first != "MemTotal") continue;
    std::uint64_t kib = 0;
    const auto value = field->second;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), kib);
    if (ec != std::errc{} || Trim(std::string_view(end, value.data() + value.size() - end)) != "kB") {
      return Error::Unavailable("/proc/meminfo: unexpected MemTotal '" + std::string(value) + "'");
    }
    return kib / 1024;
  }
  return Error::Unavailable("/proc/meminfo has no MemTotal");
}

OsRelease ParseOsRelease(std::string_view os_release) {
  OsRelease release;
  for (const auto raw_line : SplitLines(os_release)) {
    const auto line = Trim(raw_line);
    if (line.empty() || line.front() == '#') continue;
    const auto field = KeyValue(line, '=');
    if (!field) continue;
    auto value = Unquote(field->second);
    if (value.empty()) continue;
    if (field->first == "NAME") release.name = std::move(value);
    if (field->first == "VERSION_ID") release.version_id = std::move(value);
  }
  return release;
}

Result<DiskSpace> ReadDiskSpace(const std::filesystem::path& path) {
  std::error_code ec;
  auto existing = std::filesystem::absolute(path, ec);
  while (!ec && !std::filesystem::exists(existing, ec) && existing.has_relative_path()) {
    existing = existing.parent_path();
  }
  struct statvfs fs {};
  if (ec || ::statvfs(existing.c_str(), &fs) != 0) {
    return Error::Unavailable("cannot measure the filesystem of " + path.string() + ": " +
                              (ec ? ec.message() : std::strerror(errno)));
  }
  return DiskSpace{.total_gib = static_cast<std::uint64_t>(fs.f_blocks) * fs.f_frsize / kGib,
                   .free_gib = static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize / kGib};
}

Result<HostFacts> ReadHostFacts(const HostFactSources& sources) {
  HostFacts facts;
  struct utsname names {};
  if (::uname(&names) != 0) return Error::Unavailable(std::string("uname failed: ") + std::strerror(errno));
  facts.hostname = names.nodename;
  facts.kernel = names.release;

  GPUAAS_ASSIGN_OR_RETURN(const auto cpuinfo_text, ReadFile(sources.cpuinfo));
  GPUAAS_ASSIGN_OR_RETURN(auto cpu, ParseCpuInfo(cpuinfo_text));
  facts.cpu_model = std::move(cpu.model);
  facts.cpu_cores = cpu.logical_cpus;
  GPUAAS_ASSIGN_OR_RETURN(const auto meminfo_text, ReadFile(sources.meminfo));
  GPUAAS_ASSIGN_OR_RETURN(facts.memory_total_mib, ParseMemTotalMib(meminfo_text));
  GPUAAS_ASSIGN_OR_RETURN(const auto disk, ReadDiskSpace(sources.data_dir));
  facts.disk_total_gib = disk.total_gib;
  facts.disk_free_gib = disk.free_gib;

  auto os_release = ReadFile(sources.os_release);
  if (!os_release) os_release = ReadFile(sources.os_release_fallback);
  if (os_release) {
    auto release = ParseOsRelease(*os_release);
    facts.os_name = std::move(release.name);
    facts.os_version = std::move(release.version_id);
  }
  return facts;
}

}  // namespace gpuaas::agent::inventory
