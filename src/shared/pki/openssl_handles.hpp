#pragma once

// Internal to shared/pki. OpenSSL objects owned by std::unique_ptr, so every early return frees
// what was allocated. The public headers of this folder speak PEM text and value types only; do
// not include this file from outside shared/pki.

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace gpuaas::pki::internal {

template <auto Free>
struct OpensslDeleter {
  template <typename T>
  void operator()(T* object) const {
    Free(object);
  }
};

// OPENSSL_free is a macro, so it needs a function to point at.
inline void FreeOpensslString(char* text) { OPENSSL_free(text); }

using BioPtr = std::unique_ptr<BIO, OpensslDeleter<&BIO_free_all>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, OpensslDeleter<&EVP_PKEY_free>>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, OpensslDeleter<&EVP_PKEY_CTX_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, OpensslDeleter<&EVP_MD_CTX_free>>;
using X509Ptr = std::unique_ptr<X509, OpensslDeleter<&X509_free>>;
using X509ReqPtr = std::unique_ptr<X509_REQ, OpensslDeleter<&X509_REQ_free>>;
using X509ExtensionPtr = std::unique_ptr<X509_EXTENSION, OpensslDeleter<&X509_EXTENSION_free>>;
using X509StorePtr = std::unique_ptr<X509_STORE, OpensslDeleter<&X509_STORE_free>>;
using X509StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, OpensslDeleter<&X509_STORE_CTX_free>>;
using X509NamePtr = std::unique_ptr<X509_NAME, OpensslDeleter<&X509_NAME_free>>;
using GeneralNamePtr = std::unique_ptr<GENERAL_NAME, OpensslDeleter<&GENERAL_NAME_free>>;
using GeneralNamesPtr = std::unique_ptr<GENERAL_NAMES, OpensslDeleter<&GENERAL_NAMES_free>>;
using Asn1StringPtr = std::unique_ptr<ASN1_STRING, OpensslDeleter<&ASN1_STRING_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, OpensslDeleter<&BN_free>>;
using OpensslStringPtr = std::unique_ptr<char, OpensslDeleter<&FreeOpensslString>>;

}  // namespace gpuaas::pki::internal
