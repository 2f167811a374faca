// A thread that writes large replies (a list of thousands) so the HTTP
// server's event-loop threads do not: while one is written, the loop's
// other connections are still served. At most kMaxPending wait; Post
// refuses more, and the caller then writes the reply itself, so a client
// asking for many long lists at once holds at most that many copies.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <thread>

#include "mocks/common/mutex.h"

namespace tiersim::mocks::pc {

class RenderWorker {
 public:
  static constexpr std::size_t kMaxPending = 4;

  RenderWorker();
  ~RenderWorker();  // Stop()
  RenderWorker(const RenderWorker&) = delete;
  RenderWorker& operator=(const RenderWorker&) = delete;

  // Runs `task` on the worker; false (and `task` dropped) when kMaxPending
  // already wait or the worker stopped.
  bool Post(std::function<void()> task) TIERSIM_EXCLUDES(mu_);
  // Lets the task under way finish, drops those waiting (their
  // connections are gone with the server), and joins. Idempotent.
  void Stop() TIERSIM_EXCLUDES(mu_);
  // Tasks waiting (not the one under way).
  std::size_t pending() TIERSIM_EXCLUDES(mu_);

 private:
  void Run() TIERSIM_EXCLUDES(mu_);

  Mutex mu_;
  std::condition_variable_any wake_;
  std::deque<std::function<void()>> tasks_ TIERSIM_GUARDED_BY(mu_);
  bool stopping_ TIERSIM_GUARDED_BY(mu_) = false;
  std::thread thread_;  // last: starts once the rest exists
};

}  // namespace tiersim::mocks::pc
