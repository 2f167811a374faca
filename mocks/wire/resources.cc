#include "mocks/wire/resources.h"

#include <array>
#include <cstdint>
#include <limits>

#include "mocks/common/text.h"

namespace tiersim::sim {

using mocks::wire::Read;
using mocks::wire::WireError;

namespace {
using mocks::wire::Attributes;

// Member `key` of `j` as an object (an empty one when absent).
json ObjectMember(const json& j, const char* key) {
  json out = json::object();
  Read(j, key, out);
  if (!out.is_object())
    throw WireError(std::string(key) + ": expected an object");
  return out;
}
}  // namespace

// ---- Customer ----

void to_json(json& j, const CustomerSummary& v) {
  j = json{{"id", v.id},
           {"companyProfile",
            {{"tenantId", v.tenant},
             {"domain", v.domain},
             {"companyName", v.company_name}}},
           {"billingProfile",
            {{"companyName", v.company_name},
             {"defaultAddress", {{"country", v.country}}}}},
           {"relationshipToPartner",
            v.delegated_admin_only ? "delegatedAdminOnly" : "reseller"},
           {"associatedPartnerIds", v.resellers},
           {"associatedPartnerId",
            v.resellers.empty() ? PartnerId() : v.resellers.front()},
           {"attributes", Attributes("Customer")}};
}

void from_json(const json& j, CustomerSummary& v) {
  Read(j, "id", v.id);
  const json company = ObjectMember(j, "companyProfile");
  Read(company, "tenantId", v.tenant);
  Read(company, "companyName", v.company_name);
  Read(company, "domain", v.domain);
  const json address =
      ObjectMember(ObjectMember(j, "billingProfile"), "defaultAddress");
  Read(address, "country", v.country);
  Read(j, "associatedPartnerIds", v.resellers);
  std::string relationship;
  Read(j, "relationshipToPartner", relationship);
  v.delegated_admin_only = relationship == "delegatedAdminOnly";
}

// ---- Subscription ----

void to_json(json& j, const SubscriptionView& v) {
  j = json{{"id", v.id},
           {"customerId", v.customer},
           {"orderId", v.order},
           {"offerId", v.offer_id},
           {"offerName", v.offer_name},
           {"friendlyName", v.offer_name},
           {"productFamily", v.family},
           {"quantity", v.licenses},
           {"unitType", "Licenses"},
           {"status", "active"},
           {"partnerId", v.provider},
           {"partnerIdOnRecord", v.reseller_of_record},
           {"supportContactPartnerId", v.support_contact},
           {"attributes", Attributes("Subscription")}};
}

void from_json(const json& j, SubscriptionView& v) {
  if (!j.is_object()) throw WireError("expected an object");
  Read(j, "id", v.id);
  Read(j, "customerId", v.customer);
  Read(j, "orderId", v.order);
  Read(j, "offerId", v.offer_id);
  Read(j, "offerName", v.offer_name);
  Read(j, "productFamily", v.family);
  Read(j, "quantity", v.licenses);
  Read(j, "partnerId", v.provider);
  Read(j, "partnerIdOnRecord", v.reseller_of_record);
  Read(j, "supportContactPartnerId", v.support_contact);
}

}  // namespace tiersim::sim

