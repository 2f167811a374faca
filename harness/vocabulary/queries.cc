// "sees" steps: what a party sees on a Partner Center page (or in a
// mailbox), as cast names where the world's entities have them, so that
// scenarios can say "contoso sees indirect_resellers equals [fabrikam]".
#include <algorithm>

#include "harness/vocabulary/spec_helpers.h"
#include "harness/vocabulary/stage.h"
#include "sim/text.h"

namespace tiersim::harness {
namespace {

namespace ops = sim::ops;
using spec::Optional;
using spec::Required;
using ParamList = std::vector<ParamSpec>;

// "a,b" (as given); "none" when empty.
std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& i : items) out += (out.empty() ? "" : ",") + i;
  return out.empty() ? "none" : out;
}

Observed List(std::vector<std::string> items) {
  return Observed{.items = std::move(items)};
}

// GET /v1/relationships?relationship_type=...
sim::Result<Observed> Partners(StepContext& ctx, ops::RelationshipType type) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(
      auto partners,
      ctx.client().Call<ops::ListRelationships>(session, {type}));
  std::vector<std::string> names;
  for (const auto& r : partners)
    names.push_back(ctx.stage().PartnerName(r.partner.id));
  return List(std::move(names));
}

sim::Result<Observed> IndirectResellers(StepContext& ctx) {
  return Partners(ctx,
                  ops::RelationshipType::kIsIndirectCloudSolutionProviderOf);
}

sim::Result<Observed> IndirectProviders(StepContext& ctx) {
  return Partners(ctx, ops::RelationshipType::kIsIndirectResellerOf);
}

Observed CustomerNames(StepContext& ctx,
                       const std::vector<sim::CustomerSummary>& customers) {
  std::vector<std::string> names;
  for (const auto& c : customers) {
    names.push_back(ctx.stage().CustomerName(c.id, c.company_name));
  }
  return List(std::move(names));
}

sim::Result<Observed> Customers(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  sim::CustomerFilter filter;
  if (ctx.Has("reseller")) filter.reseller = ctx.Cast("reseller").partner;
  TIERSIM_ASSIGN_OR_RETURN(auto customers,
                           sim::AllCustomers(ctx.client(), session, filter));
  return CustomerNames(ctx, customers);
}

sim::Result<Observed> SharedCustomers(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(auto customers,
                           ctx.client().Call<ops::SharedCustomers>(
                               session, {ctx.Cast("provider").partner}));
  return CustomerNames(ctx, customers);
}

sim::Result<Observed> Subscriptions(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(auto subs,
                           ctx.client().Call<ops::ListSubscriptions>(
                               session, {ctx.Cast("customer").customer}));
  std::vector<std::string> offers;
  for (const auto& s : subs) offers.push_back(s.offer_id);
  return List(std::move(offers));
}

// The customer's admin: its partners, on Partner relationships.
sim::Result<Observed> PartnerRelationships(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(
      auto partners,
      ctx.client().Call<ops::ListPartnerRelationships>(session, {}));
  std::vector<std::string> names;
  for (const auto& p : partners) {
    names.push_back(ctx.stage().PartnerName(p.partner.id));
  }
  return List(std::move(names));
}

sim::Result<Observed> SupportQueue(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(auto queue,
                           ctx.client().Call<ops::SupportQueue>(session, {}));
  std::vector<std::string> items;
  for (const auto& r : queue) {
    items.push_back(r.subscription.valid()
                        ? ctx.stage().SubscriptionName(r.subscription)
                        : r.id.ToString());
  }
  return List(std::move(items));
}

sim::Result<Observed> Users(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(auto users,
                           ctx.client().Call<ops::ListUsers>(session, {}));
  std::vector<std::string> names;
  for (const auto& u : users)
    names.push_back(ctx.stage().AddressOwner(u.email));
  return List(std::move(names));
}

std::string Snake(std::string_view text) {
  std::string out;
  for (char c : text) {
    out += c == ' ' ? '_' : sim::AsciiToLower(c);
  }
  return out;
}

