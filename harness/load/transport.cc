#include "harness/load/transport.h"

#include <thread>

namespace tiersim::harness::load {

bool InProcessTransport::Start(std::size_t op, sim::SessionRef s,
                               const void* request, void* result,
                               std::coroutine_handle<> /*resume*/) {
  sim::OpTable<InProcessTransport>::Invoke(*this, op, s, request, result);
  return true;
}

bool InProcessTransport::StartInbox(
    const std::string& address, const std::string& query,
    sim::Result<std::vector<sim::MailView>>* result,
    std::coroutine_handle<> /*resume*/) {
  *result = client_.Inbox(address, query);
  return true;
}

void InProcessTransport::RunUntil(WallClockTime deadline) {
  // Sleeping wakes up to a millisecond late; the last stretch is spun so
  // arrivals start on time (the generator's lateness would otherwise show
  // in every latency, measured from the intended start).
  constexpr auto kSpin = std::chrono::microseconds(300);
  const auto now = std::chrono::steady_clock::now();
  if (deadline - now > kSpin) std::this_thread::sleep_until(deadline - kSpin);
  while (std::chrono::steady_clock::now() < deadline) {
    std::this_thread::yield();
  }
}

}  // namespace tiersim::harness::load
