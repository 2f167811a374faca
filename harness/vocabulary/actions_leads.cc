// Customer leads as a partner meets them: Microsoft's referrals (cast
// customers "referred_to" a partner) on the Referrals page, accepted (the
// contact is then shared, to invite the customer: F4) or declined. R41: a
// Helpdesk agent may not manage them.
#include "harness/vocabulary/spec_helpers.h"
#include "harness/vocabulary/stage.h"
#include "sim/text.h"

namespace tiersim::harness {
namespace {

namespace ops = sim::ops;
using spec::Required;
using ParamList = std::vector<ParamSpec>;

std::string_view StateName(sim::LeadState s) {
  switch (s) {
    case sim::LeadState::kNew:
      return "new";
    case sim::LeadState::kAccepted:
      return "accepted";
    case sim::LeadState::kDeclined:
      return "declined";
  }
  return "?";
}

// The lead for the cast customer, as the Referrals page lists it (the step
// asks the product; the company name is what the page shows).
sim::Result<sim::LeadView> FindLead(StepContext& ctx,
                                    const sim::SessionRef& session) {
  TIERSIM_ASSIGN_OR_RETURN(auto leads,
                           ctx.client().Call<ops::ListLeads>(session, {}));
  const Stage::Character& customer = ctx.Cast("customer");
  for (const sim::LeadView& l : leads) {
    if (sim::EqualsIgnoreCase(l.company_name, customer.member->legal_name)) {
      return l;
    }
  }
  return sim::Error(sim::ErrorCode::kNotFound,
                    "no lead for " + customer.member->legal_name +
                        " on the Referrals page of " + ctx.org().member->name);
}

sim::Status AcceptLead(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(sim::LeadView lead, FindLead(ctx, session));
  TIERSIM_ASSIGN_OR_RETURN(
      sim::LeadView accepted,
      ctx.client().Call<ops::AcceptLead>(session, {lead.id}));
  ctx.Detail(accepted.id.ToString() + ", contact " + accepted.contact.email);
  return sim::OkStatus();
}

sim::Status DeclineLead(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(sim::LeadView lead, FindLead(ctx, session));
  return ctx.client().Call<ops::DeclineLead>(session, {lead.id}).status();
}

sim::Result<Observed> Leads(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(auto leads,
                           ctx.client().Call<ops::ListLeads>(session, {}));
  Observed out;
  for (const sim::LeadView& l : leads) {
    std::string name = l.company_name;
    for (const CastMember& m : ctx.stage().scenario().cast) {
      if (sim::EqualsIgnoreCase(m.legal_name, l.company_name)) name = m.name;
    }
    out.items.push_back(name);
  }
  return out;
}

sim::Result<Observed> Lead(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(sim::LeadView lead, FindLead(ctx, session));
  return Observed{.fields = {{"state", std::string(StateName(lead.state))},
                             {"need", lead.need},
                             {"contact_email", lead.contact.email}}};
}

const ParamSpec kCustomer = Required(
    "customer", ParamType::kCast,
    "the referred customer (cast with \"referred_to\")", spec::kCustomers);

}  // namespace

std::vector<ActionSpec> LeadActions() {
  return {
      {"accept_lead", "R41",
       "Referrals: accept Microsoft's lead for a customer; its contact is "
       "shared",
       Actors::kPartnerPeople, ParamList{kCustomer}, AcceptLead},
      {"decline_lead", "R41", "Referrals: decline the lead for a customer",
       Actors::kPartnerPeople, ParamList{kCustomer}, DeclineLead},
  };
}

std::vector<QuerySpec> LeadQueries() {
  return {
      {"leads",
       "R41",
       "Referrals: the customers Microsoft referred (cast names)",
       QueryShape::kList,
       true,
       ParamList{},
       {},
       Leads},
      {"lead",
       "R41",
       "One referral: its state and, once accepted, the contact",
       QueryShape::kRecord,
       true,
       ParamList{kCustomer},
       {"state", "need", "contact_email"},
       Lead},
  };
}

}  // namespace tiersim::harness
