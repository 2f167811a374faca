#include "mocks/aad/protocol/certificates.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "mocks/aad/protocol/openssl_ptr.h"

namespace tiersim::mocks {
namespace {

using sim::ErrorCode;

sim::Status OpenSslError(std::string_view what) {
  std::string message = "OpenSSL failed to " + std::string(what);
  if (unsigned long e = ERR_get_error(); e != 0) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof(buf));
    message += ": ";
    message += buf;
  }
  ERR_clear_error();
  return sim::Status(ErrorCode::kInternal, std::move(message));
}

sim::Result<EvpPkeyPtr> NewP256Key() {
  EvpPkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  if (!key) return OpenSslError("generate an ECDSA P-256 key");
  return key;
}

// Adds one v3 extension given in openssl.cnf syntax ("critical,CA:TRUE").
sim::Status AddExtension(X509* cert, X509* issuer, int nid,
                         const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509ExtensionPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str()));
  if (!ext || X509_add_ext(cert, ext.get(), -1) != 1) {
    return OpenSslError("add the extension " + std::string(OBJ_nid2sn(nid)) +
                        " = " + value);
  }
  return sim::OkStatus();
}

// A v3 certificate for `key` named `common_name`, with a random 127-bit
// serial and validity from an hour ago (small clock differences) for
// `validity`. Not yet signed; the issuer name is set by the caller.
sim::Result<X509Ptr> NewCertificate(EVP_PKEY* key,
                                    const std::string& common_name,
                                    std::chrono::hours validity) {
  X509Ptr cert(X509_new());
  BignumPtr serial(BN_new());
  if (!cert || !serial || X509_set_version(cert.get(), X509_VERSION_3) != 1 ||
      BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1 ||
      !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get())) ||
      !X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) ||
      !X509_gmtime_adj(X509_getm_notAfter(cert.get()),
                       static_cast<long>(validity.count()) * 3600) ||
      X509_set_pubkey(cert.get(), key) != 1) {
    return OpenSslError("build a certificate");
  }
  X509_NAME* name = X509_get_subject_name(cert.get());
  const auto* cn = reinterpret_cast<const unsigned char*>(common_name.c_str());
  const auto* org = reinterpret_cast<const unsigned char*>("tiersim");
  if (X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, org, -1, -1, 0) !=
          1 ||
      X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, cn, -1, -1, 0) !=
          1) {
    return OpenSslError("set the subject name " + common_name);
  }
  return cert;
}

sim::Result<std::string> ToPem(X509* cert) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1) {
    return OpenSslError("write a certificate as PEM");
  }
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}

sim::Result<std::string> ToPem(EVP_PKEY* key) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0,
                                       nullptr, nullptr) != 1) {
    return OpenSslError("write a private key as PEM");
  }
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}

sim::Result<std::string> SubjectAltNames(const CertificateOptions& options) {
  std::string san;
  for (const std::string& dns : options.dns_names) {
    if (dns.empty() || dns.find_first_of(",: ") != std::string::npos) {
      return sim::Status(ErrorCode::kInvalidArgument,
                         "not a DNS name: \"" + dns + "\"");
    }
    san += (san.empty() ? "DNS:" : ",DNS:") + dns;
  }
  for (const std::string& ip : options.ip_addresses) {
    unsigned char buf[16];
    if (inet_pton(AF_INET, ip.c_str(), buf) != 1 &&
        inet_pton(AF_INET6, ip.c_str(), buf) != 1) {
      return sim::Status(ErrorCode::kInvalidArgument,
                         "not an IPv4 or IPv6 address: \"" + ip + "\"");
    }
    san += (san.empty() ? "IP:" : ",IP:") + ip;
  }
  if (san.empty()) {
    return sim::Status(ErrorCode::kInvalidArgument,
                       "the server certificate needs at least one DNS name "
                       "or IP address");
  }
  return san;
}

// Writes `text` to `path` through a temporary file and a rename, so a
// reader never sees half a file.
sim::Status WriteFile(const std::filesystem::path& path, std::string_view text,
                      mode_t mode) {
  const std::string tmp = path.string() + ".tmp";
  const int fd =
      ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) {
    return sim::Status(ErrorCode::kUnavailable,
                       "cannot create " + tmp + ": " + std::strerror(errno));
  }
  ::fchmod(fd, mode);  // O_CREAT's mode does not apply to an existing file
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string why = std::strerror(errno);
      ::close(fd);
      return sim::Status(ErrorCode::kUnavailable,
                         "cannot write " + tmp + ": " + why);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0 || ::rename(tmp.c_str(), path.c_str()) != 0) {
    return sim::Status(
        ErrorCode::kUnavailable,
        "cannot write " + path.string() + ": " + std::strerror(errno));
  }
  return sim::OkStatus();
}

}  // namespace

