// Operation declarations (see sim/op.h): the real Partner Center API's
// customer resources — /v1/customers (list with the IndirectReseller filter
// and paging, create, get), their subscriptions (list, get, PATCH quantity),
// support contacts and orders (F7-F9, R21-R26). Their JSON is the real
// API's shape (mocks/wire/resources.cc).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/op.h"
#include "sim/ops_accounts.h"
#include "sim/partner_center.h"

namespace tiersim::sim::ops {

// ---- Resource types ----

// The filter query parameter: {"Field": "IndirectReseller" | "CompanyName"
// | "Domain", "Value": ..., "Operator": "starts_with"}.
struct CustomerQuery {
  std::string field;
  std::string value;
  std::string op;
};

struct CustomerPage {
  std::vector<CustomerSummary> items;
  std::size_t total = 0;     // customers matching, over all pages
  std::size_t size = 0;      // the page size asked for
  std::string continuation;  // empty on the last page
};

// POST /v1/customers: companyProfile{domain}, billingProfile{companyName,
// email, defaultAddress{...}}, associatedPartnerId (our ID or MPN ID).
struct NewCustomer {
  CustomerDetails details;
  std::string associated_partner;
};

struct CreatedCustomer {
  CustomerSummary customer;
  std::string user_name;  // userCredentials, shown this once (R23)
  std::string password;
};

struct SupportContactResource {
  PartnerCard card;  // id invalid: no support contact designated
};

// POST /v1/customers/{id}/orders {lineItems: [{lineItemNumber, offerId,
// quantity, partnerIdOnRecord}]}: every line names the same partner on
// record (our ID or MPN ID; empty = none).
struct OrderLines {
  std::vector<LineItem> items;
  std::string partner_on_record;
};

struct OrderResource {
  OrderId id;
  CustomerId customer;
  OrderLines lines;
  std::vector<SubscriptionId> subscriptions;  // one per line, in order
  SimTime created;
};

inline constexpr std::size_t kDefaultCustomerPage = 200;
inline constexpr std::size_t kMaxCustomerPage = 500;

// Runs of the operations below (ops_customers_api.cc).
Result<CustomerPage> ListCustomerPage(PartnerCenter& pc, const Session& s,
                                      std::int64_t size,
                                      std::string_view continuation,
                                      const CustomerQuery& query);
Result<CreatedCustomer> CreateCustomerResource(PartnerCenter& pc,
                                               const Session& s,
                                               const NewCustomer& c);
// The subscription `sub` of `customer`, as the caller sees it.
Result<SubscriptionView> SubscriptionOf(PartnerCenter& pc, const Session& s,
                                        CustomerId customer,
                                        SubscriptionId sub);
Result<SupportContactResource> SupportContactOf(PartnerCenter& pc,
                                                const Session& s,
                                                CustomerId customer,
                                                SubscriptionId sub);
Result<SupportContactResource> DesignateSupportContact(
    PartnerCenter& pc, const Session& s, CustomerId customer,
    SubscriptionId sub, std::string_view mpn_or_id);
Result<OrderResource> PlaceOrderResource(PartnerCenter& pc, const Session& s,
                                         CustomerId customer,
                                         const OrderLines& lines);

// ---- Operations ----

struct ListCustomers {
  static constexpr OpInfo kInfo{
      .name = "customers.list",
      .method = HttpMethod::kGet,
      .path = "/v1/customers",
      .access = Access::kSignedIn,
      .permission = Permission::kViewCustomers,
      .summary = "customers, filtered and paged as the real API does"};
  struct Request {
    std::int64_t size = 0;  // 0: the default page size
    std::string continuation;
    CustomerQuery filter;
  };
  using Response = CustomerPage;
  static constexpr auto kFields =
      Fields(Query("size", &Request::size),
             Header("MS-ContinuationToken", &Request::continuation,
                    "continuationToken"),
             Query("filter", &Request::filter));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return ListCustomerPage(pc, s, r.size, r.continuation, r.filter);
  }
};

struct CreateCustomer {
  static constexpr OpInfo kInfo{
      .name = "customers.create",
      .method = HttpMethod::kPost,
      .path = "/v1/customers",
      .access = Access::kSignedIn,
      .status = 201,
      .permission = Permission::kManageCustomers,
      .summary = "create a customer (tenant and admin, all or nothing)"};
  struct Request {
    NewCustomer customer;
  };
  using Response = CreatedCustomer;
  static constexpr auto kFields = Fields(WholeBody(&Request::customer));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return CreateCustomerResource(pc, s, r.customer);
  }
};

struct GetCustomer {
  static constexpr OpInfo kInfo{.name = "customers.get",
                                .method = HttpMethod::kGet,
                                .path = "/v1/customers/{customer}",
                                .access = Access::kSignedIn,
                                .permission = Permission::kViewCustomers,
                                .summary = "one customer"};
  using Request = CustomerPath;
  using Response = CustomerSummary;
  static constexpr auto kFields = Fields(Path("customer", &Request::customer));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.GetCustomer(s, r.customer);
  }
};

