// F3 partnership between an indirect provider and an indirect reseller
// (R10-R13), and the two pages that list partnerships.
#include "sim/email_address.h"
#include "sim/partner_center_internal.h"

namespace tiersim::sim {
Result<SentInvitation> PartnerCenter::RequestPartnership(
    const Session& s, std::string_view reseller_email,
    std::string_view message) {
  auto result = [&]() -> Result<SentInvitation> {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kManagePartnerships));
    const Partner& p = *store_.partner(a.partner);
    if (!p.provider) {
      return Error(ErrorCode::kNotAProvider,
                   p.legal_name +
                       " is not an indirect provider; only "
                       "providers request partnerships");
    }
    if (!p.setup_complete) {  // R11
      return Error(ErrorCode::kAccountSetupIncomplete,
                   p.legal_name + " has not finished account set-up");
    }
    return IssueInvitation(InvitationKind::kPartnership, &a, a.partner,
                           PartnerId(), reseller_email, message,
                           options_.invitation_ttl);
  }();
  Record("partnership.request", s.directory_user(),
         result.ok() ? Ref(result->id) : Ref(), Ref(), result.status(),
         std::string(reseller_email));
  return result;
}

Result<PartnerId> PartnerCenter::AcceptPartnership(const Session& s,
                                                   std::string_view link,
                                                   Consent consent) {
  InvitationId invitation;
  auto result = [&]() -> Result<PartnerId> {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_ASSIGN_OR_RETURN(
        Invitation * inv, OpenInvitation(link, {InvitationKind::kPartnership}));
    invitation = inv->id;
    Partner& reseller = *store_.partner(a.partner);
    Partner& provider = *store_.partner(inv->sender);
    const std::string& to = inv->recipient;
    const bool addressed_to_us = AddressedTo(reseller, to);
    if (provider.id == reseller.id) {  // R12
      return Error(ErrorCode::kInvitationForeign,
                   "this is " + provider.legal_name +
                       "'s own partnership request, sent to " + to +
                       "; only the invited reseller can accept it");
    }
    if (!addressed_to_us) {  // R12
      return Error(ErrorCode::kInvitationForeign,
                   "this partnership link was sent to " + to + ", not to " +
                       reseller.legal_name +
                       "; only the invited reseller can accept it");
    }
    TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kAcceptPartnership));
    if (!reseller.reseller) {  // R11
      return Error(ErrorCode::kNotAReseller,
                   reseller.legal_name +
                       " has no indirect reseller account; enroll as an "
                       "indirect reseller first");
    }
    if (!reseller.setup_complete) {
      return Error(ErrorCode::kAccountSetupIncomplete,
                   reseller.legal_name +
                       " has not finished account set-up (Admin agent role)");
    }
    TIERSIM_RETURN_IF_ERROR(RequireActivePartner(provider));
    if (store_.Partnered(reseller.id, provider.id)) {
      return Error(ErrorCode::kAlreadyPartnered, reseller.legal_name + " and " +
                                                     provider.legal_name +
                                                     " are already partners");
    }
    if (consent != Consent::kGiven) {
      return Error(ErrorCode::kAuthorizationNotGiven,
                   "tick the box to authorise " + provider.legal_name +
                       " as your indirect provider, then choose Authorize");
    }
    inv->used = true;
    inv->used_at = kernel_.Now();
    store_.AddPartnership(provider.id, reseller.id);
    return inv->sender;
  }();
  Record("partnership.accept", s.directory_user(), invitation,
         result.ok() ? Ref(*result) : Ref(), result.status());
  return result;
}

// The Indirect resellers / providers pages open to whoever may manage or
// accept partnerships; a denial names both ways in (R47).
Status PartnerCenter::RequirePartnershipPage(const Actor& a) const {
  if (Allows(a.agent, a.admin, Permission::kManagePartnerships) ||
      Allows(a.agent, a.admin, Permission::kAcceptPartnership)) {
    return OkStatus();
  }
  Status manage = Require(a, Permission::kManagePartnerships);
  return Error(ErrorCode::kPermissionDenied,
               manage.message() + "; or the '" +
                   std::string(Info(Permission::kAcceptPartnership).name) +
                   "' permission, which needs " +
                   RolesGranting(Permission::kAcceptPartnership));
}

Result<std::vector<PartnerSummary>> PartnerCenter::IndirectResellers(
    const Session& s) {
  TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
  TIERSIM_RETURN_IF_ERROR(RequirePartnershipPage(a));
  const Partner& p = *store_.partner(a.partner);
  if (!p.provider) {
    return Error(ErrorCode::kNotAProvider,
                 p.legal_name +
                     " is not an indirect provider, so it has no "
                     "Indirect resellers page");
  }
  std::vector<PartnerSummary> out;
  for (PartnerId id : p.partners) out.push_back(Summarize(*store_.partner(id)));
  return out;
}

Result<std::vector<PartnerSummary>> PartnerCenter::IndirectProviders(
    const Session& s) {
  TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
  TIERSIM_RETURN_IF_ERROR(RequirePartnershipPage(a));
  const Partner& p = *store_.partner(a.partner);
  if (!p.reseller) {
    return Error(ErrorCode::kNotAReseller,
                 p.legal_name +
                     " is not an indirect reseller, so it has no "
                     "Indirect providers page");
  }
  std::vector<PartnerSummary> out;
  for (PartnerId id : p.partners) out.push_back(Summarize(*store_.partner(id)));
  return out;
}

Result<TenantId> PartnerCenter::AdministerResellerTenant(const Session& s,
                                                         PartnerId reseller) {
  auto result = [&]() -> Result<TenantId> {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kAdministerOnBehalf));
    const Partner& p = *store_.partner(a.partner);
    if (!p.provider || !store_.Partnered(p.id, reseller)) {  // R13
      return Error(ErrorCode::kNotPartnered,
                   p.legal_name + " has no accepted partnership with " +
                       NameOf(reseller) +
                       "; the reseller must accept a partnership request "
                       "first");
    }
    return store_.partner(reseller)->tenant;
  }();
  Record("partnership.administer_tenant", s.directory_user(), reseller, Ref(),
         result.status());
  return result;
}

}  // namespace tiersim::sim
