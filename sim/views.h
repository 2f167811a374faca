// What the Partner Center pages show (the results of queries), and the
// inputs of the operations that need more than a few fields. Plain values,
// copied out of the Store so callers never hold pointers into it.
#pragma once

#include <string>
#include <vector>

#include "sim/model.h"

namespace tiersim::sim {

struct PartnerSummary {
  PartnerId id;
  std::string legal_name;
  MpnId mpn;
  std::string country;
  std::string domain;
  bool provider = false;
  bool reseller = false;
  EnrollmentState state = EnrollmentState::kPendingVerification;
};

// The partner's own profile page: the summary, the legal address and the
// contacts given at enrollment (F1 step 5) or set since.
struct PartnerProfileView : PartnerSummary {
  Address address;
  Contact primary_contact;
  Contact support_contact;
  // From the MPN profile chosen at enrollment (F1 step 7).
  std::vector<std::string> incentives, benefits, competencies;
};

struct CustomerSummary {
  CustomerId id;
  TenantId tenant;
  std::string company_name;
  std::string domain;
  std::string country;
  std::vector<PartnerId> resellers;   // partners with a reseller relationship
  bool delegated_admin_only = false;  // for the caller: outside CSP (R46)
};

struct SubscriptionView {
  SubscriptionId id;
  CustomerId customer;
  OrderId order;
  std::string offer_id;
  std::string offer_name;
  ProductFamily family;
  std::int32_t licenses = 0;
  PartnerId provider;
  PartnerId reseller_of_record;
  PartnerId support_contact;
};

struct UserView {
  UserId id;
  std::string full_name;
  std::string email;
  AgentRole agent;
  AdminRole admin;
};

struct InvitationView {
  InvitationId id;
  InvitationKind kind;
  std::string recipient;
  std::string link;
  SimTime expires_at;
  bool used = false;
};

struct SupportRequestView {
  SupportRequestId id;
  SupportKind kind;
  SupportState state;
  CustomerId customer;
  SubscriptionId subscription;
  PartnerId assigned_to;
  std::string text;
  SimTime resolves_at;
};

struct EnrollmentView {
  EnrollmentId id;
  Program program;
  EnrollmentStep step;
  std::vector<MpnProfile> profiles;  // listed after PMC sign-in
  MpnId chosen;
  PartnerId partner;
  std::vector<std::string> requirements;  // the welcome page's list
};

// Step 2, "create a work account": a new tenant and its global admin.
struct WorkAccountSpec {
  std::string organization;   // tenant display name
  std::string domain_prefix;  // "contoso" -> contoso.onmicrosoft.com
  std::string country;
  std::string admin_name;
  std::string admin_password;
};

// Step 5: the legal business profile and contacts.
struct EnrollmentDetails {
  std::string legal_name;
  Address address;
  Contact primary_contact;
  Contact support_contact;
};

struct ListingChange {
  std::string company_name;             // empty = unchanged
  std::string logo_url;                 // empty = unchanged
  std::vector<LocationTarget> targets;  // replaces per location given
};

struct UserSpec {
  std::string full_name;
  std::string email;
  AgentRole agent = AgentRole::kNone;
  AdminRole admin = AdminRole::kNone;
};

// F10 confirmation: the sign-in name, and the temporary password behind a
// one-time secret (R23).
struct NewUser {
  UserId id;
  std::string sign_in_name;
  SecretId password;
};

// F7 confirmation.
struct CustomerCreated {
  CustomerId customer;
  TenantId tenant;
  std::string admin_user_name;
  SecretId password;
  OrderId order;
  std::vector<SubscriptionId> subscriptions;
};

struct DraftReview {
  PartnerId reseller;
  CustomerDetails details;
  std::vector<LineItem> items;
  std::string domain;  // the full tenant domain that will be created
};

struct OrderReceipt {
  OrderId order;
  std::vector<SubscriptionId> subscriptions;
};

struct SentInvitation {
  InvitationId id;
  std::string link;
};

// What anyone may know of a partner named as a support contact (F9).
struct PartnerCard {
  PartnerId id;
  TenantId tenant;
  MpnId mpn;
  std::string name;
};

// Service health (R40, R41): a Microsoft service (a product family) as the
// partner's customers use it.
struct ServiceHealthView {
  ProductFamily service;
  bool healthy = true;
  // The partner's customers with subscriptions of the service.
  std::vector<CustomerId> customers;
};

// A referral as the partner sees it: the contact only once accepted.
struct LeadSpec {
  std::string company_name;
  Contact contact;
  std::string need;
};

struct LeadView {
  LeadId id;
  std::string company_name;
  std::string need;
  LeadState state;
  Contact contact;  // empty until accepted
  SimTime created_at;
};

// A customer's partner as its admin sees it, with the kind of relationship.
struct CustomerPartnerView {
  PartnerCard partner;
  RelationshipKind kind;
};

struct CustomerFilter {
  PartnerId reseller;  // only customers associated with this reseller
  // Only customers whose company name / tenant domain starts with these
  // (ignoring case); empty: any.
  std::string name_prefix;
  std::string domain_prefix;
};

// Part of a list of customers: `items` from some offset on, and how many
// match in all.
struct CustomerSlice {
  std::vector<CustomerSummary> items;
  std::size_t total = 0;
};

// F4/F5: the users of a customer's tenant and the licences they hold, as a
// partner administering the customer manages them (the real API's
// CustomerUser, LicenseUpdate and SubscribedSku).
struct PasswordProfile {
  std::string password;  // empty: Partner Center makes one (R23)
  bool force_change_password = true;
};

struct CustomerUserSpec {
  std::string user_principal_name;  // <name>@<the customer's domain>
  std::string display_name;
  std::string first_name;
  std::string last_name;
  std::string usage_location;  // ISO alpha-2; empty: the customer's country
  PasswordProfile password_profile;
};

struct CustomerUserView {
  DirectoryUserId id;
  std::string user_principal_name;
  std::string display_name;
  std::string first_name;
  std::string last_name;
  std::string usage_location;
  bool global_admin = false;
  std::vector<std::string> licenses;  // offer IDs, one licence each
};

struct NewCustomerUser {
  CustomerUserView user;
  // The temporary password Partner Center made, shown once (R23); none
  // when the caller chose the password.
  SecretId password;
};

struct LicenseAssignment {
  std::string sku_id;  // an offer ID: "o365-e3"
};

struct LicenseUpdate {
  std::vector<LicenseAssignment> assign;
  std::vector<std::string> remove;  // offer IDs
};

// A product the customer holds subscriptions of: licences owned (over all
// its subscriptions of the offer) and assigned to users.
struct SubscribedSku {
  std::string offer_id;
  std::string name;
  std::int32_t total = 0;
  std::int32_t consumed = 0;
};

enum class Consent : std::uint8_t { kNotGiven, kGiven };
enum class ContactAnswer : std::uint8_t { kItWasMe, kNotMe };

}  // namespace tiersim::sim
