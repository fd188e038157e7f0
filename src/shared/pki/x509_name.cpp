#include "shared/pki/x509_name.hpp"

#include "shared/pki/pem_io.hpp"

namespace gpuaas::pki::internal {
namespace {

constexpr std::size_t kMaxCommonNameLength = 64;  // ub-common-name in RFC 5280

bool IsPrintable(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  }
  return true;
}

}  // namespace

Result<X509NamePtr> CommonNameOnly(std::string_view common_name, std::string_view field) {
  if (common_name.empty() || common_name.size() > kMaxCommonNameLength || !IsPrintable(common_name)) {
    return PemError(field, "must be 1 to " + std::to_string(kMaxCommonNameLength) + " printable characters");
  }
  X509NamePtr name(X509_NAME_new());
  if (!name) return OpensslFailure("X509_NAME_new");
  if (X509_NAME_add_entry_by_NID(name.get(), NID_commonName, MBSTRING_UTF8,
                                 reinterpret_cast<const unsigned char*>(common_name.data()),
                                 static_cast<int>(common_name.size()), -1, 0) != 1) {
    return PemError(field, "is not valid UTF-8");
  }
  return name;
}

Result<std::string> CommonNameOf(const X509_NAME* name, std::string_view field) {
  if (name == nullptr) return std::string();
  const int index = X509_NAME_get_index_by_NID(name, NID_commonName, -1);
  if (index < 0) return std::string();
  if (X509_NAME_get_index_by_NID(name, NID_commonName, index) >= 0) return PemError(field, "has more than one CN");
  const ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
  unsigned char* utf8 = nullptr;
  const int length = ASN1_STRING_to_UTF8(&utf8, data);
  if (length < 0) return PemError(field, "CN is not a valid string");
  const OpensslStringPtr owner(reinterpret_cast<char*>(utf8));
  std::string text(owner.get(), static_cast<std::size_t>(length));
  if (!IsPrintable(text)) return PemError(field, "CN contains control characters");
  return text;
}

}  // namespace gpuaas::pki::internal
