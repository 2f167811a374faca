// PartnerCenter: the two-tier CSP world in memory (SPEC.md F1-F10, R1-R47).
//
// A single-threaded state machine. Every operation is one thing a person
// does on a Partner Center page (or that Microsoft does on its own, such as
// finishing a review) and returns Status or Result<T>; a failed operation
// changes nothing. Identity, the Partner Membership Center and email are
// reached only through the ports given at construction, time only through
// the Kernel's virtual clock, randomness only through its Rng. Every
// operation is written to the Kernel's journal.
//
// Ownership: PartnerCenter owns the Store; the Kernel and ports are borrowed
// and must outlive it. Thread rules: one thread at a time (servers serialise
// calls at their boundary).
//
//   Kernel kernel({.seed = 7});
//   PartnerCenter pc(kernel, directory, pmc, mail);
//   auto session = pc.SignIn("admin@contoso.onmicrosoft.com", "Passw0rd!");
//   auto invite = pc.RequestPartnership(*session, "ceo@fabrikam.example");
#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/catalog.h"
#include "sim/kernel.h"
#include "sim/model.h"
#include "sim/ports.h"
#include "sim/session.h"
#include "sim/status.h"
#include "sim/views.h"

namespace tiersim::sim {

struct PartnerCenterOptions {
  std::string portal_url = "https://partnercenter.tiersim.test";
  std::string sender = "partnercenter@microsoft.tiersim.test";
  Duration invitation_ttl = Days(30);
  Duration verification_ttl = Days(7);
  Duration review_min = Days(2);  // R4: review takes days
  Duration review_max = Days(5);
  Duration listing_min = Days(14);  // R27: 2-3 weeks
  Duration listing_max = Days(21);
};

// The most line items one order may have. Every line becomes a
// subscription inside one call, so the cap bounds how long one request
// may keep the (single-threaded) core busy; a real order is a handful of
// lines, and more are placed as several orders.
inline constexpr std::size_t kMaxOrderLineItems = 100;

// Failed sign-ins and failed password changes (both guess a password) are
// journaled up to this many per world, together; after that one
// "user.sign_in.not_journaled" entry says so and later failures are only
// counted (failed_sign_ins()), so a password-guessing client cannot grow
// the journal without bound. Successes are always journaled.
inline constexpr std::size_t kMaxJournaledFailedSignIns = 1000;

class PartnerCenter {
 public:
  PartnerCenter(Kernel& kernel, IdentityPort& identity,
                MembershipPort& membership, MailPort& mail,
                Catalog catalog = Catalog::Default(),
                PartnerCenterOptions options = {});
  PartnerCenter(const PartnerCenter&) = delete;
  PartnerCenter& operator=(const PartnerCenter&) = delete;
  ~PartnerCenter();

  // ---- Sign-in and users (F10, R23, R40-R47) ---- users.cc
  Result<Session> SignIn(std::string_view upn, std::string_view password);
  Status ChangePassword(std::string_view upn, std::string_view current,
                        std::string_view new_password);
  // A session for a directory user whose Azure AD token a server has
  // verified (the token proves the password check). kNotFound when no user
  // has that ID and sign-in name any more (e.g. a token from before a world
  // was reset, whose ID now belongs to someone else). Not journalled: the
  // sign-in that issued the token was.
  Result<Session> ResumeSession(DirectoryUserId user, std::string_view upn);
  Result<NewUser> AddUser(const Session& s, const UserSpec& spec);
  Status SetUserRoles(const Session& s, UserId user, AgentRole agent,
                      AdminRole admin);
  Result<std::vector<UserView>> Users(const Session& s);
  // Shows a temporary password exactly once (R23); kSecretAlreadyShown after.
  Result<std::string> RevealPassword(const Session& s, SecretId secret);
  // R45: the sections this user's roles let them see.
  Result<std::vector<Section>> Navigation(const Session& s);
  // The partner user behind a session (kNotFound for customer people).
  Result<UserView> Me(const Session& s);

