// The one e-mail and domain syntax rule (sim/email_address.h), which the
// core's CheckEmail and the mocks' directory and mail store share.
#include "sim/email_address.h"

#include <gtest/gtest.h>

#include <string>

#include "tests/common/status_matchers.h"

namespace tiersim::sim {
namespace {

using ::tiersim::testing::IsOk;

TEST(EmailAddressTest, DomainNames) {
  struct Case {
    std::string text;
    bool valid;
  };
  const Case cases[] = {
      {.text = "fabrikam.onmicrosoft.com", .valid = true},
      {.text = "a-b.c0.test", .valid = true},
      {.text = "FABRIKAM.Test", .valid = true},
      {.text = std::string(63, 'a') + ".test", .valid = true},
      {.text = "", .valid = false},
      {.text = "localhost", .valid = false},
      {.text = "fabrikam..com", .valid = false},
      {.text = ".fabrikam.com", .valid = false},
      {.text = "fabrikam.com.", .valid = false},
      {.text = "-fab.com", .valid = false},
      {.text = "fab-.com", .valid = false},
      {.text = "fab rikam.com", .valid = false},
      {.text = "fab_rikam.com", .valid = false},
      {.text = "10.0.0.1", .valid = false},
      {.text = "a.", .valid = false},
      {.text = std::string(64, 'a') + ".test", .valid = false},
      {.text = std::string(250, 'a') + ".test", .valid = false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IsDomainName(c.text), c.valid) << "'" << c.text << "'";
  }
}

TEST(EmailAddressTest, OneSyntaxRuleWithItsReason) {
  struct Case {
    std::string email;
    std::string problem;  // empty: valid
  };
  const Case cases[] = {
      {.email = "ada@fabrikam.test", .problem = ""},
      {.email = "ada.lovelace+pc@fabrikam.onmicrosoft.com", .problem = ""},
      {.email = "o'brien@contoso.com", .problem = ""},
      {.email = std::string(64, 'a') + "@fabrikam.test", .problem = ""},
      {.email = "", .problem = "it is empty"},
      {.email = "ada", .problem = "no name before @"},
      {.email = "@fabrikam.test", .problem = "no name before @"},
      {.email = "ada@@fabrikam.test", .problem = "more than one @"},
      {.email = "ada@", .problem = "not a domain name"},
      {.email = "ada@localhost", .problem = "not a domain name"},
      {.email = "ada@fabrikam..test", .problem = "not a domain name"},
      {.email = "ada lovelace@fabrikam.test", .problem = "contains a blank"},
      {.email = "ada<x>@fabrikam.test", .problem = "contains a blank"},
      {.email = "caf\xC3\xA9@fabrikam.test", .problem = "non-ASCII"},
      {.email = "ada..l@fabrikam.test", .problem = "two in a row"},
      {.email = ".ada@fabrikam.test", .problem = "starts or ends with a dot"},
      {.email = "ada.@fabrikam.test", .problem = "starts or ends with a dot"},
      {.email = std::string(65, 'a') + "@fabrikam.test",
       .problem = "longer than 64"},
      {.email = "a@" + std::string(60, 'b') + "." + std::string(60, 'c') + "." +
                std::string(60, 'd') + "." + std::string(70, 'e') + ".test",
       .problem = "longer than 254"},
  };
  for (const Case& c : cases) {
    const auto problem = EmailSyntaxProblem(c.email);
    if (c.problem.empty()) {
      EXPECT_FALSE(problem.has_value()) << c.email << ": " << *problem;
      EXPECT_TRUE(IsEmailAddress(c.email)) << c.email;
      EXPECT_THAT(CheckEmail(c.email, "the email"), IsOk()) << c.email;
    } else {
      ASSERT_TRUE(problem.has_value()) << c.email;
      EXPECT_NE(problem->find(c.problem), std::string_view::npos)
          << c.email << ": " << *problem;
      EXPECT_FALSE(IsEmailAddress(c.email)) << c.email;
      const Status status = CheckEmail(c.email, "the email");
      EXPECT_EQ(status.code(), ErrorCode::kInvalidEmail) << c.email;
      EXPECT_NE(status.message().find(std::string(*problem)), std::string::npos)
          << status.message();
    }
  }
}

}  // namespace
}  // namespace tiersim::sim
