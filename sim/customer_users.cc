// F4/F5: a partner that administers a customer manages the users of the
// customer's tenant and the licences of its subscriptions ("manage the
// customer's account, services, users and licences"), the real API's
// /v1/customers/{id}/users, .../licenseupdates and .../subscribedskus.
//
// Users live in the customer's Azure AD tenant (IdentityPort); the core
// keeps what Azure AD does not: names, usage location and the licences
// assigned, one per offer, counted against the customer's subscriptions of
// that offer.
#include <algorithm>
#include <map>

#include "sim/email_address.h"
#include "sim/partner_center_internal.h"

namespace tiersim::sim {

Result<Customer*> PartnerCenter::AdministeredCustomer(const Actor& a,
                                                      CustomerId customer) {
  TIERSIM_ASSIGN_OR_RETURN(Customer * c, VisibleCustomer(a, customer));
  const Relationship* r = FindRelationship(*c, a.partner);
  if (r == nullptr) {
    return Error(ErrorCode::kNoResellerRelationship,
                 store_.partner(a.partner)->legal_name +
                     " has no relationship with " + c->company_name +
                     " that grants admin rights");
  }
  if (r->kind == RelationshipKind::kDelegatedAdminOnly &&
      a.admin != AdminRole::kGlobalAdmin) {  // R46
    return Error(ErrorCode::kPermissionDenied,
                 store_.user(a.user)->email +
                     " lacks the 'Global admin' role; only Global admins "
                     "reach customer accounts outside CSP (" +
                     c->company_name + ")");
  }
  if (r->kind == RelationshipKind::kReseller) {
    TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kAdministerOnBehalf));
  }
  return c;
}

std::int32_t PartnerCenter::AssignedLicenses(const Customer& c,
                                             OfferIndex offer) const {
  std::int32_t n = 0;
  for (const DirectoryUser& u : identity_.UsersOf(c.tenant)) {
    auto it = store_.customer_users.find(u.id);
    if (it == store_.customer_users.end()) continue;
    n += static_cast<std::int32_t>(std::count(
        it->second.licenses.begin(), it->second.licenses.end(), offer));
  }
  return n;
}

std::int32_t PartnerCenter::OwnedLicenses(const Customer& c,
                                          OfferIndex offer) const {
  std::int32_t n = 0;
  for (SubscriptionId sid : c.subscriptions) {
    const Subscription& sub = store_.subscriptions[sid.value() - 1];
    if (sub.offer == offer) n += sub.licenses;
  }
  return n;
}

Status PartnerCenter::CheckAssignedLicenses(const Subscription& sub,
                                            std::int32_t licenses) const {
  const Customer& c = store_.customers[sub.customer.value() - 1];
  const std::int32_t assigned = AssignedLicenses(c, sub.offer);
  const std::int32_t owned =
      OwnedLicenses(c, sub.offer) - sub.licenses + licenses;
  if (owned >= assigned) return OkStatus();
  const Offer& offer = catalog_.at(sub.offer);
  return Error(ErrorCode::kLicensesAssigned,
               c.company_name + "'s users hold " + std::to_string(assigned) +
                   " " + offer.name + " licences; " + std::to_string(licenses) +
                   " on " + sub.id.ToString() + " would leave " +
                   std::to_string(owned) + ". Unassign " +
                   std::to_string(assigned - owned) + " first");
}

void PartnerCenter::MoveAssignedLicenses(const Subscription& sub,
                                         OfferIndex to) {
  const Customer& c = store_.customers[sub.customer.value() - 1];
  std::int32_t excess = AssignedLicenses(c, sub.offer) -
                        (OwnedLicenses(c, sub.offer) - sub.licenses);
  const std::vector<DirectoryUser> users = identity_.UsersOf(c.tenant);
  // Oldest users first: the directory lists them in creation order.
  for (auto u = users.begin(); u != users.end() && excess > 0; ++u) {
    auto it = store_.customer_users.find(u->id);
    if (it == store_.customer_users.end()) continue;
    std::vector<OfferIndex>& held = it->second.licenses;
    auto old = std::find(held.begin(), held.end(), sub.offer);
    if (old == held.end()) continue;
    if (std::find(held.begin(), held.end(), to) == held.end()) {
      *old = to;
    } else {
      held.erase(old);
    }
    --excess;
  }
}

