#include "services/access/ssh_public_key.hpp"

#include <sodium.h>

#include <array>
#include <cstdint>
#include <optional>

#include "shared/secret.hpp"

namespace gpuaas::services {
namespace {

enum class Algorithm { kEd25519, kEcdsa, kRsa };

struct SupportedType {
  std::string_view name;
  Algorithm algorithm;
  std::string_view curve;   // ECDSA only: the curve name the blob repeats after the type
  int bits;                 // fixed size; 0 for RSA, whose size comes from the modulus
  std::size_t point_bytes;  // ECDSA: 0x04 || X || Y; Ed25519: the encoded point
};

constexpr std::array<SupportedType, 5> kSupportedTypes = {{
    {"ssh-ed25519", Algorithm::kEd25519, "", 256, 32},
    {"ecdsa-sha2-nistp256", Algorithm::kEcdsa, "nistp256", 256, 1 + 2 * 32},
    {"ecdsa-sha2-nistp384", Algorithm::kEcdsa, "nistp384", 384, 1 + 2 * 48},
    {"ecdsa-sha2-nistp521", Algorithm::kEcdsa, "nistp521", 521, 1 + 2 * 66},
    {"ssh-rsa", Algorithm::kRsa, "", 0, 0},
}};

constexpr std::string_view kSupportedList =
    "ssh-ed25519, ecdsa-sha2-nistp256, ecdsa-sha2-nistp384, ecdsa-sha2-nistp521 and ssh-rsa (3072 bits or more)";

// OpenSSH refuses larger moduli too, so such a key could never log in.
constexpr int kMaxRsaBits = 16384;

Error Invalid(std::string message) { return Error::InvalidArgument("public_key", std::move(message)); }

bool IsLineSpace(char c) { return c == ' ' || c == '\t'; }
bool IsSpace(char c) { return IsLineSpace(c) || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

// Splits off the first space- or tab-separated token; `rest` keeps everything after it, untrimmed.
std::string_view NextToken(std::string_view& rest) {
  while (!rest.empty() && IsLineSpace(rest.front())) rest.remove_prefix(1);
  std::size_t end = 0;
  while (end < rest.size() && !IsLineSpace(rest[end])) ++end;
  const auto token = rest.substr(0, end);
  rest.remove_prefix(end);
  return token;
}

// Error messages echo user input only when it is short and plainly printable, so a hostile upload cannot
// smuggle control characters or a wall of text into logs and UIs.
std::string Describe(std::string_view text) {
  constexpr std::size_t kMaxEcho = 64;
  if (text.empty() || text.size() > kMaxEcho) return "(unreadable)";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < '!' || byte > '~') return "(unreadable)";
  }
  return "\"" + std::string(text) + "\"";
}

const SupportedType* FindSupportedType(std::string_view name) {
  for (const auto& type : kSupportedTypes) {
    if (type.name == name) return &type;
  }
  return nullptr;
}

// Key type names (supported or not) all look like this; anything else in first position is an options
// prefix, a known_hosts host field or garbage.
bool LooksLikeKeyType(std::string_view token) {
  return token.starts_with("ssh-") || token.starts_with("ecdsa-") || token.starts_with("sk-") ||
         token.starts_with("x509v3-");
}

std::string UnsupportedTypeMessage(std::string_view type) {
  std::string why;
  if (type == "ssh-dss") {
    why = "DSA keys are no longer secure and OpenSSH itself disables them";
  } else if (type.ends_with("-cert-v01@openssh.com")) {
    why = "SSH certificates are not accepted; upload the plain public key";
  } else if (type.starts_with("sk-")) {
    why = "security-key (FIDO) keys are not supported";
  } else {
    why = "this key type is not supported";
  }
  return "unsupported key type " + Describe(type) + ": " + why + ". Supported types are " +
         std::string(kSupportedList) + ".";
}

// Reads the SSH wire encoding (RFC 4251 section 5): every field is a uint32 big-endian length and that many
// bytes. Each read is bounds-checked, since the length comes straight from untrusted input.
class WireReader {
 public:
  explicit WireReader(std::string_view data) : rest_(data) {}

