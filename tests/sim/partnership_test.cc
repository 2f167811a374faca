// F3 partnership between an indirect provider and an indirect reseller, and
// its rules R10-R13: acting only after acceptance, both sides enrolled, and
// personal, single-use, unguessable, expiring links.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "sim/links.h"
#include "tests/common/status_matchers.h"
#include "tests/sim/fixture.h"
#include "tests/sim/rule_helpers.h"

namespace tiersim::sim::testing {
namespace {

using ::tiersim::testing::IsOk;

class PartnershipTest : public ::testing::Test {
 protected:
  // Contoso asks `email` to be its reseller; returns the link as emailed.
  std::string Invite(const std::string& email) {
    auto sent = pc_.RequestPartnership(t_.contoso_admin, email);
    EXPECT_THAT(sent, IsOk());
    const std::string link = t_.LatestLink(email);
    EXPECT_EQ(link, sent.ok() ? sent->link : "");
    return link;
  }

  std::size_t ContosoResellerCount() {
    return pc_.IndirectResellers(t_.contoso_admin)->size();
  }

  TwoTierWorld t_;
  PartnerCenter& pc_ = t_.pc;
  mocks::InProcessWorld& w_ = t_.world;
};

TEST_F(PartnershipTest, F3_AcceptedRequestListsEachSideOnTheOther) {
  const std::string link = Invite(t_.fabrikam.admin_upn);
  const mocks::StoredMessage* m = w_.mail().Latest(t_.fabrikam.admin_upn);
  EXPECT_EQ(m->email.kind, "partnership-invitation");
  EXPECT_TRUE(Mentions(m->email.subject, "Contoso Distribution"));
  EXPECT_EQ(ContosoResellerCount(), 0u);  // not before acceptance

  auto accepted = pc_.AcceptPartnership(t_.fabrikam_admin, link);
  ASSERT_THAT(accepted, IsOk());
  EXPECT_EQ(*accepted, t_.contoso.partner);
  auto resellers = pc_.IndirectResellers(t_.contoso_admin);
  ASSERT_EQ(resellers->size(), 1u);
  EXPECT_EQ((*resellers)[0].id, t_.fabrikam.partner);
  auto providers = pc_.IndirectProviders(t_.fabrikam_admin);
  ASSERT_EQ(providers->size(), 1u);
  EXPECT_EQ((*providers)[0].id, t_.contoso.partner);
  EXPECT_TRUE(pc_.IndirectProviders(t_.northwind_admin)->empty());
  auto sent = pc_.SentInvitations(t_.contoso_admin);
  ASSERT_EQ(sent->size(), 1u);
  EXPECT_TRUE((*sent)[0].used);
}

TEST_F(PartnershipTest, R10_ProviderActsForResellerOnlyAfterAcceptance) {
  CustomerCreated own = t_.AddCustomer("adatum");  // Contoso's own customer
  Invite(t_.fabrikam.admin_upn);                   // sent, not yet accepted
  const Snapshot before = TakeSnapshot(w_);
  auto draft = pc_.BeginAddCustomer(t_.contoso_admin, t_.fabrikam.partner);
  EXPECT_EQ(draft.code(), ErrorCode::kNotPartnered);
  // Named as people know it, not by an internal ID.
  EXPECT_TRUE(Mentions(draft.status().message(), "Fabrikam"));
  EXPECT_FALSE(
      Mentions(draft.status().message(), t_.fabrikam.partner.ToString()));
  auto order = pc_.PlaceOrder(t_.contoso_admin, own.customer,
                              {{.offer_id = "o365-e3", .licenses = 5}},
                              t_.fabrikam.partner);
  EXPECT_EQ(order.code(), ErrorCode::kNotPartnered);
  EXPECT_EQ(TakeSnapshot(w_), before);

  ASSERT_THAT(pc_.AcceptPartnership(t_.fabrikam_admin,
                                    t_.LatestLink(t_.fabrikam.admin_upn)),
              IsOk());
  EXPECT_THAT(pc_.BeginAddCustomer(t_.contoso_admin, t_.fabrikam.partner),
              IsOk());
  // Still not for Northwind, who never accepted.
  EXPECT_EQ(pc_.BeginAddCustomer(t_.contoso_admin, t_.northwind.partner).code(),
            ErrorCode::kNotPartnered);
}

TEST_F(PartnershipTest, R11_ResellerWithoutAccountSetupCannotAccept) {
  Enrolled tailspin = EnrollApproved(w_, {.prefix = "tailspin", .mpn = 3001});
  Session admin = t_.SignIn(tailspin.admin_upn);
  const std::string link = Invite(tailspin.admin_upn);
  const Snapshot before = TakeSnapshot(w_);
  auto r = pc_.AcceptPartnership(admin, link);
  EXPECT_EQ(r.code(), ErrorCode::kAccountSetupIncomplete);
  EXPECT_TRUE(Mentions(r.status().message(), "set-up"));
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_EQ(ContosoResellerCount(), 0u);
  // Once set-up is finished the same link works.
  ASSERT_THAT(pc_.CompleteAccountSetup(admin), IsOk());
  EXPECT_THAT(pc_.AcceptPartnership(admin, link), IsOk());
  EXPECT_EQ(ContosoResellerCount(), 1u);
}

TEST_F(PartnershipTest, R11_PartnerStillInReviewCannotAccept) {
  Enrolled tailspin = SubmitEnrollment(w_, {.prefix = "tailspin", .mpn = 3001});
  VerifyPrimaryContact(w_, tailspin);
  Session admin = t_.SignIn(tailspin.admin_upn);
  const std::string link = Invite(tailspin.admin_upn);
  const Snapshot before = TakeSnapshot(w_);
  auto r = pc_.AcceptPartnership(admin, link);
  EXPECT_EQ(r.code(), ErrorCode::kPartnerNotActive);
  EXPECT_TRUE(Mentions(r.status().message(), "InReview"));
  EXPECT_EQ(TakeSnapshot(w_), before);
}

TEST_F(PartnershipTest, R11_OnlyResellersAcceptAndOnlyProvidersRequest) {
  auto litware = pc_.SeedPartner({.program = Program::kIndirectProvider,
                                  .legal_name = "Litware Distribution",
                                  .domain_prefix = "litware",
                                  .mpn = MpnId(1000002),
                                  .admin_password = kPassword});
  ASSERT_THAT(litware, IsOk());
  Session litware_admin = t_.SignIn(litware->admin_upn);
  const std::string link = Invite(litware->admin_upn);
  const Snapshot before = TakeSnapshot(w_);
  auto r = pc_.AcceptPartnership(litware_admin, link);
  EXPECT_EQ(r.code(), ErrorCode::kNotAReseller);
  EXPECT_TRUE(Mentions(r.status().message(), "Litware Distribution"));
  auto asked = pc_.RequestPartnership(t_.fabrikam_admin, "admin@x.example");
  EXPECT_EQ(asked.code(), ErrorCode::kNotAProvider);
  EXPECT_EQ(TakeSnapshot(w_), before);
}

TEST_F(PartnershipTest, R12_LinkToTheResellersDomainMatchesAnyCase) {
  // A reseller whose existing work account has a mixed-case domain.
  auto tenant = w_.directory().CreateTenant({.display_name = "Tailspin",
                                             .domain = "Tailspin.Example",
                                             .country = "US"});
  ASSERT_THAT(tenant, IsOk());
  ASSERT_THAT(
      w_.directory().CreateUser(*tenant, {.upn = "boss@Tailspin.Example",
                                          .display_name = "Boss",
                                          .password = kPassword,
                                          .role = DirectoryRole::kGlobalAdmin}),
      IsOk());
  Enrolled tailspin =
      EnrollApproved(w_, {.prefix = "tailspin",
                          .mpn = 3001,
                          .existing_admin_upn = "boss@Tailspin.Example"});
  Session boss = t_.SignIn(tailspin.admin_upn);
  ASSERT_THAT(pc_.CompleteAccountSetup(boss), IsOk());
  // Sent to a colleague at the organisation's domain, as typed.
  const std::string link = Invite("sales@tailspin.example");
  auto accepted = pc_.AcceptPartnership(boss, link);
  EXPECT_THAT(accepted, IsOk());
}

TEST_F(PartnershipTest, R12_UsedLinkIsRefused) {
  const std::string link = Invite(t_.fabrikam.admin_upn);
  ASSERT_THAT(pc_.AcceptPartnership(t_.fabrikam_admin, link), IsOk());
  const Snapshot before = TakeSnapshot(w_);
  auto again = pc_.AcceptPartnership(t_.fabrikam_admin, link);
  EXPECT_EQ(again.code(), ErrorCode::kInvitationUsed);
  EXPECT_TRUE(Mentions(again.status().message(), "already used"));
  EXPECT_EQ(pc_.AcceptPartnership(t_.northwind_admin, link).code(),
            ErrorCode::kInvitationUsed);
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_EQ(ContosoResellerCount(), 1u);
}

TEST_F(PartnershipTest, R12_LinkExpiresAfterInvitationTtl) {
  const std::string to_fabrikam = Invite(t_.fabrikam.admin_upn);
  const std::string to_northwind = Invite(t_.northwind.admin_upn);
  const Duration ttl = pc_.options().invitation_ttl;
  w_.kernel().scheduler().AdvanceBy(ttl - seconds(1));
  ASSERT_THAT(pc_.AcceptPartnership(t_.northwind_admin, to_northwind), IsOk());
  w_.kernel().scheduler().AdvanceBy(seconds(1));
  const Snapshot before = TakeSnapshot(w_);
  auto r = pc_.AcceptPartnership(t_.fabrikam_admin, to_fabrikam);
  EXPECT_EQ(r.code(), ErrorCode::kInvitationExpired);
  EXPECT_TRUE(Mentions(r.status().message(), "expired"));
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_TRUE(pc_.IndirectProviders(t_.fabrikam_admin)->empty());
}

TEST_F(PartnershipTest, R12_AnotherResellerCannotUseTheLink) {
  const std::string link = Invite(t_.fabrikam.admin_upn);
  const Snapshot before = TakeSnapshot(w_);
  auto r = pc_.AcceptPartnership(t_.northwind_admin, link);
  EXPECT_EQ(r.code(), ErrorCode::kInvitationForeign);
  EXPECT_TRUE(Mentions(r.status().message(), t_.fabrikam.admin_upn));
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_TRUE(pc_.IndirectProviders(t_.northwind_admin)->empty());
  // The link still works for the one it was sent to.
  EXPECT_THAT(pc_.AcceptPartnership(t_.fabrikam_admin, link), IsOk());
}

TEST_F(PartnershipTest, R12_ProviderCannotAcceptItsOwnLink) {
  const std::string link = Invite(t_.fabrikam.admin_upn);
  // Even a link sent to the provider's own address.
  const std::string own = Invite(t_.contoso.admin_upn);
  const Snapshot before = TakeSnapshot(w_);
  EXPECT_EQ(pc_.AcceptPartnership(t_.contoso_admin, link).code(),
            ErrorCode::kInvitationForeign);
  auto r = pc_.AcceptPartnership(t_.contoso_admin, own);
  EXPECT_EQ(r.code(), ErrorCode::kInvitationForeign);
  // It says what is true: Contoso's own request, not "sent elsewhere".
  EXPECT_TRUE(Mentions(r.status().message(), "own partnership request"));
  EXPECT_FALSE(Mentions(r.status().message(), "not to Contoso"));
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_EQ(ContosoResellerCount(), 0u);
}

TEST_F(PartnershipTest, R12_LinkForAnotherPurposeIsRefused) {
  auto prospect = t_.Prospect("adatum");
  auto sent =
      pc_.RequestResellerRelationship(t_.fabrikam_admin, prospect.admin_upn);
  ASSERT_THAT(sent, IsOk());
  const std::string partnership = Invite(t_.fabrikam.admin_upn);
  const Snapshot before = TakeSnapshot(w_);
  auto r = pc_.AcceptPartnership(t_.fabrikam_admin, sent->link);
  EXPECT_EQ(r.code(), ErrorCode::kInvitationWrongPurpose);
  EXPECT_TRUE(Mentions(r.status().message(), "reseller relationship request"));
  // And the other way round: a partnership link is no customer invitation.
  Session customer = t_.SignIn(prospect.admin_upn);
  EXPECT_EQ(pc_.AcceptResellerInvitation(customer, partnership).code(),
            ErrorCode::kInvitationWrongPurpose);
  EXPECT_EQ(TakeSnapshot(w_), before);
}

TEST_F(PartnershipTest, R12_GarbageOrGuessedTokenIsRefused) {
  const std::string link = Invite(t_.fabrikam.admin_upn);
  const std::string base = pc_.options().portal_url + "/invitations/";
  std::string neighbour = link;
  neighbour.back() = neighbour.back() == '0' ? '1' : '0';
  const Snapshot before = TakeSnapshot(w_);
  for (const std::string& guess :
       {std::string(), std::string("hello"), base, base + std::string(32, '0'),
        base + std::string(32, 'z'), link.substr(0, link.size() - 1),
        link + "0", neighbour}) {
    auto r = pc_.AcceptPartnership(t_.fabrikam_admin, guess);
    EXPECT_EQ(r.code(), ErrorCode::kUnknownInvitation) << "'" << guess << "'";
    EXPECT_TRUE(Mentions(r.status().message(), "not a valid"));
  }
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_THAT(pc_.AcceptPartnership(t_.fabrikam_admin, link), IsOk());
}

TEST_F(PartnershipTest, R12_EditedTextMustKeepTheLink) {
  const Snapshot before = TakeSnapshot(w_);
  auto r = pc_.RequestPartnership(t_.contoso_admin, t_.fabrikam.admin_upn,
                                  "Hi Fabrikam, let's work together!");
  EXPECT_EQ(r.code(), ErrorCode::kDraftLinkMissing);
  EXPECT_TRUE(Mentions(r.status().message(), "{link}"));
  EXPECT_EQ(TakeSnapshot(w_), before);

  auto sent = pc_.RequestPartnership(t_.contoso_admin, t_.fabrikam.admin_upn,
                                     "Hi Fabrikam, join us: {link} - Contoso");
  ASSERT_THAT(sent, IsOk());
  const mocks::StoredMessage* m = w_.mail().Latest(t_.fabrikam.admin_upn);
  EXPECT_EQ(m->email.text,
            "Hi Fabrikam, join us: " + sent->link + " - Contoso");
  EXPECT_EQ(sim::ExtractLinks(m->email.text),
            std::vector<std::string>{sent->link});
  EXPECT_THAT(pc_.AcceptPartnership(t_.fabrikam_admin,
                                    t_.LatestLink(t_.fabrikam.admin_upn)),
              IsOk());
}

TEST_F(PartnershipTest, R12_TokensAreLongRandomAndDistinct) {
  constexpr int kInvitations = 300;
  std::set<std::string> tokens;
  for (int i = 0; i < kInvitations; ++i) {
    const std::string email = "owner" + std::to_string(i) + "@reseller" +
                              std::to_string(i) + ".example";
    auto sent = pc_.RequestPartnership(t_.contoso_admin, email);
    ASSERT_THAT(sent, IsOk());
    ASSERT_EQ(sent->link.rfind(pc_.options().portal_url + "/invitations/", 0),
              0u)
        << sent->link;
    auto token = sim::ExtractToken(sent->link);
    ASSERT_TRUE(token.has_value());
    ASSERT_EQ(token->size(), 32u) << *token;
    for (char c : *token) {
      ASSERT_TRUE((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) << *token;
    }
    tokens.insert(*token);
  }
  EXPECT_EQ(tokens.size(), static_cast<std::size_t>(kInvitations));
}

TEST_F(PartnershipTest, R12_UntickedBoxChangesNothingAndLinkStillWorks) {
  const std::string link = Invite(t_.fabrikam.admin_upn);
  const Snapshot before = TakeSnapshot(w_);
  auto r = pc_.AcceptPartnership(t_.fabrikam_admin, link, Consent::kNotGiven);
  EXPECT_EQ(r.code(), ErrorCode::kAuthorizationNotGiven);
  EXPECT_TRUE(Mentions(r.status().message(), "tick the box"));
  EXPECT_EQ(TakeSnapshot(w_), before);
  EXPECT_TRUE(pc_.IndirectProviders(t_.fabrikam_admin)->empty());
  EXPECT_FALSE((*pc_.SentInvitations(t_.contoso_admin))[0].used);
  EXPECT_THAT(pc_.AcceptPartnership(t_.fabrikam_admin, link), IsOk());
}

TEST_F(PartnershipTest, R13_ProviderAdministersResellerTenantAfterPartnership) {
  const Snapshot snapshot = TakeSnapshot(w_);
  auto before =
      pc_.AdministerResellerTenant(t_.contoso_admin, t_.fabrikam.partner);
  EXPECT_EQ(before.code(), ErrorCode::kNotPartnered);
  EXPECT_TRUE(Mentions(before.status().message(), "accept"));
  EXPECT_EQ(TakeSnapshot(w_), snapshot);
  t_.PartnerContosoFabrikam();
  auto after =
      pc_.AdministerResellerTenant(t_.contoso_admin, t_.fabrikam.partner);
  ASSERT_THAT(after, IsOk());
  EXPECT_EQ(*after, t_.fabrikam.tenant);
  // Only that reseller's tenant, and not the other way round.
  EXPECT_EQ(pc_.AdministerResellerTenant(t_.contoso_admin, t_.northwind.partner)
                .code(),
            ErrorCode::kNotPartnered);
  EXPECT_EQ(pc_.AdministerResellerTenant(t_.fabrikam_admin, t_.contoso.partner)
                .code(),
            ErrorCode::kNotPartnered);
}

}  // namespace
}  // namespace tiersim::sim::testing