namespace tiersim::sim::ops {

using mocks::wire::EnumIn;
using mocks::wire::EnumOut;
using mocks::wire::Read;
using mocks::wire::WireError;

namespace {

using mocks::wire::Attributes;

constexpr std::array<std::string_view, 3> kRelationshipTypes = {
    "", "IsIndirectCloudSolutionProviderOf", "IsIndirectResellerOf"};

}  // namespace

void to_json(json& j, const RelationshipType& v) {
  EnumOut(j, v, kRelationshipTypes);
}
void from_json(const json& j, RelationshipType& v) {
  EnumIn(j, v, kRelationshipTypes);
}

// ---- PartnerRelationship: the partner plus the relationship's type ----

void to_json(json& j, const PartnerRelationship& v) {
  j = v.partner;
  j["relationshipType"] = v.type;
  j["attributes"] = Attributes("PartnerRelationship");
}
void from_json(const json& j, PartnerRelationship& v) {
  from_json(j, v.partner);
  Read(j, "relationshipType", v.type);
}

void to_json(json& j, const RelationshipRequestLink& v) {
  j = json{{"url", v.url},
           {"invitationId", v.invitation},
           {"attributes", Attributes("CustomerRelationshipRequest")}};
}
void from_json(const json& j, RelationshipRequestLink& v) {
  Read(j, "url", v.url);
  Read(j, "invitationId", v.invitation);
}

void to_json(json& j, const MpnProfileResource& v) {
  j = json{{"partnerName", v.profile.legal_name},
           {"mpnId", v.profile.mpn},
           {"country", v.profile.country},
           {"status", v.profile.active ? "Active" : "Inactive"},
           {"profileType", "MpnProfile"},
           {"attributes", Attributes("MpnProfile")}};
}
void from_json(const json& j, MpnProfileResource& v) {
  Read(j, "partnerName", v.profile.legal_name);
  Read(j, "mpnId", v.profile.mpn);
  Read(j, "country", v.profile.country);
  std::string status;
  Read(j, "status", status);
  v.profile.active = status == "Active";
}

// ---- /v1/customers: the filter and the page ----

void to_json(json& j, const CustomerQuery& v) {
  j = json{{"Field", v.field}, {"Value", v.value}, {"Operator", v.op}};
}
void from_json(const json& j, CustomerQuery& v) {
  if (!j.is_object()) {
    throw WireError(
        "filter must be a JSON object such as {\"Field\":\"IndirectReseller\","
        "\"Value\":\"partner-7\",\"Operator\":\"starts_with\"}",
        "InvalidFilter");
  }
  const json lowered = mocks::wire::Lowered(j);
  Read(lowered, "field", v.field);
  Read(lowered, "value", v.value);
  Read(lowered, "operator", v.op);
}

void to_json(json& j, const CustomerPage& v) {
  j = mocks::wire::CollectionJson(v.items, v.total);
  const std::string size = std::to_string(v.size);
  j["links"] = {{"self",
                 {{"uri", "/customers?size=" + size},
                  {"method", "GET"},
                  {"headers", json::array()}}}};
  if (!v.continuation.empty()) {
    j["continuationToken"] = v.continuation;
    j["links"]["next"] = {
        {"uri", "/customers?size=" + size + "&seekOperation=next"},
        {"method", "GET"},
        {"headers",
         {{{"key", "MS-ContinuationToken"}, {"value", v.continuation}}}}};
  }
}
void from_json(const json& j, CustomerPage& v) {
  Read(j, "items", v.items);
  Read(j, "totalCount", v.total);
  Read(j, "continuationToken", v.continuation);
}

// ---- POST /v1/customers ----

void to_json(json& j, const NewCustomer& v) {
  const CustomerDetails& d = v.details;
  const auto space = d.contact.name.find(' ');
  j = json{
      {"companyProfile", {{"domain", d.domain_prefix + ".onmicrosoft.com"}}},
      {"billingProfile",
       {{"companyName", d.company_name},
        {"email", d.contact.email},
        {"defaultAddress",
         {{"firstName", d.contact.name.substr(0, space)},
          {"lastName", space == std::string::npos
                           ? std::string()
                           : d.contact.name.substr(space + 1)},
          {"addressLine1", d.address.line1},
          {"city", d.address.city},
          {"state", d.address.state},
          {"postalCode", d.address.postal_code},
          {"country", d.country},
          {"phoneNumber", d.contact.phone}}}}},
      {"associatedPartnerId", v.associated_partner}};
}

void from_json(const json& j, NewCustomer& v) {
  if (!j.contains("companyprofile") || !j.contains("billingprofile")) {
    throw WireError(
        "a customer needs companyProfile{domain} and "
        "billingProfile{companyName, email, defaultAddress}",
        "MissingField");
  }
  const json company = ObjectMember(j, "companyProfile");
  const json billing = ObjectMember(j, "billingProfile");
  const json address = ObjectMember(billing, "defaultAddress");
  CustomerDetails& d = v.details;
  Read(billing, "companyName", d.company_name);
  std::string domain;
  Read(company, "domain", domain);
  constexpr std::string_view kSuffix = ".onmicrosoft.com";
  if (domain.size() > kSuffix.size() &&
      mocks::EqualsIgnoreCase(
          std::string_view(domain).substr(domain.size() - kSuffix.size()),
          kSuffix)) {
    domain.resize(domain.size() - kSuffix.size());
  }
  d.domain_prefix = domain;
  Read(address, "country", d.country);
  std::string first, last;
  Read(address, "firstName", first);
  Read(address, "lastName", last);
  d.contact.name =
      first.empty() || last.empty() ? first + last : first + " " + last;
  Read(billing, "email", d.contact.email);
  Read(address, "phoneNumber", d.contact.phone);
  Read(address, "addressLine1", d.address.line1);
  Read(address, "city", d.address.city);
  Read(address, "state", d.address.state);
  Read(address, "postalCode", d.address.postal_code);
  d.address.country = d.country;
  Read(j, "associatedPartnerId", v.associated_partner);
}

void to_json(json& j, const CreatedCustomer& v) {
  j = v.customer;
  j["userCredentials"] = {{"userName", v.user_name}, {"password", v.password}};
}
void from_json(const json& j, CreatedCustomer& v) {
  from_json(j, v.customer);
  json credentials = json::object();
  Read(j, "userCredentials", credentials);
  Read(credentials, "userName", v.user_name);
  Read(credentials, "password", v.password);
}

void to_json(json& j, const SupportContactResource& v) {
  j = json{{"supportPartnerId", v.card.id},
           {"attributes", Attributes("SupportContact")}};
  if (v.card.id.valid()) {
    j["supportTenantId"] = v.card.tenant;
    j["supportMpnId"] = v.card.mpn;
    j["name"] = v.card.name;
  }
}
void from_json(const json& j, SupportContactResource& v) {
  Read(j, "supportPartnerId", v.card.id);
  Read(j, "supportTenantId", v.card.tenant);
  Read(j, "supportMpnId", v.card.mpn);
  Read(j, "name", v.card.name);
}

// ---- Orders ----

namespace {
json LineJson(const OrderLines& lines, std::size_t i) {
  return json{{"lineItemNumber", i},
              {"offerId", lines.items[i].offer_id},
              {"quantity", lines.items[i].licenses},
              {"partnerIdOnRecord", lines.partner_on_record}};
}
}  // namespace

void to_json(json& j, const OrderLines& v) {
  json lines = json::array();
  for (std::size_t i = 0; i < v.items.size(); ++i)
    lines.push_back(LineJson(v, i));
  j = json{{"lineItems", std::move(lines)}};
}

void from_json(const json& j, OrderLines& v) {
  auto lines = j.find("lineitems");
  if (lines == j.end() || !lines->is_array()) {
    throw WireError(
        "an order needs lineItems: [{\"offerId\": ..., \"quantity\": N, "
        "\"partnerIdOnRecord\": ...}]",
        "MissingField");
  }
  v = {};
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const json& line = (*lines)[i];
    const std::string where = "lineItems[" + std::to_string(i) + "]";
    auto offer = line.is_object() ? line.find("offerid") : line.end();
    auto quantity = line.is_object() ? line.find("quantity") : line.end();
    if (offer == line.end() || !offer->is_string() || offer->empty() ||
        offer->get<std::string>().empty() || quantity == line.end() ||
        !quantity->is_number_integer()) {
      throw WireError(where +
                      " needs offerId (text) and quantity (a whole number)");
    }
    if (quantity->is_number_unsigned() &&
        quantity->get<std::uint64_t>() >
            static_cast<std::uint64_t>(
                std::numeric_limits<std::int64_t>::max())) {
      throw WireError(where + ".quantity " + quantity->dump() +
                      " is larger than any license count");
    }
    std::string record;
    Read(line, "partnerIdOnRecord", record);
    if (i > 0 && record != v.partner_on_record) {
      throw WireError(
          "every line of an order must name the same partnerIdOnRecord; " +
          where + " differs");
    }
    v.partner_on_record = record;
    v.items.push_back(
        {offer->get<std::string>(), quantity->get<std::int64_t>()});
  }
}

