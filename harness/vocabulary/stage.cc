#include "harness/vocabulary/stage.h"

#include <set>

#include "sim/email_address.h"

namespace tiersim::harness {

namespace {

std::string TenantDomain(const CastMember& m) {
  return m.domain + ".onmicrosoft.com";
}

sim::Status Named(const CastMember& m, const sim::Status& s) {
  if (s.ok()) return s;
  return sim::Error(s.code(), "cast \"" + m.name + "\" (" +
                                  CastRoleName(m.role) +
                                  ") could not be set up: " + s.message());
}

}  // namespace

Stage::Stage(const Scenario& scenario, sim::Client& client,
             sim::WorldControl& control)
    : scenario_(scenario), client_(client), control_(control) {
  for (const CastMember& m : scenario.cast) {
    sim::Person person{
        .name = m.name,
        .upn = m.role == CastRole::kUser ? m.email : "admin@" + TenantDomain(m),
        .password = m.password,
        .next_password = kChangedPassword};
    Character c{.member = &m, .actor = sim::Actor(person, client)};
    c.org = m.role == CastRole::kUser ? m.of : m.name;
    if (m.role != CastRole::kUser) c.tenant_domain = TenantDomain(m);
    c.contact_email = m.contact_email.empty() ? person.upn : m.contact_email;
    characters_.push_back(std::move(c));
    by_name_[m.name] = &characters_.back();
  }
}

Stage::Character* Stage::Find(std::string_view name) {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : it->second;
}

Stage::Character& Stage::Get(std::string_view name) { return *Find(name); }

sim::Status Stage::SeedCast() {
  // Organisations first, then what refers to them.
  std::int64_t next_mpn = 1000001;
  for (Character& c : characters_) {
    const CastRole role = c.member->role;
    if (role == CastRole::kProvider || role == CastRole::kReseller ||
        role == CastRole::kDirectPartner) {
      TIERSIM_RETURN_IF_ERROR(
          Named(*c.member, SeedOrganisation(c, next_mpn++)));
    } else if (role == CastRole::kApplicant) {
      TIERSIM_RETURN_IF_ERROR(Named(*c.member, SeedApplicant(c, next_mpn++)));
    }
  }
  std::set<std::pair<std::string, std::string>> partnered;
  for (Character& c : characters_) {
    for (const std::string& other : c.member->partners) {
      Character& o = Get(other);
      const bool c_provides = c.member->role == CastRole::kProvider;
      Character& provider = c_provides ? c : o;
      Character& reseller = c_provides ? o : c;
      if (!partnered.insert({provider.org, reseller.org}).second) continue;
      TIERSIM_RETURN_IF_ERROR(
          Named(*c.member,
                control_.SeedPartnership(provider.partner, reseller.partner)));
    }
  }
  for (Character& c : characters_) {
    if (c.member->role == CastRole::kCustomer) {
      TIERSIM_RETURN_IF_ERROR(Named(*c.member, SeedCustomer(c)));
    }
  }
  for (Character& c : characters_) {
    if (c.member->role == CastRole::kUser && c.member->exists) {
      TIERSIM_RETURN_IF_ERROR(Named(*c.member, SeedUser(c)));
    }
  }
  return sim::OkStatus();
}

sim::Status Stage::SeedOrganisation(Character& c, std::int64_t default_mpn) {
  const CastMember& m = *c.member;
  const std::int64_t mpn = m.mpn != 0 ? m.mpn : default_mpn;
  TIERSIM_ASSIGN_OR_RETURN(
      auto seeded,
      control_.SeedPartner({.program = m.role == CastRole::kProvider
                                           ? sim::Program::kIndirectProvider
                                           : sim::Program::kIndirectReseller,
                            .direct = m.role == CastRole::kDirectPartner,
                            .legal_name = m.legal_name,
                            .domain_prefix = m.domain,
                            .country = m.country,
                            .mpn = sim::MpnId(static_cast<std::uint64_t>(mpn)),
                            .admin_name = m.admin_name,
                            .admin_password = m.password}));
  c.partner = seeded.partner;
  c.tenant = seeded.tenant;
  c.actor.person().upn = seeded.admin_upn;
  return sim::OkStatus();
}

sim::Status Stage::SeedApplicant(Character& c, std::int64_t default_mpn) {
  const CastMember& m = *c.member;
  if (!m.new_work_account) {
    // The organisation already has Azure AD: a tenant and its global admin.
    TIERSIM_ASSIGN_OR_RETURN(auto seeded, control_.SeedCustomerTenant(
                                              {.company_name = m.legal_name,
                                               .domain_prefix = m.domain,
                                               .country = m.country,
                                               .admin_password = m.password}));
    c.tenant = seeded.tenant;
    c.actor.person().upn = seeded.admin_upn;
  }
  TIERSIM_ASSIGN_OR_RETURN(sim::PmcAccountId account,
                           control_.SeedPmcAccount(m.pmc_user, m.pmc_password));
  std::vector<ProfileSpec> profiles = m.profiles;
  if (profiles.empty()) {
    profiles.push_back({.mpn = m.mpn != 0 ? m.mpn : default_mpn,
                        .legal_name = m.legal_name,
                        .country = m.country});
  }
  for (const ProfileSpec& p : profiles) {
    TIERSIM_RETURN_IF_ERROR(control_.SeedPmcProfile(
        account,
        {.mpn = sim::MpnId(static_cast<std::uint64_t>(p.mpn)),
         .legal_name = p.legal_name.empty() ? m.legal_name : p.legal_name,
         .country = p.country.empty() ? m.country : p.country,
         .active = p.active,
         .incentives =
             p.incentives.value_or(std::vector<std::string>{"CSP incentives"}),
         .benefits =
             p.benefits.value_or(std::vector<std::string>{"Partner benefits"}),
         .competencies = p.competencies.value_or(
             std::vector<std::string>{"Cloud Business Applications"})}));
  }
  return sim::OkStatus();
}

sim::Status Stage::SeedCustomer(Character& c) {
  const CastMember& m = *c.member;
  if (!m.exists) return sim::OkStatus();  // F7 creates it
  std::vector<sim::TenantId> served_by;
  for (const std::string& partner : m.served_by) {
    served_by.push_back(Get(partner).tenant);
  }
  TIERSIM_ASSIGN_OR_RETURN(
      auto seeded, control_.SeedCustomerTenant({.company_name = m.legal_name,
                                                .domain_prefix = m.domain,
                                                .country = m.country,
                                                .admin_password = m.password,
                                                .served_by = served_by}));
  c.tenant = seeded.tenant;
  c.actor.person().upn = seeded.admin_upn;
  if (seeded.customer.valid()) NameCustomer(m.name, seeded.customer);
  for (const std::string& partner : m.referred_to) {
    TIERSIM_RETURN_IF_ERROR(
        control_
            .ReferCustomer(Get(partner).partner,
                           {.company_name = m.legal_name,
                            .contact = {.name = m.admin_name,
                                        .email = c.contact_email.empty()
                                                     ? seeded.admin_upn
                                                     : c.contact_email},
                            .need = "Microsoft 365 for " + m.legal_name})
            .status());
  }
  return sim::OkStatus();
}

sim::Status Stage::SeedUser(Character& c) {
  const CastMember& m = *c.member;
  Character& org = Get(m.of);
  TIERSIM_ASSIGN_OR_RETURN(sim::SessionRef admin, org.actor.Session());
  TIERSIM_ASSIGN_OR_RETURN(
      sim::NewUser added,
      client_.Call<sim::ops::AddUser>(admin, {{.full_name = m.admin_name,
                                               .email = m.email,
                                               .agent = m.agent,
                                               .admin = m.admin}}));
  TIERSIM_ASSIGN_OR_RETURN(
      std::string temporary,
      client_.Call<sim::ops::RevealPassword>(admin, {added.password}));
  c.user = added.id;
  c.partner = org.partner;
  c.tenant = org.tenant;
  c.actor.person().upn = added.sign_in_name;
  c.actor.person().password = temporary;
  c.actor.person().next_password = m.password;
  // A seeded user has already been through the first sign-in.
  return c.actor.ChangePassword(m.password);
}

// ---- Names ----

std::string Stage::PartnerName(sim::PartnerId id) const {
  for (const Character& c : characters_) {
    if (c.member->role != CastRole::kUser && c.partner == id) {
      return c.member->name;
    }
  }
  return id.ToString();
}

std::string Stage::CustomerName(sim::CustomerId id,
                                std::string_view fallback) const {
  for (const Character& c : characters_) {
    if (c.member->role == CastRole::kCustomer && c.customer == id) {
      return c.member->name;
    }
  }
  return std::string(fallback);
}

std::string Stage::AddressOwner(std::string_view address) const {
  // A sign-in name identifies its person; a contact mailbox is the
  // fallback (an applicant's primary contact may have no sign-in).
  for (const Character& c : characters_) {
    if (sim::EqualsIgnoreCase(c.actor.person().upn, address)) {
      return c.member->name;
    }
  }
  for (const Character& c : characters_) {
    if (sim::EqualsIgnoreCase(c.contact_email, address)) {
      return c.member->name;
    }
  }
  return std::string(address);
}

std::string Stage::SubscriptionName(sim::SubscriptionId id) const {
  auto it = subscription_names_.find(id);
  return it == subscription_names_.end() ? id.ToString() : it->second;
}

sim::Result<sim::SubscriptionId> Stage::Subscription(
    std::string_view ref) const {
  auto it = subscriptions_.find(ref);
  if (it != subscriptions_.end()) return it->second;
  std::string known;
  for (const auto& [name, id] : subscriptions_) {
    known += known.empty() ? "" : ", ";
    known += name;
  }
  return sim::Error(sim::ErrorCode::kScenarioError,
                    "no subscription \"" + std::string(ref) +
                        "\" was created in this scenario (known: " +
                        (known.empty() ? std::string("none") : known) + ")");
}

void Stage::NameCustomer(std::string_view cast_name, sim::CustomerId id) {
  if (Character* c = Find(cast_name)) c->customer = id;
}

void Stage::NameSubscriptions(std::string_view customer,
                              const std::vector<sim::LineItem>& items,
                              const std::vector<sim::SubscriptionId>& ids) {
  for (std::size_t i = 0; i < ids.size() && i < items.size(); ++i) {
    std::string name = std::string(customer) + "/" + items[i].offer_id;
    const std::string base = name;
    for (int n = 2; subscriptions_.contains(name); ++n) {
      name = base + "#" + std::to_string(n);
    }
    subscriptions_[name] = ids[i];
    subscription_names_[ids[i]] = name;
  }
}

// ---- StepContext ----

const Arg* StepContext::Find(std::string_view name) const {
  auto it = step_.args.find(name);
  return it == step_.args.end() ? nullptr : &it->second;
}

bool StepContext::Has(std::string_view name) const {
  return Find(name) != nullptr;
}

std::string StepContext::Str(std::string_view name,
                             std::string_view fallback) const {
  const Arg* a = Find(name);
  if (a == nullptr) return std::string(fallback);
  if (auto s = std::get_if<std::string>(&a->value)) return *s;
  return std::string(fallback);
}

std::int64_t StepContext::Int(std::string_view name,
                              std::int64_t fallback) const {
  const Arg* a = Find(name);
  if (a == nullptr) return fallback;
  if (auto v = std::get_if<std::int64_t>(&a->value)) return *v;
  return fallback;
}

bool StepContext::Bool(std::string_view name, bool fallback) const {
  const Arg* a = Find(name);
  if (a == nullptr) return fallback;
  if (auto v = std::get_if<bool>(&a->value)) return *v;
  return fallback;
}

double StepContext::Number(std::string_view name, double fallback) const {
  const Arg* a = Find(name);
  if (a == nullptr) return fallback;
  if (auto v = std::get_if<double>(&a->value)) return *v;
  if (auto v = std::get_if<std::int64_t>(&a->value)) {
    return static_cast<double>(*v);
  }
  return fallback;
}

std::vector<std::string> StepContext::List(std::string_view name) const {
  const Arg* a = Find(name);
  if (a == nullptr) return {};
  if (auto v = std::get_if<std::vector<std::string>>(&a->value)) return *v;
  return {};
}

std::vector<sim::LineItem> StepContext::Items(
    std::string_view name, std::vector<sim::LineItem> fallback) const {
  const Arg* a = Find(name);
  if (a == nullptr) return fallback;
  if (auto v = std::get_if<std::vector<sim::LineItem>>(&a->value)) return *v;
  return fallback;
}

std::vector<sim::LocationTarget> StepContext::Targets(
    std::string_view name) const {
  const Arg* a = Find(name);
  if (a == nullptr) return {};
  if (auto v = std::get_if<std::vector<sim::LocationTarget>>(&a->value)) {
    return *v;
  }
  return {};
}

Stage::Character& StepContext::Cast(std::string_view name) {
  return stage_.Get(Str(name));
}

sim::Result<sim::SubscriptionId> StepContext::Subscription(
    std::string_view name) {
  return stage_.Subscription(Str(name));
}

}  // namespace tiersim::harness
