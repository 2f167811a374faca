// Client: how the simulated people (actors.h) reach Microsoft's services —
// Partner Center's pages, Azure AD's sign-in, their own mailbox — without
// knowing whether the services run in this process or behind real servers.
// WorldControl: what a scenario runner needs beyond what people can do:
// seeding the world, moving virtual time, arming faults, reading the
// journal. Both are implemented in-process (mocks/world/in_process_client.h)
// and, later, over the network.
//
// A sign-in gives an opaque SessionRef; the implementation keeps what stands
// behind it (a core Session in process, a bearer token over the network).
// Everything else is plain values. Calls are made from one thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/partner_center.h"

namespace tiersim::sim {

struct SessionRef {
  std::uint64_t value = 0;
};

// A message as a person sees it in their mailbox.
struct MailView {
  MessageId id;
  std::string from;
  std::string to;
  std::string subject;
  std::string text;
  std::string kind;  // what the sender says it is: "partnership.invitation"
  SimTime sent_at;
  bool read = false;
};

class Client {
 public:
  virtual ~Client() = default;

  // ---- Azure AD sign-in and users (F10) ----
  virtual Result<SessionRef> SignIn(std::string_view upn,
                                    std::string_view password) = 0;
  virtual Status ChangePassword(std::string_view upn, std::string_view current,
                                std::string_view new_password) = 0;
  virtual Result<NewUser> AddUser(SessionRef s, const UserSpec& spec) = 0;
  virtual Status SetUserRoles(SessionRef s, UserId user, AgentRole agent,
                              AdminRole admin) = 0;
  virtual Result<std::vector<UserView>> Users(SessionRef s) = 0;
  virtual Result<std::string> RevealPassword(SessionRef s, SecretId id) = 0;
  virtual Result<std::vector<Section>> Navigation(SessionRef s) = 0;

  // ---- F1 enrollment ----
  virtual Result<EnrollmentView> StartEnrollment(Program program) = 0;
  virtual Status EnrollSignIn(EnrollmentId e, std::string_view upn,
                              std::string_view password) = 0;
  virtual Status EnrollCreateWorkAccount(EnrollmentId e,
                                         const WorkAccountSpec& spec) = 0;
  virtual Result<std::vector<MpnProfile>> EnrollSignInPmc(
      EnrollmentId e, std::string_view user_name,
      std::string_view password) = 0;
  virtual Status EnrollChooseProfile(EnrollmentId e, MpnId mpn) = 0;
  virtual Result<PartnerId> EnrollSubmit(EnrollmentId e,
                                         const EnrollmentDetails& details) = 0;
  virtual Status VerifyContact(std::string_view link, ContactAnswer answer) = 0;
  virtual Result<EnrollmentState> EnrollmentStatus(PartnerId partner) = 0;
  virtual Status CompleteAccountSetup(SessionRef s) = 0;
  virtual Status AddResellerAccount(SessionRef s, const Contact& support) = 0;

  // ---- F2 listing ----
  virtual Result<std::vector<ProviderListing>> SearchProviders(
      std::string_view query, std::string_view location) = 0;
  virtual Result<SupportRequestId> RequestListingChange(
      SessionRef s, const ListingChange& change) = 0;

  // ---- F3 partnership ----
  virtual Result<SentInvitation> RequestPartnership(
      SessionRef s, std::string_view reseller_email,
      std::string_view message) = 0;
  virtual Result<PartnerId> AcceptPartnership(SessionRef s,
                                              std::string_view link,
                                              Consent consent) = 0;
  virtual Result<std::vector<PartnerSummary>> IndirectResellers(
      SessionRef s) = 0;
  virtual Result<std::vector<PartnerSummary>> IndirectProviders(
      SessionRef s) = 0;
  virtual Result<TenantId> AdministerResellerTenant(SessionRef s,
                                                    PartnerId reseller) = 0;

  // ---- F4-F6 customer relationships ----
  virtual Result<SentInvitation> RequestResellerRelationship(
      SessionRef s, std::string_view customer_email,
      std::string_view message) = 0;
  virtual Result<SentInvitation> InviteCustomerWithProvider(
      SessionRef s, PartnerId provider, std::string_view customer_email,
      std::string_view message) = 0;
  virtual Result<CustomerId> AcceptResellerInvitation(SessionRef s,
                                                      std::string_view link,
                                                      Consent consent) = 0;
  virtual Result<std::vector<CustomerSummary>> SharedCustomers(
      SessionRef s, PartnerId provider) = 0;
  virtual Result<TenantId> AdministerCustomer(SessionRef s,
                                              CustomerId customer) = 0;

