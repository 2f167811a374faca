// What each page shows, and who may see which customer (R26): a reseller
// sees its own customers; a provider its own and its partnered resellers'.
// An invisible customer is reported exactly like a missing one.
#include <algorithm>

#include "sim/partner_center_internal.h"
#include "sim/text.h"

namespace tiersim::sim {

bool PartnerCenter::CanSeeCustomer(const Partner& p, const Customer& c) const {
  for (const Relationship& r : c.relationships) {
    if (r.partner == p.id) return true;
    // A provider sees its partnered resellers' CSP customers (R26), not
    // the ones they only administer outside CSP.
    if (p.provider && r.kind == RelationshipKind::kReseller &&
        store_.Partnered(p.id, r.partner)) {
      return true;
    }
  }
  return false;
}

Result<Customer*> PartnerCenter::VisibleCustomer(const Actor& a,
                                                 CustomerId id) {
  Customer* c = store_.customer(id);
  if (c == nullptr || !CanSeeCustomer(*store_.partner(a.partner), *c)) {
    return Error(ErrorCode::kNotFound, id.ToString() + " was not found");
  }
  return c;
}

PartnerCenter::Standing PartnerCenter::StandingOn(
    PartnerId partner, const Subscription& sub) const {
  if (sub.provider == partner) return Standing::kProvider;
  const bool partnered = store_.Partnered(sub.provider, partner);
  if (sub.reseller_of_record.valid() ? sub.reseller_of_record == partner
                                     : partnered) {
    return partnered ? Standing::kReseller : Standing::kFormerReseller;
  }
  if (sub.support_contact == partner) return Standing::kSupportContact;
  return Standing::kStranger;
}

bool PartnerCenter::ServedTogether(const Customer& c, PartnerId provider,
                                   PartnerId reseller) {
  return HasResellerRelationship(c, provider) &&
         HasResellerRelationship(c, reseller);
}

Result<Subscription*> PartnerCenter::VisibleSubscription(const Actor& a,
                                                         SubscriptionId id) {
  Subscription* s = store_.subscription(id);
  if (s == nullptr ||
      !CanSeeCustomer(*store_.partner(a.partner),
                      *store_.customer(s->customer)) ||
      StandingOn(a.partner, *s) == Standing::kStranger) {  // R26, R28
    return Error(ErrorCode::kNotFound, id.ToString() + " was not found");
  }
  return s;
}

CustomerSummary PartnerCenter::Summarize(const Customer& c,
                                         PartnerId viewer) const {
  auto tenant = identity_.GetTenant(c.tenant);
  CustomerSummary out{c.id,
                      c.tenant,
                      c.company_name,
                      tenant.ok() ? tenant->domain : std::string(),
                      std::string(c.country.data(), 2),
                      {},
                      false};
  for (const Relationship& r : c.relationships) {
    const Partner& p = store_.partners[r.partner.value() - 1];
    // R26: the viewer itself and the resellers it is partnered with, not
    // a competitor's or a former partner's.
    if (p.reseller && r.kind == RelationshipKind::kReseller &&
        (r.partner == viewer || store_.Partnered(viewer, r.partner))) {
      out.resellers.push_back(r.partner);
    }
    if (r.partner == viewer) {
      out.delegated_admin_only =
          r.kind == RelationshipKind::kDelegatedAdminOnly;
    }
  }
  return out;
}

SubscriptionView PartnerCenter::ViewOf(const Subscription& s) const {
  const Offer& offer = catalog_.at(s.offer);
  return SubscriptionView{s.id,
                          s.customer,
                          s.order,
                          offer.id,
                          offer.name,
                          offer.family,
                          s.licenses,
                          s.provider,
                          s.reseller_of_record,
                          s.support_contact};
}

Result<std::vector<CustomerSummary>> PartnerCenter::Customers(
    const Session& s, CustomerFilter filter) {
  TIERSIM_ASSIGN_OR_RETURN(CustomerSlice all,
                           CustomerRange(s, filter, 0, SIZE_MAX));
  return std::move(all.items);
}

Result<CustomerSlice> PartnerCenter::CustomerRange(const Session& s,
                                                   const CustomerFilter& filter,
                                                   std::size_t offset,
                                                   std::size_t limit) {
  TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
  TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kViewCustomers));
  const Partner& p = *store_.partner(a.partner);
  // R28: the filter names a reseller the provider serves customers with;
  // one it is not partnered with shares none (as its F6 view would say).
  if (filter.reseller.valid() && filter.reseller != p.id &&
      !store_.Partnered(p.id, filter.reseller)) {
    return CustomerSlice{};
  }
  std::vector<CustomerId> ids = p.customers;
  if (p.provider && !p.partners.empty()) {
    for (PartnerId reseller : p.partners) {
      const auto& theirs = store_.partner(reseller)->customers;
      ids.insert(ids.end(), theirs.begin(), theirs.end());
    }
  }
  if (!std::is_sorted(ids.begin(), ids.end())) {
    std::sort(ids.begin(), ids.end());
  }
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  CustomerSlice out;
  for (CustomerId id : ids) {
    const Customer& c = *store_.customer(id);
    if (!CanSeeCustomer(p, c)) continue;
    if (filter.reseller.valid() &&
        !ServedTogether(c, a.partner, filter.reseller)) {  // R28
      continue;
    }
    if (!filter.name_prefix.empty() &&
        !StartsWithIgnoreCase(c.company_name, filter.name_prefix)) {
      continue;
    }
    if (!filter.domain_prefix.empty()) {
      auto tenant = identity_.GetTenant(c.tenant);
      if (!tenant.ok() ||
          !StartsWithIgnoreCase(tenant->domain, filter.domain_prefix)) {
        continue;
      }
    }
    if (out.total++ >= offset && out.items.size() < limit) {
      out.items.push_back(Summarize(c, a.partner));
    }
  }
  return out;
}

