// BuildPopulation: the population seeded through the control API and the
// people's own operations (each partner's users are added, shown their
// temporary password, change it and sign in, as F10 has them do).
#include <algorithm>

#include "harness/load/flow_catalog.h"
#include "harness/load/population.h"

namespace tiersim::harness::load {
namespace {

using sim::Error;
using sim::ErrorCode;
using sim::Result;
using sim::Status;

// Adds "while building <what>: " to a failure.
Status Context(const Status& s, const std::string& what) {
  return sim::Status(
      s.code(), "while building the population (" + what + "): " + s.message());
}

std::string DomainOf(const std::string& name) {
  std::string out;
  bool first = true;
  for (char c : name) {
    if (c != '-') {
      out += c;
    } else {
      out += first ? "" : "x";
      first = false;
    }
  }
  return out;
}

std::string Title(const std::string& name) {
  // "reseller-3-17" -> "Reseller 3-17"
  std::string out = name;
  out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  const auto dash = out.find('-');
  if (dash != std::string::npos) out[dash] = ' ';
  return out;
}

sim::AgentRole AgentOf(const std::string& role) {
  if (role == "admin_agent") return sim::AgentRole::kAdminAgent;
  if (role == "helpdesk_agent") return sim::AgentRole::kHelpdeskAgent;
  return sim::AgentRole::kNone;
}
sim::AdminRole AdminOf(const std::string& role) {
  if (role == "global_admin") return sim::AdminRole::kGlobalAdmin;
  if (role == "user_management_admin") {
    return sim::AdminRole::kUserManagementAdmin;
  }
  return sim::AdminRole::kNone;
}

class Builder {
 public:
  Builder(const LoadProfile& profile, sim::Client& client,
          sim::WorldControl& control)
      : profile_(profile), client_(client), control_(control) {}

  Result<Person> SignIn(const std::string& upn) {
    TIERSIM_ASSIGN_OR_RETURN(sim::SessionRef s,
                             client_.SignIn(upn, kPopulationPassword));
    return Person{upn, s};
  }

  Result<PartnerRecord> Partner(const std::string& name, sim::Program program) {
    auto seeded = control_.SeedPartner({.program = program,
                                        .legal_name = Title(name) + " Ltd",
                                        .domain_prefix = DomainOf(name),
                                        .admin_password = kPopulationPassword});
    if (!seeded.ok()) return Context(seeded.status(), name);
    PartnerRecord out{.id = seeded->partner, .tenant = seeded->tenant};
    auto admin = SignIn(seeded->admin_upn);
    if (!admin.ok()) return Context(admin.status(), name + "'s admin");
    out.admin = *admin;
    return out;
  }

  // The partner's users per the population's "users", in role order.
  Status Users(PartnerRecord& partner, const std::string& name) {
    int n = 0;
    for (const auto& [role, count] : profile_.population.users) {
      for (std::int64_t i = 0; i < count; ++i, ++n) {
        const std::string domain = DomainOf(name) + ".onmicrosoft.com";
        auto added = client_.Call<sim::ops::AddUser>(
            partner.admin.session,
            {.user = {.full_name = "User " + std::to_string(n),
                      .email = "user" + std::to_string(n) + "@" + domain,
                      .agent = AgentOf(role),
                      .admin = AdminOf(role)}});
        if (!added.ok()) return Context(added.status(), name + "'s " + role);
        auto temporary = client_.Call<sim::ops::RevealPassword>(
            partner.admin.session, {.secret = added->password});
        if (!temporary.ok()) return Context(temporary.status(), name);
        Status changed = client_.ChangePassword(added->sign_in_name, *temporary,
                                                kPopulationPassword);
        if (!changed.ok()) return Context(changed, added->sign_in_name);
        auto person = SignIn(added->sign_in_name);
        if (!person.ok()) return Context(person.status(), added->sign_in_name);
        partner.users.push_back(*person);
        partner.user_roles.push_back(role);
      }
    }
    return sim::OkStatus();
  }

  Result<CustomerRecord> Customer(const Population& pop, std::int64_t p,
                                  std::int64_t r, std::int64_t c,
                                  std::uint64_t draw) {
    const std::string name = CustomerName(pop.plan.Global(p), r, c);
    const PartnerRecord& provider = pop.providers[p];
    const PartnerRecord& reseller = pop.resellers[pop.ResellerIndex(p, r)];
    const std::string domain = DomainOf(name);
    auto created = client_.Call<sim::ops::CreateCustomer>(
        provider.admin.session,
        {.customer = {
             .details = {.company_name = Title(name),
                         .domain_prefix = domain,
                         .country = "US",
                         .contact = {.name = "Pat Admin",
                                     .email = "pat@" + domain + ".example"}},
             .associated_partner = reseller.id.ToString()}});
    if (!created.ok()) return Context(created.status(), name);
    auto order = client_.Call<sim::ops::PlaceOrder>(
        provider.admin.session,
        {.customer = created->customer.id,
         .lines = {.items = {{.offer_id = pop.PickOffer(draw),
                              .licenses = static_cast<std::int32_t>(
                                  profile_.population.licenses)}},
                   .partner_on_record = reseller.id.ToString()}});
    if (!order.ok()) return Context(order.status(), name + "'s subscription");
    return CustomerRecord{created->customer.id, order->subscriptions.at(0)};
  }

