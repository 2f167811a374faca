// NetworkLoadTransport: the load engine's flows over real HTTP — every
// declared Partner Center operation sent asynchronously (Boost.Beast, one
// keep-alive pool per server, on this transport's own io_context) with the
// population's bearer tokens, and mailboxes read through the mail server's
// Mailpit-shaped API. Requests are put together from the operations'
// declarations (mocks/wire/op_wire.h), as the server's routes and the
// synchronous NetworkClient are, so any server speaking tiersim's REST
// shapes can be driven.
//
// Like NetworkClient: a POST carries an MS-RequestId, the same on every
// attempt; an answer of the network (no connection, a timeout, 429 or 5xx
// without a core error code) is retried up to four attempts in all with
// backoff, honouring Retry-After, without blocking the loop; an expired
// token (401 InvalidToken) is renewed once. The core's own answers are
// final and come back as the same sim::Status the in-process transport
// gives. Single-threaded: one transport per engine thread.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>

#include "harness/load/transport.h"
#include "harness/transport/network_client.h"

namespace tiersim::harness::load::net {

struct NetworkTransportOptions {
  std::size_t max_connections = 64;  // per server
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds request_timeout{30000};
  int max_attempts = 4;
};

class NetworkLoadTransport final : public LoadTransport {
 public:
  // Over `client` (signed in as the population is built, and used for
  // synchronous calls). kInvalidArgument when a server's URL is not
  // http://host:port (https targets are not driven asynchronously yet).
  static sim::Result<std::unique_ptr<NetworkLoadTransport>> Create(
      NetworkClient& client, NetworkTransportOptions options);
  ~NetworkLoadTransport() override;

  bool Start(std::size_t op, sim::SessionRef s, const void* request,
             void* result, std::coroutine_handle<> resume) override;
  // Over the network only the newest matching message is fetched, with
  // its text: what the flows read.
  bool StartInbox(const std::string& address, const std::string& query,
                  sim::Result<std::vector<sim::MailView>>* result,
                  std::coroutine_handle<> resume) override;
  void RunUntil(WallClockTime deadline) override;
  sim::Client& client() override;
  sim::WorldControl& control() override;

  struct Stats {
    std::uint64_t requests = 0;     // sent, first attempts
    std::uint64_t retries = 0;      // attempts after a network failure
    std::uint64_t connections = 0;  // opened over the run
    std::uint64_t resent = 0;       // keep-alive races survived
  };
  Stats stats() const;

  struct Impl;

 private:
  explicit NetworkLoadTransport(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tiersim::harness::load::net
