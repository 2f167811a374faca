// A throw-away certificate authority for tiersim's TLS servers (Azure AD's
// HTTPS, the mail server's STARTTLS): at start, generate a CA and a server
// certificate it signs, write them as PEM files, and tell clients to trust
// the CA file (curl --cacert, requests verify=, httplib
// set_ca_cert_path).
//
// Keys are ECDSA P-256: every current TLS client accepts them and a
// handshake signature costs about a tenth of an RSA-2048 one, which leaves
// the CPU to the work being measured (the JWT signatures of Azure AD are
// RSA, as RS256 requires; that key is separate, see jwt_keys.h).
//
// The CA's private key never leaves memory and is dropped once the server
// certificate is signed, so nothing else can ever be issued under it.
// Validity follows the wall clock (TLS clients check real time), not
// virtual time. Nothing here is specific to Azure AD. Thread-safe (no
// shared state).
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/status.h"

namespace tiersim::mocks {

struct CertificateOptions {
  // Subject alternative names of the server certificate.
  std::vector<std::string> dns_names = {"localhost"};
  std::vector<std::string> ip_addresses = {"127.0.0.1", "::1"};
  std::string server_common_name = "localhost";
  std::string ca_common_name = "tiersim local CA";
  std::chrono::hours validity{24 * 365};
};

// PEM text, in memory.
struct CertificatePems {
  std::string ca_cert;      // the CA certificate: what clients trust
  std::string server_cert;  // the server certificate (leaf only)
  std::string server_key;   // its private key, PKCS#8, unencrypted
};

// Paths of the written files.
struct CertificateFiles {
  std::string ca_pem;          // <dir>/ca.pem
  std::string server_pem;      // <dir>/server.pem
  std::string server_key_pem;  // <dir>/server-key.pem (mode 0600)
};

// kInvalidArgument for a malformed IP address or an empty name list;
// kInternal if OpenSSL fails.
sim::Result<CertificatePems> GenerateCertificates(
    const CertificateOptions& options = {});

// Writes `pems` into `dir` (created if missing), replacing earlier files.
// kUnavailable when the directory or a file cannot be written.
sim::Result<CertificateFiles> WriteCertificates(
    const std::filesystem::path& dir, const CertificatePems& pems);

// Both of the above.
sim::Result<CertificateFiles> GenerateCertificateFiles(
    const std::filesystem::path& dir, const CertificateOptions& options = {});

}  // namespace tiersim::mocks