void to_json(json& j, const OrderResource& v) {
  json lines = json::array();
  for (std::size_t i = 0; i < v.lines.items.size(); ++i) {
    json line = LineJson(v.lines, i);
    line["subscriptionId"] =
        i < v.subscriptions.size() ? v.subscriptions[i] : SubscriptionId();
    lines.push_back(std::move(line));
  }
  j = json{{"id", v.id},
           {"referenceCustomerId", v.customer},
           {"lineItems", std::move(lines)},
           {"status", "completed"},
           {"creationDate", v.created},
           {"attributes", Attributes("Order")}};
}

void from_json(const json& j, OrderResource& v) {
  Read(j, "id", v.id);
  Read(j, "referenceCustomerId", v.customer);
  from_json(j, v.lines);
  v.subscriptions.clear();
  for (const json& line : j.at("lineitems")) {
    SubscriptionId sub;
    Read(line, "subscriptionId", sub);
    v.subscriptions.push_back(sub);
  }
  Read(j, "creationDate", v.created);
}

}  // namespace tiersim::sim::ops

namespace tiersim::mocks::wire {

json Attributes(std::string_view type) { return {{"objectType", type}}; }

json CollectionJson(json items, std::size_t total) {
  return json{{"totalCount", total},
              {"items", std::move(items)},
              {"attributes", Attributes("Collection")}};
}

std::string OrderText(const sim::ops::OrderResource& order) {
  auto quoted = [](std::string_view text) { return json(text).dump(); };
  const std::string record = quoted(order.lines.partner_on_record);
  std::string out = "{\"id\":\"" + order.id.ToString() +
                    "\",\"referenceCustomerId\":\"" +
                    order.customer.ToString() + "\",\"lineItems\":[";
  const auto& items = order.lines.items;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    out += "{\"lineItemNumber\":" + std::to_string(i) +
           ",\"offerId\":" + quoted(items[i].offer_id) +
           ",\"quantity\":" + std::to_string(items[i].licenses) +
           ",\"partnerIdOnRecord\":" + record + ",\"subscriptionId\":\"" +
           order.subscriptions[i].ToString() + "\"}";
  }
  out += "],\"status\":\"completed\",\"creationDate\":\"" +
         TimeText(order.created) +
         "\",\"attributes\":{\"objectType\":\"Order\"}}";
  return out;
}

}  // namespace tiersim::mocks::wire