// Service health: "healthy", or "degraded", and the actor's customers
// using each service.
sim::Result<Observed> ServiceHealth(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(
      auto services, ctx.client().Call<ops::GetServiceHealth>(session, {}));
  Observed out;
  for (const sim::ServiceHealthView& v : services) {
    const std::string key = Snake(sim::ProductFamilyName(v.service));
    out.fields.push_back({key, v.healthy ? "healthy" : "degraded"});
    std::string users;
    for (sim::CustomerId c : v.customers) {
      users += (users.empty() ? "" : ",") + ctx.stage().CustomerName(c, "");
    }
    out.fields.push_back({"customers_" + key, users.empty() ? "none" : users});
  }
  return out;
}

sim::Result<Observed> Sections(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(auto sections,
                           ctx.client().Call<ops::Navigation>(session, {}));
  std::vector<std::string> names;
  for (sim::Section s : sections) names.push_back(Snake(sim::SectionName(s)));
  return List(std::move(names));
}

sim::Result<Observed> Mailbox(StepContext& ctx) {
  std::string address = ctx.actor().actor.person().upn;
  if (ctx.Has("of")) address = ctx.Cast("of").actor.person().upn;
  if (ctx.Has("contact_of")) address = ctx.Cast("contact_of").contact_email;
  TIERSIM_ASSIGN_OR_RETURN(auto inbox,
                           ctx.client().Inbox(address, ctx.Str("query")));
  std::vector<std::string> kinds;
  for (const auto& m : inbox) kinds.push_back(m.kind);
  return List(std::move(kinds));
}

sim::Result<Observed> Providers(StepContext& ctx) {
  TIERSIM_ASSIGN_OR_RETURN(auto listings,
                           ctx.client().Call<ops::SearchProviders>(
                               {ctx.Str("query"), ctx.Str("location")}));
  std::vector<std::string> names;
  for (const auto& l : listings) names.push_back(l.company_name);
  return List(std::move(names));
}

// ---- Records ----

sim::Result<Observed> Subscription(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(sim::SubscriptionId id,
                           ctx.Subscription("subscription"));
  const std::string ref = ctx.Str("subscription");
  Stage::Character& customer = ctx.stage().Get(ref.substr(0, ref.find('/')));
  TIERSIM_ASSIGN_OR_RETURN(auto subs, ctx.client().Call<ops::ListSubscriptions>(
                                          session, {customer.customer}));
  for (const sim::SubscriptionView& s : subs) {
    if (s.id != id) continue;
    const Stage& stage = ctx.stage();
    auto name = [&](sim::PartnerId p) {
      return p.valid() ? stage.PartnerName(p) : std::string("none");
    };
    return Observed{.fields = {{"offer", s.offer_id},
                               {"licenses", std::to_string(s.licenses)},
                               {"provider", name(s.provider)},
                               {"reseller", name(s.reseller_of_record)},
                               {"support_contact", name(s.support_contact)}}};
  }
  return sim::Error(sim::ErrorCode::kNotFound,
                    ref + " is not among the subscriptions the actor sees");
}

// F7's confirmation page, as the product showed it at Submit to the one
// who pressed it: the admin's user name (its password is shown once, R23).
sim::Result<Observed> Confirmation(StepContext& ctx) {
  Stage::Character& customer = ctx.Cast("customer");
  if (!customer.confirmation) {
    return sim::Error(sim::ErrorCode::kScenarioError,
                      "no Add new customer wizard was submitted for " +
                          customer.member->name + " in this scenario");
  }
  if (customer.secret_holder != ctx.actor().member->name) {
    return sim::Error(sim::ErrorCode::kScenarioError,
                      "the confirmation page for " + customer.member->name +
                          " was shown to " + customer.secret_holder + ", not " +
                          ctx.actor().member->name);
  }
  const sim::CustomerCreated& c = *customer.confirmation;
  const std::string& user = c.admin_user_name;
  return Observed{
      .fields = {{"customer", customer.member->name},
                 {"admin_user_name", user},
                 {"domain", user.substr(user.find('@') + 1)},
                 {"password_shown", c.password.valid() ? "true" : "false"},
                 {"subscriptions", std::to_string(c.subscriptions.size())}}};
}

