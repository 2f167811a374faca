// R8: an enrollment whose primary contact has not verified, answered "not
// me", let the link expire or was rejected is not a dead end: the
// verification email can be resent while pending, the applicant can abandon
// the application, a rejected or abandoned application frees its tenant and
// MPN ID, and every refusal states the application's true state.
#include <gtest/gtest.h>

#include <string>

#include "tests/common/status_matchers.h"
#include "tests/sim/fixture.h"
#include "tests/sim/rule_helpers.h"

namespace tiersim::sim::testing {
namespace {

using ::tiersim::testing::IsOk;

constexpr std::uint64_t kMpn = 5151;

class EnrollmentExitsTest : public ::testing::Test {
 protected:
  EnrollmentExitsTest() : first_(SubmitEnrollment(w_, Spec())) {}

  static EnrollSpec Spec() { return {.prefix = "tailspin", .mpn = kMpn}; }

  // A second application of the same work account, up to the profile.
  EnrollmentId SecondUpToPmc() {
    const EnrollmentId e = pc_.StartEnrollment(Program::kIndirectReseller).id;
    EXPECT_THAT(pc_.EnrollSignIn(e, first_.admin_upn, kPassword), IsOk());
    EXPECT_THAT(pc_.EnrollSignInPmc(e, "tailspin-pmc", kPassword), IsOk());
    return e;
  }

  // The second application submitted with a new primary contact.
  Result<PartnerId> SubmitSecond() {
    const EnrollmentId e = SecondUpToPmc();
    TIERSIM_RETURN_IF_ERROR(pc_.EnrollChooseProfile(e, MpnId(kMpn)));
    return pc_.EnrollSubmit(e, DetailsFor("tailspin", "lee@tailspin.example"));
  }

  EnrollmentState StateOf(PartnerId p) { return *pc_.EnrollmentStatus(p); }

  // The work account's global admin, signed in (R5: the applicant).
  Session Applicant() { return *pc_.SignIn(first_.admin_upn, kPassword); }