  // ---- F1 enrollment ---- enrollment.cc
  EnrollmentView StartEnrollment(Program program);
  Status EnrollSignIn(EnrollmentId e, std::string_view upn,
                      std::string_view password);
  Status EnrollCreateWorkAccount(EnrollmentId e, const WorkAccountSpec& spec);
  Result<std::vector<MpnProfile>> EnrollSignInPmc(EnrollmentId e,
                                                  std::string_view user_name,
                                                  std::string_view password);
  Status EnrollChooseProfile(EnrollmentId e, MpnId mpn);
  Result<PartnerId> EnrollSubmit(EnrollmentId e,
                                 const EnrollmentDetails& details);
  Result<EnrollmentView> GetEnrollment(EnrollmentId e) const;
  // Step 6: the primary contact follows the verification link.
  Status VerifyContact(std::string_view link, ContactAnswer answer);
  Result<EnrollmentState> EnrollmentStatus(PartnerId partner) const;
  // R8, the ways out (enrollment_exits.cc): a fresh verification email while
  // the contact has not verified; abandoning an application that is not in
  // review or approved, which frees its tenant and MPN ID (as a rejection
  // does).
  // Both are the applicant's: `s` must be a global admin of the work account
  // the enrollment signed in with. Resends stop at kMaxVerificationResends.
  Status ResendVerification(const Session& s, EnrollmentId e);
  Status AbandonEnrollment(const Session& s, EnrollmentId e);
  static constexpr int kMaxVerificationResends = 10;
  // Step 8: check the admin-agent group; add the Admin agent role if missing.
  Status CompleteAccountSetup(const Session& s);
  // F1b: an enrolled CSP partner gets a reseller account.
  Status AddResellerAccount(const Session& s, const Contact& support_contact);

  // ---- F2 provider listing ---- listing.cc
  std::vector<ProviderListing> SearchProviders(std::string_view query,
                                               std::string_view location);
  Result<ProviderListing> Listing(const Session& s);
  Result<SupportRequestId> RequestListingChange(const Session& s,
                                                const ListingChange& change);

  // ---- F3 partnership ---- partnership.cc
  // Sends the draft email (default text, or `message`, which must keep
  // {link}).
  Result<SentInvitation> RequestPartnership(const Session& s,
                                            std::string_view reseller_email,
                                            std::string_view message = {});
  Result<PartnerId> AcceptPartnership(const Session& s, std::string_view link,
                                      Consent consent = Consent::kGiven);
  Result<std::vector<PartnerSummary>> IndirectResellers(const Session& s);
  Result<std::vector<PartnerSummary>> IndirectProviders(const Session& s);
  // R13: the provider administers the reseller's Azure AD tenant.
  Result<TenantId> AdministerResellerTenant(const Session& s,
                                            PartnerId reseller);
  // R14 (endings.cc): either side ends the partnership with `other`; the
  // provider can no longer act for the reseller (R10). Subscriptions keep
  // their history; support the reseller took for that provider's
  // subscriptions goes back to the provider. The other side is emailed.
  Status EndPartnership(const Session& s, PartnerId other);
  // A partner ends its reseller relationship with a customer: the customer
  // leaves its Customers list and it can no longer manage the customer's
  // subscriptions (R20); the subscriptions keep their history.
  Status EndResellerRelationship(const Session& s, CustomerId customer);
  // The customer's side (its global admin, as in the admin center's Partner
  // relationships page): the partners it has a relationship with, and
  // removing one, reseller or delegated admin alike; the partner is emailed.
  Result<std::vector<CustomerPartnerView>> PartnerRelationships(
      const Session& s);
  Status RemovePartnerRelationship(const Session& s, PartnerId partner);

  // ---- F4, F5, F6 customer relationships ---- relationships.cc
  Result<SentInvitation> RequestResellerRelationship(
      const Session& s, std::string_view customer_email,
      std::string_view message = {});
  // R40/R46: a request for delegated admin privileges alone; once the
  // customer's global admin accepts, the partner administers the customer
  // outside CSP (Global admins only, R46) and cannot sell to it (R20).
  Result<SentInvitation> RequestDelegatedAdmin(const Session& s,
                                               std::string_view customer_email,
                                               std::string_view message = {});
  Result<SentInvitation> InviteCustomerWithProvider(
      const Session& s, PartnerId provider, std::string_view customer_email,
      std::string_view message = {});
  // The customer's global admin authorises the reseller (and provider).
  Result<CustomerId> AcceptResellerInvitation(
      const Session& s, std::string_view link,
      Consent consent = Consent::kGiven);
  Result<std::vector<CustomerSummary>> SharedCustomers(const Session& s,
                                                       PartnerId provider);
  // R46: open the customer's admin portal.
  Result<TenantId> AdministerCustomer(const Session& s, CustomerId customer);
  Result<std::vector<InvitationView>> SentInvitations(const Session& s);

