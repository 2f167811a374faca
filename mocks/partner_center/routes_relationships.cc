// /v1/relationships, /v1/customers/relationshiprequests and
// /v1/profiles/mpn: the real API's partner-relationship resources (F3-F5).
#include "mocks/common/text.h"
#include "mocks/partner_center/pc_call.h"
#include "mocks/partner_center/pc_json.h"
#include "mocks/partner_center/pc_routes.h"

namespace tiersim::mocks::pc {
namespace {

constexpr std::string_view kProviderOf = "IsIndirectCloudSolutionProviderOf";
constexpr std::string_view kResellerOf = "IsIndirectResellerOf";

// GET /v1/relationships?relationship_type=...
//   IsIndirectCloudSolutionProviderOf: the caller (a provider) is the
//     provider of these resellers.
//   IsIndirectResellerOf: the caller (a reseller) resells for these
//     providers.
Reply ListRelationships(Call& call) {
  const std::string type = call.request.get_param_value("relationship_type");
  sim::Result<std::vector<sim::PartnerSummary>> partners =
      std::vector<sim::PartnerSummary>{};
  std::string_view shown;
  if (EqualsIgnoreCase(type, kProviderOf)) {
    partners = call.pc().IndirectResellers(call.session);
    shown = kProviderOf;
  } else if (EqualsIgnoreCase(type, kResellerOf)) {
    partners = call.pc().IndirectProviders(call.session);
    shown = kResellerOf;
  } else {
    return BadInput("InvalidArgument", "relationship_type must be " +
                                           std::string(kProviderOf) + " or " +
                                           std::string(kResellerOf) +
                                           "; got \"" + type + "\"");
  }
  if (!partners.ok()) return FailOf(partners);
  json items = json::array();
  for (const auto& p : *partners) items.push_back(RelationshipJson(p, shown));
  return Ok(200, Collection(std::move(items)));
}

// GET /v1/customers/relationshiprequests?customerEmail=...
// The real API returns one shared URL; in tiersim every invitation link is
// personal (R12), so the request names the customer's admin email and the
// invitation is mailed to them, as the web page does (F4).
Reply RequestRelationship(Call& call) {
  const std::string email = call.request.get_param_value("customerEmail");
  if (email.empty()) {
    return BadInput("MissingField",
                    "give customerEmail: tiersim's invitation links are "
                    "personal (R12), so the request names the customer's "
                    "global admin");
  }
  auto sent = call.pc().RequestResellerRelationship(
      call.session, email, call.request.get_param_value("message"));
  if (!sent.ok()) return FailOf(sent);
  return Ok(200, json{{"url", sent->link},
                      {"invitationId", sent->id.ToString()},
                      {"attributes",
                       {{"objectType", "CustomerRelationshipRequest"}}}});
}

// GET /v1/profiles/mpn?mpnId=...: is this MPN ID a real, active profile?
Reply MpnProfile(Call& call) {
  const std::string text = call.request.get_param_value("mpnId");
  std::uint64_t mpn = 0;
  bool digits = !text.empty() && text.size() <= 18;
  for (char c : text) {
    if (c < '0' || c > '9') digits = false;
    if (digits) mpn = mpn * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (!digits) {
    return BadInput(
        "InvalidArgument",
        "mpnId must be a number such as 4700001; got \"" + text + "\"");
  }
  auto profile = call.world.pmc().Profile(sim::MpnId(mpn));
  if (!profile.ok()) return FailOf(profile);
  return Ok(200, json{{"partnerName", profile->legal_name},
                      {"mpnId", text},
                      {"country", profile->country},
                      {"status", profile->active ? "Active" : "Inactive"},
                      {"profileType", "MpnProfile"},
                      {"attributes", {{"objectType", "MpnProfile"}}}});
}

}  // namespace

void AddRelationshipRoutes(httplib::Server& r, Context& ctx) {
  auto route = [&ctx](Reply (*fn)(Call&)) {
    return [&ctx, fn](const httplib::Request& req, httplib::Response& res) {
      Serve(ctx, req, res, /*has_body=*/false, fn);
    };
  };
  r.Get("/v1/relationships", route(ListRelationships));
  r.Get("/v1/customers/relationshiprequests", route(RequestRelationship));
  r.Get("/v1/profiles/mpn", route(MpnProfile));
}

}  // namespace tiersim::mocks::pc