  Result<Person> Prospect(std::int64_t i) {
    const std::string name = "prospect-" + std::to_string(i);
    auto seeded =
        control_.SeedCustomerTenant({.company_name = Title(name),
                                     .domain_prefix = DomainOf(name),
                                     .admin_password = kPopulationPassword});
    if (!seeded.ok()) return Context(seeded.status(), name);
    auto person = SignIn(seeded->admin_upn);
    if (!person.ok()) return Context(person.status(), name + "'s admin");
    return *person;
  }

 private:
  const LoadProfile& profile_;
  sim::Client& client_;
  sim::WorldControl& control_;
};

}  // namespace

const std::string& Population::PickOffer(std::uint64_t draw) const {
  const auto w = static_cast<std::int64_t>(draw);
  const auto it =
      std::upper_bound(offer_cumulative.begin(), offer_cumulative.end(), w);
  return offer_ids[static_cast<std::size_t>(it - offer_cumulative.begin())];
}

Result<Population> BuildPopulation(const LoadProfile& profile,
                                   const PopulationPlan& plan,
                                   sim::Client& client,
                                   sim::WorldControl& control) {
  Population pop;
  pop.plan = plan;
  std::int64_t total = 0;
  for (const auto& [offer, weight] : profile.population.offers) {
    if (weight == 0) continue;
    total += weight;
    pop.offer_ids.push_back(offer);
    pop.offer_cumulative.push_back(total);
  }
  if (pop.offer_ids.empty()) {
    pop.offer_ids.push_back("o365-e3");
    pop.offer_cumulative.push_back(1);
  }
  sim::Rng rng((profile.seed ^ 0x706f70756c617465ULL) +  // "populate"
               static_cast<std::uint64_t>(plan.shard));
  Builder b(profile, client, control);
  for (std::int64_t p = 0; p < plan.providers; ++p) {
    TIERSIM_ASSIGN_OR_RETURN(PartnerRecord provider,
                             b.Partner(ProviderName(plan.Global(p)),
                                       sim::Program::kIndirectProvider));
    TIERSIM_RETURN_IF_ERROR(b.Users(provider, ProviderName(plan.Global(p))));
    pop.providers.push_back(std::move(provider));
  }
  pop.resellers.reserve(static_cast<std::size_t>(plan.resellers()));
  for (std::int64_t p = 0; p < plan.providers; ++p) {
    for (std::int64_t r = 0; r < plan.resellers_per_provider; ++r) {
      const std::string name = ResellerName(plan.Global(p), r);
      TIERSIM_ASSIGN_OR_RETURN(
          PartnerRecord reseller,
          b.Partner(name, sim::Program::kIndirectReseller));
      Status partnered =
          control.SeedPartnership(pop.providers[p].id, reseller.id);
      if (!partnered.ok()) return Context(partnered, name + "'s partnership");
      TIERSIM_RETURN_IF_ERROR(b.Users(reseller, name));
      pop.resellers.push_back(std::move(reseller));
    }
  }
  pop.customers.reserve(static_cast<std::size_t>(plan.customers()));
  for (std::int64_t p = 0; p < plan.providers; ++p) {
    for (std::int64_t r = 0; r < plan.resellers_per_provider; ++r) {
      for (std::int64_t c = 0; c < plan.customers_per_reseller; ++c) {
        const auto draw =
            rng.Uniform(static_cast<std::uint64_t>(pop.offer_weight()));
        TIERSIM_ASSIGN_OR_RETURN(CustomerRecord customer,
                                 b.Customer(pop, p, r, c, draw));
        pop.customers.push_back(customer);
      }
    }
  }
  pop.invitees.reserve(static_cast<std::size_t>(plan.invitees));
  for (std::int64_t i = 0; i < plan.invitees; ++i) {
    TIERSIM_ASSIGN_OR_RETURN(
        PartnerRecord invitee,
        b.Partner("invitee-" + std::to_string(plan.Global(i)),
                  sim::Program::kIndirectReseller));
    pop.invitees.push_back(invitee.admin);
  }
  pop.prospects.reserve(static_cast<std::size_t>(plan.prospects));
  for (std::int64_t i = 0; i < plan.prospects; ++i) {
    TIERSIM_ASSIGN_OR_RETURN(Person prospect, b.Prospect(plan.Global(i)));
    pop.prospects.push_back(std::move(prospect));
  }
  return pop;
}

}  // namespace tiersim::harness::load
