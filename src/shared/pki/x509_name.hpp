#pragma once

// Internal to shared/pki: the subject names of this platform, which carry a common name and nothing else.

#include <string>
#include <string_view>

#include "shared/pki/openssl_handles.hpp"
#include "shared/result.hpp"

namespace gpuaas::pki::internal {

// A name with the single attribute CN=`common_name` (1 to 64 printable characters, else
// invalid_argument naming `field`).
Result<X509NamePtr> CommonNameOnly(std::string_view common_name, std::string_view field);

// The CN of `name` as UTF-8, empty when there is none. Two CNs, or one with an embedded NUL (the
// classic trick to make "a\0b" read as "a"), are invalid_argument naming `field`.
Result<std::string> CommonNameOf(const X509_NAME* name, std::string_view field);

}  // namespace gpuaas::pki::internal
