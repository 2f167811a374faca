// The one mapping between the core's codes and AADSTS codes (the server's
// FromStatus and the network client's ErrorCodeForAadsts) read both ways.
#include "mocks/aad/protocol/aadsts_errors.h"

#include <gtest/gtest.h>

namespace tiersim::mocks {
namespace {

using sim::ErrorCode;

TEST(AadstsErrorsTest, EachMappedCodeReadsBackAsItself) {
  struct Case {
    ErrorCode code;
    int aadsts;
    std::string error;
  };
  const Case cases[] = {
      {ErrorCode::kInvalidCredentials, 50126, "invalid_grant"},
      {ErrorCode::kPasswordChangeRequired, 50055, "invalid_grant"},
      {ErrorCode::kWeakPassword, 120002, "invalid_request"},
      {ErrorCode::kUnknownTenant, 90002, "invalid_request"},
  };
  for (const Case& c : cases) {
    const AadError sent = FromStatus(sim::Error(c.code, "why"));
    EXPECT_EQ(sent.code, c.aadsts) << sim::ErrorCodeName(c.code);
    EXPECT_EQ(sent.error, c.error) << sim::ErrorCodeName(c.code);
    EXPECT_EQ(ErrorCodeForAadsts(sent.code), c.code) << sent.code;
  }
}

TEST(AadstsErrorsTest, OtherFailuresAreServiceErrors) {
  EXPECT_EQ(FromStatus(sim::Error(ErrorCode::kUnavailable, "down")).http_status,
            503);
  const AadError internal = FromStatus(sim::Error(ErrorCode::kInternal, "x"));
  EXPECT_EQ(internal.http_status, 500);
  EXPECT_EQ(ErrorCodeForAadsts(internal.code), ErrorCode::kInvalidArgument);
}

TEST(AadstsErrorsTest, UnknownUserReadsBackAsInvalidCredentials) {
  EXPECT_EQ(ErrorCodeForAadsts(aadsts::UserNotInTenant("a@b.test", "t").code),
            ErrorCode::kInvalidCredentials);
  EXPECT_EQ(ErrorCodeForAadsts(70011), ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace tiersim::mocks
