// LoadTransport: how the load engine's flows reach the services — the
// declared Partner Center operations (sim/ops.h) and the people's
// mailboxes — so that a flow awaits an operation the same way whether it
// completes at once (in process) or later (over the network, on an event
// loop). Single-threaded: one transport per engine thread.
#pragma once

#include <chrono>
#include <coroutine>
#include <cstddef>
#include <string>
#include <vector>

#include "sim/client.h"

namespace tiersim::harness::load {

using WallClockTime = std::chrono::steady_clock::time_point;

class LoadTransport {
 public:
  virtual ~LoadTransport() = default;

  // Starts operation number `op` of ops::PartnerCenterOps; `request` points
  // to its Request, `result` to the Result<Response> to assign. Returns
  // true when the result is already there; otherwise `resume` is resumed
  // once it is.
  virtual bool Start(std::size_t op, sim::SessionRef s, const void* request,
                     void* result, std::coroutine_handle<> resume) = 0;
  // The mailbox of `address` (messages matching `query`, oldest first).
  virtual bool StartInbox(const std::string& address, const std::string& query,
                          sim::Result<std::vector<sim::MailView>>* result,
                          std::coroutine_handle<> resume) = 0;
  // Runs the transport's pending work (completions that resume awaiting
  // iterations) until `deadline`; in process there is none, so it only
  // waits.
  virtual void RunUntil(WallClockTime deadline) = 0;
  // The client the population is built through and scenario templates run
  // on (synchronous calls).
  virtual sim::Client& client() = 0;
  virtual sim::WorldControl& control() = 0;
};

// The in-process transport: every call runs on the world at once.
class InProcessTransport final : public LoadTransport {
 public:
  InProcessTransport(sim::Client& client, sim::WorldControl& control)
      : client_(client), control_(control) {}

  bool Start(std::size_t op, sim::SessionRef s, const void* request,
             void* result, std::coroutine_handle<> resume) override;
  bool StartInbox(const std::string& address, const std::string& query,
                  sim::Result<std::vector<sim::MailView>>* result,
                  std::coroutine_handle<> resume) override;
  void RunUntil(WallClockTime deadline) override;
  sim::Client& client() override { return client_; }
  sim::WorldControl& control() override { return control_; }

  // One operation through the client (sim::OpTable calls it).
  template <typename Op>
  sim::Result<typename Op::Response> Run(sim::SessionRef s,
                                         const typename Op::Request& r) {
    if constexpr (Op::kInfo.access == sim::Access::kSignedIn) {
      return client_.Call<Op>(s, r);
    } else {
      return client_.Call<Op>(r);
    }
  }

 private:
  sim::Client& client_;
  sim::WorldControl& control_;
};

}  // namespace tiersim::harness::load
