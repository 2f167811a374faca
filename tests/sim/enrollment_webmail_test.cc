// R1 at Enroll now (F1 step 5): a primary contact on a consumer webmail
// domain, a country variant or a subdomain of one, in any case, is refused
// with ConsumerEmailDomain and nothing is created or mailed; a company's own
// domain that merely looks like webmail goes through. The list itself and
// the matching are proved in email_address_test.cc.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

#include "sim/email_address.h"
#include "tests/common/status_matchers.h"
#include "tests/sim/fixture.h"
#include "tests/sim/rule_helpers.h"

namespace tiersim::sim::testing {
namespace {

using ::tiersim::testing::IsOk;

std::string Upper(std::string s) {
  for (char& c : s) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return s;
}

// Capitalises every other letter: "gMaIl.CoM".
std::string Mixed(std::string s) {
  for (std::size_t i = 0; i < s.size(); i += 2) {
    s[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[i])));
  }
  return s;
}

class EnrollmentWebmailTest : public ::testing::Test {
 protected:
  // Steps 1-4 for the applicant `prefix`: a new US work account, its own PMC
  // account signed in and its one active US profile chosen. The details
  // page (step 5) is next.
  EnrollmentId ProfileChosen(const std::string& prefix) {
    const std::uint64_t mpn = next_mpn_++;
    AddPmcProfile(w_, {.prefix = prefix, .mpn = mpn});
    const EnrollmentId e = pc_.StartEnrollment(Program::kIndirectReseller).id;
    EXPECT_THAT(pc_.EnrollCreateWorkAccount(e, {.organization = prefix,
                                                .domain_prefix = prefix,
                                                .country = "US",
                                                .admin_name = "Dana",
                                                .admin_password = kPassword}),
                IsOk());
    EXPECT_THAT(pc_.EnrollSignInPmc(e, prefix + "-pmc", kPassword), IsOk());
    EXPECT_THAT(pc_.EnrollChooseProfile(e, MpnId(mpn)), IsOk());
    return e;
  }

  EnrollmentStep StepOf(EnrollmentId e) { return pc_.GetEnrollment(e)->step; }

  mocks::InProcessWorld w_{{.seed = 21}};
  PartnerCenter& pc_ = w_.pc();
  std::uint64_t next_mpn_ = 4242;
};

TEST_F(EnrollmentWebmailTest, R1_ConsumerWebmailPrimaryContactIsRefused) {
  const auto& domains = ConsumerWebmailDomains();
  for (std::string_view service :
       {"gmail.com", "yahoo.com", "icloud.com", "aol.com", "outlook.com"}) {
    EXPECT_NE(std::find(domains.begin(), domains.end(), service), domains.end())
        << service << " is missing from the consumer webmail list";
  }
  const EnrollmentId e = ProfileChosen("fabrikam");
  const Snapshot before = TakeSnapshot(w_);
  for (std::string_view domain : domains) {
    for (const std::string& spelled :
         {std::string(domain), Upper(std::string(domain)),
          Mixed(std::string(domain))}) {
      auto r = pc_.EnrollSubmit(e, DetailsFor("fabrikam", "dana@" + spelled));
      EXPECT_EQ(r.code(), ErrorCode::kConsumerEmailDomain) << spelled;
      EXPECT_TRUE(Mentions(r.status().message(), domain));
    }
  }
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_EQ(StepOf(e), EnrollmentStep::kProfileChosen);
  // The organisation's own address then works.
  EXPECT_THAT(pc_.EnrollSubmit(e, DetailsFor("fabrikam", "dana@fabrikam.com")),
              IsOk());
}

TEST_F(EnrollmentWebmailTest,
       R1_CountryVariantsAndSubdomainsAreRefusedNamingTheService) {
  const struct {
    std::string_view email;
    std::string_view listed;
    std::string_view service;
  } cases[] = {
      {"owner@outlook.de", "outlook.de", "Outlook Mail"},
      {"Owner@HotMail.Co.UK", "hotmail.co.uk", "Outlook Mail"},
      {"owner@live.fr", "live.fr", "Outlook Mail"},
      {"owner@msn.com", "msn.com", "Outlook Mail"},
      {"owner@yahoo.co.jp", "yahoo.co.jp", "Yahoo! Mail"},
      {"owner@YAHOO.COM.BR", "yahoo.com.br", "Yahoo! Mail"},
      {"someone@mail.yahoo.co.uk", "yahoo.co.uk", "Yahoo! Mail"},
      {"owner@me.com", "me.com", "iCloud Mail"},
      {"owner@aol.co.uk", "aol.co.uk", "AOL Mail"},
      {"owner@googlemail.com", "googlemail.com", "Gmail"},
      {"owner@gmx.de", "gmx.de", "GMX"},
      {"owner@web.de", "web.de", "WEB.DE"},
      {"owner@yandex.ru", "yandex.ru", "Yandex Mail"},
      {"owner@mail.ru", "mail.ru", "Mail.ru"},
      {"owner@proton.me", "proton.me", "Proton Mail"},
      {"owner@vip.qq.com", "qq.com", "QQ Mail"},
      {"owner@163.com", "163.com", "NetEase Mail"},
      {"owner@zohomail.com", "zohomail.com", "Zoho Mail"},
  };
  const EnrollmentId e = ProfileChosen("fabrikam");
  const Snapshot before = TakeSnapshot(w_);
  for (const auto& c : cases) {
    auto r = pc_.EnrollSubmit(e, DetailsFor("fabrikam", std::string(c.email)));
    EXPECT_EQ(r.code(), ErrorCode::kConsumerEmailDomain) << c.email;
    EXPECT_TRUE(Mentions(r.status().message(), c.email));
    EXPECT_TRUE(Mentions(r.status().message(), c.listed));
    EXPECT_TRUE(Mentions(r.status().message(), c.service));
  }
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_EQ(StepOf(e), EnrollmentStep::kProfileChosen);
}

TEST_F(EnrollmentWebmailTest, R1_CompanyDomainsThatLookLikeWebmailAreAccepted) {
  // Each submit that succeeds uses up its enrollment: one applicant each.
  int n = 0;
  for (std::string_view domain :
       {"notgmail.com", "gmail.com.adatum.com", "mail.adatum.com",
        "outlook.adatum.com", "adatum.onmicrosoft.com"}) {
    const std::string prefix = "adatum" + std::to_string(++n);
    const std::string contact = "owner@" + std::string(domain);
    const EnrollmentId e = ProfileChosen(prefix);
    auto partner = pc_.EnrollSubmit(e, DetailsFor(prefix, contact));
    ASSERT_THAT(partner, IsOk()) << contact;
    EXPECT_EQ(StepOf(e), EnrollmentStep::kSubmitted) << contact;
    EXPECT_EQ(*pc_.EnrollmentStatus(*partner),
              EnrollmentState::kPendingVerification)
        << contact;
    // The verification email (R3) goes to the company address.
    EXPECT_FALSE(NewestLink(w_, contact).empty()) << contact;
  }
}

}  // namespace
}  // namespace tiersim::sim::testing
