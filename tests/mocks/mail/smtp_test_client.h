// Test helpers for the mail server tests: a blocking SMTP client over a
// real socket (plain, and TLS after STARTTLS through OpenSSL), and a
// throwaway self-signed certificate written to a temporary directory.
// Every read and write is bounded by a timeout, so a broken server fails a
// test instead of hanging it.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace tiersim::mocks::testing {

struct SslCtxFree {
  void operator()(SSL_CTX* p) const { SSL_CTX_free(p); }
};
struct SslFree {
  void operator()(SSL* p) const { SSL_free(p); }
};
struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct X509Free {
  void operator()(X509* p) const { X509_free(p); }
};

class TestClient {
 public:
  explicit TestClient(int port, std::chrono::milliseconds timeout =
                                    std::chrono::milliseconds(3000)) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    int yes = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address),
                           sizeof address) == 0;
  }
  ~TestClient() {
    ssl_.reset();
    ::close(fd_);
  }
  TestClient(const TestClient&) = delete;
  TestClient& operator=(const TestClient&) = delete;

  bool connected() const { return connected_; }

  bool Send(std::string_view data) {
    while (!data.empty()) {
      const int n = ssl_ ? SSL_write(ssl_.get(), data.data(),
                                     static_cast<int>(data.size()))
                         : static_cast<int>(::send(fd_, data.data(),
                                                   data.size(), MSG_NOSIGNAL));
      if (n <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  // One whole reply (all its lines), "" on timeout or when the server
  // closed the connection first.
  std::string ReadReply() {
    while (true) {
      std::size_t start = 0;
      while (true) {
        const std::size_t eol = buffer_.find("\r\n", start);
        if (eol == std::string::npos) break;
        if (eol - start >= 3 &&
            (eol - start == 3 || buffer_[start + 3] == ' ')) {
          std::string reply = buffer_.substr(0, eol + 2);
          buffer_.erase(0, eol + 2);
          return reply;
        }
        start = eol + 2;
      }
      if (!Fill()) return "";
    }
  }
  // The code of the next reply; -1 on timeout or close.
  int ReadCode() {
    const std::string reply = ReadReply();
    return reply.size() >= 3 ? std::stoi(reply.substr(0, 3)) : -1;
  }
  // True when the server closes the connection (after any pending
  // replies, which are discarded) within the socket timeout.
  bool ClosedByPeer() {
    while (true) {
      char buffer[4096];
      const int n =
          ssl_ ? SSL_read(ssl_.get(), buffer, sizeof buffer)
               : static_cast<int>(::recv(fd_, buffer, sizeof buffer, 0));
      if (n == 0) return true;
      if (n < 0) {
        if (ssl_) return true;  // TLS: any end counts
        return errno == ECONNRESET;
      }
    }
  }
  // The TLS handshake after a 220 to STARTTLS; the certificate is not
  // verified (it is a throwaway).
  bool StartTls() {
    ctx_.reset(SSL_CTX_new(TLS_client_method()));
    ssl_.reset(SSL_new(ctx_.get()));
    SSL_set_fd(ssl_.get(), fd_);
    return SSL_connect(ssl_.get()) == 1;
  }

 private:
  bool Fill() {
    char buffer[4096];
    const int n = ssl_
                      ? SSL_read(ssl_.get(), buffer, sizeof buffer)
                      : static_cast<int>(::recv(fd_, buffer, sizeof buffer, 0));
    if (n <= 0) return false;
    buffer_.append(buffer, static_cast<std::size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  std::string buffer_;
  std::unique_ptr<SSL_CTX, SslCtxFree> ctx_;
  std::unique_ptr<SSL, SslFree> ssl_;
};

// A self-signed P-256 certificate for "localhost" in a fresh temporary
// directory, removed with the object.
class TempCertificate {
 public:
  TempCertificate() {
    char pattern[] = "/tmp/tiersim-mail-XXXXXX";
    dir_ = ::mkdtemp(pattern);
    cert_path_ = (dir_ / "cert.pem").string();
    key_path_ = (dir_ / "key.pem").string();
    std::unique_ptr<EVP_PKEY, PkeyFree> key(EVP_EC_gen("P-256"));
    std::unique_ptr<X509, X509Free> cert(X509_new());
    X509_set_version(cert.get(), 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert.get()), 1);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 3600);
    X509_NAME* name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(
        name, "CN", MBSTRING_ASC,
        reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    X509_set_pubkey(cert.get(), key.get());
    X509_sign(cert.get(), key.get(), EVP_sha256());
    std::FILE* c = std::fopen(cert_path_.c_str(), "w");
    PEM_write_X509(c, cert.get());
    std::fclose(c);
    std::FILE* k = std::fopen(key_path_.c_str(), "w");
    PEM_write_PrivateKey(k, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    std::fclose(k);
  }
  ~TempCertificate() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  TempCertificate(const TempCertificate&) = delete;
  TempCertificate& operator=(const TempCertificate&) = delete;

  const std::string& cert_path() const { return cert_path_; }
  const std::string& key_path() const { return key_path_; }

 private:
  std::filesystem::path dir_;
  std::string cert_path_;
  std::string key_path_;
};

}  // namespace tiersim::mocks::testing
