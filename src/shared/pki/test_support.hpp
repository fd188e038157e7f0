#pragma once

// Test-only inputs for the shared/pki tests. The PEM below was made once with the openssl CLI
// (OpenSSL 3.0) rather than with this folder's code, so the tests see keys and certificates that
// this code could not have produced: other curves, RSA, and leaves with the wrong extensions.

#include <chrono>
#include <string>
#include <string_view>

#include "shared/clock.hpp"
#include "shared/error.hpp"
#include "shared/result.hpp"
#include "shared/rfc3339.hpp"
#include "shared/secret.hpp"

namespace gpuaas::pki::testing {

// An EC key on the wrong curve (secp384r1).
inline constexpr std::string_view kP384PrivateKey = R"pem(-----BEGIN PRIVATE KEY-----
MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDBfgZ4JXFyEPf3FDGfB
cHoX0uy9pTepG20Ej3t90ujUYi6PMZHPpbZL11vgvOcL7S+hZANiAARrVHQUsXEW
63X8hCoHnrGQPL/NZ3mnPtG4DdQGPwaSMtmEV1pYV5bHP8aHGOVLsiqElyHaRluC
ys50SiSmUeTpkOSPABXwv9BWGDF/nH2kXvJV2d8QexNbHzyqlrxXVcQ=
-----END PRIVATE KEY-----
)pem";

// A well-formed, correctly self-signed CSR over a secp384r1 key.
inline constexpr std::string_view kP384Csr = R"pem(-----BEGIN CERTIFICATE REQUEST-----
MIIBDTCBlAIBADAVMRMwEQYDVQQDDAphZ2VudC1wMzg0MHYwEAYHKoZIzj0CAQYF
K4EEACIDYgAEa1R0FLFxFut1/IQqB56xkDy/zWd5pz7RuA3UBj8GkjLZhFdaWFeW
xz/GhxjlS7IqhJch2kZbgsrOdEokplHk6ZDkjwAV8L/QVhgxf5x9pF7yVdnfEHsT
Wx88qpa8V1XEoAAwCgYIKoZIzj0EAwIDaAAwZQIwU2zzKXlrA9tLV+6TbTJZWoh5
wSuPSwf/rOkDlLqIPYnMBgpLK/PlA/KL9nOdueHQAjEAx7jsnhyvTuP5RnhJ0U1O
wSkKc9+OaLfpwZmWiYes2ELK0grKTNUMKi2KwI1eVGl3
-----END CERTIFICATE REQUEST-----
)pem";

// A well-formed, correctly self-signed CSR over a 1024-bit RSA key.
inline constexpr std::string_view kRsa1024Csr = R"pem(-----BEGIN CERTIFICATE REQUEST-----
MIIBUzCBvQIBADAUMRIwEAYDVQQDDAlhZ2VudC1yc2EwgZ8wDQYJKoZIhvcNAQEB
BQADgY0AMIGJAoGBAMsFGSJmWIkHEZa5pxvNgn9et0JDWmKeocmUcsBEhTITdXBP
FqXIz0TkWtoR0eRqmNPP6EluSw8KasW91X+GLL8BCjOhMvV8yc8Zfe8Elt8OpZf8
Uu+JVodkO2RcJ6Cu5whCPR5y8NGHhdizdd9p0TzYw7mgYzA3j+UoRS1B3GdpAgMB
AAGgADANBgkqhkiG9w0BAQsFAAOBgQAuvkSXfqHVHS7US6LxUL2+2+p/rmw0xdxg
z4633fPxCWqM/df4lr4vwcL8KgWrLrz0BcnGuVaoRGMG+8FU2eNha6WED7y0ksCg
A3kLbyBTiglEyaRZpYuKi4/OR7dbbfz5HmGua6uvHB/WSDl70afSLdYE0I1rXh0y
aWJQOOTfIA==
-----END CERTIFICATE REQUEST-----
)pem";

