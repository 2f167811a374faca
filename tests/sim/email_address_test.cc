// The one e-mail and domain syntax rule (sim/email_address.h), which the
// core's CheckEmail and the mocks' directory and mail store share, and R1's
// consumer webmail list (sim/data/consumer_webmail_domains.txt) and how an
// address is matched against it. tests/sim/enrollment_webmail_test.cc proves
// R1 at Enroll now.
#include "sim/email_address.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>

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

TEST(ConsumerWebmailTest, R1_ListHoldsLowercaseDomainsOnceEach) {
  const auto& domains = ConsumerWebmailDomains();
  EXPECT_GT(domains.size(), 200u);
  std::set<std::string_view> seen;
  for (std::string_view domain : domains) {
    EXPECT_TRUE(IsDomainName(domain)) << "'" << domain << "'";
    EXPECT_EQ(AsciiLower(domain), domain);
    EXPECT_TRUE(seen.insert(domain).second) << domain << " is listed twice";
    const auto found = FindConsumerWebmail("owner@" + std::string(domain));
    ASSERT_TRUE(found.has_value()) << domain;
    EXPECT_EQ(found->domain, domain);
    EXPECT_FALSE(found->service.empty()) << domain;
  }
  // No line is a subdomain of another: it would be refused anyway.
  for (std::string_view domain : domains) {
    for (auto dot = domain.find('.'); dot != std::string_view::npos;
         dot = domain.find('.', dot + 1)) {
      EXPECT_FALSE(seen.contains(domain.substr(dot + 1)))
          << domain << " is under " << domain.substr(dot + 1);
    }
  }
}

TEST(ConsumerWebmailTest, R1_ListCoversTheFiveServicesAndTheOtherMajorOnes) {
  struct Case {
    std::string_view domain;
    std::string_view service;
  };
  const Case cases[] = {
      {"gmail.com", "Gmail"},
      {"googlemail.com", "Gmail"},
      {"yahoo.com", "Yahoo! Mail"},
      {"ymail.com", "Yahoo! Mail"},
      {"rocketmail.com", "Yahoo! Mail"},
      {"yahoo.co.uk", "Yahoo! Mail"},
      {"yahoo.co.jp", "Yahoo! Mail"},
      {"yahoo.com.br", "Yahoo! Mail"},
      {"yahoo.com.au", "Yahoo! Mail"},
      {"yahoo.de", "Yahoo! Mail"},
      {"yahoo.co.in", "Yahoo! Mail"},
      {"icloud.com", "iCloud Mail"},
      {"me.com", "iCloud Mail"},
      {"mac.com", "iCloud Mail"},
      {"aol.com", "AOL Mail"},
      {"aim.com", "AOL Mail"},
      {"aol.co.uk", "AOL Mail"},
      {"aol.de", "AOL Mail"},
      {"love.com", "AOL Mail"},
      {"outlook.com", "Outlook Mail"},
      {"hotmail.com", "Outlook Mail"},
      {"live.com", "Outlook Mail"},
      {"msn.com", "Outlook Mail"},
      {"passport.com", "Outlook Mail"},
      {"windowslive.com", "Outlook Mail"},
      {"outlook.de", "Outlook Mail"},
      {"outlook.jp", "Outlook Mail"},
      {"outlook.com.br", "Outlook Mail"},
      {"hotmail.co.uk", "Outlook Mail"},
      {"hotmail.fr", "Outlook Mail"},
      {"hotmail.co.jp", "Outlook Mail"},
      {"live.fr", "Outlook Mail"},
      {"live.co.uk", "Outlook Mail"},
      {"live.com.au", "Outlook Mail"},
      {"gmx.de", "GMX"},
      {"gmx.net", "GMX"},
      {"gmx.com", "GMX"},
      {"web.de", "WEB.DE"},
      {"mail.com", "mail.com"},
      {"yandex.ru", "Yandex Mail"},
      {"ya.ru", "Yandex Mail"},
      {"mail.ru", "Mail.ru"},
      {"inbox.ru", "Mail.ru"},
      {"proton.me", "Proton Mail"},
      {"protonmail.com", "Proton Mail"},
      {"tutanota.com", "Tuta Mail"},
      {"fastmail.com", "Fastmail"},
      {"zohomail.com", "Zoho Mail"},
      {"qq.com", "QQ Mail"},
      {"163.com", "NetEase Mail"},
      {"sina.com", "Sina Mail"},
      {"naver.com", "Naver Mail"},
      {"hanmail.net", "Daum Mail"},
      {"rediffmail.com", "Rediffmail"},
      {"seznam.cz", "Seznam Email"},
      {"libero.it", "Libero Mail"},
      {"orange.fr", "Orange Mail"},
      {"t-online.de", "T-Online Mail"},
      {"free.fr", "Free"},
      {"laposte.net", "La Poste Mail"},
      {"virgilio.it", "Virgilio Mail"},
      {"interia.pl", "Interia Poczta"},
      {"wp.pl", "WP Poczta"},
      {"rambler.ru", "Rambler Mail"},
      {"ukr.net", "UKR.NET"},
      {"hushmail.com", "Hushmail"},
  };
  for (const Case& c : cases) {
    const auto found = FindConsumerWebmail("owner@" + std::string(c.domain));
    ASSERT_TRUE(found.has_value()) << c.domain << " is not listed";
    EXPECT_EQ(found->domain, c.domain);
    EXPECT_EQ(found->service, c.service) << c.domain;
  }
}