Result<CustomerSummary> PartnerCenter::GetCustomer(const Session& s,
                                                   CustomerId customer) {
  TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
  TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kViewCustomers));
  TIERSIM_ASSIGN_OR_RETURN(Customer * c, VisibleCustomer(a, customer));
  return Summarize(*c, a.partner);
}

Result<std::vector<SubscriptionView>> PartnerCenter::Subscriptions(
    const Session& s, CustomerId customer) {
  TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
  TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kViewCustomers));
  TIERSIM_ASSIGN_OR_RETURN(Customer * c, VisibleCustomer(a, customer));
  std::vector<SubscriptionView> out;
  for (SubscriptionId id : c->subscriptions) {
    const Subscription& sub = *store_.subscription(id);
    if (StandingOn(a.partner, sub) == Standing::kStranger) continue;  // R28
    out.push_back(ViewOf(sub));
  }
  return out;
}

Result<SubscriptionView> PartnerCenter::GetSubscription(const Session& s,
                                                        CustomerId customer,
                                                        SubscriptionId sub) {
  TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
  TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kViewCustomers));
  TIERSIM_RETURN_IF_ERROR(VisibleCustomer(a, customer).status());
  const Subscription* found = store_.subscription(sub);
  if (found == nullptr || found->customer != customer ||
      StandingOn(a.partner, *found) == Standing::kStranger) {  // R28
    return Error(
        ErrorCode::kNotFound,
        sub.ToString() + " is not a subscription of " + customer.ToString());
  }
  return ViewOf(*found);
}

Result<std::vector<ServiceHealthView>> PartnerCenter::ServiceHealth(
    const Session& s) {
  TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
  TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kServiceHealth));
  std::vector<ServiceHealthView> out;
  for (ProductFamily f : kProductFamilies) {
    ServiceHealthView v{
        .service = f,
        .healthy = !kernel_.faults().Active(fault_points::kServiceOutage,
                                            ProductFamilyName(f))};
    for (CustomerId cid : store_.partner(a.partner)->customers) {
      const Customer& c = *store_.customer(cid);
      const bool uses = std::any_of(
          c.subscriptions.begin(), c.subscriptions.end(),
          [&](SubscriptionId sid) {
            return catalog_.at(store_.subscriptions[sid.value() - 1].offer)
                       .family == f;
          });
      if (uses) v.customers.push_back(cid);
    }
    out.push_back(std::move(v));
  }
  return out;
}

Result<PartnerProfileView> PartnerCenter::PartnerProfile(const Session& s) {
  TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
  TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kViewPartnerProfile));
  const Partner& p = *store_.partner(a.partner);
  PartnerProfileView v;
  static_cast<PartnerSummary&>(v) = Summarize(p);
  v.address = p.address;
  v.primary_contact = p.primary_contact;
  v.support_contact = p.support_contact;
  v.incentives = p.incentives;
  v.benefits = p.benefits;
  v.competencies = p.competencies;
  return v;
}

std::optional<PartnerId> PartnerCenter::FindPartner(
    std::string_view id_or_mpn) const {
  if (auto id = ParseId<PartnerId>(id_or_mpn)) {
    if (id->value() <= store_.partners.size()) return id;
    return std::nullopt;
  }
  auto mpn = ParseMpnId(id_or_mpn);
  if (!mpn) return std::nullopt;
  auto it = store_.partner_by_mpn.find(*mpn);
  if (it == store_.partner_by_mpn.end()) return std::nullopt;
  return it->second;
}

Result<PartnerCard> PartnerCenter::Card(PartnerId partner) const {
  if (!partner.valid() || partner.value() > store_.partners.size()) {
    return Error(ErrorCode::kNotFound, partner.ToString() + " was not found");
  }
  const Partner& p = store_.partners[partner.value() - 1];
  return PartnerCard{
      .id = p.id, .tenant = p.tenant, .mpn = p.mpn, .name = p.legal_name};
}

std::optional<UserView> PartnerCenter::UserOfDirectoryUser(
    DirectoryUserId user) const {
  auto it = store_.user_by_directory_user.find(user);
  if (it == store_.user_by_directory_user.end()) return std::nullopt;
  const User& u = store_.users[it->second.value() - 1];
  return UserView{.id = u.id,
                  .full_name = u.full_name,
                  .email = u.email,
                  .agent = u.agent,
                  .admin = u.admin};
}

Result<MpnProfile> PartnerCenter::LookUpMpnProfile(const Session& s,
                                                   MpnId mpn) {
  TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
  (void)a;  // any signed-in partner user may look an MPN ID up
  return membership_.Profile(mpn);
}

}  // namespace tiersim::sim
