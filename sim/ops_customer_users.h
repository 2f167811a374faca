// Operation declarations (see sim/op.h): the users of a customer's tenant
// and their licences, managed by a partner that administers the customer
// (F4, F5: "manage the customer's account, services, users and licences";
// R40: an Admin agent or Global admin). The paths and JSON are the real
// API's: /v1/customers/{id}/users, .../users/{id}/licenseupdates and
// .../subscribedskus (mocks/wire/customer_users.cc).
#pragma once

#include <vector>

#include "sim/op.h"
#include "sim/ops_accounts.h"
#include "sim/partner_center.h"

namespace tiersim::sim::ops {

struct CustomerUserPath {
  CustomerId customer;
  DirectoryUserId user;
};

struct ListCustomerUsers {
  static constexpr OpInfo kInfo{
      .name = "customers.users.list",
      .method = HttpMethod::kGet,
      .path = "/v1/customers/{customer}/users",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kCollection,
      .permission = Permission::kAdministerOnBehalf,
      .summary = "F4/F5: the users of the customer's tenant, with licences"};
  using Request = CustomerPath;
  using Response = std::vector<CustomerUserView>;
  static constexpr auto kFields = Fields(Path("customer", &Request::customer));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.CustomerUsers(s, r.customer);
  }
};

struct CreateCustomerUser {
  static constexpr OpInfo kInfo{
      .name = "customers.users.create",
      .method = HttpMethod::kPost,
      .path = "/v1/customers/{customer}/users",
      .access = Access::kSignedIn,
      .status = 201,
      .permission = Permission::kAdministerOnBehalf,
      .summary = "F4/F5: add a user to the customer's tenant"};
  struct Request {
    CustomerId customer;
    CustomerUserSpec spec;
  };
  using Response = NewCustomerUser;
  static constexpr auto kFields =
      Fields(Path("customer", &Request::customer), WholeBody(&Request::spec));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.AddCustomerUser(s, r.customer, r.spec);
  }
};

struct DeleteCustomerUser {
  static constexpr OpInfo kInfo{
      .name = "customers.users.delete",
      .method = HttpMethod::kDelete,
      .path = "/v1/customers/{customer}/users/{user}",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kEmpty,
      .permission = Permission::kAdministerOnBehalf,
      .summary = "F4/F5: remove a user of the customer's tenant"};
  using Request = CustomerUserPath;
  using Response = Empty;
  static constexpr auto kFields = Fields(Path("customer", &Request::customer),
                                         Path("user", &Request::user));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return Done(pc.RemoveCustomerUser(s, r.customer, r.user));
  }
};

struct UpdateCustomerUserLicenses {
  static constexpr OpInfo kInfo{
      .name = "customers.users.license_updates",
      .method = HttpMethod::kPost,
      .path = "/v1/customers/{customer}/users/{user}/licenseupdates",
      .access = Access::kSignedIn,
      .status = 201,
      .permission = Permission::kAdministerOnBehalf,
      .summary = "F4/F5: assign and remove a user's licences"};
  struct Request {
    CustomerId customer;
    DirectoryUserId user;
    LicenseUpdate update;
  };
  using Response = LicenseUpdate;
  static constexpr auto kFields =
      Fields(Path("customer", &Request::customer), Path("user", &Request::user),
             WholeBody(&Request::update));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.UpdateUserLicenses(s, r.customer, r.user, r.update);
  }
};

struct ListSubscribedSkus {
  static constexpr OpInfo kInfo{
      .name = "customers.subscribed_skus",
      .method = HttpMethod::kGet,
      .path = "/v1/customers/{customer}/subscribedskus",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kCollection,
      .permission = Permission::kAdministerOnBehalf,
      .summary = "F4/F5: licences owned and assigned, per product"};
  using Request = CustomerPath;
  using Response = std::vector<SubscribedSku>;
  static constexpr auto kFields = Fields(Path("customer", &Request::customer));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.SubscribedSkus(s, r.customer);
  }
};

}  // namespace tiersim::sim::ops
