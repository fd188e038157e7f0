#include "services/access/ssh_public_key.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "shared/secret.hpp"

namespace gpuaas::services {
namespace {

// The usual RSA public exponent 65537; its length is spelled out because it contains a NUL byte.
constexpr std::string_view kF4("\x01\x00\x01", 3);

// Real keys made with `ssh-keygen -t <type> [-b <bits>] -N '' -C <comment>`; the fingerprints are what
// `ssh-keygen -lf` printed for them. The private halves were thrown away.
constexpr std::string_view kEd25519Line =
    "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJmegCrY032d7objbWrxbGIm+d6UfQKhYeM6QCuvbK8c alice@laptop";
constexpr std::string_view kEd25519Fingerprint = "SHA256:k8d1NSuKKlYQAqD/vy7SJfTrhb2i00N+i016plsTYKk";
constexpr std::string_view kEcdsa256Line =
    "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBNeBvaMxCaWu0g2TcwctaYGi"
    "c190rvg1HMv74wEB+iZ/dKbzHM25oMOLZX2FtXrgKW1T8w7NamXOU/xPty6bCcc= ecdsa256 key";
constexpr std::string_view kEcdsa256Fingerprint = "SHA256:SHw3SOAfANtDKZXZdOUsBJSDKzJ0oOmD75YgYuSbxKw";
constexpr std::string_view kEcdsa384Line =
    "ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBG7cy0nf3PuzYbjozGCfmJev"
    "wlCZ+9+OmBh7WHvS25KxBE1RUzKGOwSHwTIpePfmPq7dg7BFhpzXi/c4VsBeWQztDLVGWI/itbdAJLmVI3blxQBAFDHa0+E3"
    "Z/QaQ4gp4w== ecdsa384";
constexpr std::string_view kEcdsa384Fingerprint = "SHA256:ZbPnpiWREdTfLRDc6c8sC/QJn97mV8TTlq0ZEDstTUk";
constexpr std::string_view kEcdsa521Line =
    "ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBAF2rhSNmugBmGLexzypv8It"
    "PGJfY7noYmC2NYhj9rJWQDnSuLpMOZ+W/hrppRQH3JJ5uDpng7065b5XG7jYi90nwgEIsQWJAd1zKY4371MdDj9frRqU4f6B"
    "o2DaQWRt0CyNr8ajXwZTLgAMniTYdytcd4L0xfmsIpaAP+0QK/KJnXhqTw== ecdsa521";
constexpr std::string_view kEcdsa521Fingerprint = "SHA256:pkkLZq1/x013q+9Ikhx4+vQI1YreUceNPkBUtYakVzc";
constexpr std::string_view kRsa3072Line =
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQCzsfXOMvVNkrGHhxDBZhdAcFa3Qd9T3KHtQDQZNM9CuB6RY+II9XeKKBQ9"
    "/ihoEjjkimt0pTk1gd363DvYGZgMAbEkwSrhnhpIagjOxyJ5WEMVrT9ZLDu8sd6UwazMAfx4MyJRreGWoNpKvt7GlcMvDKEO"
    "BDtPPXHdliAsgB24vCkQ6tnwiNWkm8UOqptaikKAkjXfOLZkwicyAKVBFOf2PjGco2RcvyXj3A4arf6Oa+F4tef6ysyVXAd0"
    "in2jlFNtyWXhJQhRTXfp22Cvfx/OxaPQX1Jfk/X96ILhdFrO1UdmHwf/bgbI1xeTuhWCE0Xby/NRXy2oojEuPDXPsFC35jP7"
    "QudLmrERlsoJTytzLoPd4rBZqUJmfyHvJ95yj+sohP7XOKbayCHj4Ha07mUqSfV3Pn4tmwf5yd5OVc+40BS+2OEaqz4Oj1VG"
    "QuqoYKabJa210dqDPyeFzKxq+TXZwUKMR4KU2xB35XD76RYksXsd24+1bfEYOQyKha26mEk= rsa3072";
constexpr std::string_view kRsa3072Fingerprint = "SHA256:olhYdzcC3BY25sAqMr1mZLrnMx6p9j27S+z30MaKvBE";
constexpr std::string_view kRsa4096Line =
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAACAQDEimEt2ZXVqp7pRl8lr15AavkBMYdWVEl0oq4NHPteqsABP2I18W+92hn/"
    "zKnQhxPccKvc/d9nWmkHcSoAkCm5IDS1s0ZX6PEJVAgLdAmwS0RqESGcwG5VDCeApE9fpo7fyo/0MXN52j2rQHnMq2nmoxXR"
    "nntCiIYOM7mESaVT7ogutSeRGoxHb+GhHJ7NBADKJWEAk6m9tKBXl+GOJqwAFLo2LnOIRz2Z5XXTBHptyDwkDkx5pn+X7MN5"
    "uU1J5Mo1yxo0cHAaJD/OZEFyVc9wdBDe950WGfze2cqjWpeDxopxdktJUlQhCJUNgI2b236UYTR0s9MPONr4/85tK4hehKTj"
    "m7WoxeShO6Z6Y7RGVor9PSo+Y+vHGNXplPMcgwvO1bYrF8zzSZrAgPVywvp0/sKgfWSy4NRalWEhXsMakkCfQW0PYsaO7uit"
    "9Lfz4zpe9hE/aEUow6CuOjLR5yc8vjBnY/BduyqJWA2IzlzYJly8jqaedVBQLbbqM7m5TA7ttSZYT21chBXCu2mWrux5MHI2"
    "k26yl1gyKDV+Q2NrRBa0cRSF5uf8YT1Jw1KKgQNJuW1MoX5DZT/FnfNrSyWWAX2xx5ExB6Y2L2JIMeG1NJul4SNFNufvBhF6"
    "BMvvtlmViVYqaHVF/YghlBDTz8ANXH9dZsYYOEJC1iXYNsHNEw== rsa4096";
constexpr std::string_view kRsa4096Fingerprint = "SHA256:5vqqHezAPCEe2OjfD7ieyHn3Zot6y7jxYlD3brzBVyY";
constexpr std::string_view kRsa2048Line =
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC0xN+3bMsHWGPMUnO5pKeZKwtdbGjGfecEP6Bt/Gg973V8xLhOutVXZHUG"
    "Yxb8e6mbxvMN/T4haxnRqRZxM81FfYFvqUbXCDQDzvKdwC1bP+ozjLqVAqj51cFlbs32AXtgtl6LrNtYtMp5h9eZekMw5G60"
    "o2F9MkEdmFSNCHfVGunXNwA0q2FKTPdOf+QE7cxeJZzH+0ElRMpry4hxJJGcjGDN+865S1dgV2RXYXeWvfCvmtQ13fOa52Vp"
    "J4vFp0E/1NuGmcFK+Qyo4qYjIKxioyC5w8Hd55doMUQ5y9nFwhJD2Um82SoryGW5LsZnyRZ4WpELbeT6dnpuvHq0g2Sl rsa"
    "2048";
constexpr std::string_view kRsa2048Fingerprint = "SHA256:aiz+Xllbh0BkLfE6klcnU23G8CuZGaX2Vtdcrf43psQ";
constexpr std::string_view kDsaLine =
    "ssh-dss AAAAB3NzaC1kc3MAAACBAJkSkaWGbdAUF5/xQIf0TkOhLXY6uR+uc7wSrC81xIR04nk+vgRm8t48CXGjr862rmQi"
    "rnN2QwIuSmanOk1lrYyrFUaCwRu6NYaF8ZFDL/rISRHhuiDoDUKg9BWQKxR1+00TwI3UsZx4kXhi12ARUVUX8g0phhSOeInw"
    "0jZBVEynAAAAFQCpkTmUAzY36pfVWhPLxupIYvfudwAAAIA0sx/Eq4KYR3VGxzsoWiqlYHYzZvJJzSyrlVEeINIUETMT6a5J"
    "0ulW2ldG7GtDKwjRGN4qgXtZMyK0A5NPrYfGMHAJGhSnSxIej1IeDllh/cnt6QkmwcBfWFKmI74Aao5sl7Y7aprEv5aBTl8S"
    "cz7fzfGwMhU+tfxQqjrdmSmihAAAAIEAiqSuSgiuwY+PDdQXVSSu3mS8hzkqItEQ1URZcdD0zvdej0ZazO0iqFruGzD9hEhk"
    "6Aou1b2B4vIapNIrFcYViR5dyYv2XhmWNyEd13gHQua7n9TZgzXCBOeW+df9+gtZ8rdu5EWrynZ/ffQtWkMdI1rR0tFr+o9N"
    "AMHsGN/BqLw= dsa";
constexpr std::string_view kDsaFingerprint = "SHA256:nZdl2XFMXSiwoHmU8UysIZPoNDBOvvckZ5Y5pcWZKv8";

struct GoodKey {
  std::string_view line;
  std::string_view type;
  int bits;
  std::string_view fingerprint;
  std::string_view comment;
};

constexpr std::array<GoodKey, 6> kGoodKeys = {{
    {kEd25519Line, "ssh-ed25519", 256, kEd25519Fingerprint, "alice@laptop"},
    {kEcdsa256Line, "ecdsa-sha2-nistp256", 256, kEcdsa256Fingerprint, "ecdsa256 key"},
    {kEcdsa384Line, "ecdsa-sha2-nistp384", 384, kEcdsa384Fingerprint, "ecdsa384"},
    {kEcdsa521Line, "ecdsa-sha2-nistp521", 521, kEcdsa521Fingerprint, "ecdsa521"},
    {kRsa3072Line, "ssh-rsa", 3072, kRsa3072Fingerprint, "rsa3072"},
    {kRsa4096Line, "ssh-rsa", 4096, kRsa4096Fingerprint, "rsa4096"},
}};

std::string_view TypeOf(std::string_view line) { return line.substr(0, line.find(' ')); }

std::string_view Base64Of(std::string_view line) {
  const auto start = line.find(' ') + 1;
  return line.substr(start, line.find(' ', start) - start);
}

std::string BlobOf(std::string_view line) {
  std::string blob;
  EXPECT_TRUE(Base64Decode(Base64Of(line), blob));
  return blob;
}

std::string LineWithBlob(std::string_view type, std::string_view blob) {
  return std::string(type) + " " + Base64Encode(blob) + " test";
}

// One SSH wire string: uint32 big-endian length, then the bytes.
std::string Wire(std::string_view bytes) {
  const auto n = static_cast<std::uint32_t>(bytes.size());
  std::string out{static_cast<char>(n >> 24), static_cast<char>(n >> 16), static_cast<char>(n >> 8),
                  static_cast<char>(n)};
  return out.append(bytes);
}

// An RSA modulus magnitude of exactly `bits` significant bits, odd, in mpint form.
std::string RsaModulus(int bits) {
  std::string magnitude(static_cast<std::size_t>((bits + 7) / 8), '\xA5');
  const int top_bits = bits % 8 == 0 ? 8 : bits % 8;
  magnitude[0] = static_cast<char>(1 << (top_bits - 1));
  magnitude.back() = '\x01';
  if (static_cast<unsigned char>(magnitude[0]) & 0x80) magnitude.insert(0, 1, '\0');
  return magnitude;
}

std::string RsaBlob(std::string_view exponent, std::string_view modulus) {
  return Wire("ssh-rsa") + Wire(exponent) + Wire(modulus);
}

void ExpectRejected(std::string_view text, std::string_view message_part) {
  const auto parsed = ParseSshPublicKey(text);
  ASSERT_FALSE(parsed.ok()) << text;
  EXPECT_EQ(parsed.error().code(), ErrorCode::kInvalidArgument);
  ASSERT_EQ(parsed.error().details().size(), 1u);
  EXPECT_EQ(parsed.error().details()[0].key, "field");
  EXPECT_EQ(parsed.error().details()[0].value, "public_key");
  EXPECT_NE(parsed.error().message().find(message_part), std::string::npos)
      << "message: " << parsed.error().message() << "\nexpected to contain: " << message_part;
}

TEST(SshPublicKey, AcceptsGeneratedKeysWithSshKeygenFingerprints) {
  for (const auto& good : kGoodKeys) {
    const auto parsed = ParseSshPublicKey(good.line);
    ASSERT_TRUE(parsed.ok()) << good.line << ": " << parsed.error().message();
    EXPECT_EQ(parsed->type, good.type);
    EXPECT_EQ(parsed->bits, good.bits) << good.type;
    EXPECT_EQ(parsed->fingerprint, good.fingerprint) << good.type;
    EXPECT_EQ(parsed->comment, good.comment);
    EXPECT_EQ(parsed->normalized, std::string(TypeOf(good.line)) + " " + std::string(Base64Of(good.line)));
  }
}

TEST(SshPublicKey, TrimsSurroundingWhitespaceAndOneTrailingNewline) {
  for (const auto& wrap : {std::string("  ") + std::string(kEd25519Line) + "\n",
                           "\t" + std::string(kEd25519Line) + "\r\n", std::string(kEd25519Line) + "  \n"}) {
    const auto parsed = ParseSshPublicKey(wrap);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message();
    EXPECT_EQ(parsed->fingerprint, kEd25519Fingerprint);
    EXPECT_EQ(parsed->comment, "alice@laptop");
  }
}

TEST(SshPublicKey, CommentIsOptionalAndTrimmed) {
  const std::string bare = std::string(TypeOf(kEd25519Line)) + " " + std::string(Base64Of(kEd25519Line));
  const auto without = ParseSshPublicKey(bare);
  ASSERT_TRUE(without.ok());
  EXPECT_EQ(without->comment, "");
  EXPECT_EQ(without->normalized, bare);

  const auto spaced = ParseSshPublicKey(bare + " \t my work  laptop \t");
  ASSERT_TRUE(spaced.ok());
  EXPECT_EQ(spaced->comment, "my work  laptop");
  EXPECT_EQ(spaced->normalized, bare);
}

TEST(SshPublicKey, LimitsCommentLength) {
  const std::string bare = std::string(TypeOf(kEd25519Line)) + " " + std::string(Base64Of(kEd25519Line)) + " ";
  const auto longest = ParseSshPublicKey(bare + std::string(255, 'c'));
  ASSERT_TRUE(longest.ok());
  EXPECT_EQ(longest->comment.size(), 255u);
  ExpectRejected(bare + std::string(256, 'c'), "at most 255");
}

TEST(SshPublicKey, RejectsControlCharactersInComment) {
  const std::string bare = std::string(TypeOf(kEd25519Line)) + " " + std::string(Base64Of(kEd25519Line));
  ExpectRejected(bare + " evil\x1b[31m", "control characters");
  ExpectRejected(bare + std::string(" nul\0here", 9), "control characters");
}

TEST(SshPublicKey, RejectsEmptyInput) {
  ExpectRejected("", "empty");
  ExpectRejected(" \t\r\n ", "empty");
}

TEST(SshPublicKey, RejectsInputLongerThan16KiB) {
  ExpectRejected(std::string(kEd25519Line) + std::string(16 * 1024, ' '), "16 KiB");
}

TEST(SshPublicKey, RejectsMultipleLines) {
  ExpectRejected(std::string(kEd25519Line) + "\n" + std::string(kEcdsa256Line), "single line");
  ExpectRejected(std::string(kEd25519Line) + "\r" + std::string(kEcdsa256Line), "single line");
}

TEST(SshPublicKey, RejectsPrivateKeysWithAWarning) {
  // The armour is split across literals so secret scanners do not flag this test file.
  const std::string openssh =
      "-----BEGIN OPENSSH "
      "PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n"
      "-----END OPENSSH "
      "PRIVATE KEY-----\n";
  const std::string pem =
      "-----BEGIN RSA "
      "PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA "
      "PRIVATE KEY-----";
  const std::string putty = "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\n";
  for (const auto& text : {openssh, pem, putty}) {
    ExpectRejected(text, "private key");
    ExpectRejected(text, "never");
  }
}

TEST(SshPublicKey, RejectsPemAndRfc4716PublicKeys) {
  ExpectRejected("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----", "one-line OpenSSH");
  ExpectRejected("---- BEGIN SSH2 PUBLIC KEY ----\nAAAAC3NzaC1lZDI1NTE5\n---- END SSH2 PUBLIC KEY ----",
                 "one-line OpenSSH");
}

TEST(SshPublicKey, RejectsAuthorizedKeysOptions) {
  for (const auto* options : {"restrict", "from=\"10.0.0.0/8\"", "no-pty,no-agent-forwarding",
                              "command=\"echo hello world\"", "environment=\"A=b\",no-pty"}) {
    ExpectRejected(std::string(options) + " " + std::string(kEd25519Line), "options");
  }
  ExpectRejected("restrict " + std::string(kDsaLine), "options");
}

TEST(SshPublicKey, RejectsUnsupportedTypesNamingTheSupportedOnes) {
  ExpectRejected(kDsaLine, "\"ssh-dss\"");
  ExpectRejected(kDsaLine, "DSA keys are no longer secure");
  ExpectRejected(kDsaLine, "ssh-ed25519, ecdsa-sha2-nistp256, ecdsa-sha2-nistp384, ecdsa-sha2-nistp521 and ssh-rsa");
  ExpectRejected("ssh-ed448 AAAAC3NzaC1lZDQ0OA== x", "unsupported key type \"ssh-ed448\"");
  ExpectRejected("ssh-ed25519-cert-v01@openssh.com AAAA x", "certificates");
  ExpectRejected("sk-ssh-ed25519@openssh.com AAAA x", "security-key");
  ExpectRejected("SSH-ED25519 " + std::string(Base64Of(kEd25519Line)), "Supported types are");
  ExpectRejected("hello", "must start with the key type");
  ExpectRejected("hello", "ssh-ed25519");
}

TEST(SshPublicKey, DoesNotEchoUnprintableTypes) {
  const auto parsed = ParseSshPublicKey("ssh-\x01\x02 AAAA");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.error().message().find('\x01'), std::string::npos);
}

TEST(SshPublicKey, RejectsMissingOrBadBase64) {
  ExpectRejected("ssh-ed25519", "missing");
  ExpectRejected("ssh-ed25519   ", "missing");
  ExpectRejected("ssh-ed25519 AAAA!!!!", "not valid base64");
  ExpectRejected("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5-_", "not valid base64");
  const std::string base64(Base64Of(kEd25519Line));
  ExpectRejected("ssh-ed25519 " + base64.substr(0, base64.size() - 3), "not valid base64");  // 1 char mod 4
  ExpectRejected("ssh-ed25519 " + base64 + "=", "not valid base64");                         // no padding is due
  ExpectRejected("ssh-ed25519 " + base64 + "AAAA", "unexpected bytes");
}

TEST(SshPublicKey, AcceptsUnpaddedBase64AndNormalizesIt) {
  const std::string unpadded = "ecdsa-sha2-nistp256 " + Base64Encode(BlobOf(kEcdsa256Line), false);
  const auto parsed = ParseSshPublicKey(unpadded);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message();
  EXPECT_EQ(parsed->fingerprint, kEcdsa256Fingerprint);
  EXPECT_EQ(parsed->normalized, std::string(TypeOf(kEcdsa256Line)) + " " + std::string(Base64Of(kEcdsa256Line)));
}

TEST(SshPublicKey, RejectsBlobWhoseTypeDiffersFromTheLine) {
  ExpectRejected("ssh-rsa " + std::string(Base64Of(kEd25519Line)),
                 "for type \"ssh-ed25519\" but the line says ssh-rsa");
  ExpectRejected("ecdsa-sha2-nistp384 " + std::string(Base64Of(kEcdsa256Line)), "\"ecdsa-sha2-nistp256\"");
}

TEST(SshPublicKey, RejectsFlippedByteInBlobTypeString) {
  for (const auto& good : kGoodKeys) {
    auto blob = BlobOf(good.line);
    blob[4 + 2] ^= 0x01;  // inside the type name that follows the 4-byte length
    ExpectRejected(LineWithBlob(good.type, blob), "but the line says");
  }
}

TEST(SshPublicKey, RejectsTruncatedBlobs) {
  for (const auto& good : kGoodKeys) {
    const auto blob = BlobOf(good.line);
    for (const std::size_t keep :
         {std::size_t{0}, std::size_t{3}, std::size_t{4}, std::size_t{15}, blob.size() / 2, blob.size() - 1}) {
      SCOPED_TRACE(std::string(good.type) + " keeping " + std::to_string(keep) + " bytes");
      const auto parsed = ParseSshPublicKey(LineWithBlob(good.type, blob.substr(0, keep)));
      EXPECT_FALSE(parsed.ok());
    }
    ExpectRejected(LineWithBlob(good.type, blob.substr(0, blob.size() - 1)), "truncated");
  }
}

TEST(SshPublicKey, RejectsLengthFieldsPointingPastTheEnd) {
  auto blob = BlobOf(kEd25519Line);
  const std::size_t key_length_at = 4 + 11;  // after the "ssh-ed25519" string
  blob[key_length_at] = '\xFF';
  blob[key_length_at + 1] = '\xFF';
  blob[key_length_at + 2] = '\xFF';
  blob[key_length_at + 3] = '\xFF';
  ExpectRejected(LineWithBlob("ssh-ed25519", blob), "truncated");
  ExpectRejected(LineWithBlob("ssh-ed25519", "\xFF\xFF\xFF\xFFssh-ed25519"), "truncated");
}

TEST(SshPublicKey, RejectsTrailingBytesInBlob) {
  for (const auto& good : kGoodKeys) {
    ExpectRejected(LineWithBlob(good.type, BlobOf(good.line) + std::string(4, '\0')), "unexpected bytes");
    ExpectRejected(LineWithBlob(good.type, BlobOf(good.line) + "x"), "unexpected bytes");
  }
}

TEST(SshPublicKey, RejectsRsaUnder3072BitsSayingTheSize) {
  ExpectRejected(kRsa2048Line, "2048 bits");
  ExpectRejected(kRsa2048Line, "at least 3072");
  ExpectRejected(LineWithBlob("ssh-rsa", RsaBlob(kF4, RsaModulus(3071))), "3071 bits");
}

TEST(SshPublicKey, MeasuresRsaModulusBySignificantBits) {
  const auto exact = ParseSshPublicKey(LineWithBlob("ssh-rsa", RsaBlob(kF4, RsaModulus(3072))));
  ASSERT_TRUE(exact.ok()) << exact.error().message();
  EXPECT_EQ(exact->bits, 3072);
  const auto odd_size = ParseSshPublicKey(LineWithBlob("ssh-rsa", RsaBlob("\x03", RsaModulus(3073))));
  ASSERT_TRUE(odd_size.ok()) << odd_size.error().message();
  EXPECT_EQ(odd_size->bits, 3073);
  ExpectRejected(LineWithBlob("ssh-rsa", RsaBlob("\x03", RsaModulus(16385))), "at most 16384");
}

TEST(SshPublicKey, RejectsMalformedRsaIntegers) {
  auto modulus = RsaModulus(3072);
  ASSERT_EQ(modulus[0], '\0');
  const std::string e(kF4);
  ExpectRejected(LineWithBlob("ssh-rsa", RsaBlob(e, modulus.substr(1))), "modulus is invalid");  // negative
  ExpectRejected(LineWithBlob("ssh-rsa", RsaBlob(e, std::string(1, '\0') + modulus)), "modulus is invalid");
  auto even = modulus;
  even.back() = '\x02';
  ExpectRejected(LineWithBlob("ssh-rsa", RsaBlob(e, even)), "modulus is invalid");
  ExpectRejected(LineWithBlob("ssh-rsa", RsaBlob("", modulus)), "exponent is invalid");
  ExpectRejected(LineWithBlob("ssh-rsa", RsaBlob("\x01", modulus)), "exponent is invalid");
  ExpectRejected(LineWithBlob("ssh-rsa", RsaBlob("\x02", modulus)), "exponent is invalid");
  ExpectRejected(LineWithBlob("ssh-rsa", RsaBlob("\x81", modulus)), "exponent is invalid");
}

TEST(SshPublicKey, RejectsEcdsaCurveMismatch) {
  auto blob = BlobOf(kEcdsa256Line);
  const auto curve_at = blob.rfind("nistp256");  // the curve name, not the end of the type name
  ASSERT_NE(curve_at, std::string::npos);
  blob.replace(curve_at, 8, "nistp384");
  ExpectRejected(LineWithBlob("ecdsa-sha2-nistp256", blob), "curve \"nistp384\"");
}

TEST(SshPublicKey, RejectsEcdsaPointsThatAreNotUncompressedOfTheRightLength) {
  for (const auto& good : kGoodKeys) {
    if (!good.type.starts_with("ecdsa-")) continue;
    const auto blob = BlobOf(good.line);
    const std::size_t point_length_at = 4 + 19 + 4 + 8;
    ASSERT_EQ(blob[point_length_at + 4], '\x04');
    auto compressed = blob;
    compressed[point_length_at + 4] = '\x02';
    ExpectRejected(LineWithBlob(good.type, compressed), "uncompressed");

    const std::string_view point = std::string_view(blob).substr(point_length_at + 4);
    const std::string curve = std::string(good.type.substr(11));
    ExpectRejected(LineWithBlob(good.type, Wire(good.type) + Wire(curve) + Wire(point.substr(1))), "uncompressed");
  }
}

TEST(SshPublicKey, RejectsEd25519KeysOfWrongSizeOrNotOnTheCurve) {
  ExpectRejected(LineWithBlob("ssh-ed25519", Wire("ssh-ed25519") + Wire(std::string(31, 'k'))), "32 bytes, found 31");
  ExpectRejected(LineWithBlob("ssh-ed25519", Wire("ssh-ed25519") + Wire(std::string(32, '\0'))), "valid curve point");
}

}  // namespace
}  // namespace gpuaas::services
