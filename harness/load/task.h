// The smallest coroutine the load engine needs: an iteration of a flow is a
// coroutine that starts at once, runs until it awaits an operation that has
// not completed (over the network), and, when it ends, calls the completion
// the engine gave it, then frees itself. In process every operation has
// completed when awaited, so an iteration runs straight through without
// suspending.
#pragma once

#include <coroutine>
#include <exception>
#include <functional>

namespace tiersim::harness::load {

class Iteration {
 public:
  struct promise_type {
    std::function<void()> on_done;
    Iteration get_return_object() {
      return Iteration(
          std::coroutine_handle<promise_type>::from_promise(*this));
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    struct Final {
      bool await_ready() noexcept { return false; }
      void await_suspend(std::coroutine_handle<promise_type> h) noexcept {
        std::function<void()> done = std::move(h.promise().on_done);
        h.destroy();
        if (done) done();
      }
      void await_resume() noexcept {}
    };
    Final final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };

  Iteration(Iteration&& other) noexcept : h_(other.h_) { other.h_ = {}; }
  Iteration(const Iteration&) = delete;
  ~Iteration() {
    if (h_) h_.destroy();  // never started
  }

  // Runs the iteration; `on_done` is called when it ends (perhaps before
  // Start returns).
  void Start(std::function<void()> on_done) {
    auto h = h_;
    h_ = {};
    h.promise().on_done = std::move(on_done);
    h.resume();
  }

 private:
  explicit Iteration(std::coroutine_handle<promise_type> h) : h_(h) {}
  std::coroutine_handle<promise_type> h_;
};

}  // namespace tiersim::harness::load
