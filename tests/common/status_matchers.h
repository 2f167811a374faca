// GoogleTest matchers for sim::Status and sim::Result<T> that print the
// status when they fail:
//   EXPECT_THAT(pc.AddUser(s, spec), IsOk());
//   EXPECT_THAT(pc.AddUser(s, spec),
//   StatusIs(sim::ErrorCode::kPermissionDenied));
#pragma once

#include <gmock/gmock.h>

#include <string>

#include "sim/status.h"

namespace tiersim::testing {

MATCHER(IsOk, negation ? "is not OK" : "is OK") {
  const ::tiersim::sim::Status s = ::tiersim::sim::internal::AsStatus(arg);
  if (!s.ok()) *result_listener << "which is " << s.ToString();
  return s.ok();
}

MATCHER_P(StatusIs, code,
          std::string(negation ? "is not " : "is ") +
              std::string(::tiersim::sim::ErrorCodeName(code))) {
  const ::tiersim::sim::Status s = ::tiersim::sim::internal::AsStatus(arg);
  *result_listener << "which is " << (s.ok() ? "OK" : s.ToString());
  return s.code() == code;
}

}  // namespace tiersim::testing
