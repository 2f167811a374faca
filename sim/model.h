// The entities of the Partner Center world (SPEC.md, "Objects") and the
// Store that owns them. Plain data; the rules live in the PartnerCenter
// operations. Entities sit in vectors indexed by their dense IDs, so lookups
// are O(1) and a world of a million customers stays compact.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "sim/catalog.h"
#include "sim/ids.h"
#include "sim/ports.h"
#include "sim/roles.h"
#include "sim/time.h"

namespace tiersim::sim {

struct Address {
  std::string line1;
  std::string city;
  std::string state;
  std::string postal_code;
  std::string country;
};

struct Contact {
  std::string name;
  std::string email;
  std::string phone;
};

enum class Program : std::uint8_t { kIndirectProvider, kIndirectReseller };
std::string_view ProgramName(Program p);

enum class EnrollmentState : std::uint8_t {
  kPendingVerification,  // waiting for the primary contact (R3)
  kInReview,             // Microsoft is reviewing (R4)
  kApproved,
  kRejected,
  kAbandoned,  // withdrawn by the applicant (R8)
};
std::string_view EnrollmentStateName(EnrollmentState s);

struct LocationTarget {
  std::string location;  // "US", "Europe", ...
  std::string url;
};

// A provider's entry in the official indirect-providers list (F2).
struct ProviderListing {
  std::string company_name;
  std::string logo_url;
  std::vector<LocationTarget> targets;
};

struct Partner {
  PartnerId id;
  TenantId tenant;
  MpnId mpn;
  std::string domain;   // the tenant's
  std::string country;  // the tenant's
  bool provider = false;
  bool reseller = false;
  bool direct = false;  // a CSP account outside the two-tier programs
  EnrollmentState state = EnrollmentState::kPendingVerification;
  bool setup_complete = false;  // F1 step 8 done
  DirectoryUserId enrolled_by;  // the global admin who enrolled
  EnrollmentId enrollment;      // the application (none when seeded)
  std::string legal_name;
  Address address;
  Contact primary_contact;
  Contact support_contact;
  // Moved from the chosen MPN profile at enrollment (F1 step 7).
  std::vector<std::string> incentives, benefits, competencies;
  ProviderListing listing;            // providers only
  std::vector<PartnerId> partners;    // the other side of each partnership
  std::vector<CustomerId> customers;  // every customer related to us
  std::vector<UserId> users;
  std::vector<SupportRequestId> support_queue;
  SimTime enrolled_at{};
};

enum class RelationshipKind : std::uint8_t {
  kReseller,            // CSP reseller relationship (R20)
  kDelegatedAdminOnly,  // admin rights outside CSP (R46)
};

struct Relationship {
  PartnerId partner;
  RelationshipKind kind;
};

// Kept small: a million of these must fit in well under 1 KiB each. The
// domain lives in the tenant (Azure AD), not here.
struct Customer {
  CustomerId id;
  TenantId tenant;
  std::string company_name;
  std::array<char, 2> country{};  // ISO alpha-2
  std::vector<Relationship> relationships;
  std::vector<SubscriptionId> subscriptions;
  SimTime created_at{};
};

struct User {
  UserId id;
  DirectoryUserId directory_user;
  PartnerId partner;
  std::string full_name;
  std::string email;  // also the sign-in name
  AgentRole agent = AgentRole::kNone;
  AdminRole admin = AdminRole::kNone;
};

struct Subscription {
  SubscriptionId id;
  CustomerId customer;
  OrderId order;
  OfferIndex offer = 0;
  std::int32_t licenses = 0;
  PartnerId provider;            // who bought it from Microsoft
  PartnerId reseller_of_record;  // credited for incentives (may be empty)
  PartnerId support_contact;     // takes support requests (R25)
  SimTime created_at{};
};

// An order's subscriptions are created together, so their IDs are
// consecutive: first_subscription .. first_subscription + line_count - 1.
struct Order {
  OrderId id;
  CustomerId customer;
  PartnerId placed_by;
  PartnerId reseller_on_record;
  SubscriptionId first_subscription;
  std::uint32_t line_count = 0;
  SimTime at{};
};

enum class InvitationKind : std::uint8_t {
  kContactVerification,   // F1 step 6
  kPartnership,           // F3
  kResellerRelationship,  // F4
  kJointRelationship,     // F5
  kDelegatedAdmin,        // R40/R46: delegated admin privileges alone
};
std::string_view InvitationKindName(InvitationKind k);

struct Token {
  std::uint64_t hi = 0;
  std::uint64_t lo = 0;
  friend bool operator==(const Token&, const Token&) = default;
  std::string ToHex() const;  // 32 lowercase hex digits
  static std::optional<Token> FromHex(std::string_view hex);
};

struct TokenHash {
  std::size_t operator()(const Token& t) const { return t.hi ^ (t.lo << 1); }
};

struct Invitation {
  InvitationId id;
  InvitationKind kind;
  bool used = false;
  bool withdrawn = false;  // the partnership it relied on ended (R14)
  PartnerId sender;
  PartnerId co_sender;  // the provider of a joint invitation
  UserId sent_by;
  std::string recipient;  // email address the link was sent to
  Token token;
  SimTime created_at{};
  SimTime expires_at{};
  SimTime used_at{};
};

struct LineItem {
  std::string offer_id;
  std::int64_t licenses = 0;
  friend bool operator==(const LineItem&, const LineItem&) = default;
};

struct CustomerDetails {
  std::string company_name;
  std::string domain_prefix;  // "fabrikam" -> fabrikam.onmicrosoft.com
  std::string country;        // ISO alpha-2
  Contact contact;
  Address address;
};

// The "Add new customer" wizard (F7), held until Submit or Cancel.
struct CustomerDraft {
  DraftId id;
  UserId owner;
  PartnerId provider;
  PartnerId reseller;
  std::optional<CustomerDetails> details;
  std::optional<std::vector<LineItem>> items;
};

enum class SupportKind : std::uint8_t { kListingChange, kCustomerIssue };
enum class SupportState : std::uint8_t { kOpen, kResolved };

struct SupportRequest {
  SupportRequestId id;
  SupportKind kind;
  SupportState state = SupportState::kOpen;
  PartnerId filed_by_partner;  // empty when a customer filed it
  CustomerId customer;
  SubscriptionId subscription;
  PartnerId assigned_to;  // empty = Microsoft
  std::string text;
  // Listing changes only: the change (empty fields = unchanged).
  ProviderListing requested_listing;
  SimTime created_at{};
  SimTime resolves_at{};
};

enum class EnrollmentStep : std::uint8_t {
  kWelcome,        // 1: the page listing what is needed
  kSignedIn,       // 2: work account signed in
  kPmcSignedIn,    // 3: PMC signed in, profiles listed
  kProfileChosen,  // 4: MPN profile chosen
  kSubmitted,      // 5: Enroll now pressed
  kAbandoned,      // the applicant gave it up before submitting (R8)
};

struct Enrollment {
  EnrollmentId id;
  Program program;
  EnrollmentStep step = EnrollmentStep::kWelcome;
  std::uint8_t resends = 0;  // verification emails sent again (R8)
  DirectoryUserId user;
  TenantId tenant;
  PmcAccountId pmc;
  std::vector<MpnProfile> profiles;
  MpnId mpn;
  PartnerId partner;
};

// A customer lead (seed 000: new customers come "from your own marketing,
// Microsoft referrals, or indirect providers"): a referral Microsoft sends a
// partner. Its contact is shared once the partner accepts it.
enum class LeadState : std::uint8_t { kNew, kAccepted, kDeclined };

struct CustomerLead {
  LeadId id;
  PartnerId partner;
  std::string company_name;
  Contact contact;
  std::string need;  // what the customer asked for, in its words
  LeadState state = LeadState::kNew;
  SimTime created_at{};
};

// What the core keeps of a customer's user beyond Azure AD's record (F4/F5):
// its names and usage location, and the licences assigned to it.
struct CustomerUserRecord {
  CustomerId customer;
  std::string first_name;
  std::string last_name;
  std::string usage_location;
  std::vector<OfferIndex> licenses;  // one per offer
};

// Owns every entity, each kind in a deque indexed by ID value - 1: appending
// never moves or copies the entities already there (so references stay
// valid and a world of millions grows without reallocation copies).
struct Store {
  std::deque<Partner> partners;
  std::deque<User> users;
  std::deque<Customer> customers;
  std::deque<Subscription> subscriptions;
  std::deque<Order> orders;
  std::deque<Invitation> invitations;
  std::deque<SupportRequest> support_requests;
  std::deque<Enrollment> enrollments;
  std::deque<CustomerLead> leads;