  // ---- Service health (R40, R41) ---- views.cc
  // Every Microsoft service, healthy unless Microsoft has an outage of it
  // (the service.outage fault point), with the caller's customers using it.
  Result<std::vector<ServiceHealthView>> ServiceHealth(const Session& s);

  // ---- Customer leads (Microsoft referrals; R41) ---- leads.cc
  // Microsoft refers a customer to `partner` (a control, as seeding is):
  // the partner's primary contact is emailed. Managing leads needs the
  // Manage customer leads permission (Admin agent, Global admin; not a
  // Helpdesk agent, R41). A new lead is accepted (its contact is shared) or
  // declined, once.
  Result<LeadId> ReferCustomer(PartnerId partner, const LeadSpec& spec);
  Result<std::vector<LeadView>> Leads(const Session& s);
  Result<LeadView> AcceptLead(const Session& s, LeadId lead);
  Status DeclineLead(const Session& s, LeadId lead);

  // ---- F4/F5 the customer's users and licences ---- customer_users.cc
  // For a partner that may administer the customer (AdministerCustomer's
  // rule). A new user's name must be in the customer's domain; without a
  // password Partner Center makes a temporary one, shown once (R23). A
  // licence is assigned while the customer's subscriptions of the offer
  // have one unassigned (kNoLicensesAvailable); removing a user frees its
  // licences; the customer's last global admin stays.
  Result<std::vector<CustomerUserView>> CustomerUsers(const Session& s,
                                                      CustomerId customer);
  Result<NewCustomerUser> AddCustomerUser(const Session& s, CustomerId customer,
                                          const CustomerUserSpec& spec);
  Status RemoveCustomerUser(const Session& s, CustomerId customer,
                            DirectoryUserId user);
  Result<LicenseUpdate> UpdateUserLicenses(const Session& s,
                                           CustomerId customer,
                                           DirectoryUserId user,
                                           const LicenseUpdate& update);
  Result<std::vector<SubscribedSku>> SubscribedSkus(const Session& s,
                                                    CustomerId customer);

  // ---- F7 new customer on a reseller's behalf ---- customers.cc
  Result<DraftId> BeginAddCustomer(const Session& s, PartnerId reseller);
  Status SetCustomerDetails(const Session& s, DraftId d,
                            const CustomerDetails& details);
  Status SetDraftSubscriptions(const Session& s, DraftId d,
                               const std::vector<LineItem>& items);
  Result<DraftReview> ReviewDraft(const Session& s, DraftId d);
  Result<CustomerCreated> SubmitDraft(const Session& s, DraftId d);
  Status CancelDraft(const Session& s, DraftId d);
  // All wizard pages at once.
  Result<CustomerCreated> CreateCustomer(const Session& s, PartnerId reseller,
                                         const CustomerDetails& details,
                                         const std::vector<LineItem>& items);

  // The REST API's POST /customers: the wizard's checks and all-or-nothing
  // creation (R22), without subscriptions (orders follow separately).
  Result<CustomerCreated> CreateCustomerByApi(const Session& s,
                                              PartnerId reseller,
                                              const CustomerDetails& details);