TEST(ConsumerWebmailTest, R1_DomainMatchesInAnyCaseAndWithATrailingDot) {
  const auto found = FindConsumerWebmail("Owner@HotMail.Co.UK");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->domain, "hotmail.co.uk");
  EXPECT_EQ(found->service, "Outlook Mail");
  EXPECT_TRUE(IsConsumerWebmail("OWNER@GMAIL.COM"));
  EXPECT_TRUE(IsConsumerWebmail("owner@Yahoo.Co.JP"));
  EXPECT_TRUE(IsConsumerWebmail("owner@gmail.com."));
}

TEST(ConsumerWebmailTest, R1_SubdomainsOfAListedDomainAreRefused) {
  const struct {
    std::string_view email;
    std::string_view listed;
  } cases[] = {
      {"someone@mail.yahoo.co.uk", "yahoo.co.uk"},
      {"someone@Mail.Yahoo.Co.UK", "yahoo.co.uk"},
      {"someone@eu.outlook.com", "outlook.com"},
      {"someone@a.b.gmx.de", "gmx.de"},
      {"someone@vip.163.com", "163.com"},
      {"someone@vip.qq.com", "qq.com"},
  };
  for (const auto& c : cases) {
    const auto found = FindConsumerWebmail(c.email);
    ASSERT_TRUE(found.has_value()) << c.email;
    EXPECT_EQ(found->domain, c.listed) << c.email;
  }
}

TEST(ConsumerWebmailTest, R1_CompanyDomainsThatLookLikeWebmailAreAccepted) {
  for (std::string_view email : {
           "owner@notgmail.com",
           "owner@gmail.com.adatum.com",
           "owner@mail.adatum.com",  // mail.com is listed; adatum.com is not
           "owner@email.adatum.com",
           "owner@outlook.adatum.com",
           "owner@hotmail.adatum.co.uk",
           "owner@yahoo.adatum.com",
           "owner@adatum.onmicrosoft.com",
           "owner@adatum-live.com",
           "owner@zoho.com",  // Zoho's company domain; zohomail.com is listed
           "owner@gmail",
           "owner@com",
           "gmail.com",
           "",
       }) {
    EXPECT_FALSE(IsConsumerWebmail(email)) << email;
  }
}

}  // namespace
}  // namespace tiersim::sim
