// Every flow of SPEC.md end to end through the core, as people perform it.
#include <gtest/gtest.h>

#include "sim/links.h"
#include "tests/common/status_matchers.h"
#include "tests/sim/fixture.h"

namespace tiersim::sim::testing {
namespace {

using ::tiersim::testing::IsOk;

TEST(FlowsTest, F1_ResellerEnrollsFromWelcomeToAccountSetup) {
  mocks::InProcessWorld w({.seed = 11});
  PartnerCenter& pc = w.pc();
  auto account = w.pmc().AddAccount("fabrikam-pmc", kPassword);
  ASSERT_THAT(account, IsOk());
  ASSERT_THAT(w.pmc().AddProfile(*account, {.mpn = MpnId(4242),
                                            .legal_name = "Fabrikam Solutions",
                                            .country = "US",
                                            .active = true,
                                            .incentives = {"CSP indirect"}}),
              IsOk());

  // 1. Welcome page lists what is needed.
  EnrollmentView welcome = pc.StartEnrollment(Program::kIndirectReseller);
  EXPECT_GE(welcome.requirements.size(), 4u);
  // 2. Create a work account and sign in with its global admin.
  ASSERT_THAT(
      pc.EnrollCreateWorkAccount(welcome.id, {.organization = "Fabrikam",
                                              .domain_prefix = "fabrikam",
                                              .country = "US",
                                              .admin_name = "Dana",
                                              .admin_password = kPassword}),
      IsOk());
  // 3. Link the MPN ID through PMC; 4. pick the profile.
  auto profiles = pc.EnrollSignInPmc(welcome.id, "fabrikam-pmc", kPassword);
  ASSERT_THAT(profiles, IsOk());
  ASSERT_EQ(profiles->size(), 1u);
  ASSERT_THAT(pc.EnrollChooseProfile(welcome.id, MpnId(4242)), IsOk());
  // 5. Business profile and contacts -> Enroll now.
  auto partner = pc.EnrollSubmit(
      welcome.id,
      {.legal_name = "Fabrikam Solutions Ltd",
       .address = {.line1 = "1 Main St", .city = "Seattle", .country = "US"},
       .primary_contact = {.name = "Dana", .email = "dana@fabrikam.example"},
       .support_contact = {.name = "Help", .email = "help@fabrikam.example"}});
  ASSERT_THAT(partner, IsOk());
  EXPECT_EQ(*pc.EnrollmentStatus(*partner),
            EnrollmentState::kPendingVerification);
  // 6. The primary contact verifies by email.
  const auto* mail = w.mail().Latest("dana@fabrikam.example");
  ASSERT_NE(mail, nullptr);
  auto links = sim::ExtractLinks(mail->email.text);
  ASSERT_EQ(links.size(), 1u);
  ASSERT_THAT(pc.VerifyContact(links[0], ContactAnswer::kItWasMe), IsOk());
  EXPECT_EQ(*pc.EnrollmentStatus(*partner), EnrollmentState::kInReview);
  // 7. Review takes days; the outcome is emailed.
  w.kernel().scheduler().AdvanceBy(Days(6));
  EXPECT_EQ(*pc.EnrollmentStatus(*partner), EnrollmentState::kApproved);
  EXPECT_NE(w.mail()
                .Latest("dana@fabrikam.example")
                ->email.text.find("Status: Approved"),
            std::string::npos);
  // 8. Sign in, find the Admin agent role missing, add it.
  auto s = pc.SignIn("admin@fabrikam.onmicrosoft.com", kPassword);
  ASSERT_THAT(s, IsOk());
  EXPECT_EQ(pc.Me(*s)->agent, AgentRole::kNone);
  ASSERT_THAT(pc.CompleteAccountSetup(*s), IsOk());
  EXPECT_EQ(pc.Me(*s)->agent, AgentRole::kAdminAgent);
  EXPECT_EQ(pc.Me(*s)->admin, AdminRole::kGlobalAdmin);
}

TEST(FlowsTest, F3_PartnershipListsEachSideOnTheOthersPage) {
  TwoTierWorld t;
  t.PartnerContosoFabrikam();
  auto resellers = t.pc.IndirectResellers(t.contoso_admin);
  ASSERT_THAT(resellers, IsOk());
  ASSERT_EQ(resellers->size(), 1u);
  EXPECT_EQ((*resellers)[0].id, t.fabrikam.partner);
  auto providers = t.pc.IndirectProviders(t.fabrikam_admin);
  ASSERT_THAT(providers, IsOk());
  ASSERT_EQ(providers->size(), 1u);
  EXPECT_EQ((*providers)[0].id, t.contoso.partner);
}

TEST(FlowsTest, F7_ProviderAddsCustomerForResellerThenF8F9) {
  TwoTierWorld t;
  t.PartnerContosoFabrikam();
  CustomerCreated c = t.AddCustomer("adatum", t.fabrikam.partner);
  EXPECT_EQ(c.admin_user_name, "admin@adatum.onmicrosoft.com");
  auto pw = t.pc.RevealPassword(t.contoso_admin, c.password);
  ASSERT_THAT(pw, IsOk());
  // The customer's admin must change the temporary password first.
  EXPECT_EQ(t.pc.SignIn(c.admin_user_name, *pw).code(),
            ErrorCode::kPasswordChangeRequired);
  // Listed for the provider, filtered by the reseller; the reseller sees it.
  auto listed =
      t.pc.Customers(t.contoso_admin, {.reseller = t.fabrikam.partner});
  ASSERT_THAT(listed, IsOk());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].id, c.customer);
  ASSERT_EQ(t.pc.Customers(t.fabrikam_admin)->size(), 1u);
  ASSERT_THAT(t.pc.AdministerCustomer(t.fabrikam_admin, c.customer), IsOk());
  // F8: another subscription, credited to Fabrikam.
  auto order = t.pc.PlaceOrder(t.contoso_admin, c.customer,
                               {{.offer_id = "m365-e3", .licenses = 25}},
                               t.fabrikam.partner);
  ASSERT_THAT(order, IsOk());
  auto subs = t.pc.Subscriptions(t.contoso_admin, c.customer);
  ASSERT_EQ(subs->size(), 2u);
  EXPECT_EQ((*subs)[1].reseller_of_record, t.fabrikam.partner);
  EXPECT_EQ((*subs)[1].support_contact, t.contoso.partner);
  // F9: Fabrikam becomes the designated support contact and gets requests.
  ASSERT_THAT(t.pc.SetSupportContact(t.contoso_admin, (*subs)[1].id,
                                     t.fabrikam.partner),
              IsOk());
  EXPECT_EQ(
      (*t.pc.Subscriptions(t.fabrikam_admin, c.customer))[1].support_contact,
      t.fabrikam.partner);
}

}  // namespace
}  // namespace tiersim::sim::testing