sim::Result<Observed> Enrollment(StepContext& ctx) {
  Stage::Character& c = ctx.org();
  if (!c.partner.valid()) {
    return sim::Error(sim::ErrorCode::kScenarioError,
                      c.member->name + " has not submitted an enrollment");
  }
  TIERSIM_ASSIGN_OR_RETURN(
      sim::EnrollmentState state,
      ctx.client().Call<ops::EnrollmentStatus>({c.partner}));
  return Observed{
      .fields = {{"state", std::string(sim::EnrollmentStateName(state))}}};
}

sim::Result<Observed> Profile(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(sim::PartnerProfileView p,
                           ctx.client().Call<ops::PartnerProfile>(session, {}));
  return Observed{
      .fields = {{"legal_name", p.legal_name},
                 {"mpn", std::to_string(p.mpn.value())},
                 {"country", p.country},
                 {"state", std::string(sim::EnrollmentStateName(p.state))},
                 {"provider", p.provider ? "true" : "false"},
                 {"reseller", p.reseller ? "true" : "false"},
                 {"address_line1", p.address.line1},
                 {"city", p.address.city},
                 {"postal_code", p.address.postal_code},
                 {"address_country", p.address.country},
                 {"contact_name", p.primary_contact.name},
                 {"contact_email", p.primary_contact.email},
                 {"contact_phone", p.primary_contact.phone},
                 {"support_name", p.support_contact.name},
                 {"support_email", p.support_contact.email},
                 {"support_phone", p.support_contact.phone},
                 {"incentives", Joined(p.incentives)},
                 {"benefits", Joined(p.benefits)},
                 {"competencies", Joined(p.competencies)}}};
}

sim::Result<Observed> Listing(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(sim::ProviderListing l,
                           ctx.client().Call<ops::GetListing>(session, {}));
  Observed out{
      .fields = {{"company_name", l.company_name}, {"logo_url", l.logo_url}}};
  for (const auto& t : l.targets)
    out.fields.push_back({"url_" + t.location, t.url});
  return out;
}

sim::Result<Observed> Counts(StepContext& ctx) {
  TIERSIM_ASSIGN_OR_RETURN(const sim::WorldControl::WorldCounts c,
                           ctx.stage().control().Counts());
  auto n = [](std::size_t v) { return std::to_string(v); };
  return Observed{.fields = {{"partners", n(c.core.partners)},
                             {"users", n(c.core.users)},
                             {"customers", n(c.core.customers)},
                             {"subscriptions", n(c.core.subscriptions)},
                             {"orders", n(c.core.orders)},
                             {"invitations", n(c.core.invitations)},
                             {"support_requests", n(c.core.support_requests)},
                             {"tenants", n(c.tenants)},
                             {"directory_users", n(c.directory_users)},
                             {"emails", n(c.emails)}}};
}

}  // namespace

