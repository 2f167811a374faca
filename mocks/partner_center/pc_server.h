// PartnerCenterServer: the Partner Center REST API over HTTP, shaped like
// the real one under /v1 (customers, relationships, relationship requests,
// orders, subscriptions, support contacts, MPN profiles), in front of a
// SharedWorld. Endpoints for what the real service only offers in its web
// pages (enrollment, partnership invitations, users...) live under
// /v1/tiersim/ so nobody mistakes them for Microsoft's.
//
// Every /v1 call needs a bearer token (BearerAuthenticator); the caller's
// Partner Center roles are enforced by the core. JSON out is camelCase;
// property names in are matched case-insensitively. Errors are Partner
// Center's {code, description, data, source}. A POST with MS-RequestId is
// idempotent: a retry with the same id (same caller, route and body) gets
// the first answer again and changes nothing; the same id with another body
// is refused (409). MS-CorrelationId is echoed on every response.
//
// Owns its HttpServer; borrows the world, authenticator and plumbing (they
// must outlive it). Start/Stop from one thread; handlers run on the
// server's workers and meet the world only inside SharedWorld::With.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "sim/status.h"

namespace tiersim::mocks {

class NetworkFaults;  // mocks/http/network_faults.h

class SharedWorld;
class BearerAuthenticator;
class Plumbing;
struct HttpServerOptions;

struct PartnerCenterServerOptions {
  std::string host = "127.0.0.1";
  int port = 0;
  int threads = 0;  // event-loop threads (0: one per core, at least 2)
  std::size_t max_body_bytes = 1 << 20;
  // MS-RequestId answers kept per caller (oldest forgotten first; see
  // idempotency.h for the byte bound and how long they are kept).
  std::size_t idempotency_entries_per_caller = 1000;
  // Counts the mail system's messages for /_tiersim/counts (null: the
  // world's own in-memory store, as in process).
  std::function<std::size_t()> email_count;
  // The other servers of this world, served at GET /_tiersim/endpoints so a
  // client given only this server's URL finds the rest (keys: endpoint_keys
  // in mocks/wire/target.h).
  std::vector<std::pair<std::string, std::string>> endpoints;
  // Network faults to inject (borrowed), and the arming of "http.*" fault
  // points through /_tiersim/faults; null: none.
  NetworkFaults* network_faults = nullptr;
};

class PartnerCenterServer {
 public:
  PartnerCenterServer(SharedWorld& world, BearerAuthenticator& auth,
                      Plumbing* plumbing, PartnerCenterServerOptions options);
  ~PartnerCenterServer();
  PartnerCenterServer(const PartnerCenterServer&) = delete;
  PartnerCenterServer& operator=(const PartnerCenterServer&) = delete;

  sim::Status Start();
  void Stop();
  int port() const;
  std::string url() const;
  // Forgets the remembered MS-RequestId answers (call after a reset: they
  // name entities of the old world).
  void ForgetRequests();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tiersim::mocks
