// AadServerTest: an AadServer over HTTPS on an ephemeral port, with a
// MemoryAadBackend holding two tenants and a few users, and an
// httplib::SSLClient that trusts only the generated CA (so every test also
// proves the TLS set-up). The CA and the RSA signing key are made once per
// test binary; the server, backend and apps are fresh for each test.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "mocks/aad/aad_server.h"
#include "mocks/aad/protocol/certificates.h"
#include "mocks/aad/protocol/guids.h"
#include "mocks/common/form_encoding.h"
#include "tests/mocks/aad/memory_aad_backend.h"

namespace tiersim::mocks {

inline constexpr std::string_view kAdminUpn = "admin@contoso.onmicrosoft.com";
inline constexpr std::string_view kNewbieUpn = "newbie@contoso.onmicrosoft.com";
inline constexpr std::string_view kFabrikamUpn =
    "owner@fabrikam.onmicrosoft.com";
inline constexpr std::string_view kPassword = "Contoso-2026!";
inline constexpr std::string_view kTemporaryPassword = "Temp-Pass-1";
inline constexpr std::string_view kPcScope =
    "https://api.partnercenter.microsoft.com/user_impersonation";
inline constexpr std::string_view kPcDefault =
    "https://api.partnercenter.microsoft.com/.default";

class AadServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    cert_dir_ = std::filesystem::temp_directory_path() /
                ("tiersim-aad-test-" + std::to_string(::getpid()));
    auto files = GenerateCertificateFiles(cert_dir_);
    ASSERT_TRUE(files.ok()) << files.status().ToString();
    files_ = *files;
    auto key = SigningKey::Generate();
    ASSERT_TRUE(key.ok()) << key.status().ToString();
    key_.emplace(std::move(*key));
  }
  static void TearDownTestSuite() { std::filesystem::remove_all(cert_dir_); }

  void SetUp() override {
    contoso_ = Must(backend_.CreateTenant({.display_name = "Contoso",
                                           .domain = "contoso.onmicrosoft.com",
                                           .country = "US"}));
    fabrikam_ =
        Must(backend_.CreateTenant({.display_name = "Fabrikam",
                                    .domain = "fabrikam.onmicrosoft.com",
                                    .country = "GB"}));
    admin_ = Must(backend_.CreateUser(
        contoso_, {.upn = std::string(kAdminUpn),
                   .display_name = "Ada Admin",
                   .password = std::string(kPassword),
                   .role = sim::DirectoryRole::kGlobalAdmin}));
    backend_.AddRole(admin_, "AdminAgent");
    newbie_ = Must(backend_.CreateUser(
        contoso_, {.upn = std::string(kNewbieUpn),
                   .display_name = "Ned Newbie",
                   .password = std::string(kTemporaryPassword),
                   .password_kind = sim::PasswordKind::kTemporary}));
    fabrikam_owner_ = Must(
        backend_.CreateUser(fabrikam_, {.upn = std::string(kFabrikamUpn),
                                        .display_name = "Fay Owner",
                                        .password = std::string(kPassword)}));
    AadServerOptions options;
    options.http.threads = 4;
    options.http.max_body_bytes = 64 * 1024;
    options.http.tls = TlsFiles{.cert_pem_path = files_.server_pem,
                                .key_pem_path = files_.server_key_pem};
    server_ = std::make_unique<AadServer>(backend_, *key_, options);
    ASSERT_TRUE(server_->Start().ok());
    client_ = NewClient();
  }

  std::unique_ptr<httplib::SSLClient> NewClient() const {
    auto client =
        std::make_unique<httplib::SSLClient>("localhost", server_->port());
    client->set_ca_cert_path(files_.ca_pem.c_str());
    client->enable_server_certificate_verification(true);
    client->set_connection_timeout(5);
    client->set_read_timeout(10);
    // httplib writes headers and body apart; without TCP_NODELAY the body
    // waits 40 ms for the server's delayed ACK.
    client->set_tcp_nodelay(true);
    return client;
  }

  template <typename T>
  static T Must(sim::Result<T> r) {
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : T();
  }

  static FormFields Form(
      std::vector<std::pair<std::string, std::string>> fields) {
    return FormFields(std::move(fields));
  }

  std::string ContosoGuid() const { return TenantGuid(contoso_); }

  httplib::Result PostForm(const std::string& path, const FormFields& form,
                           const httplib::Headers& headers = {}) {
    return client_->Post(path.c_str(), headers, EncodeForm(form),
                         "application/x-www-form-urlencoded");
  }
  // POST /<tenant>/oauth2/v2.0/token.
  httplib::Result Token(const std::string& tenant, const FormFields& form,
                        const httplib::Headers& headers = {}) {
    return PostForm("/" + tenant + "/oauth2/v2.0/token", form, headers);
  }
  httplib::Result PasswordGrant(std::string_view upn, std::string_view password,
                                std::string_view scope,
                                const std::string& tenant = "organizations") {
    return Token(tenant, Form({{"grant_type", "password"},
                               {"client_id", std::string(kTiersimCliClientId)},
                               {"username", std::string(upn)},
                               {"password", std::string(password)},
                               {"scope", std::string(scope)},
                               {"client_info", "1"}}));
  }

  static nlohmann::json Json(const httplib::Result& r) {
    if (!r) return nlohmann::json();
    return nlohmann::json::parse(r->body, nullptr, false);
  }
  // The payload of a JWT, unverified (tests verify separately).
  static nlohmann::json Payload(const std::string& jwt);

  // Checks Azure AD's error shape and returns the body.
  static nlohmann::json ExpectAadError(const httplib::Result& r, int status,
                                       std::string_view error, int code);

  AppCredentials RegisterConfidentialApp(
      std::vector<std::string> roles = {"Orders.ReadWrite"},
      std::vector<std::string> redirect_uris = {}) {
    return Must(server_->RegisterApp(
        NewApp{.tenant = contoso_,
               .display_name = "Contoso billing",
               .roles = std::move(roles),
               .redirect_uris = std::move(redirect_uris)}));
  }

  static inline std::filesystem::path cert_dir_;
  static inline CertificateFiles files_;
  static inline std::optional<SigningKey> key_;

  MemoryAadBackend backend_;
  sim::TenantId contoso_, fabrikam_;
  sim::DirectoryUserId admin_, newbie_, fabrikam_owner_;
  std::unique_ptr<AadServer> server_;
  std::unique_ptr<httplib::SSLClient> client_;
};

}  // namespace tiersim::mocks
