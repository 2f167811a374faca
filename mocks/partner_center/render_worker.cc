#include "mocks/partner_center/render_worker.h"

#include <utility>

namespace tiersim::mocks::pc {

RenderWorker::RenderWorker() : thread_([this] { Run(); }) {}

RenderWorker::~RenderWorker() { Stop(); }

bool RenderWorker::Post(std::function<void()> task) {
  {
    MutexLock lock(mu_);
    if (stopping_ || tasks_.size() >= kMaxPending) return false;
    tasks_.push_back(std::move(task));
  }
  wake_.notify_one();
  return true;
}

void RenderWorker::Stop() {
  {
    MutexLock lock(mu_);
    stopping_ = true;
    tasks_.clear();
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

std::size_t RenderWorker::pending() {
  MutexLock lock(mu_);
  return tasks_.size();
}

void RenderWorker::Run() {
  for (;;) {
    std::function<void()> task;
    {
      MutexLock lock(mu_);
      while (!stopping_ && tasks_.empty()) wake_.wait(mu_);
      if (stopping_) return;
      task = std::move(tasks_.front());
      tasks_.pop_front();
    }
    task();
  }
}

}  // namespace tiersim::mocks::pc
