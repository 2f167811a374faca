// F2 provider listing and R27 (changes go live 2-3 weeks later), F10 users
// with R23 (temporary password shown once), R30 (what every email carries),
// and determinism: the same seed gives the same world.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "sim/links.h"
#include "tests/common/status_matchers.h"
#include "tests/sim/fixture.h"
#include "tests/sim/rule_helpers.h"

namespace tiersim::sim::testing {
namespace {

using ::tiersim::testing::IsOk;

std::vector<std::string> Names(const std::vector<ProviderListing>& listings) {
  std::vector<std::string> out;
  for (const ProviderListing& l : listings) out.push_back(l.company_name);
  return out;
}

class ListingUsersTest : public ::testing::Test {
 protected:
  TwoTierWorld t_;
  PartnerCenter& pc_ = t_.pc;
  mocks::InProcessWorld& w_ = t_.world;
};

TEST_F(ListingUsersTest, F2_ResellersFindProvidersByNameAndLocation) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Names(pc_.SearchProviders("contoso", "")),
            V{"Contoso Distribution"});
  EXPECT_EQ(Names(pc_.SearchProviders("DISTRIBUTION", "us")),
            V{"Contoso Distribution"});
  EXPECT_TRUE(pc_.SearchProviders("fabrikam", "").empty());  // a reseller
  EXPECT_TRUE(pc_.SearchProviders("contoso", "Europe").empty());
  EXPECT_EQ(pc_.Listing(t_.fabrikam_admin).code(), ErrorCode::kNotAProvider);
}

TEST_F(ListingUsersTest, R27_ListingChangeGoesLiveTwoToThreeWeeksLater) {
  const SimTime filed_at = w_.kernel().Now();
  auto request = pc_.RequestListingChange(
      t_.contoso_admin, {.company_name = "Contoso Cloud Services",
                         .logo_url = "https://contoso.example/logo.png",
                         .targets = {{.location = "Europe",
                                      .url = "https://contoso.example/eu"}}});
  ASSERT_THAT(request, IsOk());
  w_.kernel().scheduler().AdvanceBy(Days(13));
  EXPECT_EQ(pc_.Listing(t_.contoso_admin)->company_name,
            "Contoso Distribution");
  EXPECT_TRUE(pc_.SearchProviders("cloud services", "").empty());
  EXPECT_TRUE(pc_.SearchProviders("", "Europe").empty());

  w_.kernel().scheduler().AdvanceBy(Days(8));  // 21 days after filing
  auto listing = pc_.Listing(t_.contoso_admin);
  EXPECT_EQ(listing->company_name, "Contoso Cloud Services");
  EXPECT_EQ(listing->logo_url, "https://contoso.example/logo.png");
  ASSERT_EQ(listing->targets.size(), 2u);  // US kept, Europe added
  EXPECT_EQ(listing->targets[1].url, "https://contoso.example/eu");
  EXPECT_EQ(Names(pc_.SearchProviders("CLOUD", "")),
            std::vector<std::string>{"Contoso Cloud Services"});
  EXPECT_EQ(pc_.SearchProviders("", "europe").size(), 1u);
  EXPECT_EQ(pc_.SearchProviders("", "US").size(), 1u);
  EXPECT_TRUE(pc_.SearchProviders("", "Asia").empty());
  const SupportRequest& r = pc_.store().support_requests[request->value() - 1];
  EXPECT_EQ(r.state, SupportState::kResolved);
  EXPECT_GE(r.resolves_at - filed_at, Days(14));
  EXPECT_LE(r.resolves_at - filed_at, Days(21));
}

TEST_F(ListingUsersTest, R27_LaterChangeKeepsAnEarlierChangeThatWentLive) {
  ASSERT_THAT(pc_.RequestListingChange(t_.contoso_admin,
                                       {.company_name = "Contoso Cloud"}),
              IsOk());
  w_.kernel().scheduler().AdvanceBy(Days(7));
  // Filed before the first went live; goes live after it (21-28 days).
  ASSERT_THAT(
      pc_.RequestListingChange(
          t_.contoso_admin, {.logo_url = "https://contoso.example/logo.png"}),
      IsOk());
  w_.kernel().scheduler().AdvanceBy(Days(21));
  auto listing = pc_.Listing(t_.contoso_admin);
  EXPECT_EQ(listing->company_name, "Contoso Cloud");
  EXPECT_EQ(listing->logo_url, "https://contoso.example/logo.png");
}

