// NetworkClient: sim::Client and sim::WorldControl over the network — what
// the scenario runner uses with `--transport http`. Every call is a real
// request: sign-in is an OAuth 2.0 password grant against Azure AD over
// HTTPS (trusting tiersim's generated CA); Partner Center calls go to the
// REST server with the bearer token; mailboxes are read through the mail
// server's Mailpit-shaped API; seeding, time, faults and the journal go
// through the servers' /_tiersim control routes.
//
// Errors come back as the same sim::Status the in-process transport gives
// (code from the error body's `data`, message from its description), so a
// scenario gives the same outcomes over both transports. A server that
// cannot be reached gives kUnavailable naming it.
//
// Single-threaded, like every sim::Client: one keep-alive connection per
// server. A SessionRef indexes the access tokens this client obtained.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sim/client.h"

namespace tiersim::mocks {

struct NetworkTarget {
  std::string partner_center_url;  // "http://127.0.0.1:5080"
  std::string aad_url;             // "https://localhost:5443"
  std::string mail_api_url;        // "http://127.0.0.1:8025"
  std::string ca_file;             // PEM of the CA that signed AAD's cert
  // Azure AD's built-in public client and the Partner Center API scope.
  std::string client_id = "7e57a1d0-0000-4000-9000-000000000001";
  std::string scope = "https://api.partnercenter.microsoft.com/.default";
  std::string tenant = "organizations";
};

// Asks the Partner Center server at `partner_center_url` where the world's
// other servers are (GET /_tiersim/endpoints). kUnavailable when it does
// not answer.
sim::Result<NetworkTarget> DiscoverTarget(
    const std::string& partner_center_url);

class NetworkClient final : public sim::Client, public sim::WorldControl {
 public:
  explicit NetworkClient(NetworkTarget target);
  ~NetworkClient() override;
  NetworkClient(const NetworkClient&) = delete;
  NetworkClient& operator=(const NetworkClient&) = delete;

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

  // Resets the served world (POST /_tiersim/reset with `seed`) and forgets
  // this client's sessions: a fresh world for the next scenario.
  sim::Status ResetWorld(std::uint64_t seed);

  // The first failure of a call that cannot return one (Advance, ArmFault,
  // Counts, the journal, MailSince); OK when there was none.
  sim::Status TransportError() const;

  struct Impl;  // mocks/remote/network_impl.h

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace tiersim::mocks