  // ---- F7 the add-customer wizard ----
  virtual Result<DraftId> BeginAddCustomer(SessionRef s,
                                           PartnerId reseller) = 0;
  virtual Status SetCustomerDetails(SessionRef s, DraftId d,
                                    const CustomerDetails& details) = 0;
  virtual Status SetDraftSubscriptions(SessionRef s, DraftId d,
                                       const std::vector<LineItem>& items) = 0;
  virtual Result<DraftReview> ReviewDraft(SessionRef s, DraftId d) = 0;
  virtual Result<CustomerCreated> SubmitDraft(SessionRef s, DraftId d) = 0;
  virtual Status CancelDraft(SessionRef s, DraftId d) = 0;

  // ---- F8, F9 orders and support ----
  virtual Result<OrderReceipt> PlaceOrder(SessionRef s, CustomerId customer,
                                          const std::vector<LineItem>& items,
                                          PartnerId reseller_on_record) = 0;
  virtual Status ChangeLicenses(SessionRef s, SubscriptionId sub,
                                std::int64_t licenses) = 0;
  virtual Status SetSupportContact(SessionRef s, SubscriptionId sub,
                                   PartnerId contact) = 0;
  virtual Result<SupportRequestId> FileCustomerSupportRequest(
      SessionRef s, SubscriptionId sub, std::string_view text) = 0;
  virtual Result<SupportRequestId> FileSupportRequestOnBehalf(
      SessionRef s, SubscriptionId sub, std::string_view text) = 0;
  virtual Result<std::vector<SupportRequestView>> SupportQueue(
      SessionRef s) = 0;

  // ---- Views ----
  virtual Result<std::vector<CustomerSummary>> Customers(
      SessionRef s, CustomerFilter filter) = 0;
  virtual Result<std::vector<SubscriptionView>> Subscriptions(
      SessionRef s, CustomerId customer) = 0;
  virtual Result<PartnerSummary> PartnerProfile(SessionRef s) = 0;
  virtual Result<ProviderListing> Listing(SessionRef s) = 0;

  // ---- The person's mailbox ----
  // Messages to `address` matching `query` (the mail store's query
  // language; empty = all), oldest first.
  virtual Result<std::vector<MailView>> Inbox(std::string_view address,
                                              std::string_view query) = 0;
  virtual Status MarkRead(MessageId id) = 0;
};

class WorldControl {
 public:
  virtual ~WorldControl() = default;

  virtual Result<PartnerCenter::SeededPartner> SeedPartner(
      const PartnerCenter::PartnerSeed& seed) = 0;
  virtual Result<PartnerCenter::SeededCustomer> SeedCustomerTenant(
      const PartnerCenter::CustomerSeed& seed) = 0;
  virtual Status SeedPartnership(PartnerId provider, PartnerId reseller) = 0;
  virtual Result<PmcAccountId> SeedPmcAccount(std::string user_name,
                                              std::string_view password) = 0;
  virtual Status SeedPmcProfile(PmcAccountId account, MpnProfile profile) = 0;

  virtual SimTime Now() = 0;
  virtual SimTime Origin() = 0;  // when the world started
  // Runs every event due within `d` of virtual time, then sets the clock.
  virtual void Advance(Duration d) = 0;
  virtual void ArmFault(std::string_view point, FaultSpec spec) = 0;

  struct WorldCounts {
    PartnerCenter::Counts core;
    std::size_t tenants = 0;
    std::size_t directory_users = 0;
    std::size_t emails = 0;
  };
  virtual WorldCounts Counts() = 0;
  // The journal's length, and its entries from index `from` on.
  struct JournalLine {
    SimTime at;
    bool by_microsoft = false;  // a scheduled happening, not a person
    std::string action;         // "enrollment.review"
    ErrorCode outcome = ErrorCode::kOk;
    std::string text;  // the rendered line
  };
  virtual std::size_t JournalSize() = 0;
  virtual std::vector<JournalLine> JournalSince(std::size_t from) = 0;
  // Every message sent since `after` (all recipients), oldest first.
  virtual std::vector<MailView> MailSince(MessageId after) = 0;
};

}  // namespace tiersim::sim