  std::unordered_map<Token, InvitationId, TokenHash> invitation_by_token;
  std::unordered_map<DirectoryUserId, UserId> user_by_directory_user;
  std::unordered_map<TenantId, PartnerId> partner_by_tenant;
  // Tenant IDs are dense, so a vector indexed by ID - 1 (empty = none).
  std::vector<CustomerId> customer_by_tenant;
  std::unordered_map<MpnId, PartnerId> partner_by_mpn;
  std::unordered_map<std::string, UserId> user_by_email;  // lowercase
  // F4: relationships waiting for a tenant to enrol as a partner.
  struct PendingRelationship {
    CustomerId customer;
    RelationshipKind kind;
  };
  std::unordered_map<TenantId, std::vector<PendingRelationship>>
      pending_relationships;
  // Accepted partnerships as (smaller ID, larger ID) pairs, so that a
  // provider with thousands of resellers still answers in O(1).
  struct PairHash {
    std::size_t operator()(const std::pair<PartnerId, PartnerId>& p) const {
      return std::hash<std::uint64_t>()(
          p.first.value() * 0x9E3779B97F4A7C15ULL ^ p.second.value());
    }
  };
  std::unordered_set<std::pair<PartnerId, PartnerId>, PairHash> partnerships;
  std::unordered_map<DraftId, CustomerDraft> drafts;
  // Users of customers' tenants that a partner created or licensed.
  std::unordered_map<DirectoryUserId, CustomerUserRecord> customer_users;
  // One-time secrets (R23): the owner of every secret ever issued (index =
  // ID - 1), and the values not yet shown.
  std::deque<UserId> secret_owners;
  std::unordered_map<SecretId, std::string> secrets;
  std::uint64_t next_draft = 1;

