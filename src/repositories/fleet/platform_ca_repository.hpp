#pragma once

#include <optional>
#include <string>

#include "shared/clock.hpp"
#include "shared/result.hpp"
#include "store/session.hpp"

namespace gpuaas::repositories {

struct PlatformCaRecord {
  std::string id;
  std::string cert_pem;
  std::string sealed_key;  // pki::SealWithKey of the PKCS#8 PEM
  std::string fingerprint;
  Timestamp not_after;
  Timestamp created_at;
};

class PlatformCaRepository {
 public:
  // The current CA: the newest row (rotation adds a row; the old one stays for the record).
  static Result<std::optional<PlatformCaRecord>> FindCurrent(store::Session& session);
  static Status Insert(store::Session& session, const PlatformCaRecord& ca);
};

}  // namespace gpuaas::repositories
