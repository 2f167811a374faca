// F1 / F1b enrollment and its rules R2-R7, and F4's existing customers, as
// people meet them on the enrollment pages. R1 (consumer webmail contacts)
// is in enrollment_webmail_test.cc.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/common/status_matchers.h"
#include "tests/sim/fixture.h"
#include "tests/sim/rule_helpers.h"

namespace tiersim::sim::testing {
namespace {

using ::tiersim::testing::IsOk;

constexpr std::uint64_t kMpn = 4242;          // US, active
constexpr std::uint64_t kInactiveMpn = 4243;  // US, inactive
constexpr std::uint64_t kGermanMpn = 4244;    // DE, active
constexpr std::uint64_t kOtherMpn = 7777;     // another PMC account's

class EnrollmentTest : public ::testing::Test {
 protected:
  EnrollmentTest() {
    auto fabrikam = w_.pmc().AddAccount("fabrikam-pmc", kPassword);
    auto other = w_.pmc().AddAccount("other-pmc", kPassword);
    EXPECT_TRUE(fabrikam.ok() && other.ok());
    auto profile = [](std::uint64_t mpn, std::string country, bool active) {
      return MpnProfile{.mpn = MpnId(mpn),
                        .legal_name = "Fabrikam " + std::to_string(mpn),
                        .country = std::move(country),
                        .active = active};
    };
    EXPECT_THAT(w_.pmc().AddProfile(*fabrikam, profile(kMpn, "US", true)),
                IsOk());
    EXPECT_THAT(
        w_.pmc().AddProfile(*fabrikam, profile(kInactiveMpn, "US", false)),
        IsOk());
    EXPECT_THAT(w_.pmc().AddProfile(*fabrikam, profile(kGermanMpn, "DE", true)),
                IsOk());
    EXPECT_THAT(w_.pmc().AddProfile(*other, profile(kOtherMpn, "US", true)),
                IsOk());
  }

  // Step 2 done: a new work account (US) with its global admin signed in.
  EnrollmentId SignedIn() {
    const EnrollmentId e = pc_.StartEnrollment(Program::kIndirectReseller).id;
    EXPECT_THAT(pc_.EnrollCreateWorkAccount(e, {.organization = "Fabrikam",
                                                .domain_prefix = "fabrikam",
                                                .country = "US",
                                                .admin_name = "Dana",
                                                .admin_password = kPassword}),
                IsOk());
    return e;
  }

  // Steps 2-3 done: PMC signed in as fabrikam-pmc.
  EnrollmentId PmcSignedIn() {
    const EnrollmentId e = SignedIn();
    EXPECT_THAT(pc_.EnrollSignInPmc(e, "fabrikam-pmc", kPassword), IsOk());
    return e;
  }

  // Steps 2-4 done: the active US profile chosen.
  EnrollmentId ProfileChosen() {
    const EnrollmentId e = PmcSignedIn();
    EXPECT_THAT(pc_.EnrollChooseProfile(e, MpnId(kMpn)), IsOk());
    return e;
  }

  EnrollmentStep StepOf(EnrollmentId e) { return pc_.GetEnrollment(e)->step; }