// A well-formed, correctly self-signed CSR over a 2048-bit RSA key.
inline constexpr std::string_view kRsa2048Csr = R"pem(-----BEGIN CERTIFICATE REQUEST-----
MIICXTCCAUUCAQAwGDEWMBQGA1UEAwwNYWdlbnQtcnNhMjA0ODCCASIwDQYJKoZI
hvcNAQEBBQADggEPADCCAQoCggEBANfLNGd+7Vq2nYVeYJoj5SgzE7vRXTaqlvrW
E1BasTVp868/58Qt5NStHqPRLa+bwja21q8ogCefJbyq9cHUn24UdpEP+lXUv91b
tYeiwihhCBeDAKd5fo3fTSogLthj3bvS+OVkLjkylsUAMLLz828v0MG/1kSTBgVL
gTD47ueF3F7pc7sVD/DoQCSXev2Dp7DfZ1QlZMOm8lh6vr2zZa07FvvC9oWbrG+/
r/KOop1vpmIhKLMlOINZE/E7pSJsGel/szp9/FW/q0fJSyuojcm4HgcmC0CtrYVC
Kul72djz45asnby5x9L2SqltZYBgttRJgCL2lzSPwNg6Ocu3AgECAwEAAaAAMA0G
CSqGSIb3DQEBCwUAA4IBAQDFf1tBogBmqIHOMpfG/ufF8kfvXsh4YQHJI6mkm2cL
9zfoS0+DiSLFqAih7znLVn53Vf1s5LZvxmQnj5408qsLFOo76PkWVQ3jmaYFPNZT
HykGMI67yYLPSHnLm+7lO9Lcnjy2isy3zxmAEc7X3uiuAaoLtYec+UucInR+/+CT
NSFmvoqkrr1hOG2PcgqITqiDcbO+2KLytRhKozwlgxXJpFYB2w3B0prBSBBXzyZb
bCpe9A/1lspRfyj6uHaE3/LYmH0mgQfMgo29fbUyLlSEml/krQNAdMOdRRzLSy6m
B+kls8JwNc8RTbbwyrluM52pcpAg1ZGcCNPXMLSwzYql
-----END CERTIFICATE REQUEST-----
)pem";

// A P-256 CA made with the openssl CLI: valid 2026-11-23 to 2126-10-30.
inline constexpr std::string_view kFixtureCaCert = R"pem(-----BEGIN CERTIFICATE-----
MIIBkjCCATegAwIBAgIUdlcTFGLpOAMz+xezrpK6XqvRE3AwCgYIKoZIzj0EAwIw
FTETMBEGA1UEAwwKRml4dHVyZSBDQTAgFw0yNjExMjMxODExMDdaGA8yMTI2MTAz
MDE4MTEwN1owFTETMBEGA1UEAwwKRml4dHVyZSBDQTBZMBMGByqGSM49AgEGCCqG
SM49AwEHA0IABFN/nfBGa6Kzn97JC8KD5GFiA8zTsG3aIsvIBjZUKXIU/d8H4IoP
EUaLf9WDWwg1h7RNSzMSvkIFm3kAWhAFvwijYzBhMB0GA1UdDgQWBBRBQPtFL3sk
2EsihX1ZO5octVgN5zAfBgNVHSMEGDAWgBRBQPtFL3sk2EsihX1ZO5octVgN5zAP
BgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIBBjAKBggqhkjOPQQDAgNJADBG
AiEAhOrYUxCP500UaFqdcy6rI8CvHO5R8/s4i6OUtjI5HNMCIQCRG1w3lwytRNGO
GOAyVPTyvur0SRPBWBCdJDGkfeUsyw==
-----END CERTIFICATE-----
)pem";