  // ---- F8, F9 orders, subscriptions, support ---- orders.cc
  Result<OrderReceipt> PlaceOrder(const Session& s, CustomerId customer,
                                  const std::vector<LineItem>& items,
                                  PartnerId reseller_on_record);
  Status ChangeLicenses(const Session& s, SubscriptionId sub,
                        std::int64_t licenses);
  // F8's changes to an existing subscription (subscription_changes.cc), by
  // its provider or associated reseller (R28): more licenses within the
  // offer's limits (R24); an upgrade along the offer's upgrade paths; and,
  // by the provider alone, the reseller credited for it.
  Status AddLicenses(const Session& s, SubscriptionId sub, std::int64_t more);
  Status UpgradeSubscription(const Session& s, SubscriptionId sub,
                             std::string_view offer_id);
  Status SetSubscriptionReseller(const Session& s, SubscriptionId sub,
                                 PartnerId reseller);
  Status SetSupportContact(const Session& s, SubscriptionId sub,
                           PartnerId contact);
  // A customer's person files a support request on a subscription; it goes
  // to the designated support contact.
  Result<SupportRequestId> FileCustomerSupportRequest(const Session& s,
                                                      SubscriptionId sub,
                                                      std::string_view text);
  // A partner agent files one on behalf of a customer (R41).
  Result<SupportRequestId> FileSupportRequestOnBehalf(const Session& s,
                                                      SubscriptionId sub,
                                                      std::string_view text);
  Result<std::vector<SupportRequestView>> SupportQueue(const Session& s);

  // ---- Views ---- views.cc
  Result<std::vector<CustomerSummary>> Customers(const Session& s,
                                                 CustomerFilter filter = {});
  // Up to `limit` of the customers Customers() would give, from `offset`
  // on, and their total; only those returned are summarized, so a page of
  // a long list costs a pass over IDs, not a copy of the list.
  Result<CustomerSlice> CustomerRange(const Session& s,
                                      const CustomerFilter& filter,
                                      std::size_t offset, std::size_t limit);
  Result<CustomerSummary> GetCustomer(const Session& s, CustomerId customer);
  Result<std::vector<SubscriptionView>> Subscriptions(const Session& s,
                                                      CustomerId customer);
  // One subscription of `customer`; a subscription of another customer,
  // or of one the caller cannot see, is not found (R26).
  Result<SubscriptionView> GetSubscription(const Session& s,
                                           CustomerId customer,
                                           SubscriptionId sub);
  Result<PartnerProfileView> PartnerProfile(const Session& s);
  // A partner named by our ID ("partner-7") or its MPN ID ("4700001"), as
  // the REST API's partnerIdOnRecord, associatedPartnerId and supportMpnId
  // name them; nullopt when no partner has it.
  std::optional<PartnerId> FindPartner(std::string_view id_or_mpn) const;
  // The public card of a partner; kNotFound for an unknown one.
  Result<PartnerCard> Card(PartnerId partner) const;
  // The Partner Center roles of the work account `user`, as Azure AD puts
  // them in its tokens; nullopt when the account is no partner's user
  // (a customer's admin).
  std::optional<UserView> UserOfDirectoryUser(DirectoryUserId user) const;
  // GET /profiles/mpn: the Partner Membership Center's profile of an MPN ID,
  // for any signed-in partner user.
  Result<MpnProfile> LookUpMpnProfile(const Session& s, MpnId mpn);

  // ---- World seeding, for fixtures and scenario casts ---- seeding.cc
  struct PartnerSeed {
    Program program = Program::kIndirectReseller;
    bool direct = false;  // a direct CSP partner (F1b)
    std::string legal_name;
    std::string domain_prefix;
    std::string country = "US";
    MpnId mpn;
    std::string admin_name = "Global Admin";
    std::string admin_password;
    Contact primary_contact;  // defaults to the admin
  };
  struct SeededPartner {
    PartnerId partner;
    TenantId tenant;
    std::string admin_upn;
  };
  struct CustomerSeed {
    std::string company_name;
    std::string domain_prefix;
    std::string country = "US";
    std::string admin_password;
    // F4: partners' tenants that already serve this customer.
    std::vector<TenantId> served_by;
    RelationshipKind kind = RelationshipKind::kReseller;
  };
  struct SeededCustomer {
    TenantId tenant;
    std::string admin_upn;
    CustomerId customer;  // served by nobody until a relationship exists
  };
  Result<SeededPartner> SeedPartner(const PartnerSeed& seed);
  Result<SeededCustomer> SeedCustomerTenant(const CustomerSeed& seed);
  Status SeedPartnership(PartnerId provider, PartnerId reseller);