  std::optional<std::string_view> ReadString() {
    if (rest_.size() < 4) return std::nullopt;
    std::uint32_t length = 0;
    for (int i = 0; i < 4; ++i) length = (length << 8) | static_cast<unsigned char>(rest_[i]);
    rest_.remove_prefix(4);
    if (length > rest_.size()) return std::nullopt;
    const auto value = rest_.substr(0, length);
    rest_.remove_prefix(length);
    return value;
  }

  [[nodiscard]] bool empty() const { return rest_.empty(); }

 private:
  std::string_view rest_;
};

// A positive mpint in its one canonical form: no sign bit, no redundant leading zero byte. Returns the
// magnitude without the sign-padding byte, or nullopt.
std::optional<std::string_view> PositiveMpint(std::string_view mpint) {
  if (mpint.empty()) return std::nullopt;                                // zero
  if (static_cast<unsigned char>(mpint[0]) & 0x80) return std::nullopt;  // negative
  if (mpint[0] == '\0') {
    if (mpint.size() == 1 || !(static_cast<unsigned char>(mpint[1]) & 0x80)) return std::nullopt;
    mpint.remove_prefix(1);
  }
  return mpint;
}

int SignificantBits(std::string_view magnitude) {
  int top = 0;
  for (auto byte = static_cast<unsigned char>(magnitude[0]); byte != 0; byte >>= 1) ++top;
  return static_cast<int>((magnitude.size() - 1) * 8) + top;
}

bool IsOdd(std::string_view magnitude) { return (static_cast<unsigned char>(magnitude.back()) & 1) != 0; }

bool IsValidEd25519Point(std::string_view point) {
  // sodium_init is idempotent and thread-safe; it fails only without an entropy source, which the point
  // check does not need, so a failure there does not make the key invalid.
  static const bool sodium_ready = sodium_init() >= 0;
  static_cast<void>(sodium_ready);
  return crypto_core_ed25519_is_valid_point(reinterpret_cast<const unsigned char*>(point.data())) == 1;
}

Error Truncated() { return Invalid("the key data is truncated or corrupt; copy the whole line from the .pub file"); }

Result<int> CheckKeyBody(const SupportedType& type, WireReader& reader) {
  switch (type.algorithm) {
    case Algorithm::kEd25519: {
      const auto point = reader.ReadString();
      if (!point) return Truncated();
      if (point->size() != type.point_bytes) {
        return Invalid("an Ed25519 public key must be 32 bytes, found " + std::to_string(point->size()));
      }
      if (!IsValidEd25519Point(*point)) return Invalid("the Ed25519 public key is not a valid curve point");
      return type.bits;
    }
    case Algorithm::kEcdsa: {
      const auto curve = reader.ReadString();
      if (!curve) return Truncated();
      if (*curve != type.curve) {
        return Invalid("the key data names curve " + Describe(*curve) + " but the key type " + std::string(type.name) +
                       " requires \"" + std::string(type.curve) + "\"");
      }
      const auto point = reader.ReadString();
      if (!point) return Truncated();
      if (point->size() != type.point_bytes || (*point)[0] != '\x04') {
        return Invalid("the ECDSA public key must be an uncompressed " + std::to_string(type.point_bytes) +
                       "-byte point starting with 0x04");
      }
      return type.bits;
    }
    case Algorithm::kRsa: {
      // The RSA blob carries e before n (RFC 4253 section 6.6).
      const auto exponent_field = reader.ReadString();
      if (!exponent_field) return Truncated();
      const auto modulus_field = reader.ReadString();
      if (!modulus_field) return Truncated();
      const auto exponent = PositiveMpint(*exponent_field);
      if (!exponent || !IsOdd(*exponent) || (exponent->size() == 1 && (*exponent)[0] == '\x01')) {
        return Invalid("the RSA public exponent is invalid");
      }
      const auto modulus = PositiveMpint(*modulus_field);
      if (!modulus || !IsOdd(*modulus)) return Invalid("the RSA modulus is invalid");
      const int bits = SignificantBits(*modulus);
      if (bits < kMinSshRsaBits) {
        return Invalid("the RSA key is " + std::to_string(bits) + " bits; at least " + std::to_string(kMinSshRsaBits) +
                       " bits are required. Generate a new key, for example with `ssh-keygen -t ed25519`");
      }
      if (bits > kMaxRsaBits) {
        return Invalid("the RSA key is " + std::to_string(bits) + " bits; at most " + std::to_string(kMaxRsaBits) +
                       " bits are supported");
      }
      return bits;
    }
  }
  return Error::Internal("unhandled SSH key algorithm");
}

Status CheckComment(std::string_view comment) {
  if (comment.size() > kMaxSshPublicKeyCommentBytes) {
    return Invalid("the comment after the key is " + std::to_string(comment.size()) + " characters; at most " +
                   std::to_string(kMaxSshPublicKeyCommentBytes) + " are allowed");
  }
  for (const char c : comment) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\t') || byte == 0x7f) {
      return Invalid("the comment after the key contains control characters");
    }
  }
  return Ok();
}

}  // namespace

