#include "mocks/wire/wire.h"

#include <array>
#include <cstdio>
#include <vector>

#include "mocks/common/text.h"

namespace tiersim::mocks::wire {

json Lowered(json j) {
  // Iterative: a client's nesting must not decide our stack's depth.
  std::vector<json*> pending{&j};
  while (!pending.empty()) {
    json* node = pending.back();
    pending.pop_back();
    if (node->is_object()) {
      json out = json::object();
      for (auto it = node->begin(); it != node->end(); ++it) {
        out[AsciiLower(it.key())] = std::move(it.value());
      }
      *node = std::move(out);
      for (auto it = node->begin(); it != node->end(); ++it) {
        pending.push_back(&it.value());
      }
    } else if (node->is_array()) {
      for (json& e : *node) pending.push_back(&e);
    }
  }
  return j;
}

std::string LowerKey(const char* key) { return AsciiLower(key); }

void EnumNameOut(json& j, std::size_t index, const std::string_view* names,
                 std::size_t count) {
  j = index < count ? std::string(names[index]) : std::string("?");
}

std::size_t EnumNameIn(const json& j, const std::string_view* names,
                       std::size_t count) {
  if (!j.is_string()) throw WireError("expected text, got " + j.dump());
  const std::string text = j.get<std::string>();
  for (std::size_t i = 0; i < count; ++i) {
    if (EqualsIgnoreCase(text, names[i])) return i;
  }
  std::string expected;
  for (std::size_t i = 0; i < count; ++i) {
    if (names[i].empty()) continue;
    expected +=
        (expected.empty() ? "\"" : ", \"") + std::string(names[i]) + "\"";
  }
  throw WireError("\"" + text + "\" is not one of " + expected);
}

std::string TimeText(sim::SimTime t) { return sim::FormatSimTime(t); }

sim::SimTime ParseTime(const std::string& text) {
  auto t = sim::ParseIsoTime(text);
  if (!t.ok()) throw WireError("\"" + text + "\" " + t.status().message());
  return *t;
}

}  // namespace tiersim::mocks::wire

