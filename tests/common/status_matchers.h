// GoogleTest matchers for sim::Status and sim::Result<T> (IsOk: anything
// with ok()) that print the failure when they fail:
//   EXPECT_THAT(pc.AddUser(s, spec), IsOk());
//   EXPECT_THAT(pc.AddUser(s, spec),
//   StatusIs(sim::ErrorCode::kPermissionDenied));
#pragma once

#include <gmock/gmock.h>

#include <string>

#include "sim/status.h"

namespace tiersim::testing {

namespace internal {

// What a failed value says about itself: the Status of a Status or
// Result<T>, the error of an AadResult, or just "not OK".
template <typename T>
std::string FailureText(const T& value) {
  if constexpr (requires { ::tiersim::sim::internal::AsStatus(value); }) {
    return ::tiersim::sim::internal::AsStatus(value).ToString();
  } else if constexpr (requires { value.error().Description(); }) {
    return value.error().Description();
  } else {
    return "not OK";
  }
}

}  // namespace internal

// Anything with ok(): Status, Result<T>, AadResult<T>, LoadResult.
MATCHER(IsOk, negation ? "is not OK" : "is OK") {
  if (arg.ok()) return true;
  *result_listener << "which is " << internal::FailureText(arg);
  return false;
}

MATCHER_P(StatusIs, code,
          std::string(negation ? "is not " : "is ") +
              std::string(::tiersim::sim::ErrorCodeName(code))) {
  const ::tiersim::sim::Status s = ::tiersim::sim::internal::AsStatus(arg);
  *result_listener << "which is " << (s.ok() ? "OK" : s.ToString());
  return s.code() == code;
}

}  // namespace tiersim::testing
