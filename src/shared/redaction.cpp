#include "shared/redaction.hpp"

#include <array>
#include <string>

namespace gpuaas {

bool IsSecretName(std::string_view name) {
  static constexpr std::array<std::string_view, 9> kMarkers = {
      "password", "passwd", "secret", "token", "authorization", "cookie", "privatekey", "apikey", "credential"};
  std::string folded;
  folded.reserve(name.size());
  for (const char c : name) {
    if (c >= 'A' && c <= 'Z')
      folded.push_back(static_cast<char>(c - 'A' + 'a'));
    else if (c != '_' && c != '-' && c != '.')
      folded.push_back(c);
  }
  for (const auto marker : kMarkers) {
    if (folded.find(marker) != std::string::npos) return true;
  }
  return false;
}

}  // namespace gpuaas
