#include "mocks/aad/protocol/certificates.h"

#include <gtest/gtest.h>
#include <openssl/pem.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "mocks/aad/protocol/openssl_ptr.h"
#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using ::tiersim::testing::IsOk;

X509Ptr ParseCert(const std::string& pem) {
  BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  return X509Ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

// X509_verify_cert of `leaf` against `ca` alone, for `host` (a DNS name)
// or `ip`; the OpenSSL verification error string otherwise.
std::string Verify(const std::string& ca_pem, const std::string& leaf_pem,
                   const char* host, const char* ip) {
  X509Ptr ca = ParseCert(ca_pem);
  X509Ptr leaf = ParseCert(leaf_pem);
  if (!ca || !leaf) return "unparsable";
  X509StorePtr store(X509_STORE_new());
  X509_STORE_add_cert(store.get(), ca.get());
  X509StoreCtxPtr ctx(X509_STORE_CTX_new());
  X509_STORE_CTX_init(ctx.get(), store.get(), leaf.get(), nullptr);
  X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx.get());
  X509_VERIFY_PARAM_set_purpose(param, X509_PURPOSE_SSL_SERVER);
  X509_VERIFY_PARAM_set_flags(param, X509_V_FLAG_X509_STRICT);
  if (host) X509_VERIFY_PARAM_set1_host(param, host, 0);
  if (ip) X509_VERIFY_PARAM_set1_ip_asc(param, ip);
  if (X509_verify_cert(ctx.get()) == 1) return "ok";
  return X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx.get()));
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(CertificatesTest, ServerCertificateVerifiesAgainstTheCaForEveryName) {
  auto pems = GenerateCertificates();
  ASSERT_THAT(pems, IsOk());
  EXPECT_EQ(Verify(pems->ca_cert, pems->server_cert, "localhost", nullptr),
            "ok");
  EXPECT_EQ(Verify(pems->ca_cert, pems->server_cert, nullptr, "127.0.0.1"),
            "ok");
  EXPECT_EQ(Verify(pems->ca_cert, pems->server_cert, nullptr, "::1"), "ok");
  EXPECT_NE(Verify(pems->ca_cert, pems->server_cert, "example.com", nullptr),
            "ok");
  EXPECT_NE(Verify(pems->ca_cert, pems->server_cert, nullptr, "10.0.0.1"),
            "ok");
}

TEST(CertificatesTest, AnotherCaDoesNotVouchForTheServer) {
  auto a = GenerateCertificates();
  auto b = GenerateCertificates();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(Verify(b->ca_cert, a->server_cert, "localhost", nullptr), "ok");
}

TEST(CertificatesTest, CaIsACaAndTheServerIsNot) {
  auto pems = GenerateCertificates();
  ASSERT_THAT(pems, IsOk());
  X509Ptr ca = ParseCert(pems->ca_cert);
  X509Ptr leaf = ParseCert(pems->server_cert);
  EXPECT_EQ(X509_check_ca(ca.get()), 1);
  EXPECT_EQ(X509_check_ca(leaf.get()), 0);
  // The server certificate is a TLS server certificate with the SANs.
  EXPECT_EQ(X509_check_purpose(leaf.get(), X509_PURPOSE_SSL_SERVER, 0), 1);
  EXPECT_EQ(X509_check_host(leaf.get(), "localhost", 0, 0, nullptr), 1);
  EXPECT_EQ(X509_check_ip_asc(leaf.get(), "127.0.0.1", 0), 1);
  EXPECT_EQ(X509_check_ip_asc(leaf.get(), "::1", 0), 1);
  // ECDSA P-256 keys.
  EXPECT_EQ(EVP_PKEY_get_base_id(X509_get0_pubkey(leaf.get())), EVP_PKEY_EC);
}

TEST(CertificatesTest, FilesAreWrittenWithAPrivateKeyFile) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("tiersim-cert-test-" + std::to_string(::getpid()));
  auto files = GenerateCertificateFiles(dir / "nested");
  ASSERT_THAT(files, IsOk());
  const std::string ca = ReadFile(files->ca_pem);
  const std::string cert = ReadFile(files->server_pem);
  const std::string key = ReadFile(files->server_key_pem);
  EXPECT_EQ(Verify(ca, cert, "localhost", nullptr), "ok");
  EXPECT_NE(key.find("-----BEGIN PRIVATE KEY-----"), std::string::npos);
  struct stat st {};
  ASSERT_EQ(::stat(files->server_key_pem.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_FALSE(std::filesystem::exists(files->ca_pem + ".tmp"));
  std::filesystem::remove_all(dir);
}

TEST(CertificatesTest, RejectsMalformedNames) {
  EXPECT_EQ(GenerateCertificates({.ip_addresses = {"127.0.0.300"}}).code(),
            sim::ErrorCode::kInvalidArgument);
  EXPECT_EQ(GenerateCertificates({.dns_names = {}, .ip_addresses = {}}).code(),
            sim::ErrorCode::kInvalidArgument);
  EXPECT_EQ(GenerateCertificates({.dns_names = {"a,b"}}).code(),
            sim::ErrorCode::kInvalidArgument);
}

TEST(CertificatesTest, UnwritableDirectoryIsUnavailable) {
  auto pems = GenerateCertificates();
  ASSERT_THAT(pems, IsOk());
  EXPECT_EQ(WriteCertificates("/proc/tiersim-no-such-dir", *pems).code(),
            sim::ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace tiersim::mocks