CustomerUserView PartnerCenter::CustomerUserOf(const DirectoryUser& u) const {
  CustomerUserView v{.id = u.id,
                     .user_principal_name = u.upn,
                     .display_name = u.display_name,
                     .global_admin = u.role == DirectoryRole::kGlobalAdmin};
  auto it = store_.customer_users.find(u.id);
  if (it != store_.customer_users.end()) {
    v.first_name = it->second.first_name;
    v.last_name = it->second.last_name;
    v.usage_location = it->second.usage_location;
    for (OfferIndex o : it->second.licenses) {
      v.licenses.push_back(catalog_.at(o).id);
    }
  }
  return v;
}

Result<std::vector<CustomerUserView>> PartnerCenter::CustomerUsers(
    const Session& s, CustomerId customer) {
  TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
  TIERSIM_ASSIGN_OR_RETURN(Customer * c, AdministeredCustomer(a, customer));
  std::vector<CustomerUserView> out;
  for (const DirectoryUser& u : identity_.UsersOf(c->tenant)) {
    out.push_back(CustomerUserOf(u));
  }
  return out;  // in creation order, oldest first
}

Result<NewCustomerUser> PartnerCenter::AddCustomerUser(
    const Session& s, CustomerId customer, const CustomerUserSpec& spec) {
  auto result = [&]() -> Result<NewCustomerUser> {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_ASSIGN_OR_RETURN(Customer * c, AdministeredCustomer(a, customer));
    TIERSIM_ASSIGN_OR_RETURN(TenantInfo tenant, identity_.GetTenant(c->tenant));
    TIERSIM_RETURN_IF_ERROR(
        CheckEmail(spec.user_principal_name, "the user principal name"));
    if (!EqualsIgnoreCase(EmailDomain(spec.user_principal_name),
                          tenant.domain)) {
      return Error(ErrorCode::kInvalidArgument,
                   "the user principal name " + spec.user_principal_name +
                       " is not in " + c->company_name +
                       "'s domain; expected "
                       "a name such as ada@" +
                       tenant.domain);
    }
    if (spec.display_name.empty()) {
      return Error(ErrorCode::kInvalidArgument,
                   "the new user's display name is empty; a name is required");
    }
    std::string location = spec.usage_location.empty()
                               ? std::string(c->country.data(), 2)
                               : spec.usage_location;
    for (char& ch : location) {
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    }
    if (location.size() != 2 ||
        !std::all_of(location.begin(), location.end(),
                     [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
      return Error(ErrorCode::kInvalidArgument,
                   "the usage location '" + spec.usage_location +
                       "' is not a two-letter country code such as US");
    }
    // Partner Center makes the password when the caller gives none (R23:
    // shown once, through the secret).
    const bool generated = spec.password_profile.password.empty();
    std::string password =
        generated ? NewTemporaryPassword() : spec.password_profile.password;
    TIERSIM_ASSIGN_OR_RETURN(
        DirectoryUserId id,
        identity_.CreateUser(
            c->tenant,
            {.upn = spec.user_principal_name,
             .display_name = spec.display_name,
             .password = password,
             .password_kind =
                 generated || spec.password_profile.force_change_password
                     ? PasswordKind::kTemporary
                     : PasswordKind::kPermanent}));
    store_.customer_users.emplace(
        id, CustomerUserRecord{.customer = c->id,
                               .first_name = spec.first_name,
                               .last_name = spec.last_name,
                               .usage_location = location});
    TIERSIM_ASSIGN_OR_RETURN(DirectoryUser u, identity_.GetUser(id));
    NewCustomerUser out{.user = CustomerUserOf(u)};
    if (generated) out.password = StoreSecret(a.user, std::move(password));
    return out;
  }();
  Record("customer.user.add", s.directory_user(), customer,
         result.ok() ? Ref(result->user.id) : Ref(), result.status(),
         spec.user_principal_name);
  return result;
}

Result<DirectoryUser> PartnerCenter::UserOfCustomer(
    const Customer& c, DirectoryUserId user) const {
  Result<DirectoryUser> u = identity_.GetUser(user);
  if (!u.ok() || u->tenant != c.tenant) {
    return Error(ErrorCode::kNotFound,
                 c.company_name + " has no user " + user.ToString());
  }
  return *u;
}

Status PartnerCenter::RemoveCustomerUser(const Session& s, CustomerId customer,
                                         DirectoryUserId user) {
  Status status = [&]() -> Status {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_ASSIGN_OR_RETURN(Customer * c, AdministeredCustomer(a, customer));
    TIERSIM_ASSIGN_OR_RETURN(DirectoryUser u, UserOfCustomer(*c, user));
    if (u.role == DirectoryRole::kGlobalAdmin) {
      // R48's reading for a customer's tenant: the partner may not lock the
      // customer out of its own directory.
      bool other_admin = false;
      for (const DirectoryUser& other : identity_.UsersOf(c->tenant)) {
        other_admin =
            other_admin ||
            (other.id != u.id && other.role == DirectoryRole::kGlobalAdmin);
      }
      if (!other_admin) {
        return Error(ErrorCode::kFailedPrecondition,
                     u.upn + " is " + c->company_name +
                         "'s last global admin and cannot be removed");
      }
    }
    TIERSIM_RETURN_IF_ERROR(identity_.DeleteUser(u.id));
    store_.customer_users.erase(u.id);  // its licences are free again
    return OkStatus();
  }();
  Record("customer.user.remove", s.directory_user(), customer, user, status);
  return status;
}

Result<LicenseUpdate> PartnerCenter::UpdateUserLicenses(
    const Session& s, CustomerId customer, DirectoryUserId user,
    const LicenseUpdate& update) {
  auto result = [&]() -> Result<LicenseUpdate> {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_ASSIGN_OR_RETURN(Customer * c, AdministeredCustomer(a, customer));
    TIERSIM_ASSIGN_OR_RETURN(DirectoryUser u, UserOfCustomer(*c, user));
    if (update.assign.empty() && update.remove.empty()) {
      return Error(ErrorCode::kInvalidArgument,
                   "the licence update names no licence to assign or remove");
    }
    CustomerUserRecord& record = store_.customer_users[u.id];
    record.customer = c->id;
    std::vector<OfferIndex> licenses = record.licenses;
    for (const std::string& id : update.remove) {
      TIERSIM_ASSIGN_OR_RETURN(OfferIndex o, catalog_.Find(id));
      auto it = std::find(licenses.begin(), licenses.end(), o);
      if (it == licenses.end()) {
        return Error(
            ErrorCode::kInvalidArgument,
            u.upn + " has no " + catalog_.at(o).name + " licence to remove");
      }
      licenses.erase(it);
    }
    for (const LicenseAssignment& l : update.assign) {
      TIERSIM_ASSIGN_OR_RETURN(OfferIndex o, catalog_.Find(l.sku_id));
      const Offer& offer = catalog_.at(o);
      if (std::find(licenses.begin(), licenses.end(), o) != licenses.end()) {
        return Error(ErrorCode::kInvalidArgument,
                     u.upn + " already has a " + offer.name + " licence");
      }
      const std::int32_t owned = OwnedLicenses(*c, o);
      // Licences this update frees count as available again.
      const std::int32_t in_use =
          AssignedLicenses(*c, o) -
          static_cast<std::int32_t>(
              std::count(record.licenses.begin(), record.licenses.end(), o)) +
          static_cast<std::int32_t>(
              std::count(licenses.begin(), licenses.end(), o));
      if (in_use >= owned) {
        return Error(ErrorCode::kNoLicensesAvailable,
                     c->company_name + " has no unassigned " + offer.name +
                         " licence (" + std::to_string(owned) +
                         " owned, all assigned); buy more licences first");
      }
      licenses.push_back(o);
    }
    record.licenses = std::move(licenses);
    return update;
  }();
  Record("customer.user.licenses", s.directory_user(), customer, user,
         result.status());
  return result;
}

Result<std::vector<SubscribedSku>> PartnerCenter::SubscribedSkus(
    const Session& s, CustomerId customer) {
  TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
  TIERSIM_ASSIGN_OR_RETURN(Customer * c, AdministeredCustomer(a, customer));
  // One pass over the subscriptions and one over the users, by offer.
  std::map<OfferIndex, SubscribedSku> by_offer;
  for (SubscriptionId sid : c->subscriptions) {
    const Subscription& sub = store_.subscriptions[sid.value() - 1];
    SubscribedSku& sku = by_offer[sub.offer];
    sku.total += sub.licenses;
  }
  for (const DirectoryUser& u : identity_.UsersOf(c->tenant)) {
    auto it = store_.customer_users.find(u.id);
    if (it == store_.customer_users.end()) continue;
    for (OfferIndex o : it->second.licenses) {
      if (auto sku = by_offer.find(o); sku != by_offer.end()) {
        ++sku->second.consumed;
      }
    }
  }
  std::vector<SubscribedSku> out;
  for (auto& [o, sku] : by_offer) {
    sku.offer_id = catalog_.at(o).id;
    sku.name = catalog_.at(o).name;
    out.push_back(std::move(sku));
  }
  return out;
}

}  // namespace tiersim::sim
