// F4, F5, F6: reseller relationships with customers (asked for by resellers
// and, R15, providers), joint invitations with a provider, shared customers;
// R46 admin access outside CSP.
#include <algorithm>

#include "sim/email_address.h"
#include "sim/partner_center_internal.h"

namespace tiersim::sim {
void PartnerCenter::AddRelationship(Customer& c, PartnerId partner,
                                    RelationshipKind kind) {
  for (Relationship& r : c.relationships) {
    if (r.partner == partner) {
      if (kind == RelationshipKind::kReseller) r.kind = kind;
      return;
    }
  }
  c.relationships.push_back({partner, kind});
  store_.partner(partner)->customers.push_back(c.id);
}

Result<SentInvitation> PartnerCenter::RequestDelegatedAdmin(
    const Session& s, std::string_view customer_email,
    std::string_view message) {
  auto result = [&]() -> Result<SentInvitation> {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    // R40: "request delegated admin privileges" is an Admin agent's (and a
    // Global admin's), as administering on behalf is.
    TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kAdministerOnBehalf));
    return IssueInvitation(InvitationKind::kDelegatedAdmin, &a, a.partner,
                           PartnerId(), customer_email, message,
                           options_.invitation_ttl);
  }();
  Record("relationship.request_delegated_admin", s.directory_user(),
         result.ok() ? Ref(result->id) : Ref(), Ref(), result.status(),
         std::string(customer_email));
  return result;
}

Result<SentInvitation> PartnerCenter::RequestResellerRelationship(
    const Session& s, std::string_view customer_email,
    std::string_view message) {
  auto result = [&]() -> Result<SentInvitation> {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_RETURN_IF_ERROR(
        Require(a, Permission::kRequestCustomerRelationship));
    const Partner& p = *store_.partner(a.partner);
    // F4 for resellers and direct partners; R15: providers too ("establish
    // reseller relationships with existing customers").
    if (!p.reseller && !p.direct && !p.provider) {
      return Error(ErrorCode::kNotAReseller,
                   p.legal_name + " has no CSP account to offer as reseller");
    }
    return IssueInvitation(InvitationKind::kResellerRelationship, &a, a.partner,
                           PartnerId(), customer_email, message,
                           options_.invitation_ttl);
  }();
  Record("relationship.request", s.directory_user(),
         result.ok() ? Ref(result->id) : Ref(), Ref(), result.status(),
         std::string(customer_email));
  return result;
}

Result<SentInvitation> PartnerCenter::InviteCustomerWithProvider(
    const Session& s, PartnerId provider, std::string_view customer_email,
    std::string_view message) {
  auto result = [&]() -> Result<SentInvitation> {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_RETURN_IF_ERROR(
        Require(a, Permission::kRequestCustomerRelationship));
    const Partner& p = *store_.partner(a.partner);
    if (!p.reseller) {
      return Error(ErrorCode::kNotAReseller,
                   p.legal_name + " is not an indirect reseller");
    }
    if (!store_.Partnered(p.id, provider)) {  // R10
      return Error(ErrorCode::kNotPartnered,
                   p.legal_name + " has no accepted partnership with " +
                       NameOf(provider));
    }
    return IssueInvitation(InvitationKind::kJointRelationship, &a, a.partner,
                           provider, customer_email, message,
                           options_.invitation_ttl);
  }();
  Record("relationship.invite_joint", s.directory_user(),
         result.ok() ? Ref(result->id) : Ref(), provider, result.status(),
         std::string(customer_email));
  return result;
}

