// /v1/customers, their subscriptions, orders and support contacts: the real
// Partner Center API's resources over the core (F7, F8, F9, R21-R26).
#include <algorithm>

#include "mocks/common/text.h"
#include "mocks/partner_center/pc_call.h"
#include "mocks/partner_center/pc_json.h"
#include "mocks/partner_center/pc_routes.h"

namespace tiersim::mocks::pc {
namespace {

constexpr std::size_t kDefaultPageSize = 200;
constexpr std::size_t kMaxPageSize = 500;

std::optional<sim::CustomerId> CustomerIn(const httplib::Request& req) {
  return ParseId<sim::CustomerId>(req.matches[1].str(), "customer");
}

Reply UnknownId(std::string_view what, std::string_view text) {
  return Fail(sim::Error(sim::ErrorCode::kNotFound,
                         "no " + std::string(what) + " \"" + std::string(text) +
                             "\" (expected an id such as \"" +
                             std::string(what) + "-7\")"));
}

// GET /v1/customers?size=N&filter={"Field":..,"Value":..,"Operator":..}
Reply ListCustomers(Call& call) {
  const httplib::Request& req = call.request;
  std::size_t size = kDefaultPageSize;
  if (req.has_param("size")) {
    const std::string text = req.get_param_value("size");
    std::size_t parsed = 0;
    bool digits = !text.empty() && text.size() < 6 &&
                  std::all_of(text.begin(), text.end(),
                              [](char c) { return c >= '0' && c <= '9'; });
    if (digits) parsed = std::stoul(text);
    if (!digits || parsed == 0 || parsed > kMaxPageSize) {
      return BadInput("InvalidArgument",
                      "size must be a whole number from 1 to " +
                          std::to_string(kMaxPageSize) + "; got \"" + text +
                          "\"");
    }
    size = parsed;
  }
  std::size_t offset = 0;
  // The real API's header, or the same value as a query parameter.
  std::string token = HeaderValue(req, "MS-ContinuationToken");
  if (token.empty()) token = req.get_param_value("continuationToken");
  if (!token.empty()) {
    if (token.size() > 12 ||
        !std::all_of(token.begin(), token.end(),
                     [](char c) { return c >= '0' && c <= '9'; })) {
      return BadInput("InvalidContinuationToken",
                      "MS-ContinuationToken must be the value from the "
                      "previous page's links.next");
    }
    offset = std::stoul(token);
  }
  sim::CustomerFilter filter;
  std::string field, value, op;
  if (req.has_param("filter")) {
    json f = json::parse(req.get_param_value("filter"), nullptr, false);
    if (f.is_discarded() || !f.is_object()) {
      return BadInput("InvalidFilter",
                      "filter must be a JSON object such as "
                      "{\"Field\":\"IndirectReseller\",\"Value\":\"partner-7\","
                      "\"Operator\":\"starts_with\"}");
    }
    field = StringMember(f, "Field");
    value = StringMember(f, "Value");
    op = StringMember(f, "Operator");
    if (EqualsIgnoreCase(field, "IndirectReseller")) {
      auto reseller = ResolvePartner(call.pc(), value);
      if (!reseller) {
        return Fail(sim::Error(sim::ErrorCode::kNotFound,
                               "no indirect reseller \"" + value + "\""));
      }
      filter.reseller = *reseller;
    } else if (!EqualsIgnoreCase(field, "CompanyName") &&
               !EqualsIgnoreCase(field, "Domain")) {
      return BadInput("InvalidFilter",
                      "filter Field must be IndirectReseller, CompanyName or "
                      "Domain; got \"" +
                          field + "\"");
    } else if (!op.empty() && !EqualsIgnoreCase(op, "starts_with")) {
      return BadInput("InvalidFilter", "filter Operator must be starts_with");
    }
  }
  auto customers = call.pc().Customers(call.session, filter);
  if (!customers.ok()) return FailOf(customers);
  json items = json::array();
  std::size_t matched = 0;
  for (const sim::CustomerSummary& c : *customers) {
    if (EqualsIgnoreCase(field, "CompanyName") &&
        AsciiLower(c.company_name).rfind(AsciiLower(value), 0) != 0)
      continue;
    if (EqualsIgnoreCase(field, "Domain") &&
        AsciiLower(c.domain).rfind(AsciiLower(value), 0) != 0)
      continue;
    if (matched++ < offset) continue;
    if (items.size() < size) items.push_back(CustomerJson(c));
  }
  json out = Collection(std::move(items));
  out["totalCount"] = matched;
  const std::size_t next = offset + out["items"].size();
  out["links"] = {{"self",
                   {{"uri", "/customers?size=" + std::to_string(size)},
                    {"method", "GET"},
                    {"headers", json::array()}}}};
  if (next < matched) {
    out["continuationToken"] = std::to_string(next);
    out["links"]["next"] = {
        {"uri",
         "/customers?size=" + std::to_string(size) + "&seekOperation=next"},
        {"method", "GET"},
        {"headers",
         {{{"key", "MS-ContinuationToken"}, {"value", std::to_string(next)}}}}};
  }
  return Ok(200, out);
}

Reply GetCustomer(Call& call) {
  auto id = CustomerIn(call.request);
  if (!id) return UnknownId("customer", call.request.matches[1].str());
  auto c = call.pc().GetCustomer(call.session, *id);
  if (!c.ok()) return FailOf(c);
  return Ok(200, CustomerJson(*c));
}

// POST /v1/customers {companyProfile{domain}, billingProfile{...},
// associatedPartnerId}
Reply CreateCustomer(Call& call) {
  const json& body = call.body;
  const json* company = Member(body, "companyProfile");
  const json* billing = Member(body, "billingProfile");
  if (company == nullptr || billing == nullptr) {
    return BadInput("MissingField",
                    "a customer needs companyProfile{domain} and "
                    "billingProfile{companyName, email, defaultAddress}");
  }
  const json empty = json::object();
  const json* address_ptr = Member(*billing, "defaultAddress");
  const json& address = address_ptr != nullptr ? *address_ptr : empty;
  sim::CustomerDetails d;
  d.company_name = StringMember(*billing, "companyName");
  std::string domain = StringMember(*company, "domain");
  const std::string suffix = ".onmicrosoft.com";
  if (domain.size() > suffix.size() &&
      EqualsIgnoreCase(domain.substr(domain.size() - suffix.size()), suffix)) {
    domain.resize(domain.size() - suffix.size());
  }
  d.domain_prefix = domain;
  d.country = StringMember(address, "country");
  d.contact.name = StringMember(address, "firstName");
  const std::string last = StringMember(address, "lastName");
  if (!last.empty())
    d.contact.name += (d.contact.name.empty() ? "" : " ") + last;
  d.contact.email = StringMember(*billing, "email");
  d.contact.phone = StringMember(address, "phoneNumber");
  d.address = {.line1 = StringMember(address, "addressLine1"),
               .city = StringMember(address, "city"),
               .state = StringMember(address, "state"),
               .postal_code = StringMember(address, "postalCode"),
               .country = d.country};
  sim::PartnerId reseller;
  const std::string associated = StringMember(body, "associatedPartnerId");
  if (!associated.empty()) {
    auto r = ResolvePartner(call.pc(), associated);
    if (!r) {
      return Fail(sim::Error(sim::ErrorCode::kNotFound,
                             "associatedPartnerId \"" + associated +
                                 "\" is not a known partner (use its id or "
                                 "MPN ID)"));
    }
    reseller = *r;
  }
  auto created = call.pc().CreateCustomerByApi(call.session, reseller, d);
  if (!created.ok()) return FailOf(created);
  auto summary = call.pc().GetCustomer(call.session, created->customer);
  if (!summary.ok()) return FailOf(summary);
  json out = CustomerJson(*summary);
  auto password = call.pc().RevealPassword(call.session, created->password);
  out["userCredentials"] = {
      {"userName", created->admin_user_name},
      {"password", password.ok() ? *password : std::string()}};
  return Ok(201, out);
}

std::optional<sim::SubscriptionView> FindSubscription(
    const std::vector<sim::SubscriptionView>& subs, sim::SubscriptionId id) {
  for (const auto& s : subs)
    if (s.id == id) return s;
  return std::nullopt;
}

// Resolves /v1/customers/{c}/subscriptions/{s}: the subscription, visible to
// the caller, of that customer.
sim::Result<sim::SubscriptionView> SubscriptionIn(Call& call) {
  auto customer = CustomerIn(call.request);
  auto sub = ParseId<sim::SubscriptionId>(call.request.matches[2].str(),
                                          "subscription");
  if (!customer || !sub) {
    return sim::Error(sim::ErrorCode::kNotFound,
                      "no subscription \"" + call.request.matches[2].str() +
                          "\" of customer \"" + call.request.matches[1].str() +
                          "\"");
  }
  auto subs = call.pc().Subscriptions(call.session, *customer);
  if (!subs.ok()) return subs.status();
  auto found = FindSubscription(*subs, *sub);
  if (!found) {
    return sim::Error(
        sim::ErrorCode::kNotFound,
        sub->ToString() + " is not a subscription of " + customer->ToString());
  }
  return *found;
}

Reply ListSubscriptions(Call& call) {
  auto id = CustomerIn(call.request);
  if (!id) return UnknownId("customer", call.request.matches[1].str());
  auto subs = call.pc().Subscriptions(call.session, *id);
  if (!subs.ok()) return FailOf(subs);
  json items = json::array();
  for (const auto& s : *subs) items.push_back(SubscriptionJson(s));
  return Ok(200, Collection(std::move(items)));
}

Reply GetSubscription(Call& call) {
  auto sub = SubscriptionIn(call);
  if (!sub.ok()) return FailOf(sub);
  return Ok(200, SubscriptionJson(*sub));
}

// PATCH {quantity}: F8's license change.
Reply PatchSubscription(Call& call) {
  auto sub = SubscriptionIn(call);
  if (!sub.ok()) return FailOf(sub);
  const json* quantity = Member(call.body, "quantity");
  if (quantity == nullptr || !quantity->is_number_integer()) {
    return BadInput("InvalidArgument",
                    "PATCH a subscription with {\"quantity\": N} (a whole "
                    "number of licenses)");
  }
  sim::Status s = call.pc().ChangeLicenses(call.session, sub->id,
                                           quantity->get<std::int64_t>());
  if (!s.ok()) return Fail(s);
  auto updated = SubscriptionIn(call);
  if (!updated.ok()) return FailOf(updated);
  return Ok(200, SubscriptionJson(*updated));
}

// POST /v1/customers/{id}/orders {lineItems:[{lineItemNumber, offerId,
// quantity, partnerIdOnRecord}]}
Reply CreateOrder(Call& call) {
  auto customer = CustomerIn(call.request);
  if (!customer) return UnknownId("customer", call.request.matches[1].str());
  const json* lines = Member(call.body, "lineItems");
  if (lines == nullptr || !lines->is_array()) {
    return BadInput("MissingField",
                    "an order needs lineItems: [{\"offerId\": ..., "
                    "\"quantity\": N, \"partnerIdOnRecord\": ...}]");
  }
  std::vector<sim::LineItem> items;
  std::string on_record;
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const json& line = (*lines)[i];
    const json* quantity = Member(line, "quantity");
    const std::string offer = StringMember(line, "offerId");
    if (offer.empty() || quantity == nullptr ||
        !quantity->is_number_integer()) {
      return BadInput("InvalidArgument",
                      "lineItems[" + std::to_string(i) +
                          "] needs offerId (text) and quantity (a whole "
                          "number)");
    }
    const std::string record = StringMember(line, "partnerIdOnRecord");
    if (i > 0 && record != on_record) {
      return BadInput("InvalidArgument",
                      "every line of an order must name the same "
                      "partnerIdOnRecord; lineItems[" +
                          std::to_string(i) + "] differs");
    }
    on_record = record;
    items.push_back({offer, quantity->get<std::int64_t>()});
  }
  sim::PartnerId reseller;
  if (!on_record.empty()) {
    auto r = ResolvePartner(call.pc(), on_record);
    if (!r) {
      return Fail(sim::Error(
          sim::ErrorCode::kNotFound,
          "partnerIdOnRecord \"" + on_record + "\" is not a known partner"));
    }
    reseller = *r;
  }
  auto receipt = call.pc().PlaceOrder(call.session, *customer, items, reseller);
  if (!receipt.ok()) return FailOf(receipt);
  Reply reply{.status = 201};
  // Written by hand rather than through a JSON tree: this is the load
  // tests' hot path (see scripts/bench_http.sh).
  reply.render = [items = std::move(items), receipt = std::move(*receipt),
                  on_record, customer = *customer,
                  now = call.world.kernel().Now()] {
    auto quoted = [](std::string_view text) { return json(text).dump(); };
    const std::string record = quoted(on_record);
    std::string out = "{\"id\":\"" + receipt.order.ToString() +
                      "\",\"referenceCustomerId\":\"" + customer.ToString() +
                      "\",\"lineItems\":[";
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i > 0) out += ',';
      out += "{\"lineItemNumber\":" + std::to_string(i) +
             ",\"offerId\":" + quoted(items[i].offer_id) +
             ",\"quantity\":" + std::to_string(items[i].licenses) +
             ",\"partnerIdOnRecord\":" + record + ",\"subscriptionId\":\"" +
             receipt.subscriptions[i].ToString() + "\"}";
    }
    out += "],\"status\":\"completed\",\"creationDate\":\"" + TimeText(now) +
           "\",\"attributes\":{\"objectType\":\"Order\"}}";
    return out;
  };
  return reply;
}

