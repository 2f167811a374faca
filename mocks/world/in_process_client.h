// InProcessClient: the sim::Client and sim::WorldControl of a world that
// runs in this process (InProcessWorld). Calls go straight to the core and
// the in-memory services; a SessionRef indexes the core Sessions this client
// obtained by signing people in. Borrows the world (it must outlive the
// client); single-threaded.
#pragma once

#include <vector>

#include "mocks/world/in_process_world.h"
#include "sim/client.h"

namespace tiersim::mocks {

class InProcessClient final : public sim::Client, public sim::WorldControl {
 public:
  explicit InProcessClient(InProcessWorld& world) : world_(world) {}

  // ---- sim::Client ----
  sim::Result<sim::SessionRef> SignIn(std::string_view upn,
                                      std::string_view password) override;
  sim::Status ChangePassword(std::string_view upn, std::string_view current,
                             std::string_view new_password) override;
  sim::Result<sim::NewUser> AddUser(sim::SessionRef s,
                                    const sim::UserSpec& spec) override;
  sim::Status SetUserRoles(sim::SessionRef s, sim::UserId user,
                           sim::AgentRole agent, sim::AdminRole admin) override;
  sim::Result<std::vector<sim::UserView>> Users(sim::SessionRef s) override;
  sim::Result<std::string> RevealPassword(sim::SessionRef s,
                                          sim::SecretId id) override;
  sim::Result<std::vector<sim::Section>> Navigation(sim::SessionRef s) override;

  sim::Result<sim::EnrollmentView> StartEnrollment(
      sim::Program program) override;
  sim::Status EnrollSignIn(sim::EnrollmentId e, std::string_view upn,
                           std::string_view password) override;
  sim::Status EnrollCreateWorkAccount(
      sim::EnrollmentId e, const sim::WorkAccountSpec& spec) override;
  sim::Result<std::vector<sim::MpnProfile>> EnrollSignInPmc(
      sim::EnrollmentId e, std::string_view user_name,
      std::string_view password) override;
  sim::Status EnrollChooseProfile(sim::EnrollmentId e, sim::MpnId mpn) override;
  sim::Result<sim::PartnerId> EnrollSubmit(
      sim::EnrollmentId e, const sim::EnrollmentDetails& details) override;
  sim::Status VerifyContact(std::string_view link,
                            sim::ContactAnswer answer) override;
  sim::Result<sim::EnrollmentState> EnrollmentStatus(
      sim::PartnerId partner) override;
  sim::Status CompleteAccountSetup(sim::SessionRef s) override;
  sim::Status AddResellerAccount(sim::SessionRef s,
                                 const sim::Contact& support) override;

  sim::Result<std::vector<sim::ProviderListing>> SearchProviders(
      std::string_view query, std::string_view location) override;
  sim::Result<sim::SupportRequestId> RequestListingChange(
      sim::SessionRef s, const sim::ListingChange& change) override;

  sim::Result<sim::SentInvitation> RequestPartnership(
      sim::SessionRef s, std::string_view reseller_email,
      std::string_view message) override;
  sim::Result<sim::PartnerId> AcceptPartnership(sim::SessionRef s,
                                                std::string_view link,
                                                sim::Consent consent) override;
  sim::Result<std::vector<sim::PartnerSummary>> IndirectResellers(
      sim::SessionRef s) override;
  sim::Result<std::vector<sim::PartnerSummary>> IndirectProviders(
      sim::SessionRef s) override;
  sim::Result<sim::TenantId> AdministerResellerTenant(
      sim::SessionRef s, sim::PartnerId reseller) override;

  sim::Result<sim::SentInvitation> RequestResellerRelationship(
      sim::SessionRef s, std::string_view customer_email,
      std::string_view message) override;
  sim::Result<sim::SentInvitation> InviteCustomerWithProvider(
      sim::SessionRef s, sim::PartnerId provider,
      std::string_view customer_email, std::string_view message) override;
  sim::Result<sim::CustomerId> AcceptResellerInvitation(
      sim::SessionRef s, std::string_view link, sim::Consent consent) override;
  sim::Result<std::vector<sim::CustomerSummary>> SharedCustomers(
      sim::SessionRef s, sim::PartnerId provider) override;
  sim::Result<sim::TenantId> AdministerCustomer(
      sim::SessionRef s, sim::CustomerId customer) override;