TEST_F(ListingUsersTest, R27_InvalidListingChangeIsRefused) {
  const Snapshot before = TakeSnapshot(w_);
  const std::size_t pending = w_.kernel().scheduler().pending();
  EXPECT_EQ(pc_.RequestListingChange(t_.contoso_admin, {}).code(),
            ErrorCode::kInvalidArgument);
  auto logo = pc_.RequestListingChange(
      t_.contoso_admin, {.logo_url = "http://contoso.example/logo.png"});
  EXPECT_EQ(logo.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(Mentions(logo.status().message(), "https://"));
  EXPECT_EQ(pc_.RequestListingChange(
                   t_.contoso_admin,
                   {.targets = {{.location = "", .url = "https://x.example"}}})
                .code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(pc_.RequestListingChange(t_.fabrikam_admin,
                                     {.company_name = "Fabrikam Cloud"})
                .code(),
            ErrorCode::kNotAProvider);
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_EQ(w_.kernel().scheduler().pending(), pending);
}

TEST_F(ListingUsersTest, R27_OneRequestChangesTheUrlOfSeveralLocations) {
  const Snapshot before = TakeSnapshot(w_);
  // A location named twice (in any case) is ambiguous: refused whole.
  Status twice = pc_.RequestListingChange(
                        t_.contoso_admin,
                        {.targets = {{.location = "DE",
                                      .url = "https://contoso.example/de"},
                                     {.location = "de",
                                      .url = "https://contoso.example/at"}}})
                     .status();
  EXPECT_EQ(twice.code(), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(Mentions(twice.message(), "'de' is given twice"));
  EXPECT_EQ(TakeSnapshot(w_), before);
  ASSERT_THAT(
      pc_.RequestListingChange(
          t_.contoso_admin,
          {.targets = {{.location = "DE", .url = "https://contoso.example/de"},
                       {.location = "FR", .url = "https://contoso.example/fr"},
                       {.location = "US",
                        .url = "https://contoso.example/us2"}}}),
      IsOk());
  w_.kernel().scheduler().AdvanceBy(Days(21));
  auto listing = pc_.Listing(t_.contoso_admin);
  ASSERT_THAT(listing, IsOk());
  std::vector<std::string> urls;
  for (const LocationTarget& t : listing->targets) {
    urls.push_back(t.location + " " + t.url);
  }
  EXPECT_THAT(urls,
              ::testing::UnorderedElementsAre("US https://contoso.example/us2",
                                              "DE https://contoso.example/de",
                                              "FR https://contoso.example/fr"));
  EXPECT_EQ(pc_.SearchProviders("", "FR").size(), 1u);
}

TEST_F(ListingUsersTest, F10_NewUserChangesTemporaryPasswordAtFirstSignIn) {
  auto added =
      pc_.AddUser(t_.contoso_admin, {.full_name = "Hana Agent",
                                     .email = "hana@contoso.onmicrosoft.com",
                                     .agent = AgentRole::kHelpdeskAgent});
  ASSERT_THAT(added, IsOk());
  EXPECT_EQ(added->sign_in_name, "hana@contoso.onmicrosoft.com");
  auto temporary = pc_.RevealPassword(t_.contoso_admin, added->password);
  ASSERT_THAT(temporary, IsOk());
  // R30: the welcome email names the sign-in name, never the password.
  const mocks::StoredMessage* m = w_.mail().Latest(added->sign_in_name);
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->email.kind, "user-welcome");
  EXPECT_TRUE(Mentions(m->email.text, "Sign-in name: " + added->sign_in_name));
  EXPECT_EQ(m->email.text.find(*temporary), std::string::npos);
  EXPECT_EQ(m->email.subject.find(*temporary), std::string::npos);

  const std::string upn = added->sign_in_name;
  EXPECT_EQ(pc_.SignIn(upn, *temporary).code(),
            ErrorCode::kPasswordChangeRequired);
  const Snapshot before = TakeSnapshot(w_);
  for (const char* weak : {"short1A", "alllowercase", "ALLUPPER1234"}) {
    EXPECT_EQ(pc_.ChangePassword(upn, *temporary, weak).code(),
              ErrorCode::kWeakPassword)
        << weak;
  }
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_EQ(pc_.SignIn(upn, *temporary).code(),
            ErrorCode::kPasswordChangeRequired);
  ASSERT_THAT(pc_.ChangePassword(upn, *temporary, kNewPassword), IsOk());
  auto session = pc_.SignIn(upn, kNewPassword);
  ASSERT_THAT(session, IsOk());
  auto me = pc_.Me(*session);
  EXPECT_EQ(me->full_name, "Hana Agent");
  EXPECT_EQ(me->agent, AgentRole::kHelpdeskAgent);
  EXPECT_EQ(me->admin, AdminRole::kNone);
  EXPECT_EQ(pc_.SignIn(upn, *temporary).code(), ErrorCode::kInvalidCredentials);
}

TEST_F(ListingUsersTest, F10_DuplicateEmailIsRefused) {
  ASSERT_THAT(pc_.AddUser(t_.contoso_admin, {.full_name = "Hana",
                                             .email = "hana@contoso.example"}),
              IsOk());
  const Snapshot before = TakeSnapshot(w_);
  for (const std::string& email :
       {std::string("HANA@Contoso.Example"), t_.contoso.admin_upn}) {
    auto r =
        pc_.AddUser(t_.contoso_admin, {.full_name = "Again", .email = email});
    EXPECT_EQ(r.code(), ErrorCode::kDuplicateEmail) << email;
    EXPECT_TRUE(Mentions(r.status().message(), email));
  }
  // Unique across organisations too.
  EXPECT_EQ(pc_.AddUser(t_.fabrikam_admin,
                        {.full_name = "Hana", .email = "hana@contoso.example"})
                .code(),
            ErrorCode::kDuplicateEmail);
  EXPECT_EQ(TakeSnapshot(w_), before);
}

TEST_F(ListingUsersTest, R23_NewUsersPasswordIsShownOnceToItsCreator) {
  auto added = pc_.AddUser(
      t_.contoso_admin, {.full_name = "Hana", .email = "hana@contoso.example"});
  ASSERT_THAT(added, IsOk());
  EXPECT_EQ(pc_.RevealPassword(t_.fabrikam_admin, added->password).code(),
            ErrorCode::kNotFound);
  ASSERT_THAT(pc_.RevealPassword(t_.contoso_admin, added->password), IsOk());
  const Snapshot before = TakeSnapshot(w_);
  EXPECT_EQ(pc_.RevealPassword(t_.contoso_admin, added->password).code(),
            ErrorCode::kSecretAlreadyShown);
  EXPECT_EQ(TakeSnapshot(w_), before);
}

TEST_F(ListingUsersTest, R30_EveryEmailCarriesWhatItsFlowNeeds) {
  Enrolled tailspin = EnrollApproved(w_, {.prefix = "tailspin", .mpn = 3001});
  t_.PartnerContosoFabrikam();
  auto prospect = t_.Prospect("adatum");
  ASSERT_THAT(
      pc_.RequestResellerRelationship(t_.fabrikam_admin, prospect.admin_upn),
      IsOk());
  ASSERT_THAT(
      pc_.InviteCustomerWithProvider(t_.fabrikam_admin, t_.contoso.partner,
                                     "owner@wingtip.example"),
      IsOk());
  ASSERT_THAT(pc_.AddUser(t_.contoso_admin, {.full_name = "Hana",
                                             .email = "hana@contoso.example"}),
              IsOk());

  const std::string invitations = pc_.options().portal_url + "/invitations/";
  std::set<std::string> kinds;
  for (MessageId id : w_.mail().Search("")) {
    const Email& e = w_.mail().Get(id)->email;
    kinds.insert(e.kind);
    EXPECT_EQ(e.from, pc_.options().sender);
    ASSERT_EQ(e.to.size(), 1u);
    if (e.kind == "contact-verification" ||
        e.kind == "partnership-invitation" ||
        e.kind == "reseller-relationship" || e.kind == "joint-invitation") {
      // The personalised link, in the text a person reads.
      ASSERT_EQ(e.links.size(), 1u) << e.kind;
      EXPECT_EQ(sim::ExtractLinks(e.text), e.links) << e.kind;
      EXPECT_EQ(e.links[0].rfind(invitations, 0), 0u) << e.links[0];
      EXPECT_EQ(sim::ExtractToken(e.links[0])->size(), 32u);
    } else if (e.kind == "enrollment-status") {
      const bool has_status =
          e.text.find("Status: InReview") != std::string::npos ||
          e.text.find("Status: Approved") != std::string::npos ||
          e.text.find("Status: Rejected") != std::string::npos;
      EXPECT_TRUE(has_status) << e.text;
      EXPECT_TRUE(Mentions(e.subject, "tailspin Ltd"));
      EXPECT_EQ(e.to[0], tailspin.contact);
    } else if (e.kind == "user-welcome") {
      EXPECT_TRUE(Mentions(e.text, "Sign-in name: " + e.to[0]));
    } else {
      ADD_FAILURE() << "no R30 check for email kind '" << e.kind << "'";
    }
  }
  EXPECT_EQ(kinds,
            (std::set<std::string>{"contact-verification", "enrollment-status",
                                   "joint-invitation", "partnership-invitation",
                                   "reseller-relationship", "user-welcome"}));
}

// One fixed sequence of flows; what must come out the same for a seed.
struct FlowRun {
  std::string journal;
  std::vector<std::string> links;
  std::string password;
};

FlowRun RunFlows(std::uint64_t seed) {
  TwoTierWorld t(seed);
  t.PartnerContosoFabrikam();
  CustomerCreated adatum = t.AddCustomer("adatum", t.fabrikam.partner);
  auto prospect = t.Prospect("wingtip");
  EXPECT_THAT(
      t.pc.RequestResellerRelationship(t.northwind_admin, prospect.admin_upn),
      IsOk());
  Enrolled tailspin =
      EnrollApproved(t.world, {.prefix = "tailspin", .mpn = 3001});
  EXPECT_THAT(t.pc.RequestListingChange(t.contoso_admin,
                                        {.company_name = "Contoso Cloud"}),
              IsOk());
  t.world.kernel().scheduler().AdvanceBy(Days(21));
  FlowRun run;
  for (const mocks::StoredMessage* m :
       {t.world.mail().Latest(t.fabrikam.admin_upn),
        t.world.mail().Latest(prospect.admin_upn),
        t.world.mail().Get(t.world.mail().To(tailspin.contact).front())}) {
    run.links.push_back(m ? m->email.links.at(0) : "");
  }
  run.password = *t.pc.RevealPassword(t.contoso_admin, adatum.password);
  run.journal = t.world.kernel().journal().RenderAll();
  return run;
}

TEST(DeterminismTest, SameSeedGivesIdenticalJournalAndLinks) {
  const FlowRun a = RunFlows(42);
  const FlowRun b = RunFlows(42);
  EXPECT_GT(a.journal.size(), 1000u);
  EXPECT_EQ(a.journal, b.journal);
  EXPECT_EQ(a.links, b.links);
  EXPECT_EQ(a.password, b.password);
}

TEST(DeterminismTest, DifferentSeedsGiveDifferentLinks) {
  const FlowRun a = RunFlows(42);
  const FlowRun b = RunFlows(43);
  ASSERT_EQ(a.links.size(), b.links.size());
  for (std::size_t i = 0; i < a.links.size(); ++i) {
    EXPECT_NE(a.links[i], b.links[i]) << i;
  }
  EXPECT_NE(a.password, b.password);
}

TEST(SignInJournalTest, FailedSignInsAreJournaledUpToTheCapThenCounted) {
  TwoTierWorld t;
  const auto failures = [&t] {
    std::size_t n = 0;
    for (const JournalEntry& e : t.world.kernel().journal().entries()) {
      n += e.action == "user.sign_in" && e.outcome != ErrorCode::kOk;
    }
    return n;
  };
  const std::size_t tries = kMaxJournaledFailedSignIns + 500;
  for (std::size_t i = 0; i < tries; ++i) {
    EXPECT_FALSE(
        t.pc.SignIn("guess" + std::to_string(i) + "@nobody.test", "x").ok());
  }
  EXPECT_EQ(failures(), kMaxJournaledFailedSignIns);
  EXPECT_GE(t.pc.failed_sign_ins(), tries);
  EXPECT_EQ(t.world.kernel().journal().entries().back().action,
            "user.sign_in.not_journaled");
  // A successful sign-in is still journaled.
  t.SignIn(t.fabrikam.admin_upn);
  EXPECT_EQ(t.world.kernel().journal().entries().back().action, "user.sign_in");
}

TEST(SignInJournalTest, FailedPasswordChangesShareTheCap) {
  TwoTierWorld t;
  const std::size_t before = t.world.kernel().journal().entries().size();
  const std::size_t tries = kMaxJournaledFailedSignIns + 500;
  for (std::size_t i = 0; i < tries; ++i) {
    EXPECT_FALSE(
        t.pc.ChangePassword("guess" + std::to_string(i) + "@nobody.test", "x",
                            "New-Passw0rd!")
            .ok());
  }
  // The cap's entries and the one note, nothing more.
  EXPECT_EQ(t.world.kernel().journal().entries().size() - before,
            kMaxJournaledFailedSignIns + 1);
  EXPECT_GE(t.pc.failed_sign_ins(), tries);
  EXPECT_EQ(t.world.kernel().journal().entries().back().action,
            "user.sign_in.not_journaled");
}

}  // namespace
}  // namespace tiersim::sim::testing