Result<SshPublicKey> ParseSshPublicKey(std::string_view text) {
  if (text.size() > kMaxSshPublicKeyTextBytes) {
    return Invalid("the public key is longer than 16 KiB; paste a single OpenSSH public key line");
  }
  const auto line = Trim(text);
  if (line.empty()) return Invalid("the public key is empty");

  // Checked before the line count, since private key files span many lines and deserve their own warning.
  if ((line.find("-----BEGIN ") != std::string_view::npos && line.find("PRIVATE KEY-----") != std::string_view::npos) ||
      line.starts_with("PuTTY-User-Key-File-")) {
    return Invalid(
        "this is a private key, which must never be uploaded or shared; upload the public key (the .pub file) "
        "instead, and if the private key has left your machine, generate a new key pair");
  }
  if (line.starts_with("-----BEGIN ") || line.starts_with("---- BEGIN ")) {
    return Invalid(
        "PEM and RFC 4716 key files are not accepted; paste the one-line OpenSSH format "
        "(convert with `ssh-keygen -i -f key.pub`)");
  }
  if (line.find_first_of("\r\n") != std::string_view::npos) {
    return Invalid("the public key must be a single line; upload one key at a time");
  }

  std::string_view rest = line;
  const auto type_name = NextToken(rest);
  const SupportedType* type = FindSupportedType(type_name);
  if (type == nullptr) {
    if (!LooksLikeKeyType(type_name)) {
      std::string_view after = rest;
      bool later_type = false;
      while (!after.empty() && !later_type) later_type = LooksLikeKeyType(NextToken(after));
      if (later_type || type_name.find_first_of("=,\"") != std::string_view::npos) {
        return Invalid(
            "authorized_keys options (such as from=, command= or restrict) are not accepted; paste only "
            "\"type base64 [comment]\"");
      }
      return Invalid("the line must start with the key type, for example ssh-ed25519. Supported types are " +
                     std::string(kSupportedList) + ".");
    }
    return Invalid(UnsupportedTypeMessage(type_name));
  }

  const auto encoded = NextToken(rest);
  if (encoded.empty()) return Invalid("the base64 key data after the key type is missing");
  std::string blob;
  // Only the canonical encoding (padded or not) is accepted, so one key has exactly one stored form.
  if (!Base64Decode(encoded, blob) || (Base64Encode(blob) != encoded && Base64Encode(blob, false) != encoded)) {
    return Invalid("the key data is not valid base64");
  }

  WireReader reader(blob);
  const auto blob_type = reader.ReadString();
  if (!blob_type) return Truncated();
  if (*blob_type != type->name) {
    return Invalid("the key data is for type " + Describe(*blob_type) + " but the line says " +
                   std::string(type->name));
  }
  GPUAAS_ASSIGN_OR_RETURN(const int bits, CheckKeyBody(*type, reader));
  if (!reader.empty()) return Invalid("the key data has unexpected bytes after the key");

  const auto comment = Trim(rest);
  GPUAAS_RETURN_IF_ERROR(CheckComment(comment));

  SshPublicKey key;
  key.type = std::string(type->name);
  key.bits = bits;
  key.fingerprint = "SHA256:" + Base64Encode(Sha256(blob), false);
  key.comment = std::string(comment);
  key.normalized = key.type + " " + Base64Encode(blob);
  return key;
}

}  // namespace gpuaas::services