std::vector<QuerySpec> Queries() {
  const ParamSpec customer =
      Required("customer", ParamType::kCast, "the customer", spec::kCustomers);
  return {
      {"indirect_resellers",
       "F3",
       "The provider's Indirect resellers page",
       QueryShape::kList,
       true,
       ParamList{},
       {},
       IndirectResellers},
      {"indirect_providers",
       "F3",
       "The reseller's Indirect providers page",
       QueryShape::kList,
       true,
       ParamList{},
       {},
       IndirectProviders},
      {"customers",
       "F8/R26",
       "The Customers list, optionally filtered by indirect reseller",
       QueryShape::kList,
       true,
       ParamList{Optional(
           "reseller", ParamType::kCast,
           "only customers the actor serves together with this reseller (R28)",
           "all", spec::kPartners)},
       {},
       Customers},
      {"shared_customers",
       "F6",
       "Indirect providers > View customers: those shared with a provider",
       QueryShape::kList,
       true,
       ParamList{Required("provider", ParamType::kCast, "the provider",
                          spec::kPartners)},
       {},
       SharedCustomers},
      {"subscriptions",
       "F8",
       "A customer's subscriptions (their offer IDs)",
       QueryShape::kList,
       true,
       ParamList{customer},
       {},
       Subscriptions},
      {"partner_relationships",
       "R14",
       "A customer's admin: the partners it has a relationship with",
       QueryShape::kList,
       true,
       ParamList{},
       {},
       PartnerRelationships},
      {"service_health",
       "R40/R41",
       "Service health: each Microsoft service (office_365, microsoft_365, "
       "...) healthy or degraded, and the actor's customers using it",
       QueryShape::kRecord,
       true,
       ParamList{},
       {"office_365", "microsoft_365", "dynamics_365", "enterprise_mobility",
        "azure", "windows", "customers_<service>"},
       ServiceHealth},
      {"support_queue",
       "F9",
       "Support requests assigned to the actor's organisation (by "
       "subscription)",
       QueryShape::kList,
       true,
       ParamList{},
       {},
       SupportQueue},
      {"users",
       "F10",
       "Account settings > User management: the users",
       QueryShape::kList,
       true,
       ParamList{},
       {},
       Users},
      {"sections",
       "R45",
       "The sections the actor's roles let them see",
       QueryShape::kList,
       true,
       ParamList{},
       {},
       Sections},
      {"mailbox",
       "R30",
       "The kinds of the emails in the actor's mailbox, oldest first",
       QueryShape::kList,
       true,
       ParamList{Optional("query", ParamType::kString,
                          "mail search: subject:WORD, is:unread, kind:KIND, "
                          "WORD",
                          "all messages"),
                 Optional("of", ParamType::kCast,
                          "someone else's mailbox (their sign-in address)",
                          "the actor's own"),
                 Optional("contact_of", ParamType::kCast,
                          "the primary contact's mailbox of this "
                          "organisation or applicant",
                          "the actor's own")},
       {},
       Mailbox},
      {"providers",
       "F2",
       "The official indirect-providers list, searched (company names)",
       QueryShape::kList,
       false,
       ParamList{Optional("query", ParamType::kString, "search words", "all"),
                 Optional("location", ParamType::kString,
                          "only providers serving this location", "any")},
       {},
       Providers},
      {"subscription",
       "F8/F9",
       "One subscription as the actor sees it",
       QueryShape::kRecord,
       true,
       ParamList{Required("subscription", ParamType::kSubscription,
                          "\"<customer>/<offer>\"")},
       {"offer", "licenses", "provider", "reseller", "support_contact"},
       Subscription},
      {"confirmation",
       "F7/R23",
       "The Add new customer confirmation page the actor was shown at Submit",
       QueryShape::kRecord,
       true,
       ParamList{customer},
       {"customer", "admin_user_name", "domain", "password_shown",
        "subscriptions"},
       Confirmation},
      {"enrollment",
       "F1/R3/R4",
       "The enrollment state of the actor's organisation",
       QueryShape::kRecord,
       true,
       ParamList{},
       {"state"},
       Enrollment},
      {"profile",
       "F1",
       "The actor's organisation's partner profile",
       QueryShape::kRecord,
       true,
       ParamList{},
       {"legal_name", "mpn", "country", "state", "provider", "reseller",
        "address_line1", "city", "postal_code", "address_country",
        "contact_name", "contact_email", "contact_phone", "support_name",
        "support_email", "support_phone", "incentives", "benefits",
        "competencies"},
       Profile},
      {"listing",
       "F2/R27",
       "The provider's own entry in the providers list",
       QueryShape::kRecord,
       true,
       ParamList{},
       {"company_name", "logo_url", "url_<location>"},
       Listing},
      {"counts",
       "R22",
       "How many of each thing the world holds (no actor: Microsoft's view)",
       QueryShape::kRecord,
       false,
       ParamList{},
       {"partners", "users", "customers", "subscriptions", "orders",
        "invitations", "support_requests", "tenants", "directory_users",
        "emails"},
       Counts},
  };
}

}  // namespace tiersim::harness