json SupportContactJson(const sim::PartnerCenter& pc, sim::PartnerId id) {
  json out = {{"supportPartnerId", id.valid() ? id.ToString() : ""},
              {"attributes", {{"objectType", "SupportContact"}}}};
  if (id.valid() && id.value() <= pc.store().partners.size()) {
    const sim::Partner& p = pc.store().partners[id.value() - 1];
    out["supportTenantId"] = p.tenant.ToString();
    out["supportMpnId"] = std::to_string(p.mpn.value());
    out["name"] = p.legal_name;
  }
  return out;
}

Reply GetSupportContact(Call& call) {
  auto sub = SubscriptionIn(call);
  if (!sub.ok()) return FailOf(sub);
  return Ok(200, SupportContactJson(call.pc(), sub->support_contact));
}

// PUT {supportMpnId} (or supportPartnerId): F9.
Reply PutSupportContact(Call& call) {
  auto sub = SubscriptionIn(call);
  if (!sub.ok()) return FailOf(sub);
  std::string who = StringMember(call.body, "supportMpnId");
  if (who.empty()) who = StringMember(call.body, "supportPartnerId");
  if (who.empty()) {
    return BadInput("MissingField",
                    "give supportMpnId (or supportPartnerId) of the provider "
                    "or an associated reseller");
  }
  auto partner = ResolvePartner(call.pc(), who);
  if (!partner) {
    return Fail(sim::Error(sim::ErrorCode::kInvalidSupportContact,
                           "\"" + who + "\" is not a known partner"));
  }
  sim::Status s = call.pc().SetSupportContact(call.session, sub->id, *partner);
  if (!s.ok()) return Fail(s);
  return Ok(200, SupportContactJson(call.pc(), *partner));
}

}  // namespace

void AddCommerceRoutes(httplib::Server& r, Context& ctx) {
  auto route = [&ctx](bool has_body, Reply (*fn)(Call&)) {
    return [&ctx, has_body, fn](const httplib::Request& req,
                                httplib::Response& res) {
      Serve(ctx, req, res, has_body, fn);
    };
  };
  const std::string customer = R"(/v1/customers/(customer-[0-9]+|[^/]+))";
  const std::string sub = customer + R"(/subscriptions/([^/]+))";
  r.Get("/v1/customers", route(false, ListCustomers));
  r.Post("/v1/customers", route(true, CreateCustomer));
  r.Get(customer, route(false, GetCustomer));
  r.Get(customer + "/subscriptions", route(false, ListSubscriptions));
  r.Get(sub, route(false, GetSubscription));
  r.Patch(sub, route(true, PatchSubscription));
  r.Get(sub + "/supportcontact", route(false, GetSupportContact));
  r.Put(sub + "/supportcontact", route(true, PutSupportContact));
  r.Post(customer + "/orders", route(true, CreateOrder));
}

}  // namespace tiersim::mocks::pc
