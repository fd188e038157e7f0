#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace gpuaas::agent::inventory::testing {

// Writes an executable `nvidia-smi` into `dir` that answers like the real one on the captured H100
// host (tests/fixtures/nvidia-smi): the CSV for the exact --query-gpu the probe sends, the -q text
// for -q, and exit status 9 for anything else. `before` runs first (a `sleep 30` makes it hang).
inline std::filesystem::path WriteFakeNvidiaSmi(const std::filesystem::path& dir, std::string_view fixtures,
                                                std::string_view before = "") {
  const auto path = dir / "nvidia-smi";
  std::ofstream script(path);
  script << "#!/bin/sh\n"
         << before << "\n"
         << "if [ \"$1\" = -q ]; then exec cat '" << fixtures << "/h100-q.txt'; fi\n"
         << "if [ \"$1\" = '--query-gpu=index,uuid,name,memory.total,memory.used,utilization.gpu,temperature.gpu,"
            "power.draw,power.limit,ecc.errors.uncorrected.volatile.total,driver_version,pci.bus_id,clocks.sm,"
            "clocks.max.sm' ] && [ \"$2\" = --format=csv,noheader,nounits ]; then\n"
         << "  exec cat '" << fixtures << "/h100-query-gpu.csv'\n"
         << "fi\n"
         << "exit 9\n";
  script.close();
  std::filesystem::permissions(path, std::filesystem::perms::owner_all);
  return path;
}

}  // namespace gpuaas::agent::inventory::testing