  mocks::InProcessWorld w_{{.seed = 8}};
  PartnerCenter& pc_ = w_.pc();
  Enrolled first_;
};

TEST_F(EnrollmentExitsTest, R8_VerificationEmailCanBeResentWhilePending) {
  const std::string lost = NewestLink(w_, first_.contact);
  w_.kernel().scheduler().AdvanceBy(pc_.options().verification_ttl + Days(1));
  Status expired = pc_.VerifyContact(lost, ContactAnswer::kItWasMe);
  EXPECT_EQ(expired.code(), ErrorCode::kInvitationExpired);
  EXPECT_TRUE(Mentions(expired.message(), "new verification email"));
  EXPECT_EQ(StateOf(first_.partner), EnrollmentState::kPendingVerification);

  const std::size_t mails = w_.mail().size();
  ASSERT_THAT(pc_.ResendVerification(Applicant(), first_.enrollment), IsOk());
  ASSERT_EQ(w_.mail().size(), mails + 1);
  EXPECT_EQ(w_.mail().Latest(first_.contact)->email.kind,
            "contact-verification");
  const std::string fresh = NewestLink(w_, first_.contact);
  EXPECT_NE(fresh, lost);
  ASSERT_THAT(pc_.VerifyContact(fresh, ContactAnswer::kItWasMe), IsOk());
  EXPECT_EQ(StateOf(first_.partner), EnrollmentState::kInReview);

  // Verified: nothing is left to resend.
  const Snapshot before = TakeSnapshot(w_);
  Status again = pc_.ResendVerification(Applicant(), first_.enrollment);
  EXPECT_EQ(again.code(), ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(Mentions(again.message(), "in review"));
  EXPECT_EQ(TakeSnapshot(w_), before);
}

TEST_F(EnrollmentExitsTest,
       R8_AnyUnusedLinkVerifiesOnceAndTheRestStopApplying) {
  const std::string first_link = NewestLink(w_, first_.contact);
  ASSERT_THAT(pc_.ResendVerification(Applicant(), first_.enrollment), IsOk());
  const std::string second_link = NewestLink(w_, first_.contact);
  ASSERT_THAT(pc_.VerifyContact(first_link, ContactAnswer::kItWasMe), IsOk());
  Status late = pc_.VerifyContact(second_link, ContactAnswer::kNotMe);
  EXPECT_EQ(late.code(), ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(Mentions(late.message(), "in review"));
  EXPECT_EQ(StateOf(first_.partner), EnrollmentState::kInReview);
}

TEST_F(EnrollmentExitsTest, R8_PendingApplicationHoldsTenantAndMpnAndSaysSo) {
  const EnrollmentId second = SecondUpToPmc();
  const Snapshot before = TakeSnapshot(w_);
  Status held = pc_.EnrollChooseProfile(second, MpnId(kMpn));
  EXPECT_EQ(held.code(), ErrorCode::kEnrollmentPending);
  EXPECT_TRUE(Mentions(held.message(), "waiting for"));
  EXPECT_TRUE(Mentions(held.message(), first_.contact));
  EXPECT_TRUE(Mentions(held.message(), first_.enrollment.ToString()));
  EXPECT_FALSE(Mentions(held.message(), "enrolled partner"));
  // Re-submitting the first application names its state, not "start anew".
  Status resubmit =
      pc_.EnrollSubmit(first_.enrollment, DetailsFor("tailspin", "x@y.example"))
          .status();
  EXPECT_EQ(resubmit.code(), ErrorCode::kEnrollmentOutOfOrder);
  EXPECT_TRUE(Mentions(resubmit.message(), "waiting for"));
  EXPECT_TRUE(Mentions(resubmit.message(), "resend"));
  EXPECT_EQ(TakeSnapshot(w_), before);
}

TEST_F(EnrollmentExitsTest, R8_AbandonedApplicationFreesTenantAndMpn) {
  const std::string link = NewestLink(w_, first_.contact);
  ASSERT_THAT(pc_.AbandonEnrollment(Applicant(), first_.enrollment), IsOk());
  EXPECT_EQ(StateOf(first_.partner), EnrollmentState::kAbandoned);
  EXPECT_EQ(pc_.GetEnrollment(first_.enrollment)->step,
            EnrollmentStep::kAbandoned);
  EXPECT_TRUE(Mentions(w_.mail().Latest(first_.contact)->email.text,
                       "Status: Abandoned"));
  // Its verification link and its resend are dead.
  Status dead = pc_.VerifyContact(link, ContactAnswer::kItWasMe);
  EXPECT_EQ(dead.code(), ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(Mentions(dead.message(), "abandoned"));
  EXPECT_EQ(pc_.ResendVerification(Applicant(), first_.enrollment).code(),
            ErrorCode::kEnrollmentOutOfOrder);
  EXPECT_EQ(pc_.AbandonEnrollment(Applicant(), first_.enrollment).code(),
            ErrorCode::kFailedPrecondition);
  // The work account and MPN ID enroll again, to approval.
  auto second = SubmitSecond();
  ASSERT_THAT(second, IsOk());
  EXPECT_NE(*second, first_.partner);
  ASSERT_THAT(pc_.VerifyContact(NewestLink(w_, "lee@tailspin.example"),
                                ContactAnswer::kItWasMe),
              IsOk());
  w_.kernel().scheduler().AdvanceBy(pc_.options().review_max);
  EXPECT_EQ(StateOf(*second), EnrollmentState::kApproved);
  EXPECT_EQ(StateOf(first_.partner), EnrollmentState::kAbandoned);
  Session s = *pc_.SignIn(first_.admin_upn, kPassword);
  EXPECT_THAT(pc_.Me(s), IsOk());
  EXPECT_EQ(*pc_.FindPartner(std::to_string(kMpn)), *second);
}

TEST_F(EnrollmentExitsTest, R8_RejectedApplicationFreesTenantAndMpn) {
  ASSERT_THAT(
      pc_.VerifyContact(NewestLink(w_, first_.contact), ContactAnswer::kNotMe),
      IsOk());
  EXPECT_EQ(StateOf(first_.partner), EnrollmentState::kRejected);
  Status resubmit =
      pc_.EnrollSubmit(first_.enrollment, DetailsFor("tailspin", "x@y.example"))
          .status();
  EXPECT_TRUE(Mentions(resubmit.message(), "rejected"));
  EXPECT_TRUE(Mentions(resubmit.message(), "no longer holds"));
  auto second = SubmitSecond();
  ASSERT_THAT(second, IsOk());
  EXPECT_EQ(StateOf(*second), EnrollmentState::kPendingVerification);
  EXPECT_EQ(StateOf(first_.partner), EnrollmentState::kRejected);
  // A rejected application may still be abandoned (tidying up); it stays
  // rejected.
  EXPECT_THAT(pc_.AbandonEnrollment(Applicant(), first_.enrollment), IsOk());
  EXPECT_EQ(StateOf(first_.partner), EnrollmentState::kRejected);
}

TEST_F(EnrollmentExitsTest, R8_InReviewOrApprovedCannotBeAbandoned) {
  VerifyPrimaryContact(w_, first_);
  const Snapshot in_review = TakeSnapshot(w_);
  Status reviewing = pc_.AbandonEnrollment(Applicant(), first_.enrollment);
  EXPECT_EQ(reviewing.code(), ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(Mentions(reviewing.message(), "in review"));
  EXPECT_EQ(TakeSnapshot(w_), in_review);
  auto held = SubmitSecond();
  EXPECT_EQ(held.code(), ErrorCode::kEnrollmentPending);
  EXPECT_TRUE(Mentions(held.status().message(), "in review"));

  w_.kernel().scheduler().AdvanceBy(pc_.options().review_max);
  ASSERT_EQ(StateOf(first_.partner), EnrollmentState::kApproved);
  EXPECT_EQ(pc_.AbandonEnrollment(Applicant(), first_.enrollment).code(),
            ErrorCode::kFailedPrecondition);
  const EnrollmentId second = SecondUpToPmc();
  Status taken = pc_.EnrollChooseProfile(second, MpnId(kMpn));
  EXPECT_EQ(taken.code(), ErrorCode::kMpnAlreadyEnrolled);
  EXPECT_TRUE(Mentions(taken.message(), "tailspin Ltd"));
  Status resubmit =
      pc_.EnrollSubmit(first_.enrollment, DetailsFor("tailspin", "x@y.example"))
          .status();
  EXPECT_TRUE(Mentions(resubmit.message(), "approved"));
}

TEST_F(EnrollmentExitsTest, R8_AnUnsubmittedEnrollmentCanBeAbandoned) {
  const EnrollmentId e = pc_.StartEnrollment(Program::kIndirectProvider).id;
  ASSERT_THAT(pc_.AbandonEnrollment(Applicant(), e), IsOk());
  Status next = pc_.EnrollSignIn(e, first_.admin_upn, kPassword);
  EXPECT_EQ(next.code(), ErrorCode::kEnrollmentOutOfOrder);
  EXPECT_TRUE(Mentions(next.message(), "abandoned"));
  EXPECT_EQ(pc_.ResendVerification(Applicant(), e).code(),
            ErrorCode::kEnrollmentOutOfOrder);
  EXPECT_EQ(pc_.AbandonEnrollment(Applicant(), EnrollmentId(99)).code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(pc_.ResendVerification(Applicant(), EnrollmentId(99)).code(),
            ErrorCode::kNotFound);
}

TEST_F(EnrollmentExitsTest, R8_OnlyTheApplicantsGlobalAdminMayAbandonOrResend) {
  Enrolled other = SubmitEnrollment(w_, {.prefix = "litware", .mpn = 6161});
  Session stranger = *pc_.SignIn(other.admin_upn, kPassword);
  const Snapshot before = TakeSnapshot(w_);
  Status abandon = pc_.AbandonEnrollment(stranger, first_.enrollment);
  EXPECT_EQ(abandon.code(), ErrorCode::kNotGlobalAdmin);
  EXPECT_TRUE(Mentions(abandon.message(), "tailspin.onmicrosoft.com"));
  EXPECT_EQ(pc_.ResendVerification(stranger, first_.enrollment).code(),
            ErrorCode::kNotGlobalAdmin);
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_EQ(StateOf(first_.partner), EnrollmentState::kPendingVerification);
}

TEST_F(EnrollmentExitsTest, R8_ResendsStopAtTheLimit) {
  for (int i = 0; i < PartnerCenter::kMaxVerificationResends; ++i) {
    ASSERT_THAT(pc_.ResendVerification(Applicant(), first_.enrollment), IsOk());
  }
  const Snapshot before = TakeSnapshot(w_);
  Status capped = pc_.ResendVerification(Applicant(), first_.enrollment);
  EXPECT_EQ(capped.code(), ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(Mentions(capped.message(), "abandon"));
  EXPECT_EQ(TakeSnapshot(w_), before);
}

TEST(EnrollmentExitsWorldTest,
     R8_AnAbandonedApplicantsTenantMayBecomeACustomer) {
  TwoTierWorld t;
  Enrolled e = SubmitEnrollment(t.world, {.prefix = "wingtip", .mpn = 7171});
  Session admin = t.SignIn(e.admin_upn);
  auto sent = t.pc.RequestResellerRelationship(t.fabrikam_admin, e.admin_upn);
  ASSERT_THAT(sent, IsOk());
  // While the application holds the work account, it is a partner's own.
  auto held = t.pc.AcceptResellerInvitation(admin, sent->link);
  EXPECT_EQ(held.code(), ErrorCode::kInvitationForeign);
  EXPECT_TRUE(Mentions(held.status().message(), "CSP partner"));
  ASSERT_THAT(t.pc.AbandonEnrollment(admin, e.enrollment), IsOk());
  EXPECT_THAT(t.pc.AcceptResellerInvitation(admin, sent->link), IsOk());
}

}  // namespace
}  // namespace tiersim::sim::testing
