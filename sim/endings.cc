// R14: ending a partnership (either side) and ending a reseller relationship
// with a customer, and what each party sees afterwards. Nothing is deleted
// from history: orders and subscriptions stay as they were sold.
#include <algorithm>

#include "sim/email_address.h"
#include "sim/partner_center_internal.h"

namespace tiersim::sim {

bool PartnerCenter::AddressedTo(const Partner& p,
                                std::string_view email) const {
  if (EqualsIgnoreCase(EmailDomain(email), p.domain) ||
      EqualsIgnoreCase(email, p.primary_contact.email) ||
      EqualsIgnoreCase(email, p.support_contact.email)) {
    return true;
  }
  auto user = store_.user_by_email.find(AsciiLower(email));
  return user != store_.user_by_email.end() &&
         store_.users[user->second.value() - 1].partner == p.id;
}

void PartnerCenter::HandOverSupport(Subscription& sub, PartnerId to) {
  const PartnerId from = sub.support_contact;
  sub.support_contact = to;
  if (from == to || !from.valid()) return;
  std::vector<SupportRequestId>& queue = store_.partner(from)->support_queue;
  std::erase_if(queue, [&](SupportRequestId id) {
    SupportRequest& r = *store_.support_request(id);
    if (r.subscription != sub.id || r.state != SupportState::kOpen) {
      return false;
    }
    r.assigned_to = to;
    store_.partner(to)->support_queue.push_back(id);
    return true;
  });
}

Status PartnerCenter::EndPartnership(const Session& s, PartnerId other) {
  Status status = [&]() -> Status {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    // Whoever may not open the partnership pages learns nothing (R47).
    TIERSIM_RETURN_IF_ERROR(RequirePartnershipPage(a));
    Partner& me = *store_.partner(a.partner);
    if (!store_.Partnered(me.id, other)) {
      return Error(ErrorCode::kNotPartnered, me.legal_name +
                                                 " has no partnership with " +
                                                 NameOf(other) + " to end");
    }
    Partner& them = *store_.partner(other);
    // Each side ends it from its own page: the provider with the
    // permission that manages partnerships, the reseller with the one that
    // accepts them (R42: a Global admin).
    const bool as_provider = me.provider && them.reseller;
    TIERSIM_RETURN_IF_ERROR(Require(a, as_provider
                                           ? Permission::kManagePartnerships
                                           : Permission::kAcceptPartnership));
    Partner& provider = as_provider ? me : them;
    Partner& reseller = as_provider ? them : me;
    store_.RemovePartnership(me.id, other);
    // Links that would bring the pair back together without both agreeing
    // are withdrawn: the provider's partnership requests to the reseller
    // and the reseller's joint invitations naming the provider.
    for (Invitation& inv : store_.invitations) {
      if (inv.used || inv.withdrawn) continue;
      const bool request = inv.kind == InvitationKind::kPartnership &&
                           inv.sender == provider.id &&
                           AddressedTo(reseller, inv.recipient);
      const bool joint = inv.kind == InvitationKind::kJointRelationship &&
                         inv.sender == reseller.id &&
                         inv.co_sender == provider.id;
      if (request || joint) {
        inv.withdrawn = true;
        inv.used_at = kernel_.Now();
      }
    }
    // The reseller no longer takes support for this provider's
    // subscriptions (R25 needs a partnered reseller).
    for (CustomerId cid : reseller.customers) {
      for (SubscriptionId sid : store_.customer(cid)->subscriptions) {
        Subscription& sub = *store_.subscription(sid);
        if (sub.provider == provider.id && sub.support_contact == reseller.id) {
          HandOverSupport(sub, provider.id);
        }
      }
    }
    (void)SendMail(
        them.primary_contact.email,
        me.legal_name + " ended its partnership with " + them.legal_name,
        me.legal_name + " ended the indirect partnership with " +
            them.legal_name + ". " + provider.legal_name +
            " can no longer act for " + reseller.legal_name +
            "; existing subscriptions keep their history.\n",
        {}, "partnership-ended");
    return OkStatus();
  }();
  Record("partnership.end", s.directory_user(), other, Ref(), status);
  return status;
}

Status PartnerCenter::EndResellerRelationship(const Session& s,
                                              CustomerId customer) {
  Status status = [&]() -> Status {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_RETURN_IF_ERROR(
        Require(a, Permission::kRequestCustomerRelationship));
    TIERSIM_ASSIGN_OR_RETURN(Customer * c, VisibleCustomer(a, customer));
    if (!HasResellerRelationship(*c, a.partner)) {
      return Error(ErrorCode::kNoResellerRelationship,
                   store_.partner(a.partner)->legal_name +
                       " has no reseller relationship with " + c->company_name +
                       " to end");
    }
    DropRelationship(*c, a.partner);
    return OkStatus();
  }();
  Record("relationship.end", s.directory_user(), customer, Ref(), status);
  return status;
}

void PartnerCenter::DropRelationship(Customer& c, PartnerId partner) {
  std::erase_if(c.relationships,
                [&](const Relationship& r) { return r.partner == partner; });
  std::erase(store_.partner(partner)->customers, c.id);
  // No longer associated with the customer, it cannot take its support
  // (R25): the provider that sold the subscription does, or, when the
  // provider itself left, the reseller of record if it still may.
  for (SubscriptionId sid : c.subscriptions) {
    Subscription& sub = *store_.subscription(sid);
    if (sub.support_contact != partner) continue;
    PartnerId next = sub.provider;
    if (sub.provider == partner && sub.reseller_of_record.valid() &&
        HasResellerRelationship(c, sub.reseller_of_record) &&
        store_.Partnered(sub.provider, sub.reseller_of_record)) {
      next = sub.reseller_of_record;
    }
    HandOverSupport(sub, next);
  }
}

Result<Customer*> PartnerCenter::CustomerOfAdmin(const Session& s) {
  TIERSIM_ASSIGN_OR_RETURN(DirectoryUser u, RequireGlobalAdminOfTenant(s));
  Customer* c = store_.customer(store_.CustomerOfTenant(u.tenant));
  if (c == nullptr) {
    return Error(ErrorCode::kNotFound,
                 u.upn +
                     "'s organisation is not a customer of any CSP "
                     "partner; it has no partner relationships");
  }
  return c;
}

Result<std::vector<CustomerPartnerView>> PartnerCenter::PartnerRelationships(
    const Session& s) {
  TIERSIM_ASSIGN_OR_RETURN(Customer * c, CustomerOfAdmin(s));
  std::vector<CustomerPartnerView> out;
  for (const Relationship& r : c->relationships) {
    const Partner& p = *store_.partner(r.partner);
    out.push_back(
        {.partner = {p.id, p.tenant, p.mpn, p.legal_name}, .kind = r.kind});
  }
  return out;
}

Status PartnerCenter::RemovePartnerRelationship(const Session& s,
                                                PartnerId partner) {
  Status status = [&]() -> Status {
    TIERSIM_ASSIGN_OR_RETURN(Customer * c, CustomerOfAdmin(s));
    if (FindRelationship(*c, partner) == nullptr) {
      return Error(ErrorCode::kNoResellerRelationship,
                   c->company_name + " has no relationship with " +
                       NameOf(partner) + " to remove");
    }
    DropRelationship(*c, partner);
    const Partner& p = *store_.partner(partner);
    (void)SendMail(
        p.primary_contact.email,
        c->company_name + " removed " + p.legal_name + " as its partner",
        c->company_name + " removed its relationship with " + p.legal_name +
            ". " + p.legal_name + " can no longer see or manage " +
            c->company_name + "; its subscriptions keep their history.\n",
        {}, "relationship-ended");
    return OkStatus();
  }();
  Record("relationship.remove_by_customer", s.directory_user(), partner, Ref(),
         status);
  return status;
}

}  // namespace tiersim::sim
