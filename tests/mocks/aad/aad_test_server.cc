// aad_test_server: the Azure AD server over HTTPS on its own, for real
// clients (tests/e2e/aad_clients_test.py) and the token benchmark
// (scripts/bench_token.sh).
//
//   aad_test_server [--port N] [--threads N] [--keep-alive SECONDS]
//                   [--dir DIR] [--frozen-clock]
//
// Generates a CA and server certificate into DIR (by default a fresh
// temporary directory, removed at exit), seeds one tenant
// (contoso.onmicrosoft.com) with a global admin, two users with temporary
// passwords and a confidential app, starts serving, prints one JSON line
// describing all that on stdout
// ({"url", "ca", "tenant", "clientId", "clientSecret", users...}), and
// exits when stdin reaches end of file. The virtual clock follows the wall
// clock (so clients that check token times against their own clock accept
// them) unless --frozen-clock pins it at 2026-01-01T00:00:00Z; POST
// /_tiersim/clock {"advance":"2h"} moves it either way.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "mocks/aad/aad_server.h"
#include "mocks/aad/protocol/certificates.h"
#include "mocks/aad/protocol/guids.h"
#include "tests/mocks/aad/memory_aad_backend.h"

namespace tiersim::mocks {
namespace {

constexpr const char* kAdmin = "admin@contoso.onmicrosoft.com";
constexpr const char* kNewbie = "newbie@contoso.onmicrosoft.com";
constexpr const char* kTrainee = "trainee@contoso.onmicrosoft.com";
constexpr const char* kPassword = "Contoso-2026!";
constexpr const char* kTemporary = "Temp-Pass-1";

// Plumbing for a server whose world is the backend alone.
class TestPlumbing final : public Plumbing {
 public:
  explicit TestPlumbing(MemoryAadBackend& backend) : backend_(backend) {}
  void set_server(AadServer* server) { server_ = server; }

  bool Ready() override { return true; }
  sim::Status Reset(std::optional<std::uint64_t>) override {
    if (server_ != nullptr) server_->ResetState();
    return sim::OkStatus();
  }
  ClockState Clock() override {
    return ClockState{
        .now = backend_.Now(), .origin = backend_.Now(), .speed = 0};
  }
  sim::Status Advance(sim::Duration d) override {
    if (d.count() < 0) {
      return sim::Status(sim::ErrorCode::kInvalidArgument,
                         "cannot go back in time");
    }
    backend_.Advance(d);
    return sim::OkStatus();
  }
  sim::Status SetSpeed(double speed) override {
    if (speed != 0) {
      return sim::Status(sim::ErrorCode::kInvalidArgument,
                         "the test server's clock does not run on its own");
    }
    return sim::OkStatus();
  }

 private:
  MemoryAadBackend& backend_;
  AadServer* server_ = nullptr;
};

int Fail(const std::string& what) {
  std::fprintf(stderr, "aad_test_server: %s\n", what.c_str());
  return 1;
}

int Main(int argc, char** argv) {
  int port = 0;
  int threads = 0;  // one per core, at least 2
  int keep_alive = 30;
  bool frozen = false;
  std::string dir;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--port" && has_value) {
      port = std::atoi(argv[++i]);
    } else if (arg == "--threads" && has_value) {
      threads = std::atoi(argv[++i]);
    } else if (arg == "--keep-alive" && has_value) {
      keep_alive = std::atoi(argv[++i]);
    } else if (arg == "--dir" && has_value) {
      dir = argv[++i];
    } else if (arg == "--frozen-clock") {
      frozen = true;
    } else {
      return Fail(
          "usage: aad_test_server [--port N] [--threads N] "
          "[--keep-alive SECONDS] [--dir DIR] [--frozen-clock]");
    }
  }
  const bool own_dir = dir.empty();
  if (own_dir) {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "tiersim-aad-XXXXXX")
            .string();
    if (::mkdtemp(pattern.data()) == nullptr) return Fail("mkdtemp failed");
    dir = pattern;
  }
  // A directory we made is ours to remove when we exit.
  struct RemoveDir {
    std::string path;
    ~RemoveDir() {
      std::error_code ec;
      if (!path.empty()) std::filesystem::remove_all(path, ec);
    }
  } remove_dir{own_dir ? dir : std::string()};
  auto files = GenerateCertificateFiles(dir);
  if (!files.ok()) return Fail(files.status().ToString());
  auto key = SigningKey::Generate();
  if (!key.ok()) return Fail(key.status().ToString());

  MemoryAadBackend backend;
  if (!frozen) backend.FollowWallClock();
  auto tenant = backend.CreateTenant({.display_name = "Contoso",
                                      .domain = "contoso.onmicrosoft.com",
                                      .country = "US"});
  if (!tenant.ok()) return Fail(tenant.status().ToString());
  auto admin =
      backend.CreateUser(*tenant, {.upn = kAdmin,
                                   .display_name = "Ada Admin",
                                   .password = kPassword,
                                   .role = sim::DirectoryRole::kGlobalAdmin});
  if (!admin.ok()) return Fail(admin.status().ToString());
  backend.AddRole(*admin, "AdminAgent");
  auto newbie = backend.CreateUser(
      *tenant, {.upn = kNewbie,
                .display_name = "Ned Newbie",
                .password = kTemporary,
                .password_kind = sim::PasswordKind::kTemporary});
  if (!newbie.ok()) return Fail(newbie.status().ToString());
  auto trainee = backend.CreateUser(
      *tenant, {.upn = kTrainee,
                .display_name = "Tess Trainee",
                .password = kTemporary,
                .password_kind = sim::PasswordKind::kTemporary});
  if (!trainee.ok()) return Fail(trainee.status().ToString());

  TestPlumbing plumbing(backend);
  AadServerOptions options;
  options.http.port = port;
  options.http.threads = threads;
  // Idle keep-alive connections are closed after this.
  options.http.idle_timeout = std::chrono::seconds(keep_alive);
  options.http.tls = TlsFiles{.cert_pem_path = files->server_pem,
                              .key_pem_path = files->server_key_pem};
  AadServer server(backend, *key, options, &plumbing);
  plumbing.set_server(&server);
  auto app = server.RegisterApp(
      NewApp{.tenant = *tenant,
             .display_name = "Contoso billing",
             .roles = {"Orders.ReadWrite"},
             .redirect_uris = {"http://localhost/callback"}});
  if (!app.ok()) return Fail(app.status().ToString());
  if (auto s = server.Start(); !s.ok()) return Fail(s.ToString());

  const nlohmann::json info{
      {"url", server.url()},
      {"ca", files->ca_pem},
      {"dir", dir},
      {"tenant", TenantGuid(*tenant)},
      {"domain", "contoso.onmicrosoft.com"},
      {"publicClientId", kTiersimCliClientId},
      {"clientId", app->client_id},
      {"clientSecret", app->client_secret},
      {"admin", {{"userName", kAdmin}, {"password", kPassword}}},
      {"newbie", {{"userName", kNewbie}, {"password", kTemporary}}},
      {"trainee", {{"userName", kTrainee}, {"password", kTemporary}}},
  };
  std::cout << info.dump() << std::endl;
  // Serve until whoever started us closes our stdin.
  for (std::string line; std::getline(std::cin, line);) {
  }
  server.Stop();
  return 0;
}

}  // namespace
}  // namespace tiersim::mocks

int main(int argc, char** argv) { return tiersim::mocks::Main(argc, argv); }