  sim::Result<sim::DraftId> BeginAddCustomer(sim::SessionRef s,
                                             sim::PartnerId reseller) override;
  sim::Status SetCustomerDetails(sim::SessionRef s, sim::DraftId d,
                                 const sim::CustomerDetails& details) override;
  sim::Status SetDraftSubscriptions(
      sim::SessionRef s, sim::DraftId d,
      const std::vector<sim::LineItem>& items) override;
  sim::Result<sim::DraftReview> ReviewDraft(sim::SessionRef s,
                                            sim::DraftId d) override;
  sim::Result<sim::CustomerCreated> SubmitDraft(sim::SessionRef s,
                                                sim::DraftId d) override;
  sim::Status CancelDraft(sim::SessionRef s, sim::DraftId d) override;

  sim::Result<sim::OrderReceipt> PlaceOrder(
      sim::SessionRef s, sim::CustomerId customer,
      const std::vector<sim::LineItem>& items,
      sim::PartnerId reseller_on_record) override;
  sim::Status ChangeLicenses(sim::SessionRef s, sim::SubscriptionId sub,
                             std::int64_t licenses) override;
  sim::Status SetSupportContact(sim::SessionRef s, sim::SubscriptionId sub,
                                sim::PartnerId contact) override;
  sim::Result<sim::SupportRequestId> FileCustomerSupportRequest(
      sim::SessionRef s, sim::SubscriptionId sub,
      std::string_view text) override;
  sim::Result<sim::SupportRequestId> FileSupportRequestOnBehalf(
      sim::SessionRef s, sim::SubscriptionId sub,
      std::string_view text) override;
  sim::Result<std::vector<sim::SupportRequestView>> SupportQueue(
      sim::SessionRef s) override;

  sim::Result<std::vector<sim::CustomerSummary>> Customers(
      sim::SessionRef s, sim::CustomerFilter filter) override;
  sim::Result<std::vector<sim::SubscriptionView>> Subscriptions(
      sim::SessionRef s, sim::CustomerId customer) override;
  sim::Result<sim::PartnerSummary> PartnerProfile(sim::SessionRef s) override;
  sim::Result<sim::ProviderListing> Listing(sim::SessionRef s) override;

  sim::Result<std::vector<sim::MailView>> Inbox(
      std::string_view address, std::string_view query) override;
  sim::Status MarkRead(sim::MessageId id) override;

  // ---- sim::WorldControl ----
  sim::Result<sim::PartnerCenter::SeededPartner> SeedPartner(
      const sim::PartnerCenter::PartnerSeed& seed) override;
  sim::Result<sim::PartnerCenter::SeededCustomer> SeedCustomerTenant(
      const sim::PartnerCenter::CustomerSeed& seed) override;
  sim::Status SeedPartnership(sim::PartnerId provider,
                              sim::PartnerId reseller) override;
  sim::Result<sim::PmcAccountId> SeedPmcAccount(
      std::string user_name, std::string_view password) override;
  sim::Status SeedPmcProfile(sim::PmcAccountId account,
                             sim::MpnProfile profile) override;
  sim::SimTime Now() override;
  sim::SimTime Origin() override;
  void Advance(sim::Duration d) override;
  void ArmFault(std::string_view point, sim::FaultSpec spec) override;
  WorldCounts Counts() override;
  std::size_t JournalSize() override;
  std::vector<JournalLine> JournalSince(std::size_t from) override;
  std::vector<sim::MailView> MailSince(sim::MessageId after) override;

 private:
  // The core Session behind `s`; kNotFound for a reference this client
  // never handed out.
  sim::Result<const sim::Session*> SessionOf(sim::SessionRef s) const;

  InProcessWorld& world_;
  std::vector<sim::Session> sessions_;  // SessionRef value - 1
};

}  // namespace tiersim::mocks
