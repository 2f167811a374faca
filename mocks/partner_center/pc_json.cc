#include "mocks/partner_center/pc_json.h"

namespace tiersim::mocks::pc {

std::string TimeText(sim::SimTime t) { return sim::FormatSimTime(t); }

namespace {
json IdList(const std::vector<sim::PartnerId>& ids) {
  json out = json::array();
  for (sim::PartnerId id : ids) out.push_back(id.ToString());
  return out;
}
std::string IdOrEmpty(sim::PartnerId id) {
  return id.valid() ? id.ToString() : std::string();
}
}  // namespace

json CustomerJson(const sim::CustomerSummary& c) {
  return json{
      {"id", c.id.ToString()},
      {"companyProfile",
       {{"tenantId", c.tenant.ToString()},
        {"domain", c.domain},
        {"companyName", c.company_name}}},
      {"billingProfile",
       {{"companyName", c.company_name},
        {"defaultAddress", {{"country", c.country}}}}},
      {"relationshipToPartner",
       c.delegated_admin_only ? "delegatedAdminOnly" : "reseller"},
      {"associatedPartnerIds", IdList(c.resellers)},
      {"associatedPartnerId",
       c.resellers.empty() ? std::string() : c.resellers.front().ToString()},
      {"attributes", {{"objectType", "Customer"}}}};
}

json SubscriptionJson(const sim::SubscriptionView& s) {
  return json{{"id", s.id.ToString()},
              {"customerId", s.customer.ToString()},
              {"orderId", s.order.ToString()},
              {"offerId", s.offer_id},
              {"offerName", s.offer_name},
              {"friendlyName", s.offer_name},
              {"productFamily", sim::ProductFamilyName(s.family)},
              {"quantity", s.licenses},
              {"unitType", "Licenses"},
              {"status", "active"},
              {"partnerId", IdOrEmpty(s.provider)},
              {"partnerIdOnRecord", IdOrEmpty(s.reseller_of_record)},
              {"supportContactPartnerId", IdOrEmpty(s.support_contact)},
              {"attributes", {{"objectType", "Subscription"}}}};
}

json PartnerJson(const sim::PartnerSummary& p) {
  return json{{"id", p.id.ToString()},
              {"name", p.legal_name},
              {"mpnId", std::to_string(p.mpn.value())},
              {"country", p.country},
              {"domain", p.domain},
              {"isIndirectProvider", p.provider},
              {"isIndirectReseller", p.reseller},
              {"state", sim::EnrollmentStateName(p.state)}};
}

json RelationshipJson(const sim::PartnerSummary& p, std::string_view type) {
  json j = PartnerJson(p);
  j["relationshipType"] = type;
  j["attributes"] = {{"objectType", "PartnerRelationship"}};
  return j;
}

}  // namespace tiersim::mocks::pc
