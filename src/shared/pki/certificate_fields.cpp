#include "shared/pki/certificate_fields.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <cctype>

#include "shared/pki/asn1_time.hpp"
#include "shared/pki/pem_io.hpp"

namespace gpuaas::pki::internal {

Status SetRandomSerial(X509& certificate) {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) return OpensslFailure("RAND_bytes");
  bytes[0] |= 0x01;  // a non-zero first byte keeps every serial 16 bytes long: 32 hex digits
  const BignumPtr serial(BN_bin2bn(bytes, sizeof bytes, nullptr));
  if (!serial) return OpensslFailure("BN_bin2bn");
  if (BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(&certificate)) == nullptr) {
    return OpensslFailure("BN_to_ASN1_INTEGER");
  }
  return Ok();
}

Result<std::string> SerialHex(const X509& certificate) {
  const BignumPtr serial(ASN1_INTEGER_to_BN(X509_get0_serialNumber(&certificate), nullptr));
  if (!serial) return OpensslFailure("ASN1_INTEGER_to_BN");
  const OpensslStringPtr hex(BN_bn2hex(serial.get()));
  if (!hex) return OpensslFailure("BN_bn2hex");
  std::string text(hex.get());
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

Status AddExtension(X509& certificate, X509& issuer, int nid, const char* value) {
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, &issuer, &certificate, nullptr, nullptr, 0);
  const X509ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
  if (!extension) return OpensslFailure(std::string("X509V3_EXT_conf_nid ") + OBJ_nid2sn(nid));
  if (X509_add_ext(&certificate, extension.get(), -1) != 1) return OpensslFailure("X509_add_ext");
  return Ok();
}

Status AddUriSubjectAltName(X509& certificate, std::string_view uri) {
  Asn1StringPtr text(ASN1_IA5STRING_new());
  GeneralNamePtr name(GENERAL_NAME_new());
  const GeneralNamesPtr names(GENERAL_NAMES_new());
  if (!text || !name || !names) return OpensslFailure("GENERAL_NAMES_new");
  if (ASN1_STRING_set(text.get(), uri.data(), static_cast<int>(uri.size())) != 1) {
    return OpensslFailure("ASN1_STRING_set");
  }
  GENERAL_NAME_set0_value(name.get(), GEN_URI, text.release());  // the name owns the text now
  if (sk_GENERAL_NAME_push(names.get(), name.get()) <= 0) return OpensslFailure("sk_GENERAL_NAME_push");
  name.release();  // the list owns the name now
  if (X509_add1_ext_i2d(&certificate, NID_subject_alt_name, names.get(), 0, X509V3_ADD_APPEND) != 1) {
    return OpensslFailure("X509_add1_ext_i2d subjectAltName");
  }
  return Ok();
}

Status SetValidity(X509& certificate, Timestamp not_before, Timestamp not_after) {
  GPUAAS_RETURN_IF_ERROR(SetAsn1Time(*X509_getm_notBefore(&certificate), not_before));
  GPUAAS_RETURN_IF_ERROR(SetAsn1Time(*X509_getm_notAfter(&certificate), not_after));
  return Ok();
}

}  // namespace gpuaas::pki::internal
