#include "agent/inventory/nvidia_smi.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <type_traits>

#include "agent/inventory/text.hpp"

namespace gpuaas::agent::inventory {
namespace {

// The column names, split once from the query so the two cannot disagree.
const std::vector<std::string_view>& Columns() {
  static const auto columns = Split(kNvidiaSmiQueryColumns, ',');
  return columns;
}

// nvidia-smi writes what it cannot read in brackets ("[N/A]", "[Not Supported]",
// "[Unknown Error]"); some versions write a bare "N/A".
bool NotReported(std::string_view value) {
  return value == "N/A" || (value.size() >= 2 && value.front() == '[' && value.back() == ']');
}

// Reads the columns of one row, remembering the first problem with its position.
class RowReader {
 public:
  RowReader(const std::vector<std::string_view>& fields, std::size_t line) : fields_(fields), line_(line) {}

  std::string Text(std::size_t column) {
    const auto value = fields_[column];
    if (value.empty() || NotReported(value)) Fail(column, "expected a value");
    return std::string(value);
  }

  template <typename T>
  std::optional<T> OptionalNumber(std::size_t column) {
    const auto value = fields_[column];
    if (NotReported(value)) return std::nullopt;
    T number{};
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
    bool bad = value.empty() || ec != std::errc{} || end != value.data() + value.size();
    if constexpr (std::is_floating_point_v<T>) bad = bad || !std::isfinite(number) || number < 0;  // "nan", "-1"
    if (bad) {
      Fail(column, std::is_integral_v<T> ? "expected a whole number" : "expected a number");
      return std::nullopt;
    }
    return number;
  }

  template <typename T>
  T Number(std::size_t column) {
    if (NotReported(fields_[column])) Fail(column, "expected a value");
    return OptionalNumber<T>(column).value_or(T{});
  }

  void Fail(std::size_t column, std::string_view expectation) {
    if (error_) return;
    const auto line = std::to_string(line_);
    const auto position = std::to_string(column + 1);
    error_ = Error(ErrorCode::kInvalidArgument, "nvidia-smi line " + line + ", column " + position + " (" +
                                                    std::string(Columns()[column]) + "): " + std::string(expectation) +
                                                    ", got '" + std::string(fields_[column]) + "'")
                 .WithDetail("line", line)
                 .WithDetail("column", position);
  }

  std::optional<Error> TakeError() { return std::move(error_); }

 private:
  const std::vector<std::string_view>& fields_;
  std::size_t line_;
  std::optional<Error> error_;
};

Error LineError(std::size_t line, const std::string& message) {
  return Error(ErrorCode::kInvalidArgument, "nvidia-smi line " + std::to_string(line) + ": " + message)
      .WithDetail("line", std::to_string(line));
}

}  // namespace

Result<NvidiaSmiQuery> ParseNvidiaSmiQuery(std::string_view csv) {
  NvidiaSmiQuery query;
  std::size_t line_number = 0;
  for (const auto raw_line : SplitLines(csv)) {
    ++line_number;
    const auto line = Trim(raw_line);
    if (line.empty()) continue;
    std::vector<std::string_view> fields;
    for (const auto field : Split(line, ',')) fields.push_back(Trim(field));
    if (fields.size() != Columns().size()) {
      return LineError(line_number, "expected " + std::to_string(Columns().size()) + " columns, got " +
                                        std::to_string(fields.size()));
    }
    RowReader row(fields, line_number);
    wire::fleet::GpuInfo gpu;
    gpu.index = row.Number<std::uint32_t>(0);
    gpu.uuid = row.Text(1);
    gpu.model = row.Text(2);
    gpu.memory_total_mib = row.Number<std::uint64_t>(3);
    gpu.memory_used_mib = row.Number<std::uint64_t>(4);
    gpu.utilization_pct = row.OptionalNumber<std::uint32_t>(5);
    gpu.temperature_c = row.OptionalNumber<std::uint32_t>(6);
    gpu.power_draw_w = row.OptionalNumber<double>(7);
    gpu.power_limit_w = row.OptionalNumber<double>(8);
    gpu.ecc_uncorrected = row.OptionalNumber<std::uint64_t>(9);
    auto driver = row.Text(10);
    gpu.pci_bus_id = row.Text(11);
    gpu.sm_clock_mhz = row.OptionalNumber<std::uint32_t>(12);
    gpu.max_sm_clock_mhz = row.OptionalNumber<std::uint32_t>(13);
    if (gpu.utilization_pct.value_or(0) > 100) row.Fail(5, "expected a percentage");
    if (query.driver_version && driver != *query.driver_version) row.Fail(10, "expected the driver of line 1");
    if (auto error = row.TakeError()) return std::move(*error);
    if (!query.driver_version) query.driver_version = std::move(driver);
    query.gpus.push_back(std::move(gpu));
  }
  return query;
}

Result<std::string> ParseNvidiaSmiCudaVersion(std::string_view text) {
  for (const auto line : SplitLines(text)) {
    const auto label = line.find("CUDA Version");
    if (label == std::string_view::npos) continue;
    const auto colon = line.find(':', label);
    if (colon == std::string_view::npos) continue;
    // The first word after the colon: `-q` ends the line there, the banner of plain nvidia-smi
    // ("CUDA Version: 13.0     |") goes on.
    const auto rest = Trim(line.substr(colon + 1));
    const auto value = rest.substr(0, rest.find_first_of(" \t|"));
    const auto dot = value.find('.');
    const bool digits = !value.empty() && value.find_first_not_of("0123456789.") == std::string_view::npos;
    if (digits && dot != std::string_view::npos && dot > 0 && dot + 1 < value.size()) return std::string(value);
    return Error(ErrorCode::kInvalidArgument, "nvidia-smi -q: unexpected CUDA Version '" + std::string(value) + "'");
  }
  return Error::NotFound("nvidia-smi -q: no CUDA Version line");
}

}  // namespace gpuaas::agent::inventory