  mocks::InProcessWorld w_{{.seed = 21}};
  PartnerCenter& pc_ = w_.pc();
};

TEST_F(EnrollmentTest, F1_SignInWithExistingGlobalAdminWorkAccount) {
  auto tenant = w_.directory().CreateTenant({.display_name = "Fabrikam",
                                             .domain = "fabrikam.example",
                                             .country = "US"});
  ASSERT_THAT(tenant, IsOk());
  ASSERT_THAT(
      w_.directory().CreateUser(*tenant, {.upn = "boss@fabrikam.example",
                                          .display_name = "Boss",
                                          .password = kPassword,
                                          .role = DirectoryRole::kGlobalAdmin}),
      IsOk());
  const EnrollmentId e = pc_.StartEnrollment(Program::kIndirectReseller).id;
  ASSERT_THAT(pc_.EnrollSignIn(e, "boss@fabrikam.example", kPassword), IsOk());
  EXPECT_EQ(StepOf(e), EnrollmentStep::kSignedIn);
  auto profiles = pc_.EnrollSignInPmc(e, "fabrikam-pmc", kPassword);
  ASSERT_THAT(profiles, IsOk());
  EXPECT_EQ(profiles->size(), 3u);
  ASSERT_THAT(pc_.EnrollChooseProfile(e, MpnId(kMpn)), IsOk());
  auto partner =
      pc_.EnrollSubmit(e, DetailsFor("fabrikam", "dana@fabrikam.example"));
  ASSERT_THAT(partner, IsOk());
  EXPECT_EQ(pc_.store().partner_by_tenant.at(*tenant), *partner);
  EXPECT_EQ(StepOf(e), EnrollmentStep::kSubmitted);
}

TEST_F(EnrollmentTest, F1b_DirectPartnerAddsResellerAccount) {
  auto direct = pc_.SeedPartner({.direct = true,
                                 .legal_name = "Tailspin Direct",
                                 .domain_prefix = "tailspin",
                                 .mpn = MpnId(9001),
                                 .admin_password = kPassword});
  ASSERT_THAT(direct, IsOk());
  Session s = *pc_.SignIn(direct->admin_upn, kPassword);
  EXPECT_FALSE(pc_.PartnerProfile(s)->reseller);
  // A malformed support address changes nothing.
  const Snapshot before = TakeSnapshot(w_);
  Status bad = pc_.AddResellerAccount(s, {.name = "Help", .email = "help"});
  EXPECT_EQ(bad.code(), ErrorCode::kInvalidEmail);
  EXPECT_TRUE(Mentions(bad.message(), "customer support email"));
  EXPECT_FALSE(pc_.PartnerProfile(s)->reseller);
  EXPECT_EQ(TakeSnapshot(w_), before);

  Status added = pc_.AddResellerAccount(
      s, {.name = "Help", .email = "help@tailspin.example"});
  ASSERT_THAT(added, IsOk());
  EXPECT_TRUE(pc_.PartnerProfile(s)->reseller);
  EXPECT_EQ(pc_.store()
                .partners.at(direct->partner.value() - 1)
                .support_contact.email,
            "help@tailspin.example");
  // Only once.
  EXPECT_EQ(pc_.AddResellerAccount(
                   s, {.name = "Help", .email = "help@tailspin.example"})
                .code(),
            ErrorCode::kAlreadyEnrolled);
}

TEST_F(EnrollmentTest, R2_InactiveProfileIsRefused) {
  const EnrollmentId e = PmcSignedIn();
  const Snapshot before = TakeSnapshot(w_);
  Status s = pc_.EnrollChooseProfile(e, MpnId(kInactiveMpn));
  EXPECT_EQ(s.code(), ErrorCode::kMpnProfileInactive);
  EXPECT_TRUE(Mentions(s.message(), std::to_string(kInactiveMpn)));
  EXPECT_EQ(StepOf(e), EnrollmentStep::kPmcSignedIn);
  EXPECT_FALSE(pc_.GetEnrollment(e)->chosen.valid());
  EXPECT_EQ(TakeSnapshot(w_), before);
}

TEST_F(EnrollmentTest, R2_ProfileInAnotherCountryIsRefused) {
  const EnrollmentId e = PmcSignedIn();
  const Snapshot before = TakeSnapshot(w_);
  Status s = pc_.EnrollChooseProfile(e, MpnId(kGermanMpn));
  EXPECT_EQ(s.code(), ErrorCode::kMpnCountryMismatch);
  EXPECT_TRUE(Mentions(s.message(), "DE"));
  EXPECT_TRUE(Mentions(s.message(), "US"));
  EXPECT_EQ(StepOf(e), EnrollmentStep::kPmcSignedIn);
  EXPECT_EQ(TakeSnapshot(w_), before);
  // The same account's active US profile is fine.
  EXPECT_THAT(pc_.EnrollChooseProfile(e, MpnId(kMpn)), IsOk());
}

TEST_F(EnrollmentTest, R3_NoReviewBeforeContactVerification) {
  auto partner = pc_.EnrollSubmit(
      ProfileChosen(), DetailsFor("fabrikam", "dana@fabrikam.example"));
  ASSERT_THAT(partner, IsOk());
  const mocks::StoredMessage* m = w_.mail().Latest("dana@fabrikam.example");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->email.kind, "contact-verification");
  w_.kernel().scheduler().AdvanceBy(Days(30));
  EXPECT_EQ(*pc_.EnrollmentStatus(*partner),
            EnrollmentState::kPendingVerification);
  EXPECT_EQ(w_.mail().size(), 1u);  // no status email either
}

TEST_F(EnrollmentTest, R3_NotMeAnswerRejectsTheEnrollment) {
  auto partner = pc_.EnrollSubmit(
      ProfileChosen(), DetailsFor("fabrikam", "dana@fabrikam.example"));
  ASSERT_THAT(partner, IsOk());
  const std::string link = NewestLink(w_, "dana@fabrikam.example");
  ASSERT_THAT(pc_.VerifyContact(link, ContactAnswer::kNotMe), IsOk());
  EXPECT_EQ(*pc_.EnrollmentStatus(*partner), EnrollmentState::kRejected);
  EXPECT_TRUE(Mentions(w_.mail().Latest("dana@fabrikam.example")->email.text,
                       "Status: Rejected"));
  // No review follows, and the link cannot be turned into a "yes" later.
  EXPECT_EQ(pc_.VerifyContact(link, ContactAnswer::kItWasMe).code(),
            ErrorCode::kInvitationUsed);
  w_.kernel().scheduler().AdvanceBy(Days(10));
  EXPECT_EQ(*pc_.EnrollmentStatus(*partner), EnrollmentState::kRejected);
}

TEST_F(EnrollmentTest, R3_LostStatusEmailDoesNotUndoTheVerification) {
  auto partner = pc_.EnrollSubmit(
      ProfileChosen(), DetailsFor("fabrikam", "dana@fabrikam.example"));
  ASSERT_THAT(partner, IsOk());
  const std::string link = NewestLink(w_, "dana@fabrikam.example");
  w_.kernel().faults().Arm(fault_points::kMailReject, {.times = 1});
  // The verification took effect, so it reports success; the lost email is
  // in the journal.
  ASSERT_THAT(pc_.VerifyContact(link, ContactAnswer::kItWasMe), IsOk());
  EXPECT_EQ(*pc_.EnrollmentStatus(*partner), EnrollmentState::kInReview);
  EXPECT_TRUE(Mentions(w_.kernel().journal().entries().back().note,
                       "status email failed"));
  w_.kernel().scheduler().AdvanceBy(Days(6));
  EXPECT_EQ(*pc_.EnrollmentStatus(*partner), EnrollmentState::kApproved);
}

TEST_F(EnrollmentTest, R4_ReviewTakesDaysAndTheOutcomeIsEmailed) {
  Enrolled e = SubmitEnrollment(w_, {.prefix = "tailspin", .mpn = 5151});
  VerifyPrimaryContact(w_, e);
  const SimTime verified_at = w_.kernel().Now();
  EXPECT_EQ(*pc_.EnrollmentStatus(e.partner), EnrollmentState::kInReview);
  const mocks::StoredMessage* in_review = w_.mail().Latest(e.contact);
  EXPECT_EQ(in_review->email.kind, "enrollment-status");
  EXPECT_TRUE(Mentions(in_review->email.text, "Status: InReview"));

  w_.kernel().scheduler().AdvanceBy(Days(1));
  EXPECT_EQ(*pc_.EnrollmentStatus(e.partner), EnrollmentState::kInReview);
  w_.kernel().scheduler().AdvanceBy(pc_.options().review_max - Days(1));
  EXPECT_EQ(*pc_.EnrollmentStatus(e.partner), EnrollmentState::kApproved);
  const mocks::StoredMessage* outcome = w_.mail().Latest(e.contact);
  EXPECT_TRUE(Mentions(outcome->email.text, "Status: Approved"));
  EXPECT_TRUE(Mentions(outcome->email.subject, "Approved"));
  EXPECT_GE(outcome->email.sent_at - verified_at, pc_.options().review_min);
  EXPECT_LE(outcome->email.sent_at - verified_at, pc_.options().review_max);
  // Approved: the global admin is now a Partner Center user.
  Session s = *pc_.SignIn(e.admin_upn, kPassword);
  EXPECT_EQ(pc_.Me(s)->admin, AdminRole::kGlobalAdmin);
}

TEST_F(EnrollmentTest, R4_RejectedReviewIsEmailedAndGrantsNothing) {
  Enrolled e = SubmitEnrollment(w_, {.prefix = "tailspin", .mpn = 5151});
  // Before the review ends, the partner account does not work yet.
  Session s = *pc_.SignIn(e.admin_upn, kPassword);
  EXPECT_EQ(pc_.Me(s).code(), ErrorCode::kPartnerNotActive);
  w_.kernel().faults().Arm(fault_points::kReviewReject, {});
  VerifyPrimaryContact(w_, e);
  w_.kernel().scheduler().AdvanceBy(pc_.options().review_max);
  EXPECT_EQ(*pc_.EnrollmentStatus(e.partner), EnrollmentState::kRejected);
  EXPECT_EQ(w_.kernel().faults().FiredCount(fault_points::kReviewReject), 1);
  const mocks::StoredMessage* outcome = w_.mail().Latest(e.contact);
  EXPECT_TRUE(Mentions(outcome->email.text, "Status: Rejected"));
  auto me = pc_.Me(s);
  EXPECT_EQ(me.code(), ErrorCode::kPartnerNotActive);
  EXPECT_TRUE(Mentions(me.status().message(), "Rejected"));
}

TEST_F(EnrollmentTest, R5_NonGlobalAdminWorkAccountIsRefused) {
  auto tenant = w_.directory().CreateTenant({.display_name = "Tailspin",
                                             .domain = "tailspin.example",
                                             .country = "US"});
  ASSERT_THAT(tenant, IsOk());
  ASSERT_THAT(
      w_.directory().CreateUser(*tenant, {.upn = "clerk@tailspin.example",
                                          .display_name = "Clerk",
                                          .password = kPassword}),
      IsOk());
  const EnrollmentId e = pc_.StartEnrollment(Program::kIndirectReseller).id;
  const Snapshot before = TakeSnapshot(w_);
  Status s = pc_.EnrollSignIn(e, "clerk@tailspin.example", kPassword);
  EXPECT_EQ(s.code(), ErrorCode::kNotGlobalAdmin);
  EXPECT_TRUE(Mentions(s.message(), "clerk@tailspin.example"));
  EXPECT_EQ(
      pc_.EnrollSignIn(e, "clerk@tailspin.example", "Wrong-Passw0rd!").code(),
      ErrorCode::kInvalidCredentials);
  EXPECT_EQ(StepOf(e), EnrollmentStep::kWelcome);
  EXPECT_EQ(TakeSnapshot(w_), before);
  // Without a signed-in global admin, PMC is not the next step.
  EXPECT_EQ(pc_.EnrollSignInPmc(e, "fabrikam-pmc", kPassword).code(),
            ErrorCode::kEnrollmentOutOfOrder);
}

TEST_F(EnrollmentTest, R6_ProfileCannotBeChosenBeforePmcSignIn) {
  const EnrollmentId e = SignedIn();
  const Snapshot before = TakeSnapshot(w_);
  Status s = pc_.EnrollChooseProfile(e, MpnId(kMpn));
  EXPECT_EQ(s.code(), ErrorCode::kPmcSignInRequired);
  EXPECT_TRUE(Mentions(s.message(), "Partner Membership Center"));
  EXPECT_EQ(StepOf(e), EnrollmentStep::kSignedIn);
  EXPECT_FALSE(pc_.GetEnrollment(e)->chosen.valid());
  EXPECT_EQ(TakeSnapshot(w_), before);
}

TEST_F(EnrollmentTest, R6_WrongPmcPasswordFails) {
  const EnrollmentId e = SignedIn();
  const Snapshot before = TakeSnapshot(w_);
  auto r = pc_.EnrollSignInPmc(e, "fabrikam-pmc", "Wrong-Passw0rd!");
  EXPECT_EQ(r.code(), ErrorCode::kInvalidCredentials);
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_EQ(StepOf(e), EnrollmentStep::kSignedIn);
  EXPECT_TRUE(pc_.GetEnrollment(e)->profiles.empty());
  EXPECT_EQ(pc_.EnrollChooseProfile(e, MpnId(kMpn)).code(),
            ErrorCode::kPmcSignInRequired);
}

TEST_F(EnrollmentTest, R6_MpnNotListedThenSignInWithOtherCredentials) {
  const EnrollmentId e = PmcSignedIn();
  const Snapshot before = TakeSnapshot(w_);
  Status s = pc_.EnrollChooseProfile(e, MpnId(kOtherMpn));
  EXPECT_EQ(s.code(), ErrorCode::kMpnNotListed);
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_TRUE(Mentions(s.message(), std::to_string(kOtherMpn)));
  EXPECT_TRUE(Mentions(s.message(), "Cancel"));
  EXPECT_EQ(StepOf(e), EnrollmentStep::kPmcSignedIn);
  // Cancel, sign in to PMC as the other account: its profile is listed.
  auto profiles = pc_.EnrollSignInPmc(e, "other-pmc", kPassword);
  ASSERT_THAT(profiles, IsOk());
  ASSERT_EQ(profiles->size(), 1u);
  EXPECT_EQ((*profiles)[0].mpn, MpnId(kOtherMpn));
  ASSERT_THAT(pc_.EnrollChooseProfile(e, MpnId(kOtherMpn)), IsOk());
  EXPECT_EQ(pc_.GetEnrollment(e)->chosen, MpnId(kOtherMpn));
  // And the first account's profiles are no longer on offer.
  EXPECT_EQ(pc_.EnrollChooseProfile(e, MpnId(kMpn)).code(),
            ErrorCode::kMpnNotListed);
}

TEST_F(EnrollmentTest, R6_PmcUnavailableFailsAndRetryWorks) {
  const EnrollmentId e = SignedIn();
  w_.kernel().faults().Arm(fault_points::kPmcUnavailable, {});
  const Snapshot before = TakeSnapshot(w_);
  auto r = pc_.EnrollSignInPmc(e, "fabrikam-pmc", kPassword);
  EXPECT_EQ(r.code(), ErrorCode::kUnavailable);
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_TRUE(pc_.GetEnrollment(e)->profiles.empty());
  EXPECT_TRUE(Mentions(r.status().message(), "Partner Membership Center"));
  EXPECT_EQ(StepOf(e), EnrollmentStep::kSignedIn);
  w_.kernel().faults().Disarm(fault_points::kPmcUnavailable);
  EXPECT_THAT(pc_.EnrollSignInPmc(e, "fabrikam-pmc", kPassword), IsOk());
  EXPECT_EQ(StepOf(e), EnrollmentStep::kPmcSignedIn);
}

TEST_F(EnrollmentTest, R7_AccountSetupAddsAdminAgentToGlobalAdmin) {
  Enrolled e = EnrollApproved(w_, {.program = Program::kIndirectProvider,
                                   .prefix = "litware",
                                   .mpn = 6161});
  Session admin = *pc_.SignIn(e.admin_upn, kPassword);
  EXPECT_EQ(pc_.Me(admin)->agent, AgentRole::kNone);
  // Until set-up is finished the provider cannot start partnerships (R11).
  EXPECT_EQ(pc_.RequestPartnership(admin, "admin@x.example").code(),
            ErrorCode::kAccountSetupIncomplete);
  // Seed 000 step 9: "to finish setting up your account, including adding
  // other users, you must have admin agent permissions": not before set-up.
  const UserSpec uma{.full_name = "Uma",
                     .email = "uma@litware.onmicrosoft.com",
                     .admin = AdminRole::kUserManagementAdmin};
  const Snapshot before = TakeSnapshot(w_);
  auto early = pc_.AddUser(admin, uma);
  EXPECT_EQ(early.code(), ErrorCode::kAccountSetupIncomplete);
  EXPECT_TRUE(Mentions(early.status().message(), "litware Ltd"));
  EXPECT_EQ(TakeSnapshot(w_), before);

  ASSERT_THAT(pc_.CompleteAccountSetup(admin), IsOk());
  EXPECT_EQ(pc_.Me(admin)->agent, AgentRole::kAdminAgent);
  EXPECT_EQ(pc_.Me(admin)->admin, AdminRole::kGlobalAdmin);
  EXPECT_THAT(pc_.RequestPartnership(admin, "admin@x.example"), IsOk());
  // Then adding users is the role table's Global admin / User management
  // admin permission (R42, R43).
  EXPECT_THAT(pc_.AddUser(admin, uma), IsOk());
}

TEST_F(EnrollmentTest, F1_TheChosenProfilesBenefitsMoveToTheAccount) {
  Enrolled e = EnrollApproved(w_, {.prefix = "litware", .mpn = 6262});
  Session admin = *pc_.SignIn(e.admin_upn, kPassword);
  ASSERT_THAT(pc_.CompleteAccountSetup(admin), IsOk());
  auto profile = pc_.PartnerProfile(admin);
  ASSERT_THAT(profile, IsOk());
  EXPECT_EQ(profile->mpn, MpnId(6262));
  EXPECT_EQ(profile->incentives, std::vector<std::string>{"CSP incentive"});
  EXPECT_EQ(profile->benefits, std::vector<std::string>{"Internal use"});
  EXPECT_EQ(profile->competencies, std::vector<std::string>{"Modern Work"});
}

TEST_F(EnrollmentTest, StepsOutOfOrderAreRefused) {
  const EnrollmentId e = SignedIn();
  EXPECT_EQ(pc_.EnrollSubmit(e, DetailsFor("fabrikam", "dana@fabrikam.example"))
                .code(),
            ErrorCode::kPmcSignInRequired);
  ASSERT_THAT(pc_.EnrollSignInPmc(e, "fabrikam-pmc", kPassword), IsOk());
  const Snapshot before = TakeSnapshot(w_);
  auto early =
      pc_.EnrollSubmit(e, DetailsFor("fabrikam", "dana@fabrikam.example"));
  EXPECT_EQ(early.code(), ErrorCode::kEnrollmentOutOfOrder);
  EXPECT_TRUE(Mentions(early.status().message(), "profile"));
  EXPECT_EQ(TakeSnapshot(w_), before);
  ASSERT_THAT(pc_.EnrollChooseProfile(e, MpnId(kMpn)), IsOk());
  ASSERT_THAT(
      pc_.EnrollSubmit(e, DetailsFor("fabrikam", "dana@fabrikam.example")),
      IsOk());
  // Once submitted, no step can be redone.
  const Snapshot submitted = TakeSnapshot(w_);
  EXPECT_EQ(pc_.EnrollSubmit(e, DetailsFor("fabrikam", "dana@fabrikam.example"))
                .code(),
            ErrorCode::kEnrollmentOutOfOrder);
  EXPECT_EQ(
      pc_.EnrollSignIn(e, "admin@fabrikam.onmicrosoft.com", kPassword).code(),
      ErrorCode::kEnrollmentOutOfOrder);
  EXPECT_EQ(pc_.EnrollSignInPmc(e, "fabrikam-pmc", kPassword).code(),
            ErrorCode::kEnrollmentOutOfOrder);
  EXPECT_EQ(pc_.EnrollChooseProfile(e, MpnId(kMpn)).code(),
            ErrorCode::kEnrollmentOutOfOrder);
  EXPECT_EQ(TakeSnapshot(w_), submitted);
  EXPECT_EQ(pc_.EnrollSignIn(EnrollmentId(99), "a@b.example", kPassword).code(),
            ErrorCode::kNotFound);
}

TEST_F(EnrollmentTest, DuplicateDomainOnCreateWorkAccountIsRefused) {
  SignedIn();  // fabrikam.onmicrosoft.com now exists
  const EnrollmentId e = pc_.StartEnrollment(Program::kIndirectReseller).id;
  const Snapshot before = TakeSnapshot(w_);
  Status s = pc_.EnrollCreateWorkAccount(e, {.organization = "Fabrikam 2",
                                             .domain_prefix = "FABRIKAM",
                                             .country = "US",
                                             .admin_name = "Eve",
                                             .admin_password = kPassword});
  EXPECT_EQ(s.code(), ErrorCode::kDuplicateDomain);
  EXPECT_TRUE(Mentions(s.message(), "fabrikam.onmicrosoft.com"));
  EXPECT_EQ(StepOf(e), EnrollmentStep::kWelcome);
  EXPECT_EQ(TakeSnapshot(w_), before);
}

TEST_F(EnrollmentTest, F4_ExistingCustomersAppearAfterApproval) {
  Enrolled e = SubmitEnrollment(w_, {.prefix = "tailspin", .mpn = 5151});
  auto tenant = w_.directory().FindTenantByDomain("tailspin.onmicrosoft.com");
  ASSERT_TRUE(tenant.has_value());
  auto served = pc_.SeedCustomerTenant({.company_name = "Adatum",
                                        .domain_prefix = "adatum",
                                        .admin_password = kPassword,
                                        .served_by = {*tenant}});
  auto elsewhere = pc_.SeedCustomerTenant({.company_name = "Wingtip",
                                           .domain_prefix = "wingtip",
                                           .admin_password = kPassword});
  ASSERT_TRUE(served.ok() && elsewhere.ok());
  ASSERT_TRUE(served->customer.valid());
  EXPECT_TRUE(pc_.store()
                  .customers.at(served->customer.value() - 1)
                  .relationships.empty());

  VerifyPrimaryContact(w_, e);
  w_.kernel().scheduler().AdvanceBy(pc_.options().review_max);
  ASSERT_EQ(*pc_.EnrollmentStatus(e.partner), EnrollmentState::kApproved);
  Session s = *pc_.SignIn(e.admin_upn, kPassword);
  auto customers = pc_.Customers(s);
  ASSERT_THAT(customers, IsOk());
  ASSERT_EQ(customers->size(), 1u);
  EXPECT_EQ((*customers)[0].id, served->customer);
  EXPECT_EQ((*customers)[0].tenant, served->tenant);
  EXPECT_EQ((*customers)[0].resellers, std::vector<PartnerId>{e.partner});
  auto administered = pc_.AdministerCustomer(s, served->customer);
  ASSERT_THAT(administered, IsOk());
  EXPECT_EQ(*administered, served->tenant);
}

}  // namespace
}  // namespace tiersim::sim::testing