sim::Result<CertificatePems> GenerateCertificates(
    const CertificateOptions& options) {
  TIERSIM_ASSIGN_OR_RETURN(const std::string san, SubjectAltNames(options));
  if (options.validity.count() <= 0) {
    return sim::Status(ErrorCode::kInvalidArgument,
                       "the validity must be positive");
  }

  // The CA: self-signed, CA:TRUE with no intermediates below it.
  TIERSIM_ASSIGN_OR_RETURN(EvpPkeyPtr ca_key, NewP256Key());
  TIERSIM_ASSIGN_OR_RETURN(
      X509Ptr ca,
      NewCertificate(ca_key.get(), options.ca_common_name, options.validity));
  if (X509_set_issuer_name(ca.get(), X509_get_subject_name(ca.get())) != 1) {
    return OpenSslError("set the CA's issuer name");
  }
  TIERSIM_RETURN_IF_ERROR(AddExtension(
      ca.get(), ca.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0"));
  TIERSIM_RETURN_IF_ERROR(AddExtension(ca.get(), ca.get(), NID_key_usage,
                                       "critical,keyCertSign,cRLSign"));
  TIERSIM_RETURN_IF_ERROR(
      AddExtension(ca.get(), ca.get(), NID_subject_key_identifier, "hash"));
  TIERSIM_RETURN_IF_ERROR(AddExtension(
      ca.get(), ca.get(), NID_authority_key_identifier, "keyid:always"));
  if (X509_sign(ca.get(), ca_key.get(), EVP_sha256()) <= 0) {
    return OpenSslError("self-sign the CA certificate");
  }

  // The server certificate, signed by the CA.
  TIERSIM_ASSIGN_OR_RETURN(EvpPkeyPtr key, NewP256Key());
  TIERSIM_ASSIGN_OR_RETURN(
      X509Ptr cert,
      NewCertificate(key.get(), options.server_common_name, options.validity));
  if (X509_set_issuer_name(cert.get(), X509_get_subject_name(ca.get())) != 1) {
    return OpenSslError("set the server certificate's issuer name");
  }
  TIERSIM_RETURN_IF_ERROR(AddExtension(
      cert.get(), ca.get(), NID_basic_constraints, "critical,CA:FALSE"));
  TIERSIM_RETURN_IF_ERROR(AddExtension(cert.get(), ca.get(), NID_key_usage,
                                       "critical,digitalSignature"));
  TIERSIM_RETURN_IF_ERROR(
      AddExtension(cert.get(), ca.get(), NID_ext_key_usage, "serverAuth"));
  TIERSIM_RETURN_IF_ERROR(
      AddExtension(cert.get(), ca.get(), NID_subject_alt_name, san));
  TIERSIM_RETURN_IF_ERROR(
      AddExtension(cert.get(), ca.get(), NID_subject_key_identifier, "hash"));
  TIERSIM_RETURN_IF_ERROR(AddExtension(
      cert.get(), ca.get(), NID_authority_key_identifier, "keyid:always"));
  if (X509_sign(cert.get(), ca_key.get(), EVP_sha256()) <= 0) {
    return OpenSslError("sign the server certificate");
  }

  CertificatePems pems;
  TIERSIM_ASSIGN_OR_RETURN(pems.ca_cert, ToPem(ca.get()));
  TIERSIM_ASSIGN_OR_RETURN(pems.server_cert, ToPem(cert.get()));
  TIERSIM_ASSIGN_OR_RETURN(pems.server_key, ToPem(key.get()));
  return pems;
}

sim::Result<CertificateFiles> WriteCertificates(
    const std::filesystem::path& dir, const CertificatePems& pems) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return sim::Status(
        ErrorCode::kUnavailable,
        "cannot create the directory " + dir.string() + ": " + ec.message());
  }
  CertificateFiles files{
      .ca_pem = (dir / "ca.pem").string(),
      .server_pem = (dir / "server.pem").string(),
      .server_key_pem = (dir / "server-key.pem").string(),
  };
  TIERSIM_RETURN_IF_ERROR(
      WriteFile(files.server_key_pem, pems.server_key, 0600));
  TIERSIM_RETURN_IF_ERROR(WriteFile(files.server_pem, pems.server_cert, 0644));
  TIERSIM_RETURN_IF_ERROR(WriteFile(files.ca_pem, pems.ca_cert, 0644));
  return files;
}

sim::Result<CertificateFiles> GenerateCertificateFiles(
    const std::filesystem::path& dir, const CertificateOptions& options) {
  TIERSIM_ASSIGN_OR_RETURN(const CertificatePems pems,
                           GenerateCertificates(options));
  return WriteCertificates(dir, pems);
}

}  // namespace tiersim::mocks