// Signed by kFixtureCaCert: a correct node certificate for node_good (the positive control).
inline constexpr std::string_view kFixtureGoodLeaf = R"pem(-----BEGIN CERTIFICATE-----
MIIBxTCCAWqgAwIBAgIQF+zSnJ3HH1FSDLOsCBsmLjAKBggqhkjOPQQDAjAVMRMw
EQYDVQQDDApGaXh0dXJlIENBMCAXDTI2MTEyMzE4MTEwN1oYDzIxMjUwNjE3MTgx
MTA3WjAUMRIwEAYDVQQDDAlub2RlX2dvb2QwWTATBgcqhkjOPQIBBggqhkjOPQMB
BwNCAASO2VBENs68cacHEXwFOS849cFNemlCU5lLMRrNe82I9KqGGIaa5BepD+4Y
/6fUrtwrVlVkqg8yyhtwatYQjXw0o4GaMIGXMAwGA1UdEwEB/wQCMAAwDgYDVR0P
AQH/BAQDAgeAMBMGA1UdJQQMMAoGCCsGAQUFBwMCMCIGA1UdEQQbMBmGF2dwdWFh
czovL25vZGUvbm9kZV9nb29kMB0GA1UdDgQWBBRJRqyjIwqMcNZncLEuxFDI3ROQ
NDAfBgNVHSMEGDAWgBRBQPtFL3sk2EsihX1ZO5octVgN5zAKBggqhkjOPQQDAgNJ
ADBGAiEA71wl2NlAwfNBBiLHrl4HbAELUqju6ngnbjU8ecm3UgICIQDbFfxyZ1Mu
RinlB4tl209tZAqjYmCmBzh5kLDN8Zj0lA==
-----END CERTIFICATE-----
)pem";

// Signed by kFixtureCaCert, node-shaped but with basicConstraints CA:TRUE.
inline constexpr std::string_view kFixtureCaTrueLeaf = R"pem(-----BEGIN CERTIFICATE-----
MIIByzCCAXGgAwIBAgIQEGyl1j2EiS5n3kVY0vHHYTAKBggqhkjOPQQDAjAVMRMw
EQYDVQQDDApGaXh0dXJlIENBMCAXDTI2MTEyMzE4MTEwN1oYDzIxMjUwNjE3MTgx
MTA3WjAWMRQwEgYDVQQDDAtub2RlX2NhdHJ1ZTBZMBMGByqGSM49AgEGCCqGSM49
AwEHA0IABI7ZUEQ2zrxxpwcRfAU5Lzj1wU16aUJTmUsxGs17zYj0qoYYhprkF6kP
7hj/p9Su3CtWVWSqDzLKG3Bq1hCNfDSjgZ8wgZwwDwYDVR0TAQH/BAUwAwEB/zAO
BgNVHQ8BAf8EBAMCAoQwEwYDVR0lBAwwCgYIKwYBBQUHAwIwJAYDVR0RBB0wG4YZ
Z3B1YWFzOi8vbm9kZS9ub2RlX2NhdHJ1ZTAdBgNVHQ4EFgQUSUasoyMKjHDWZ3Cx
LsRQyN0TkDQwHwYDVR0jBBgwFoAUQUD7RS97JNhLIoV9WTuaHLVYDecwCgYIKoZI
zj0EAwIDSAAwRQIhALxkT85m8E8jboYSTt3OY3PV/0K/SH8pX6loTHs2//TUAiBk
6+z3NRqPHz/65SglmNVLznLbKn2dPkiBQ3WVbdbqvA==
-----END CERTIFICATE-----
)pem";