struct ListSubscriptions {
  static constexpr OpInfo kInfo{
      .name = "subscriptions.list",
      .method = HttpMethod::kGet,
      .path = "/v1/customers/{customer}/subscriptions",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kCollection,
      .permission = Permission::kViewCustomers,
      .summary = "a customer's subscriptions"};
  using Request = CustomerPath;
  using Response = std::vector<SubscriptionView>;
  static constexpr auto kFields = Fields(Path("customer", &Request::customer));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.Subscriptions(s, r.customer);
  }
};

// /v1/customers/{customer}/subscriptions/{subscription}...
struct SubscriptionPath {
  CustomerId customer;
  SubscriptionId subscription;
};

struct GetSubscription {
  static constexpr OpInfo kInfo{
      .name = "subscriptions.get",
      .method = HttpMethod::kGet,
      .path = "/v1/customers/{customer}/subscriptions/{subscription}",
      .access = Access::kSignedIn,
      .permission = Permission::kViewCustomers,
      .summary = "one subscription"};
  using Request = SubscriptionPath;
  using Response = SubscriptionView;
  static constexpr auto kFields =
      Fields(Path("customer", &Request::customer),
             Path("subscription", &Request::subscription));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return SubscriptionOf(pc, s, r.customer, r.subscription);
  }
};

struct PatchSubscription {
  static constexpr OpInfo kInfo{
      .name = "subscriptions.patch",
      .method = HttpMethod::kPatch,
      .path = "/v1/customers/{customer}/subscriptions/{subscription}",
      .access = Access::kSignedIn,
      .summary = "F8: PATCH {quantity}, the subscription as it is then"};
  struct Request {
    CustomerId customer;
    SubscriptionId subscription;
    std::int64_t quantity = 0;
  };
  using Response = SubscriptionView;
  static constexpr auto kFields =
      Fields(Path("customer", &Request::customer),
             Path("subscription", &Request::subscription),
             Body("quantity", &Request::quantity));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    TIERSIM_ASSIGN_OR_RETURN(SubscriptionView sub,
                             SubscriptionOf(pc, s, r.customer, r.subscription));
    TIERSIM_RETURN_IF_ERROR(pc.ChangeLicenses(s, sub.id, r.quantity));
    return SubscriptionOf(pc, s, r.customer, r.subscription);
  }
};

struct GetSupportContact {
  static constexpr OpInfo kInfo{
      .name = "subscriptions.get_support_contact",
      .method = HttpMethod::kGet,
      .path =
          "/v1/customers/{customer}/subscriptions/{subscription}/"
          "supportcontact",
      .access = Access::kSignedIn,
      .summary = "the subscription's designated support contact"};
  using Request = SubscriptionPath;
  using Response = SupportContactResource;
  static constexpr auto kFields =
      Fields(Path("customer", &Request::customer),
             Path("subscription", &Request::subscription));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return SupportContactOf(pc, s, r.customer, r.subscription);
  }
};

struct PutSupportContact {
  static constexpr OpInfo kInfo{
      .name = "subscriptions.put_support_contact",
      .method = HttpMethod::kPut,
      .path =
          "/v1/customers/{customer}/subscriptions/{subscription}/"
          "supportcontact",
      .access = Access::kSignedIn,
      .summary = "F9: PUT {supportMpnId} (or supportPartnerId)"};
  struct Request {
    CustomerId customer;
    SubscriptionId subscription;
    std::string support_mpn;
    std::string support_partner;
  };
  using Response = SupportContactResource;
  static constexpr auto kFields =
      Fields(Path("customer", &Request::customer),
             Path("subscription", &Request::subscription),
             Body("supportMpnId", &Request::support_mpn),
             Body("supportPartnerId", &Request::support_partner));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return DesignateSupportContact(
        pc, s, r.customer, r.subscription,
        r.support_mpn.empty() ? r.support_partner : r.support_mpn);
  }
};

struct PlaceOrder {
  static constexpr OpInfo kInfo{
      .name = "orders.create",
      .method = HttpMethod::kPost,
      .path = "/v1/customers/{customer}/orders",
      .access = Access::kSignedIn,
      .status = 201,
      .permission = Permission::kPlaceOrders,
      .summary = "an order: one subscription per line (R21, R24, R25)"};
  struct Request {
    CustomerId customer;
    OrderLines lines;
  };
  using Response = OrderResource;
  static constexpr auto kFields =
      Fields(Path("customer", &Request::customer), WholeBody(&Request::lines));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return PlaceOrderResource(pc, s, r.customer, r.lines);
  }
};

}  // namespace tiersim::sim::ops
