// NetworkClient: customer relationships, the add-customer wizard, orders,
// subscriptions, support and the views. Real-shaped /v1 routes where the
// real API has them (relationships, customers, subscriptions, orders).
#include "mocks/remote/network_impl.h"

namespace tiersim::mocks {

using sim::Result;
using sim::SessionRef;
using sim::Status;

namespace {

std::string DraftPath(sim::DraftId d, std::string_view step = {}) {
  std::string path = "/v1/tiersim/customer-drafts/" + d.ToString();
  if (!step.empty()) path += "/" + std::string(step);
  return path;
}

// A /v1/customers item (real shape, keys lowercased) -> CustomerSummary.
sim::CustomerSummary CustomerFrom(const json& c) {
  sim::CustomerSummary out;
  from_json(c.at("id"), out.id);
  const json& company = c.at("companyprofile");
  from_json(company.at("tenantid"), out.tenant);
  out.company_name = company.value("companyname", "");
  out.domain = company.value("domain", "");
  out.country =
      c.at("billingprofile").at("defaultaddress").value("country", "");
  out.resellers =
      c.at("associatedpartnerids").get<std::vector<sim::PartnerId>>();
  out.delegated_admin_only =
      c.value("relationshiptopartner", "") == "delegatedAdminOnly";
  return out;
}

}  // namespace

// ---- F4-F6 customer relationships ----

Result<sim::SentInvitation> NetworkClient::RequestResellerRelationship(
    SessionRef s, std::string_view customer_email, std::string_view message) {
  json body = {{"customerEmail", customer_email}, {"message", message}};
  auto r = impl_->Pc("POST", "/v1/tiersim/customer-invitations", &body, s);
  if (!r.ok()) return r.status();
  return Decode<sim::SentInvitation>(*r, "invitation");
}

Result<sim::SentInvitation> NetworkClient::InviteCustomerWithProvider(
    SessionRef s, sim::PartnerId provider, std::string_view customer_email,
    std::string_view message) {
  json body = {{"providerId", provider},
               {"customerEmail", customer_email},
               {"message", message}};
  auto r = impl_->Pc("POST", "/v1/tiersim/joint-invitations", &body, s);
  if (!r.ok()) return r.status();
  return Decode<sim::SentInvitation>(*r, "invitation");
}

Result<sim::CustomerId> NetworkClient::AcceptResellerInvitation(
    SessionRef s, std::string_view link, sim::Consent consent) {
  json body = {{"link", link}, {"consent", consent}};
  return DecodeMember<sim::CustomerId>(
      impl_->Pc("POST", "/v1/tiersim/customer-invitations/accept", &body, s),
      "customerid");
}

Result<std::vector<sim::CustomerSummary>> NetworkClient::SharedCustomers(
    SessionRef s, sim::PartnerId provider) {
  return DecodeMember<std::vector<sim::CustomerSummary>>(
      impl_->Pc(
          "GET",
          "/v1/tiersim/providers/" + provider.ToString() + "/shared-customers",
          nullptr, s),
      "items");
}

Result<sim::TenantId> NetworkClient::AdministerCustomer(
    SessionRef s, sim::CustomerId customer) {
  return DecodeMember<sim::TenantId>(
      impl_->Pc("POST",
                "/v1/tiersim/customers/" + customer.ToString() + "/administer",
                nullptr, s),
      "tenantid");
}

// ---- F7 the add-customer wizard ----

Result<sim::DraftId> NetworkClient::BeginAddCustomer(SessionRef s,
                                                     sim::PartnerId reseller) {
  json body = {{"resellerId", reseller}};
  return DecodeMember<sim::DraftId>(
      impl_->Pc("POST", "/v1/tiersim/customer-drafts", &body, s), "draftid");
}

Status NetworkClient::SetCustomerDetails(SessionRef s, sim::DraftId d,
                                         const sim::CustomerDetails& details) {
  json body = details;
  return StatusOf(impl_->Pc("PUT", DraftPath(d, "details"), &body, s));
}

Status NetworkClient::SetDraftSubscriptions(
    SessionRef s, sim::DraftId d, const std::vector<sim::LineItem>& items) {
  json body = {{"lineItems", items}};
  return StatusOf(impl_->Pc("PUT", DraftPath(d, "subscriptions"), &body, s));
}

Result<sim::DraftReview> NetworkClient::ReviewDraft(SessionRef s,
                                                    sim::DraftId d) {
  auto r = impl_->Pc("GET", DraftPath(d, "review"), nullptr, s);
  if (!r.ok()) return r.status();
  return Decode<sim::DraftReview>(*r, "draft review");
}

Result<sim::CustomerCreated> NetworkClient::SubmitDraft(SessionRef s,
                                                        sim::DraftId d) {
  auto r = impl_->Pc("POST", DraftPath(d, "submit"), nullptr, s);
  if (!r.ok()) return r.status();
  return Decode<sim::CustomerCreated>(*r, "new customer");
}

Status NetworkClient::CancelDraft(SessionRef s, sim::DraftId d) {
  return StatusOf(impl_->Pc("DELETE", DraftPath(d), nullptr, s));
}

// ---- F8, F9 orders and support ----

Result<sim::OrderReceipt> NetworkClient::PlaceOrder(
    SessionRef s, sim::CustomerId customer,
    const std::vector<sim::LineItem>& items,
    sim::PartnerId reseller_on_record) {
  json lines = json::array();
  for (std::size_t i = 0; i < items.size(); ++i) {
    lines.push_back({{"lineItemNumber", i},
                     {"offerId", items[i].offer_id},
                     {"quantity", items[i].licenses},
                     {"partnerIdOnRecord", reseller_on_record}});
  }
  json body = {{"referenceCustomerId", customer}, {"lineItems", lines}};
  auto r = impl_->Pc("POST", "/v1/customers/" + customer.ToString() + "/orders",
                     &body, s);
  if (!r.ok()) return r.status();
  sim::OrderReceipt receipt;
  try {
    from_json(r->at("id"), receipt.order);
    for (const json& line : r->at("lineitems")) {
      sim::SubscriptionId sub;
      from_json(line.at("subscriptionid"), sub);
      receipt.subscriptions.push_back(sub);
    }
  } catch (const std::exception& e) {
    return sim::Error(
        sim::ErrorCode::kInternal,
        std::string("the order answer could not be read: ") + e.what());
  }
  return receipt;
}

Status NetworkClient::ChangeLicenses(SessionRef s, sim::SubscriptionId sub,
                                     std::int64_t licenses) {
  json body = {{"quantity", licenses}};
  return StatusOf(impl_->Pc(
      "PATCH", "/v1/tiersim/subscriptions/" + sub.ToString(), &body, s));
}

Status NetworkClient::SetSupportContact(SessionRef s, sim::SubscriptionId sub,
                                        sim::PartnerId contact) {
  json body = {{"partnerId", contact}};
  return StatusOf(impl_->Pc(
      "PUT", "/v1/tiersim/subscriptions/" + sub.ToString() + "/supportcontact",
      &body, s));
}

namespace {
Result<sim::SupportRequestId> File(NetworkClient::Impl& impl, SessionRef s,
                                   sim::SubscriptionId sub,
                                   std::string_view text, bool on_behalf) {
  json body = {{"text", text}, {"onBehalf", on_behalf}};
  return DecodeMember<sim::SupportRequestId>(
      impl.Pc(
          "POST",
          "/v1/tiersim/subscriptions/" + sub.ToString() + "/support-requests",
          &body, s),
      "supportrequestid");
}
}  // namespace

Result<sim::SupportRequestId> NetworkClient::FileCustomerSupportRequest(
    SessionRef s, sim::SubscriptionId sub, std::string_view text) {
  return File(*impl_, s, sub, text, false);
}

Result<sim::SupportRequestId> NetworkClient::FileSupportRequestOnBehalf(
    SessionRef s, sim::SubscriptionId sub, std::string_view text) {
  return File(*impl_, s, sub, text, true);
}

Result<std::vector<sim::SupportRequestView>> NetworkClient::SupportQueue(
    SessionRef s) {
  return DecodeMember<std::vector<sim::SupportRequestView>>(
      impl_->Pc("GET", "/v1/tiersim/support-queue", nullptr, s), "items");
}

// ---- Views ----

Result<std::vector<sim::CustomerSummary>> NetworkClient::Customers(
    SessionRef s, sim::CustomerFilter filter) {
  std::string path = "/v1/customers?size=500";
  if (filter.reseller.valid()) {
    path += "&filter=" + httplib::detail::encode_query_param(json{
                             {"Field", "IndirectReseller"},
                             {"Value", filter.reseller.ToString()},
                             {"Operator", "starts_with"}}.dump());
  }
  std::vector<sim::CustomerSummary> out;
  // Follow links.next until the last page (the continuation token is the
  // header the real API asks for; our server also puts it in the body).
  std::string token;
  while (true) {
    std::string page = path;
    if (!token.empty())
      page += "&seekOperation=next&continuationToken=" + token;
    auto r = impl_->Pc("GET", page, nullptr, s);
    if (!r.ok()) return r.status();
    try {
      for (const json& c : r->at("items")) out.push_back(CustomerFrom(c));
    } catch (const std::exception& e) {
      return sim::Error(
          sim::ErrorCode::kInternal,
          std::string("a customer could not be read: ") + e.what());
    }
    if (!r->contains("continuationtoken")) break;
    token = (*r)["continuationtoken"].get<std::string>();
  }
  return out;
}

Result<std::vector<sim::SubscriptionView>> NetworkClient::Subscriptions(
    SessionRef s, sim::CustomerId customer) {
  return DecodeMember<std::vector<sim::SubscriptionView>>(
      impl_->Pc("GET",
                "/v1/customers/" + customer.ToString() + "/subscriptions",
                nullptr, s),
      "items");
}

Result<sim::PartnerSummary> NetworkClient::PartnerProfile(SessionRef s) {
  auto r = impl_->Pc("GET", "/v1/tiersim/profile", nullptr, s);
  if (!r.ok()) return r.status();
  return Decode<sim::PartnerSummary>(*r, "partner profile");
}

}  // namespace tiersim::mocks
