// Customer leads: seed 000 says new customers come "from your own
// marketing, Microsoft referrals, or indirect providers", and its role
// table names "manage customer leads" as something a Helpdesk agent may not
// do (R41). Microsoft refers a customer to a partner; the partner accepts
// the lead (and learns its contact, to invite it: F4) or declines it.
#include "sim/email_address.h"
#include "sim/partner_center_internal.h"

namespace tiersim::sim {

LeadView PartnerCenter::ViewOf(const CustomerLead& l) const {
  LeadView v{.id = l.id,
             .company_name = l.company_name,
             .need = l.need,
             .state = l.state,
             .created_at = l.created_at};
  if (l.state == LeadState::kAccepted) v.contact = l.contact;
  return v;
}

Result<LeadId> PartnerCenter::ReferCustomer(PartnerId partner,
                                            const LeadSpec& spec) {
  auto result = [&]() -> Result<LeadId> {
    Partner* p = store_.partner(partner);
    if (p == nullptr) {
      return Error(ErrorCode::kNotFound, partner.ToString() + " was not found");
    }
    TIERSIM_RETURN_IF_ERROR(RequireActivePartner(*p));
    if (spec.company_name.empty()) {
      return Error(ErrorCode::kInvalidArgument,
                   "a referral needs the customer's company name");
    }
    TIERSIM_RETURN_IF_ERROR(
        CheckEmail(spec.contact.email, "the referred customer's contact"));
    const LeadId id(store_.leads.size() + 1);
    store_.leads.push_back(CustomerLead{.id = id,
                                        .partner = partner,
                                        .company_name = spec.company_name,
                                        .contact = spec.contact,
                                        .need = spec.need,
                                        .created_at = kernel_.Now()});
    (void)SendMail(
        p->primary_contact.email, "New customer referral: " + spec.company_name,
        "Microsoft referred " + spec.company_name + " to " + p->legal_name +
            (spec.need.empty() ? "" : ": ") + spec.need +
            ".\nAccept or decline it in Partner "
            "Center (Referrals); its contact is shared once you "
            "accept.\n" +
            options_.portal_url + "\n",
        {options_.portal_url}, "customer-lead");
    return id;
  }();
  Record("lead.refer", Ref(), partner, result.ok() ? Ref(*result) : Ref(),
         result.status(), spec.company_name);
  return result;
}

Result<std::vector<LeadView>> PartnerCenter::Leads(const Session& s) {
  TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
  TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kManageCustomerLeads));
  std::vector<LeadView> out;
  for (const CustomerLead& l : store_.leads) {
    if (l.partner == a.partner) out.push_back(ViewOf(l));
  }
  return out;
}

Result<CustomerLead*> PartnerCenter::OwnNewLead(const Actor& a, LeadId id) {
  TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kManageCustomerLeads));
  CustomerLead* l = store_.lead(id);
  if (l == nullptr || l->partner != a.partner) {  // another's is not shown
    return Error(ErrorCode::kNotFound, id.ToString() + " was not found");
  }
  if (l->state != LeadState::kNew) {
    return Error(
        ErrorCode::kFailedPrecondition,
        "the lead for " + l->company_name + " was already " +
            (l->state == LeadState::kAccepted ? "accepted" : "declined"));
  }
  return l;
}

Result<LeadView> PartnerCenter::AcceptLead(const Session& s, LeadId lead) {
  auto result = [&]() -> Result<LeadView> {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_ASSIGN_OR_RETURN(CustomerLead * l, OwnNewLead(a, lead));
    l->state = LeadState::kAccepted;
    return ViewOf(*l);
  }();
  Record("lead.accept", s.directory_user(), lead, Ref(), result.status());
  return result;
}

Status PartnerCenter::DeclineLead(const Session& s, LeadId lead) {
  Status status = [&]() -> Status {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_ASSIGN_OR_RETURN(CustomerLead * l, OwnNewLead(a, lead));
    l->state = LeadState::kDeclined;
    return OkStatus();
  }();
  Record("lead.decline", s.directory_user(), lead, Ref(), status);
  return status;
}

}  // namespace tiersim::sim
