// PmcServer: the Partner Membership Center over HTTP — sign in with a PMC
// account, then list the organisation profiles it owns (MPN ID, legal name,
// country, status). Over the shared world's in-memory PMC.
//
//   POST /v1/signin            {"userName", "password"}
//                              -> {"accessToken", "tokenType", "accountId"}
//   GET  /v1/profiles          Bearer: the account's profiles
//   GET  /v1/profiles/{mpnId}  Bearer: one of them (404 otherwise)
//
// Errors: {"code", "description"} with 400 (bad JSON or fields), 401 (wrong
// password, missing or unknown token), 404 (unknown route or profile), 413.
// Tokens are random, kept in memory, and forgotten on reset. Owns its
// HttpServer; borrows the world and plumbing. Thread-safe handlers.
#pragma once

#include <memory>
#include <string>

#include "sim/status.h"

namespace tiersim::mocks {

class NetworkFaults;  // mocks/http/network_faults.h

class SharedWorld;
class Plumbing;

struct PmcServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;
  int threads = 0;  // event-loop threads (0: one per core, at least 2)
  NetworkFaults* network_faults = nullptr;  // borrowed; null: none
};

// The HTTP status the PMC answers a backend failure with: 400 for bad
// input, 401 for credentials and tokens, 404 for unknown accounts and MPN
// IDs, 409 for a state that forbids it, 503 when unavailable, 500 for the
// rest. The body names the core's code either way.
int PmcHttpStatus(sim::ErrorCode code);

class PmcServer {
 public:
  PmcServer(SharedWorld& world, Plumbing* plumbing, PmcServerOptions options);
  ~PmcServer();
  PmcServer(const PmcServer&) = delete;
  PmcServer& operator=(const PmcServer&) = delete;

  sim::Status Start();
  void Stop();
  int port() const;
  std::string url() const;
  // Forgets every token (called on reset).
  void ForgetSessions();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tiersim::mocks
