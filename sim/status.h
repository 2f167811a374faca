// Status and Result<T>: expected failures as values.
//
// Every operation of the core that can fail for a reason a user could cause
// returns Status or Result<T>. A Status carries a stable ErrorCode (see
// error_codes.inc) and a message meant for a person: what was wrong and what
// was expected. Exceptions are never used for these.
//
//   Result<PartnerId> r = pc.enrollment().Submit(...);
//   if (!r.ok()) return r.status();
//   Use(*r);
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace tiersim::sim {

enum class ErrorCode : int {
  kOk = 0,
#define X(name, number, meaning) k##name = number,
#include "sim/error_codes.inc"
#undef X
};

// "InvitationUsed" for kInvitationUsed; "Ok" for kOk.
std::string_view ErrorCodeName(ErrorCode code);
// One sentence on what the code means.
std::string_view ErrorCodeMeaning(ErrorCode code);
// Parses a name as printed by ErrorCodeName.
std::optional<ErrorCode> ErrorCodeFromName(std::string_view name);
// All codes except kOk, in declaration order.
const std::vector<ErrorCode>& AllErrorCodes();

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(ErrorCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "InvitationUsed: the link ... was used on ..."
  std::string ToString() const;

  friend bool operator==(const Status& a, const Status& b) {
    return a.code_ == b.code_ && a.message_ == b.message_;
  }

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

inline Status OkStatus() { return Status(); }
inline Status Error(ErrorCode code, std::string message) {
  return Status(code, std::move(message));
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(v_).ok() && "Result from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  // The error; OK when the result holds a value.
  Status status() const {
    if (ok()) return OkStatus();
    return std::get<Status>(v_);
  }
  ErrorCode code() const {
    return ok() ? ErrorCode::kOk : std::get<Status>(v_).code();
  }

  T& operator*() & { return std::get<T>(v_); }
  const T& operator*() const& { return std::get<T>(v_); }
  T&& operator*() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &std::get<T>(v_); }
  const T* operator->() const { return &std::get<T>(v_); }

 private:
  std::variant<T, Status> v_;
};

namespace internal {
inline Status AsStatus(Status s) { return s; }
template <typename T>
Status AsStatus(const Result<T>& r) {
  return r.status();
}
}  // namespace internal

}  // namespace tiersim::sim

#define TIERSIM_CONCAT_INNER_(a, b) a##b
#define TIERSIM_CONCAT_(a, b) TIERSIM_CONCAT_INNER_(a, b)

// Returns the error of a Status-returning expression.
#define TIERSIM_RETURN_IF_ERROR(expr)                  \
  do {                                                 \
    ::tiersim::sim::Status tiersim_status_ =           \
        ::tiersim::sim::internal::AsStatus((expr));    \
    if (!tiersim_status_.ok()) return tiersim_status_; \
  } while (false)

// TIERSIM_ASSIGN_OR_RETURN(auto x, MakeX()); declares x or returns the error.
#define TIERSIM_ASSIGN_OR_RETURN(lhs, expr)                                  \
  TIERSIM_ASSIGN_OR_RETURN_IMPL_(TIERSIM_CONCAT_(tiersim_r_, __LINE__), lhs, \
                                 expr)
#define TIERSIM_ASSIGN_OR_RETURN_IMPL_(r, lhs, expr) \
  auto r = (expr);                                   \
  if (!r.ok()) return r.status();                    \
  lhs = std::move(*r)
