// Must NOT compile under clang -Wthread-safety -Werror=thread-safety
// (scripts/check.sh, step tsa): proof that the analysis is on and that
// TIERSIM_GUARDED_BY means something. It reads a guarded member without
// holding its mutex.
#include "mocks/common/mutex.h"

namespace {

class Counter {
 public:
  int Racy() const { return count_; }  // the violation

 private:
  mutable tiersim::Mutex mu_;
  int count_ TIERSIM_GUARDED_BY(mu_) = 0;
};

}  // namespace

int main() { return Counter().Racy(); }
