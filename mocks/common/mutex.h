// Mutexes that clang's thread-safety analysis understands (-Wthread-safety,
// the `tsa` check in scripts/check.sh): members say which mutex guards
// them (TIERSIM_GUARDED_BY), functions what they need held
// (TIERSIM_REQUIRES), and the compiler proves every access holds it. With
// GCC the macros expand to nothing; the types are std::mutex and
// std::shared_mutex underneath, with their semantics and cost.
//
//   mutable Mutex mu_;
//   int count_ TIERSIM_GUARDED_BY(mu_);
//   void Add() { MutexLock lock(mu_); ++count_; }
#pragma once

#include <mutex>
#include <shared_mutex>

#if defined(__clang__)
#define TIERSIM_TSA(x) __attribute__((x))
#else
#define TIERSIM_TSA(x)
#endif

#define TIERSIM_CAPABILITY(name) TIERSIM_TSA(capability(name))
#define TIERSIM_SCOPED_CAPABILITY TIERSIM_TSA(scoped_lockable)
#define TIERSIM_GUARDED_BY(m) TIERSIM_TSA(guarded_by(m))
#define TIERSIM_PT_GUARDED_BY(m) TIERSIM_TSA(pt_guarded_by(m))
#define TIERSIM_REQUIRES(...) TIERSIM_TSA(requires_capability(__VA_ARGS__))
#define TIERSIM_REQUIRES_SHARED(...) \
  TIERSIM_TSA(requires_shared_capability(__VA_ARGS__))
#define TIERSIM_ACQUIRE(...) TIERSIM_TSA(acquire_capability(__VA_ARGS__))
#define TIERSIM_ACQUIRE_SHARED(...) \
  TIERSIM_TSA(acquire_shared_capability(__VA_ARGS__))
#define TIERSIM_RELEASE(...) TIERSIM_TSA(release_capability(__VA_ARGS__))
#define TIERSIM_RELEASE_SHARED(...) \
  TIERSIM_TSA(release_shared_capability(__VA_ARGS__))
#define TIERSIM_RELEASE_GENERIC(...) \
  TIERSIM_TSA(release_generic_capability(__VA_ARGS__))
#define TIERSIM_TRY_ACQUIRE(...) \
  TIERSIM_TSA(try_acquire_capability(__VA_ARGS__))
#define TIERSIM_EXCLUDES(...) TIERSIM_TSA(locks_excluded(__VA_ARGS__))
#define TIERSIM_NO_THREAD_SAFETY_ANALYSIS TIERSIM_TSA(no_thread_safety_analysis)

namespace tiersim {

class TIERSIM_CAPABILITY("mutex") Mutex {
 public:
  void lock() TIERSIM_ACQUIRE() { mu_.lock(); }
  void unlock() TIERSIM_RELEASE() { mu_.unlock(); }
  bool try_lock() TIERSIM_TRY_ACQUIRE(true) { return mu_.try_lock(); }

 private:
  std::mutex mu_;
};

class TIERSIM_CAPABILITY("shared mutex") SharedMutex {
 public:
  void lock() TIERSIM_ACQUIRE() { mu_.lock(); }
  void unlock() TIERSIM_RELEASE() { mu_.unlock(); }
  void lock_shared() TIERSIM_ACQUIRE_SHARED() { mu_.lock_shared(); }
  void unlock_shared() TIERSIM_RELEASE_SHARED() { mu_.unlock_shared(); }

 private:
  std::shared_mutex mu_;
};

// Holds a Mutex (or a SharedMutex exclusively) for its scope.
template <typename M>
class TIERSIM_SCOPED_CAPABILITY BasicLock {
 public:
  explicit BasicLock(M& mu) TIERSIM_ACQUIRE(mu) : mu_(mu) { mu_.lock(); }
  // Adopts a mutex the caller has just locked.
  BasicLock(M& mu, std::adopt_lock_t) TIERSIM_REQUIRES(mu) : mu_(mu) {}
  ~BasicLock() TIERSIM_RELEASE() { mu_.unlock(); }
  BasicLock(const BasicLock&) = delete;
  BasicLock& operator=(const BasicLock&) = delete;

 private:
  M& mu_;
};
using MutexLock = BasicLock<Mutex>;
using WriterLock = BasicLock<SharedMutex>;

// Holds a SharedMutex shared for its scope.
class TIERSIM_SCOPED_CAPABILITY ReaderLock {
 public:
  explicit ReaderLock(SharedMutex& mu) TIERSIM_ACQUIRE_SHARED(mu) : mu_(mu) {
    mu_.lock_shared();
  }
  ~ReaderLock() TIERSIM_RELEASE() { mu_.unlock_shared(); }
  ReaderLock(const ReaderLock&) = delete;
  ReaderLock& operator=(const ReaderLock&) = delete;

 private:
  SharedMutex& mu_;
};

}  // namespace tiersim