namespace tiersim::sim {

using mocks::wire::EnumIn;
using mocks::wire::EnumOut;
using mocks::wire::Read;
using mocks::wire::WireError;

void to_json(json& j, const MpnId& id) {
  j = id.valid() ? std::to_string(id.value()) : std::string();
}
void from_json(const json& j, MpnId& id) {
  if (j.is_number_unsigned()) {
    id = MpnId(j.get<std::uint64_t>());
    return;
  }
  const std::string text = j.get<std::string>();
  if (text.empty()) {
    id = MpnId();
    return;
  }
  auto parsed = ParseMpnId(text);
  if (!parsed) {
    throw WireError("\"" + text + "\" is not an MPN ID (digits only)");
  }
  id = *parsed;
}

void to_json(json& j, const SimTime& t) { j = mocks::wire::TimeText(t); }
void from_json(const json& j, SimTime& t) {
  t = mocks::wire::ParseTime(j.get<std::string>());
}

// ---- Enums: their display names, matched ignoring case ----

namespace {

constexpr std::array<std::string_view, 2> kPrograms = {"indirect provider",
                                                       "indirect reseller"};
constexpr std::array<std::string_view, 5> kStates = {
    "PendingVerification", "InReview", "Approved", "Rejected", "Abandoned"};
constexpr std::array<std::string_view, 6> kSteps = {
    "Welcome",       "SignedIn",  "PmcSignedIn",
    "ProfileChosen", "Submitted", "Abandoned"};
constexpr std::array<std::string_view, 5> kInvitationKinds = {
    "contact verification", "partnership request",
    "reseller relationship request", "joint reseller and provider invitation",
    "delegated admin request"};
constexpr std::array<std::string_view, 6> kFamilies = {
    "Office 365",          "Microsoft 365", "Dynamics 365",
    "Enterprise Mobility", "Azure",         "Windows"};
constexpr std::array<std::string_view, 3> kAgents = {"No agent", "Admin agent",
                                                     "Helpdesk agent"};
constexpr std::array<std::string_view, 3> kAdmins = {"No admin", "Global admin",
                                                     "User management admin"};
constexpr std::array<std::string_view, 6> kSections = {
    "Customers", "Indirect partners", "Service health",
    "Support",   "User management",   "Partner profile"};
constexpr std::array<std::string_view, 2> kSupportKinds = {"ListingChange",
                                                           "CustomerIssue"};
constexpr std::array<std::string_view, 2> kSupportStates = {"Open", "Resolved"};
constexpr std::array<std::string_view, 2> kRelationshipKinds = {
    "Reseller", "DelegatedAdminOnly"};
constexpr std::array<std::string_view, 3> kLeadStates = {"New", "Accepted",
                                                         "Declined"};
constexpr std::array<std::string_view, 2> kConsents = {"NotGiven", "Given"};
constexpr std::array<std::string_view, 2> kAnswers = {"ItWasMe", "NotMe"};

}  // namespace

#define TIERSIM_WIRE_ENUM(Type, names)                           \
  void to_json(json& j, const Type& v) { EnumOut(j, v, names); } \
  void from_json(const json& j, Type& v) { EnumIn(j, v, names); }

TIERSIM_WIRE_ENUM(Program, kPrograms)
TIERSIM_WIRE_ENUM(EnrollmentState, kStates)
TIERSIM_WIRE_ENUM(EnrollmentStep, kSteps)
TIERSIM_WIRE_ENUM(InvitationKind, kInvitationKinds)
TIERSIM_WIRE_ENUM(ProductFamily, kFamilies)
TIERSIM_WIRE_ENUM(AgentRole, kAgents)
TIERSIM_WIRE_ENUM(AdminRole, kAdmins)
TIERSIM_WIRE_ENUM(Section, kSections)
TIERSIM_WIRE_ENUM(SupportKind, kSupportKinds)
TIERSIM_WIRE_ENUM(SupportState, kSupportStates)
TIERSIM_WIRE_ENUM(RelationshipKind, kRelationshipKinds)
TIERSIM_WIRE_ENUM(LeadState, kLeadStates)
TIERSIM_WIRE_ENUM(Consent, kConsents)
TIERSIM_WIRE_ENUM(ContactAnswer, kAnswers)
#undef TIERSIM_WIRE_ENUM

void to_json(json& j, const ErrorCode& v) { j = std::string(ErrorCodeName(v)); }
void from_json(const json& j, ErrorCode& v) {
  auto code = ErrorCodeFromName(j.get<std::string>());
  if (!code) throw WireError("unknown error code " + j.dump());
  v = *code;
}

// ---- Structs: one line per field, the same list both ways ----

#define TIERSIM_OUT(field, key) j[key] = v.field;
#define TIERSIM_IN(field, key) Read(j, key, v.field);
#define TIERSIM_WIRE_STRUCT(Type, FIELDS)    \
  void to_json(json& j, const Type& v) {     \
    j = json::object();                      \
    FIELDS(TIERSIM_OUT)                      \
  }                                          \
  void from_json(const json& j, Type& v) {   \
    if (!j.is_object()) {                    \
      throw WireError("expected an object"); \
    }                                        \
    FIELDS(TIERSIM_IN)                       \
  }

#define ADDRESS(F)             \
  F(line1, "addressLine1")     \
  F(city, "city")              \
  F(state, "state")            \
  F(postal_code, "postalCode") \
  F(country, "country")
TIERSIM_WIRE_STRUCT(Address, ADDRESS)

#define CONTACT(F) F(name, "name") F(email, "email") F(phone, "phone")
TIERSIM_WIRE_STRUCT(Contact, CONTACT)

#define LOCATION(F) F(location, "location") F(url, "url")
TIERSIM_WIRE_STRUCT(LocationTarget, LOCATION)

#define LISTING(F) \
  F(company_name, "companyName") F(logo_url, "logoUrl") F(targets, "targets")
TIERSIM_WIRE_STRUCT(ProviderListing, LISTING)

#define MPN_PROFILE(F)        \
  F(mpn, "mpnId")             \
  F(legal_name, "legalName")  \
  F(country, "country")       \
  F(active, "active")         \
  F(incentives, "incentives") \
  F(benefits, "benefits") F(competencies, "competencies")
TIERSIM_WIRE_STRUCT(MpnProfile, MPN_PROFILE)

#define LINE_ITEM(F) F(offer_id, "offerId") F(licenses, "quantity")
TIERSIM_WIRE_STRUCT(LineItem, LINE_ITEM)

#define CUSTOMER_DETAILS(F)        \
  F(company_name, "companyName")   \
  F(domain_prefix, "domainPrefix") \
  F(country, "country") F(contact, "contact") F(address, "address")
TIERSIM_WIRE_STRUCT(CustomerDetails, CUSTOMER_DETAILS)

#define SERVICE_HEALTH(F) \
  F(service, "service") F(healthy, "healthy") F(customers, "customerIds")
TIERSIM_WIRE_STRUCT(ServiceHealthView, SERVICE_HEALTH)

#define LEAD_SPEC(F) \
  F(company_name, "companyName") F(contact, "contact") F(need, "need")
TIERSIM_WIRE_STRUCT(LeadSpec, LEAD_SPEC)

#define LEAD_VIEW(F)             \
  F(id, "id")                    \
  F(company_name, "companyName") \
  F(need, "need")                \
  F(state, "state")              \
  F(contact, "contact") F(created_at, "createdAt")
TIERSIM_WIRE_STRUCT(LeadView, LEAD_VIEW)

#define PARTNER_CARD(F) \
  F(id, "id") F(tenant, "tenantId") F(mpn, "mpnId") F(name, "name")
TIERSIM_WIRE_STRUCT(PartnerCard, PARTNER_CARD)

#define CUSTOMER_PARTNER(F) F(partner, "partner") F(kind, "relationship")
TIERSIM_WIRE_STRUCT(CustomerPartnerView, CUSTOMER_PARTNER)

#define PARTNER_SUMMARY(F)          \
  F(id, "id")                       \
  F(legal_name, "name")             \
  F(mpn, "mpnId")                   \
  F(country, "country")             \
  F(domain, "domain")               \
  F(provider, "isIndirectProvider") \
  F(reseller, "isIndirectReseller") F(state, "state")
TIERSIM_WIRE_STRUCT(PartnerSummary, PARTNER_SUMMARY)

#define PARTNER_PROFILE(F)             \
  PARTNER_SUMMARY(F)                   \
  F(address, "address")                \
  F(primary_contact, "primaryContact") \
  F(support_contact, "supportContact") \
  F(incentives, "incentives")          \
  F(benefits, "benefits") F(competencies, "competencies")
TIERSIM_WIRE_STRUCT(PartnerProfileView, PARTNER_PROFILE)

#define USER_VIEW(F)       \
  F(id, "id")              \
  F(full_name, "fullName") \
  F(email, "email") F(agent, "agentRole") F(admin, "adminRole")
TIERSIM_WIRE_STRUCT(UserView, USER_VIEW)

#define SUPPORT_VIEW(F)             \
  F(id, "id")                       \
  F(kind, "kind")                   \
  F(state, "state")                 \
  F(customer, "customerId")         \
  F(subscription, "subscriptionId") \
  F(assigned_to, "assignedTo") F(text, "text") F(resolves_at, "resolvesAt")
TIERSIM_WIRE_STRUCT(SupportRequestView, SUPPORT_VIEW)

#define ENROLLMENT_VIEW(F) \
  F(id, "id")              \
  F(program, "program")    \
  F(step, "step")          \
  F(profiles, "profiles")  \
  F(chosen, "chosenMpnId") \
  F(partner, "partnerId") F(requirements, "requirements")
TIERSIM_WIRE_STRUCT(EnrollmentView, ENROLLMENT_VIEW)

#define WORK_ACCOUNT(F)            \
  F(organization, "organization")  \
  F(domain_prefix, "domainPrefix") \
  F(country, "country")            \
  F(admin_name, "adminName") F(admin_password, "adminPassword")
TIERSIM_WIRE_STRUCT(WorkAccountSpec, WORK_ACCOUNT)

#define ENROLLMENT_DETAILS(F) \
  F(legal_name, "legalName")  \
  F(address, "address")       \
  F(primary_contact, "primaryContact") F(support_contact, "supportContact")
TIERSIM_WIRE_STRUCT(EnrollmentDetails, ENROLLMENT_DETAILS)

#define LISTING_CHANGE(F) \
  F(company_name, "companyName") F(logo_url, "logoUrl") F(targets, "targets")
TIERSIM_WIRE_STRUCT(ListingChange, LISTING_CHANGE)

#define USER_SPEC(F)       \
  F(full_name, "fullName") \
  F(email, "email") F(agent, "agentRole") F(admin, "adminRole")
TIERSIM_WIRE_STRUCT(UserSpec, USER_SPEC)

#define NEW_USER(F) \
  F(id, "id") F(sign_in_name, "signInName") F(password, "passwordSecretId")
TIERSIM_WIRE_STRUCT(NewUser, NEW_USER)

#define CUSTOMER_CREATED(F)           \
  F(customer, "customerId")           \
  F(tenant, "tenantId")               \
  F(admin_user_name, "adminUserName") \
  F(password, "passwordSecretId")     \
  F(order, "orderId") F(subscriptions, "subscriptionIds")
TIERSIM_WIRE_STRUCT(CustomerCreated, CUSTOMER_CREATED)

#define DRAFT_REVIEW(F)     \
  F(reseller, "resellerId") \
  F(details, "details") F(items, "lineItems") F(domain, "domain")
TIERSIM_WIRE_STRUCT(DraftReview, DRAFT_REVIEW)

#define SENT_INVITATION(F) F(id, "invitationId") F(link, "link")
TIERSIM_WIRE_STRUCT(SentInvitation, SENT_INVITATION)

#define PARTNER_SEED(F)            \
  F(program, "program")            \
  F(direct, "direct")              \
  F(legal_name, "legalName")       \
  F(domain_prefix, "domainPrefix") \
  F(country, "country")            \
  F(mpn, "mpnId")                  \
  F(admin_name, "adminName")       \
  F(admin_password, "adminPassword") F(primary_contact, "primaryContact")
TIERSIM_WIRE_STRUCT(PartnerCenter::PartnerSeed, PARTNER_SEED)

#define SEEDED_PARTNER(F) \
  F(partner, "partnerId") F(tenant, "tenantId") F(admin_upn, "adminUpn")
TIERSIM_WIRE_STRUCT(PartnerCenter::SeededPartner, SEEDED_PARTNER)

#define CUSTOMER_SEED(F)           \
  F(company_name, "companyName")   \
  F(domain_prefix, "domainPrefix") \
  F(country, "country")            \
  F(admin_password, "adminPassword") F(served_by, "servedBy") F(kind, "kind")
TIERSIM_WIRE_STRUCT(PartnerCenter::CustomerSeed, CUSTOMER_SEED)

#define SEEDED_CUSTOMER(F) \
  F(tenant, "tenantId") F(admin_upn, "adminUpn") F(customer, "customerId")
TIERSIM_WIRE_STRUCT(PartnerCenter::SeededCustomer, SEEDED_CUSTOMER)

#define CORE_COUNTS(F)              \
  F(partners, "partners")           \
  F(users, "users")                 \
  F(customers, "customers")         \
  F(subscriptions, "subscriptions") \
  F(orders, "orders")               \
  F(invitations, "invitations")     \
  F(drafts, "drafts")               \
  F(secrets, "secrets") F(support_requests, "supportRequests")
TIERSIM_WIRE_STRUCT(PartnerCenter::Counts, CORE_COUNTS)

#define WORLD_COUNTS(F)                \
  F(core, "core")                      \
  F(tenants, "tenants")                \
  F(directory_users, "directoryUsers") \
  F(emails, "emails")
TIERSIM_WIRE_STRUCT(WorldControl::WorldCounts, WORLD_COUNTS)

#define JOURNAL_LINE(F)          \
  F(at, "at")                    \
  F(by_microsoft, "byMicrosoft") \
  F(action, "action") F(outcome, "outcome") F(text, "text")
TIERSIM_WIRE_STRUCT(WorldControl::JournalLine, JOURNAL_LINE)

#define JOURNAL_PAGE(F) F(size, "size") F(next, "next") F(lines, "lines")
TIERSIM_WIRE_STRUCT(WorldControl::JournalPage, JOURNAL_PAGE)

#define WORLD_TIME(F) F(now, "now") F(origin, "origin") F(seed, "seed")
TIERSIM_WIRE_STRUCT(WorldControl::WorldTime, WORLD_TIME)

#define MAIL_VIEW(F)    \
  F(id, "id")           \
  F(from, "from")       \
  F(to, "to")           \
  F(subject, "subject") \
  F(text, "text") F(kind, "kind") F(sent_at, "sentAt") F(read, "read")
TIERSIM_WIRE_STRUCT(MailView, MAIL_VIEW)

// FaultSpec: `until` optional, `delay` in microseconds.
void to_json(json& j, const FaultSpec& v) {
  j = json{{"probability", v.probability},
           {"times", v.times},
           {"delayMicros", v.delay.count()},
           {"match", v.match}};
  if (v.until) j["until"] = *v.until;
}
void from_json(const json& j, FaultSpec& v) {
  Read(j, "probability", v.probability);
  Read(j, "times", v.times);
  std::int64_t delay = 0;
  Read(j, "delayMicros", delay);
  v.delay = Duration(delay);
  Read(j, "match", v.match);
  SimTime until{};
  if (j.contains("until")) {
    Read(j, "until", until);
    v.until = until;
  }
}

}  // namespace tiersim::sim