  // ---- Introspection (tests, reports) ----
  Kernel& kernel() { return kernel_; }
  const Catalog& catalog() const { return catalog_; }
  const PartnerCenterOptions& options() const { return options_; }
  const Store& store() const { return store_; }
  // Entity counts, for "nothing changed" checks.
  struct Counts {
    std::size_t partners, users, customers, subscriptions, orders, invitations,
        drafts, secrets, support_requests;
    friend bool operator==(const Counts&, const Counts&) = default;
  };
  Counts counts() const;
  // Failed sign-ins and password changes since the world began, journaled
  // or not (see kMaxJournaledFailedSignIns).
  std::size_t failed_sign_ins() const { return failed_sign_ins_; }

 private:
  struct Actor;  // the signed-in partner user, resolved (access.cc)
  Result<Actor> ResolveActor(const Session& s);
  Status Require(const Actor& a, Permission p) const;
  Status RequirePartnershipPage(const Actor& a) const;
  Status RequireActivePartner(const Partner& p) const;
  Result<DirectoryUser> RequireGlobalAdminOfTenant(const Session& s) const;
  bool CanSeeCustomer(const Partner& p, const Customer& c) const;
  Result<Customer*> VisibleCustomer(const Actor& a, CustomerId id);
  Result<Subscription*> VisibleSubscription(const Actor& a, SubscriptionId id);
  // How a partner stands to a subscription (R28): the provider that sold
  // it; its reseller (the reseller of record, or while it has none, any
  // reseller partnered with its provider); its designated support contact;
  // its reseller of record no longer partnered with the provider, who sees
  // its history (R14); or a stranger, to whom it does not exist (R26).
  enum class Standing : std::uint8_t {
    kStranger,
    kFormerReseller,
    kSupportContact,
    kReseller,
    kProvider
  };
  Standing StandingOn(PartnerId partner, const Subscription& sub) const;
  // Customers the provider serves together with the reseller: both hold a
  // reseller relationship (R28's filter, the reseller's F6 view).
  static bool ServedTogether(const Customer& c, PartnerId provider,
                             PartnerId reseller);
  // Who may act on a subscription: `a` needs `permission`, and for an
  // Office 365 subscription also the Office 365 permission (R41: Admin
  // agents, not Helpdesk agents); then a reseller relationship with the
  // subscription's customer (R20); then a standing of at least `least`
  // (R28). Returns that customer.
  Result<const Customer*> RequireSubscriptionAccess(const Actor& a,
                                                    const Subscription& sub,
                                                    Permission permission,
                                                    Standing least);
  // The subscription `a` may manage (VisibleSubscription, then
  // RequireSubscriptionAccess with the subscription-management permission).
  Result<Subscription*> ManagedSubscription(const Actor& a, SubscriptionId id,
                                            Standing least);
  // Invitations (invitations.cc).
  Result<SentInvitation> IssueInvitation(InvitationKind kind, const Actor* a,
                                         PartnerId sender, PartnerId co_sender,
                                         std::string_view recipient,
                                         std::string_view message,
                                         Duration ttl);
  // The open invitation behind `link`, of one of the `expected` kinds (the
  // first names the purpose in a refusal).
  Result<Invitation*> OpenInvitation(
      std::string_view link, std::initializer_list<InvitationKind> expected);
  std::string LinkFor(const Token& t) const;
  Status SendMail(std::string_view to, std::string subject, std::string text,
                  std::vector<std::string> links, std::string kind);
  SecretId StoreSecret(UserId owner, std::string value);
  std::string NewTemporaryPassword();
  void Record(std::string_view action, Ref actor, Ref subject, Ref object,
              const Status& outcome, std::string note = {});
  // A failed sign-in or password change, journaled within
  // kMaxJournaledFailedSignIns.
  void RecordFailedCredential(std::string_view action, const Status& outcome,
                              std::string_view upn);
  struct NewTenant {
    TenantId tenant;
    DirectoryUserId admin;
    std::string admin_upn;
  };
  // The tenant <prefix>.onmicrosoft.com with its global admin admin@<domain>;
  // the tenant is removed again if the admin cannot be created.
  Result<NewTenant> CreateTenantWithAdmin(std::string_view display_name,
                                          std::string_view domain_prefix,
                                          std::string_view country,
                                          std::string_view admin_name,
                                          std::string_view password,
                                          PasswordKind kind);
  // Enrollment internals.
  // The enrollment if it exists and was not submitted yet.
  Result<Enrollment*> OpenEnrollment(EnrollmentId e);
  // What a submitted or abandoned enrollment is now, in words, with what
  // the applicant can do next (R8).
  Status NotOpen(const Enrollment& en) const;
  // R5 for the ways out: `s` is a global admin of the enrollment's work
  // account (any signed-in person while none is bound yet).
  Status RequireApplicant(const Session& s, const Enrollment& en) const;
  // A tenant or MPN ID is held by its partner while the application is
  // pending, in review or approved, and free again once it was rejected or
  // abandoned (R8). The refusals name the holder's true state.
  Status TenantFree(TenantId t) const;
  Status MpnFree(MpnId mpn) const;
  void FinishReview(PartnerId partner);
  void ActivatePartner(Partner& p, DirectoryUserId admin);
  PartnerSummary Summarize(const Partner& p) const;
  // A partner as people name it in messages: its legal name ("Fabrikam
  // Solutions"); the ID only when no such partner exists.
  std::string NameOf(PartnerId p) const;
  // Makes `to` the subscription's support contact and moves its open
  // support requests into `to`'s queue (R14 endings).
  void HandOverSupport(Subscription& sub, PartnerId to);
  // Removes `partner`'s relationship with `c`; its support for c's
  // subscriptions goes to whoever may still take it (R25).
  void DropRelationship(Customer& c, PartnerId partner);
  // The customer whose global admin `s` is.
  Result<Customer*> CustomerOfAdmin(const Session& s);
  // Whether an address reaches the partner: its domain, its primary or
  // support contact, or one of its users.
  bool AddressedTo(const Partner& p, std::string_view email) const;
  CustomerSummary Summarize(const Customer& c, PartnerId viewer) const;
  SubscriptionView ViewOf(const Subscription& s) const;
  Result<CustomerCreated> Commit(const Actor& a, const CustomerDraft& d);
  Status CheckCanAddCustomer(const Actor& a, PartnerId reseller) const;
  Status CheckCustomerDetails(const CustomerDetails& details) const;
  Result<CustomerDraft*> OwnDraft(const Actor& a, DraftId d);
  Status CheckLineItems(const std::vector<LineItem>& items) const;
  // Records a customer issue on `sub` (kInvalidArgument if `text` is empty).
  Result<SupportRequestId> AddCustomerIssue(PartnerId filed_by,
                                            const Subscription& sub,
                                            PartnerId assigned_to,
                                            std::string_view text);
  void AddRelationship(Customer& c, PartnerId partner, RelationshipKind kind);
  // The partner's own new lead (leads.cc).
  Result<CustomerLead*> OwnNewLead(const Actor& a, LeadId lead);
  LeadView ViewOf(const CustomerLead& l) const;
  // The customer `a` may administer (R46, R40), and its users and licences
  // (customer_users.cc).
  Result<Customer*> AdministeredCustomer(const Actor& a, CustomerId customer);
  Result<DirectoryUser> UserOfCustomer(const Customer& c,
                                       DirectoryUserId user) const;
  CustomerUserView CustomerUserOf(const DirectoryUser& u) const;
  std::int32_t AssignedLicenses(const Customer& c, OfferIndex offer) const;
  std::int32_t OwnedLicenses(const Customer& c, OfferIndex offer) const;
  // kLicensesAssigned when `sub` with `licenses` would leave the customer
  // fewer licences of its offer than its users hold.
  Status CheckAssignedLicenses(const Subscription& sub,
                               std::int32_t licenses) const;
  // Before `sub` is upgraded to `to`: the users' licences that only `sub`
  // covered move to `to`.
  void MoveAssignedLicenses(const Subscription& sub, OfferIndex to);
  // Items must have passed CheckLineItems; cannot fail.
  OrderReceipt CreateOrder(Customer& c, PartnerId placed_by, PartnerId reseller,
                           const std::vector<LineItem>& items);

  Kernel& kernel_;
  IdentityPort& identity_;
  MembershipPort& membership_;
  MailPort& mail_;
  Catalog catalog_;
  PartnerCenterOptions options_;
  Store store_;
  std::size_t failed_sign_ins_ = 0;
};

}  // namespace tiersim::sim