Result<CustomerId> PartnerCenter::AcceptResellerInvitation(
    const Session& s, std::string_view link, Consent consent) {
  InvitationId invitation;
  auto result = [&]() -> Result<CustomerId> {
    TIERSIM_ASSIGN_OR_RETURN(
        Invitation * inv,
        OpenInvitation(link, {InvitationKind::kResellerRelationship,
                              InvitationKind::kJointRelationship,
                              InvitationKind::kDelegatedAdmin}));
    invitation = inv->id;
    // R40/R46: delegated admin privileges alone, not a reseller.
    const bool dap = inv->kind == InvitationKind::kDelegatedAdmin;
    TIERSIM_ASSIGN_OR_RETURN(DirectoryUser user,
                             identity_.GetUser(s.directory_user()));
    TIERSIM_ASSIGN_OR_RETURN(TenantInfo tenant,
                             identity_.GetTenant(s.tenant()));
    const std::string& to = inv->recipient;
    if (auto own = store_.partner_by_tenant.find(tenant.id);
        own != store_.partner_by_tenant.end() &&
        HoldsItsAccount(*store_.partner(own->second))) {
      return Error(ErrorCode::kInvitationForeign,
                   tenant.domain + " is the work account of " +
                       NameOf(own->second) +
                       ", a CSP partner; a partner's own organisation cannot "
                       "become a customer by accepting this invitation");
    }
    if (EmailDomain(to) != AsciiLower(tenant.domain) &&
        !EqualsIgnoreCase(to, user.upn)) {  // R12
      return Error(ErrorCode::kInvitationForeign,
                   "this invitation was sent to " + to +
                       ", not to your organisation " + tenant.domain +
                       "; only the invited customer can accept it");
    }
    TIERSIM_RETURN_IF_ERROR(RequireGlobalAdminOfTenant(s).status());
    TIERSIM_RETURN_IF_ERROR(RequireActivePartner(*store_.partner(inv->sender)));
    if (inv->co_sender.valid()) {
      TIERSIM_RETURN_IF_ERROR(
          RequireActivePartner(*store_.partner(inv->co_sender)));
      if (!store_.Partnered(inv->sender, inv->co_sender)) {  // R10, R14
        return Error(ErrorCode::kNotPartnered,
                     NameOf(inv->sender) + " and " + NameOf(inv->co_sender) +
                         " are no longer partners; ask for a new invitation");
      }
    }
    const CustomerId existing = store_.CustomerOfTenant(tenant.id);
    if (existing.valid()) {
      const Customer& c = *store_.customer(existing);
      const Relationship* r1 = FindRelationship(c, inv->sender);
      const Relationship* r2 =
          inv->co_sender.valid() ? FindRelationship(c, inv->co_sender) : r1;
      auto is_reseller = [](const Relationship* r) {
        return r && r->kind == RelationshipKind::kReseller;
      };
      if (is_reseller(r1) && is_reseller(r2)) {
        return Error(ErrorCode::kAlreadyRelated,
                     store_.partner(inv->sender)->legal_name +
                         " is already a reseller of " + c.company_name);
      }
      if (dap && r1 != nullptr) {  // a reseller administers already
        return Error(ErrorCode::kAlreadyRelated,
                     store_.partner(inv->sender)->legal_name +
                         " already has admin privileges for " + c.company_name);
      }
    }
    if (consent != Consent::kGiven) {
      return Error(ErrorCode::kAuthorizationNotGiven,
                   "tick the box to authorise the reseller, then choose "
                   "Authorize");
    }
    const CustomerId id = existing.valid()
                              ? existing
                              : store_
                                    .AddCustomer(tenant.id, tenant.display_name,
                                                 tenant.country, kernel_.Now())
                                    .id;
    Customer& c = *store_.customer(id);
    AddRelationship(c, inv->sender,
                    dap ? RelationshipKind::kDelegatedAdminOnly
                        : RelationshipKind::kReseller);
    if (inv->co_sender.valid()) {
      AddRelationship(c, inv->co_sender, RelationshipKind::kReseller);
    }
    inv->used = true;
    inv->used_at = kernel_.Now();
    return id;
  }();
  Record("relationship.accept", s.directory_user(), invitation,
         result.ok() ? Ref(*result) : Ref(), result.status());
  return result;
}

Result<std::vector<CustomerSummary>> PartnerCenter::SharedCustomers(
    const Session& s, PartnerId provider) {
  TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
  TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kViewCustomers));
  const Partner& p = *store_.partner(a.partner);
  if (!p.reseller) {
    return Error(ErrorCode::kNotAReseller,
                 p.legal_name + " is not an indirect reseller");
  }
  if (!store_.Partnered(p.id, provider)) {
    return Error(
        ErrorCode::kNotPartnered,
        p.legal_name + " has no accepted partnership with " + NameOf(provider));
  }
  std::vector<CustomerSummary> out;
  for (CustomerId id : p.customers) {
    const Customer& c = *store_.customer(id);
    if (ServedTogether(c, provider, p.id))
      out.push_back(Summarize(c, a.partner));
  }
  return out;
}

Result<TenantId> PartnerCenter::AdministerCustomer(const Session& s,
                                                   CustomerId customer) {
  auto result = [&]() -> Result<TenantId> {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_ASSIGN_OR_RETURN(Customer * c, AdministeredCustomer(a, customer));
    return c->tenant;
  }();
  Record("customer.administer", s.directory_user(), customer, Ref(),
         result.status());
  return result;
}

}  // namespace tiersim::sim
