// ServedWorld: one simulated world behind every real server — what
// `tiersim serve` runs and what `tiersim run --transport http` starts in
// process when it has no --target.
//
//   Azure AD        HTTPS, a CA and certificate generated at start
//   Partner Center  HTTP, REST under /v1 (+ /v1/tiersim, /_tiersim)
//   PMC             HTTP
//   Mail            SMTP (the core's outgoing mail goes through it, via a
//                   real SMTP client) + a Mailpit-shaped HTTP API
//
// Every HTTP server also has /livez, /readyz, /_tiersim/reset and
// /_tiersim/clock, which act on the whole world. Ports 0 are ephemeral.
//
// Ownership: owns everything; Start() builds and starts the servers in
// dependency order, Stop() (and the destructor) stops them in reverse.
// Start/Stop from one thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "mocks/wire/target.h"
#include "sim/status.h"
#include "sim/time.h"

namespace tiersim::mocks {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int partner_center_port = 0;
  int aad_port = 0;
  int pmc_port = 0;
  int smtp_port = 0;
  int mail_api_port = 0;
  std::uint64_t seed = 1;
  // Where virtual time starts (and restarts on reset). `tiersim serve`
  // passes the wall clock's now: real clients (MSAL) check ID tokens'
  // expiry against their own clock. Runs that must be reproducible keep
  // the default epoch.
  sim::SimTime start = sim::kDefaultEpoch;
  double clock_speed = 0;  // virtual seconds per wall second; 0: manual
  // Where ca.pem, server.pem and server-key.pem are written. Empty: a new
  // directory under the system's temporary directory.
  std::string certificate_dir;
  // Event-loop threads per HTTP server (connections cost no thread);
  // 0: one per core, at least 2.
  int http_threads = 0;
};

class ServedWorld {
 public:
  explicit ServedWorld(ServeOptions options);
  ~ServedWorld();
  ServedWorld(const ServedWorld&) = delete;
  ServedWorld& operator=(const ServedWorld&) = delete;

  // kUnavailable naming the server that could not start (port in use...).
  sim::Status Start();
  void Stop();

  std::string partner_center_url() const;
  std::string aad_url() const;
  std::string pmc_url() const;
  std::string mail_api_url() const;
  int smtp_port() const;
  std::string ca_file() const;
  // What a NetworkClient needs to reach this world.
  NetworkTarget target() const;

 private:
  struct Parts;

  // Start's stages, in order; each fills its part of `p` or says what failed.

  // Certificates and the token signing key.
  sim::Status MakeKeys(Parts& p) const;
  // The mail service, its SMTP server and the core's SMTP sender.
  sim::Status StartMail(Parts& p) const;
  // The shared world (its clock speed set) and its plumbing.
  sim::Status MakeWorld(Parts& p) const;
  // The Mailpit-shaped mail API.
  sim::Status StartMailApi(Parts& p) const;
  // Azure AD over HTTPS.
  sim::Status StartAad(Parts& p) const;
  // Partner Center's token checks and its REST server (after PMC).
  sim::Status StartPartnerCenter(Parts& p) const;

  ServeOptions options_;
  std::unique_ptr<Parts> parts_;
};

}  // namespace tiersim::mocks
