// tiersim's own endpoints for what the real Partner Center offers only in
// its web pages, for a signed-in person (bearer token): users (F10), account
// set-up (F1 step 8, F1b), the provider listing (F2), partnership requests
// (F3), customer invitations and administration (F4-F6), the add-customer
// wizard (F7), license changes, support contacts and support requests (F8,
// F9). All under /v1/tiersim/; bodies use mocks/partner_center/wire.h.
#include "mocks/partner_center/pc_call.h"
#include "mocks/partner_center/pc_routes.h"
#include "mocks/partner_center/wire.h"
#include "mocks/partner_center/wire_reply.h"

namespace tiersim::mocks::pc {
namespace {

template <typename T>
Reply Items(const sim::Result<std::vector<T>>& r) {
  if (!r.ok()) return FailOf(r);
  json items = *r;
  return Ok(200, Collection(std::move(items)));
}

template <typename T>
Reply Named(const sim::Result<T>& r, const char* key, int status = 200) {
  if (!r.ok()) return FailOf(r);
  json j = {{key, *r}};
  return Ok(status, j);
}

template <typename Id>
Id PathId(Call& call, int group) {
  Id id;
  json text = call.request.matches[group].str();
  from_json(text, id);  // the route's pattern already checked the shape
  return id;
}

json Body(Call& call) { return wire::Lowered(call.body); }

// ---- Users (F10) ----
Reply AddUser(Call& c) {
  auto spec = Body(c).get<sim::UserSpec>();
  return Value(c.pc().AddUser(c.session, spec), 201);
}
Reply ListUsers(Call& c) { return Items(c.pc().Users(c.session)); }
Reply SetRoles(Call& c) {
  json b = Body(c);
  auto agent = Field<sim::AgentRole>(b, "agentRole");
  auto admin = Field<sim::AdminRole>(b, "adminRole");
  return OkEmpty(
      c.pc().SetUserRoles(c.session, PathId<sim::UserId>(c, 1), agent, admin));
}
Reply Reveal(Call& c) {
  return Named(c.pc().RevealPassword(c.session, PathId<sim::SecretId>(c, 1)),
               "password");
}
Reply Navigation(Call& c) {
  return Named(c.pc().Navigation(c.session), "sections");
}
Reply Profile(Call& c) { return Value(c.pc().PartnerProfile(c.session)); }

// ---- Account (F1 step 8, F1b) ----
Reply CompleteSetup(Call& c) {
  return OkEmpty(c.pc().CompleteAccountSetup(c.session));
}
Reply AddResellerAccount(Call& c) {
  auto contact = Field<sim::Contact>(Body(c), "supportContact");
  return OkEmpty(c.pc().AddResellerAccount(c.session, contact));
}

// ---- Listing (F2) ----
Reply GetListing(Call& c) { return Value(c.pc().Listing(c.session)); }
Reply ChangeListing(Call& c) {
  auto change = Body(c).get<sim::ListingChange>();
  return Named(c.pc().RequestListingChange(c.session, change),
               "supportRequestId", 201);
}

// ---- Partnership (F3) ----
Reply RequestPartnership(Call& c) {
  json b = Body(c);
  auto email = Field<std::string>(b, "resellerEmail");
  auto message = Field<std::string>(b, "message");
  return Value(c.pc().RequestPartnership(c.session, email, message), 201);
}
Reply AcceptPartnership(Call& c) {
  json b = Body(c);
  auto link = Field<std::string>(b, "link");
  auto consent = Field<sim::Consent>(b, "consent");
  return Named(c.pc().AcceptPartnership(c.session, link, consent),
               "providerId");
}
Reply AdministerReseller(Call& c) {
  return Named(
      c.pc().AdministerResellerTenant(c.session, PathId<sim::PartnerId>(c, 1)),
      "tenantId");
}

// ---- Customer relationships (F4-F6) ----
// F4: the reseller invites a customer.
Reply InviteCustomer(Call& c) {
  json b = Body(c);
  auto email = Field<std::string>(b, "customerEmail");
  auto message = Field<std::string>(b, "message");
  return Value(c.pc().RequestResellerRelationship(c.session, email, message),
               201);
}
// F5: the reseller invites a customer together with a provider.
Reply InviteJointly(Call& c) {
  json b = Body(c);
  auto email = Field<std::string>(b, "customerEmail");
  auto message = Field<std::string>(b, "message");
  auto provider = Field<sim::PartnerId>(b, "providerId");
  return Value(
      c.pc().InviteCustomerWithProvider(c.session, provider, email, message),
      201);
}
Reply AcceptCustomerInvitation(Call& c) {
  json b = Body(c);
  auto link = Field<std::string>(b, "link");
  auto consent = Field<sim::Consent>(b, "consent");
  return Named(c.pc().AcceptResellerInvitation(c.session, link, consent),
               "customerId");
}
Reply SharedCustomers(Call& c) {
  return Items(c.pc().SharedCustomers(c.session, PathId<sim::PartnerId>(c, 1)));
}
Reply AdministerCustomer(Call& c) {
  return Named(
      c.pc().AdministerCustomer(c.session, PathId<sim::CustomerId>(c, 1)),
      "tenantId");
}
Reply CustomerSummaries(Call& c) {
  json b = wire::Lowered(
      json{{"resellerId", c.request.get_param_value("resellerId")}});
  sim::CustomerFilter filter{.reseller =
                                 Field<sim::PartnerId>(b, "resellerId")};
  return Items(c.pc().Customers(c.session, filter));
}

// ---- The add-customer wizard (F7) ----
Reply BeginDraft(Call& c) {
  auto reseller = Field<sim::PartnerId>(Body(c), "resellerId");
  return Named(c.pc().BeginAddCustomer(c.session, reseller), "draftId", 201);
}
Reply DraftDetails(Call& c) {
  auto details = Body(c).get<sim::CustomerDetails>();
  return OkEmpty(c.pc().SetCustomerDetails(
      c.session, PathId<sim::DraftId>(c, 1), details));
}
Reply DraftSubscriptions(Call& c) {
  auto items = Field<std::vector<sim::LineItem>>(Body(c), "lineItems");
  return OkEmpty(c.pc().SetDraftSubscriptions(
      c.session, PathId<sim::DraftId>(c, 1), items));
}
Reply ReviewDraft(Call& c) {
  return Value(c.pc().ReviewDraft(c.session, PathId<sim::DraftId>(c, 1)));
}
Reply SubmitDraft(Call& c) {
  return Value(c.pc().SubmitDraft(c.session, PathId<sim::DraftId>(c, 1)), 201);
}
Reply CancelDraft(Call& c) {
  return OkEmpty(c.pc().CancelDraft(c.session, PathId<sim::DraftId>(c, 1)));
}

// ---- Subscriptions and support (F8, F9) ----
Reply ChangeLicenses(Call& c) {
  const json b = Body(c);
  if (!b.contains("quantity") || !b["quantity"].is_number_integer()) {
    return BadInput("InvalidArgument",
                    "give {\"quantity\": N}, a whole number of licenses");
  }
  return OkEmpty(c.pc().ChangeLicenses(c.session,
                                       PathId<sim::SubscriptionId>(c, 1),
                                       b["quantity"].get<std::int64_t>()));
}
Reply SupportContact(Call& c) {
  auto partner = Field<sim::PartnerId>(Body(c), "partnerId");
  return OkEmpty(c.pc().SetSupportContact(
      c.session, PathId<sim::SubscriptionId>(c, 1), partner));
}
Reply FileSupportRequest(Call& c) {
  json b = Body(c);
  auto text = Field<std::string>(b, "text");
  auto on_behalf = Field<bool>(b, "onBehalf");
  const auto sub = PathId<sim::SubscriptionId>(c, 1);
  return Named(on_behalf
                   ? c.pc().FileSupportRequestOnBehalf(c.session, sub, text)
                   : c.pc().FileCustomerSupportRequest(c.session, sub, text),
               "supportRequestId", 201);
}
Reply SupportQueue(Call& c) { return Items(c.pc().SupportQueue(c.session)); }

}  // namespace

void AddTiersimRoutes(httplib::Server& r, Context& ctx) {
  auto route = [&ctx](bool has_body, Reply (*fn)(Call&)) {
    return [&ctx, has_body, fn](const httplib::Request& req,
                                httplib::Response& res) {
      Serve(ctx, req, res, has_body, fn);
    };
  };
  const std::string t = "/v1/tiersim";
  r.Post(t + "/users", route(true, AddUser));
  r.Get(t + "/users", route(false, ListUsers));
  r.Put(t + R"(/users/(user-[0-9]+)/roles)", route(true, SetRoles));
  r.Post(t + R"(/secrets/(secret-[0-9]+)/reveal)", route(false, Reveal));
  r.Get(t + "/navigation", route(false, Navigation));
  r.Get(t + "/profile", route(false, Profile));
  r.Post(t + "/account/setup", route(false, CompleteSetup));
  r.Post(t + "/account/reseller", route(true, AddResellerAccount));
  r.Get(t + "/listing", route(false, GetListing));
  r.Post(t + "/listing/changes", route(true, ChangeListing));
  r.Post(t + "/partnership-requests", route(true, RequestPartnership));
  r.Post(t + "/partnership-requests/accept", route(true, AcceptPartnership));
  r.Post(t + R"(/resellers/(partner-[0-9]+)/administer)",
         route(false, AdministerReseller));
  r.Post(t + "/customer-invitations", route(true, InviteCustomer));
  r.Post(t + "/joint-invitations", route(true, InviteJointly));
  r.Post(t + "/customer-invitations/accept",
         route(true, AcceptCustomerInvitation));
  r.Get(t + R"(/providers/(partner-[0-9]+)/shared-customers)",
        route(false, SharedCustomers));
  r.Get(t + "/customers", route(false, CustomerSummaries));
  r.Post(t + R"(/customers/(customer-[0-9]+)/administer)",
         route(false, AdministerCustomer));
  r.Post(t + "/customer-drafts", route(true, BeginDraft));
  r.Put(t + R"(/customer-drafts/(draft-[0-9]+)/details)",
        route(true, DraftDetails));
  r.Put(t + R"(/customer-drafts/(draft-[0-9]+)/subscriptions)",
        route(true, DraftSubscriptions));
  r.Get(t + R"(/customer-drafts/(draft-[0-9]+)/review)",
        route(false, ReviewDraft));
  r.Post(t + R"(/customer-drafts/(draft-[0-9]+)/submit)",
         route(false, SubmitDraft));
  r.Delete(t + R"(/customer-drafts/(draft-[0-9]+))", route(false, CancelDraft));
  r.Patch(t + R"(/subscriptions/(subscription-[0-9]+))",
          route(true, ChangeLicenses));
  r.Put(t + R"(/subscriptions/(subscription-[0-9]+)/supportcontact)",
        route(true, SupportContact));
  r.Post(t + R"(/subscriptions/(subscription-[0-9]+)/support-requests)",
         route(true, FileSupportRequest));
  r.Get(t + "/support-queue", route(false, SupportQueue));
}

}  // namespace tiersim::mocks::pc
