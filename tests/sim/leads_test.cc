// Customer leads: Microsoft's referrals to a partner (seed 000: customers
// come "from your own marketing, Microsoft referrals, or indirect
// providers"); R41: a Helpdesk agent may not manage them, R40/R42: an Admin
// agent or Global admin may. R26: a partner sees only its own.
#include <gtest/gtest.h>

#include <string>

#include "tests/common/status_matchers.h"
#include "tests/sim/fixture.h"
#include "tests/sim/rule_helpers.h"

namespace tiersim::sim::testing {
namespace {

using ::tiersim::testing::IsOk;

class LeadsTest : public ::testing::Test {
 protected:
  Result<LeadId> Refer(PartnerId to, const std::string& company) {
    return pc_.ReferCustomer(
        to, {.company_name = company,
             .contact = {.name = "Pat", .email = "pat@tailspin.example"},
             .need = "50 seats of Microsoft 365"});
  }

  TwoTierWorld t_;
  PartnerCenter& pc_ = t_.pc;
  mocks::InProcessWorld& w_ = t_.world;
};

TEST_F(LeadsTest, R41_AReferralIsAcceptedAndItsContactShared) {
  auto lead = Refer(t_.fabrikam.partner, "Tailspin Toys");
  ASSERT_THAT(lead, IsOk());
  const mocks::StoredMessage* mail = w_.mail().Latest(t_.fabrikam.admin_upn);
  ASSERT_NE(mail, nullptr);
  EXPECT_EQ(mail->email.kind, "customer-lead");
  EXPECT_TRUE(Mentions(mail->email.subject, "Tailspin Toys"));
  EXPECT_EQ(mail->email.text.find("pat@tailspin.example"), std::string::npos);

  auto listed = pc_.Leads(t_.fabrikam_admin);
  ASSERT_THAT(listed, IsOk());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().state, LeadState::kNew);
  EXPECT_TRUE(listed->front().contact.email.empty());  // not yet shared
  auto accepted = pc_.AcceptLead(t_.fabrikam_admin, *lead);
  ASSERT_THAT(accepted, IsOk());
  EXPECT_EQ(accepted->contact.email, "pat@tailspin.example");
  Status again = pc_.AcceptLead(t_.fabrikam_admin, *lead).status();
  EXPECT_EQ(again.code(), ErrorCode::kFailedPrecondition);
  EXPECT_TRUE(Mentions(again.message(), "already accepted"));
  EXPECT_EQ(pc_.DeclineLead(t_.fabrikam_admin, *lead).code(),
            ErrorCode::kFailedPrecondition);
}

TEST_F(LeadsTest, R41_HelpdeskAgentCannotManageLeads) {
  auto lead = Refer(t_.fabrikam.partner, "Tailspin Toys");
  ASSERT_THAT(lead, IsOk());
  Session helpdesk =
      t_.AddUser(t_.fabrikam_admin, "help@fabrikam.onmicrosoft.com",
                 AgentRole::kHelpdeskAgent, AdminRole::kNone);
  Status denied = pc_.AcceptLead(helpdesk, *lead).status();
  EXPECT_EQ(denied.code(), ErrorCode::kPermissionDenied);
  EXPECT_TRUE(Mentions(denied.message(), "Manage customer leads"));  // R47
  EXPECT_EQ(pc_.Leads(helpdesk).code(), ErrorCode::kPermissionDenied);
  EXPECT_EQ(pc_.DeclineLead(helpdesk, *lead).code(),
            ErrorCode::kPermissionDenied);
  EXPECT_EQ(pc_.store().leads[0].state, LeadState::kNew);
  Session agent =
      t_.AddUser(t_.fabrikam_admin, "agent@fabrikam.onmicrosoft.com",
                 AgentRole::kAdminAgent, AdminRole::kNone);
  EXPECT_THAT(pc_.DeclineLead(agent, *lead), IsOk());  // R40
}

TEST_F(LeadsTest, R26_APartnerSeesAndManagesOnlyItsOwnLeads) {
  auto theirs = Refer(t_.northwind.partner, "Wingtip Toys");
  ASSERT_THAT(theirs, IsOk());
  EXPECT_TRUE(pc_.Leads(t_.fabrikam_admin)->empty());
  EXPECT_EQ(pc_.AcceptLead(t_.fabrikam_admin, *theirs).code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(pc_.AcceptLead(t_.fabrikam_admin, LeadId(99)).code(),
            ErrorCode::kNotFound);
}

TEST_F(LeadsTest, AReferralNeedsACompanyAContactAndAnActivePartner) {
  const Snapshot before = TakeSnapshot(w_);
  EXPECT_EQ(Refer(t_.fabrikam.partner, "").code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(pc_.ReferCustomer(t_.fabrikam.partner,
                              {.company_name = "Tailspin Toys",
                               .contact = {.email = "not an address"}})
                .code(),
            ErrorCode::kInvalidEmail);
  EXPECT_EQ(Refer(PartnerId(99), "Tailspin Toys").code(), ErrorCode::kNotFound);
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_TRUE(pc_.store().leads.empty());
}

}  // namespace
}  // namespace tiersim::sim::testing
