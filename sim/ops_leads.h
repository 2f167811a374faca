// Operation declarations (see sim/op.h): customer leads, the referrals
// Microsoft sends a partner (seed 000; R41: a Helpdesk agent may not manage
// them). Microsoft's side is the control call seed.lead (ops_control.h).
#pragma once

#include <vector>

#include "sim/op.h"
#include "sim/ops_accounts.h"
#include "sim/partner_center.h"

namespace tiersim::sim::ops {

struct LeadPath {
  LeadId lead;
};

struct ListLeads {
  static constexpr OpInfo kInfo{
      .name = "leads.list",
      .method = HttpMethod::kGet,
      .path = "/v1/tiersim/leads",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kCollection,
      .permission = Permission::kManageCustomerLeads,
      .summary = "Referrals: the customer leads Microsoft sent"};
  struct Request {};
  using Response = std::vector<LeadView>;
  static constexpr auto kFields = Fields();
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request&) {
    return pc.Leads(s);
  }
};

struct AcceptLead {
  static constexpr OpInfo kInfo{
      .name = "leads.accept",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/leads/{lead}/accept",
      .access = Access::kSignedIn,
      .permission = Permission::kManageCustomerLeads,
      .summary = "accept a lead; its contact is shared"};
  using Request = LeadPath;
  using Response = LeadView;
  static constexpr auto kFields = Fields(Path("lead", &Request::lead));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.AcceptLead(s, r.lead);
  }
};

struct DeclineLead {
  static constexpr OpInfo kInfo{.name = "leads.decline",
                                .method = HttpMethod::kPost,
                                .path = "/v1/tiersim/leads/{lead}/decline",
                                .access = Access::kSignedIn,
                                .reply = ReplyShape::kEmpty,
                                .permission = Permission::kManageCustomerLeads,
                                .summary = "decline a lead"};
  using Request = LeadPath;
  using Response = Empty;
  static constexpr auto kFields = Fields(Path("lead", &Request::lead));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return Done(pc.DeclineLead(s, r.lead));
  }
};

}  // namespace tiersim::sim::ops