  template <typename T, typename Id>
  static T* Find(std::deque<T>& v, Id id) {
    if (!id.valid() || id.value() > v.size()) return nullptr;
    return &v[id.value() - 1];
  }
  Partner* partner(PartnerId id) { return Find(partners, id); }
  CustomerId CustomerOfTenant(TenantId t) const {
    return t.valid() && t.value() <= customer_by_tenant.size()
               ? customer_by_tenant[t.value() - 1]
               : CustomerId();
  }
  // Adds a customer record for `tenant`; returns it.
  Customer& AddCustomer(TenantId tenant, std::string company_name,
                        std::string_view country, SimTime now) {
    const CustomerId id(customers.size() + 1);
    Customer& c = customers.emplace_back();
    c.id = id;
    c.tenant = tenant;
    c.company_name = std::move(company_name);
    if (country.size() == 2) c.country = {country[0], country[1]};
    c.relationships.reserve(2);  // a reseller and its provider, usually
    c.created_at = now;
    if (customer_by_tenant.size() < tenant.value()) {
      customer_by_tenant.resize(tenant.value());
    }
    customer_by_tenant[tenant.value() - 1] = id;
    return c;
  }
  bool Partnered(PartnerId a, PartnerId b) const {
    return partnerships.contains(a < b ? std::pair(a, b) : std::pair(b, a));
  }
  void RemovePartnership(PartnerId a, PartnerId b) {
    std::erase(partner(a)->partners, b);
    std::erase(partner(b)->partners, a);
    partnerships.erase(a < b ? std::pair(a, b) : std::pair(b, a));
  }
  void AddPartnership(PartnerId provider, PartnerId reseller) {
    partner(provider)->partners.push_back(reseller);
    partner(reseller)->partners.push_back(provider);
    partnerships.insert(provider < reseller ? std::pair(provider, reseller)
                                            : std::pair(reseller, provider));
  }
  User* user(UserId id) { return Find(users, id); }
  Customer* customer(CustomerId id) { return Find(customers, id); }
  Subscription* subscription(SubscriptionId id) {
    return Find(subscriptions, id);
  }
  Order* order(OrderId id) { return Find(orders, id); }
  Invitation* invitation(InvitationId id) { return Find(invitations, id); }
  Enrollment* enrollment(EnrollmentId id) { return Find(enrollments, id); }
  CustomerLead* lead(LeadId id) { return Find(leads, id); }
  SupportRequest* support_request(SupportRequestId id) {
    return Find(support_requests, id);
  }
};

}  // namespace tiersim::sim