// Signed by kFixtureCaCert, node-shaped but without subjectAltName.
inline constexpr std::string_view kFixtureNoSanLeaf = R"pem(-----BEGIN CERTIFICATE-----
MIIBnjCCAUWgAwIBAgIQJ0K4Cld4Esn85Uqlk9LMYDAKBggqhkjOPQQDAjAVMRMw
EQYDVQQDDApGaXh0dXJlIENBMCAXDTI2MTEyMzE4MTEwN1oYDzIxMjUwNjE3MTgx
MTA3WjAVMRMwEQYDVQQDDApub2RlX25vc2FuMFkwEwYHKoZIzj0CAQYIKoZIzj0D
AQcDQgAEjtlQRDbOvHGnBxF8BTkvOPXBTXppQlOZSzEazXvNiPSqhhiGmuQXqQ/u
GP+n1K7cK1ZVZKoPMsobcGrWEI18NKN1MHMwDAYDVR0TAQH/BAIwADAOBgNVHQ8B
Af8EBAMCB4AwEwYDVR0lBAwwCgYIKwYBBQUHAwIwHQYDVR0OBBYEFElGrKMjCoxw
1mdwsS7EUMjdE5A0MB8GA1UdIwQYMBaAFEFA+0UveyTYSyKFfVk7mhy1WA3nMAoG
CCqGSM49BAMCA0cAMEQCIFo0S30qrTA6aMpnSVEB8WPcRfpdPzcEQZ6j2tC+qIHk
AiBgvBEk+ayN+PZ8nAFmehJWEC8o8WFDPtNaqcph1a/RYA==
-----END CERTIFICATE-----
)pem";

// `openssl x509 -noout -fingerprint -sha256` of kFixtureCaCert, lower-cased.
inline constexpr std::string_view kFixtureCaFingerprint =
    "sha256:5cad288b803e373208b25f7dc3cd4da0cd37868fe444bf9e27d95952e54526e6";
// sha256 of the DER public key of the fixture leaves (`openssl pkey -pubout -outform DER | sha256sum`).
inline constexpr std::string_view kFixtureLeafKeyFingerprint =
    "sha256:29d61994ee90675b09655e3ed998304752174c3cfe104add96ee3326280b054e";
inline constexpr std::string_view kFixtureGoodLeafSerial = "17ecd29c9dc71f51520cb3ac081b262e";
inline Timestamp At(std::string_view rfc3339) { return ParseRfc3339(rfc3339).value(); }
// A time inside every fixture's validity.
inline Timestamp FixtureNow() { return At("2030-01-01T00:00:00Z"); }

// "code: message" of a failed result, "ok" otherwise: one string that EXPECT_EQ compares and prints.
template <typename T>
std::string Describe(const Result<T>& result) {
  if (result.ok()) return "ok";
  return std::string(ErrorCodeName(result.error().code())) + ": " + result.error().message();
}

// The value of the error detail `key`, empty when absent or when the result is ok.
template <typename T>
std::string DetailOf(const Result<T>& result, std::string_view key) {
  if (result.ok()) return {};
  for (const auto& detail : result.error().details()) {
    if (detail.key == key) return detail.value;
  }
  return {};
}

// Re-encodes `pem` with the first occurrence of `from` in its DER body replaced by `to` (same
// length), keeping the PEM well-formed: the tamper a signature check has to catch. Returns an
// empty string when `from` is not in the body, so a test can assert its own setup.
inline std::string TamperDer(std::string_view pem, std::string_view from, std::string_view to) {
  const auto header_end = pem.find('\n');
  const auto footer = pem.find("-----END");
  if (header_end == std::string_view::npos || footer == std::string_view::npos || from.size() != to.size()) return {};
  std::string base64;
  for (const char c : pem.substr(header_end + 1, footer - header_end - 1)) {
    if (c != '\n' && c != '\r') base64.push_back(c);
  }
  std::string der;
  if (!Base64Decode(base64, der)) return {};
  const auto at = der.find(from);
  if (at == std::string::npos) return {};
  der.replace(at, from.size(), to);
  const std::string encoded = Base64Encode(der);
  std::string out(pem.substr(0, header_end + 1));
  for (std::size_t i = 0; i < encoded.size(); i += 64) out += encoded.substr(i, 64) + "\n";
  out += pem.substr(footer);
  return out;
}

// Lower-case hex of exactly `length` characters (std::regex trips GCC 12's
// maybe-uninitialized warning in the sanitizer build).
inline bool IsLowerHex(std::string_view text, std::size_t length) {
  return text.size() == length && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

}  // namespace gpuaas::pki::testing
