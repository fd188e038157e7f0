#include "shared/csv.hpp"

namespace gpuaas {
namespace {

bool StartsLikeAFormula(std::string_view value) {
  if (value.empty()) return false;
  switch (value.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return true;
    default: return false;
  }
}

}  // namespace

void AppendCsvField(std::string& out, std::string_view value) {
  const bool guard = StartsLikeAFormula(value);
  const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quote) out.push_back('"');
  if (guard) out.push_back('\'');
  for (const char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  if (quote) out.push_back('"');
}

void AppendCsvRow(std::string& out, std::span<const std::string_view> fields) {
  bool first = true;
  for (const auto field : fields) {
    if (!first) out.push_back(',');
    first = false;
    AppendCsvField(out, field);
  }
  out.append("\r\n");
}

void AppendCsvRow(std::string& out, std::initializer_list<std::string_view> fields) {
  AppendCsvRow(out, std::span<const std::string_view>(fields.begin(), fields.size()));
}

}  // namespace gpuaas
