// The real Partner Center API's resources as JSON (camelCase out; in, keys
// lowercased first, see wire.h): Customer, Subscription, Order,
// SupportContact, PartnerRelationship, MpnProfile, CustomerUser,
// LicenseUpdate, SubscribedSku, the customers page with
// its continuation token. The one mapping both the server and the network
// client use. Included only by .cc files of the server and the clients.
#pragma once

#include <string>

#include "mocks/wire/wire.h"
#include "sim/ops.h"

namespace tiersim::sim {

// Real shapes for the core's views (they appear in /v1 and /v1/tiersim
// replies alike).
void to_json(json& j, const CustomerSummary& v);
void from_json(const json& j, CustomerSummary& v);
void to_json(json& j, const SubscriptionView& v);
void from_json(const json& j, SubscriptionView& v);
// The customer's users and licences (customer_users.cc).
void to_json(json& j, const PasswordProfile& v);
void from_json(const json& j, PasswordProfile& v);
void to_json(json& j, const CustomerUserSpec& v);
void from_json(const json& j, CustomerUserSpec& v);
void to_json(json& j, const CustomerUserView& v);
void from_json(const json& j, CustomerUserView& v);
void to_json(json& j, const NewCustomerUser& v);
void from_json(const json& j, NewCustomerUser& v);
void to_json(json& j, const LicenseAssignment& v);
void from_json(const json& j, LicenseAssignment& v);
void to_json(json& j, const LicenseUpdate& v);
void from_json(const json& j, LicenseUpdate& v);
void to_json(json& j, const SubscribedSku& v);
void from_json(const json& j, SubscribedSku& v);

}  // namespace tiersim::sim

namespace tiersim::sim::ops {

using nlohmann::json;

#define TIERSIM_RESOURCE(Type)          \
  void to_json(json& j, const Type& v); \
  void from_json(const json& j, Type& v)

TIERSIM_RESOURCE(RelationshipType);
TIERSIM_RESOURCE(PartnerRelationship);
TIERSIM_RESOURCE(RelationshipRequestLink);
TIERSIM_RESOURCE(MpnProfileResource);
TIERSIM_RESOURCE(CustomerQuery);
TIERSIM_RESOURCE(CustomerPage);
TIERSIM_RESOURCE(NewCustomer);
TIERSIM_RESOURCE(CreatedCustomer);
TIERSIM_RESOURCE(SupportContactResource);
TIERSIM_RESOURCE(OrderLines);
TIERSIM_RESOURCE(OrderResource);

#undef TIERSIM_RESOURCE

}  // namespace tiersim::sim::ops

namespace tiersim::mocks::wire {

// {"objectType": type}, the `attributes` member of every resource.
json Attributes(std::string_view type);
// Partner Center's collection: {totalCount, items, attributes}.
json CollectionJson(json items, std::size_t total);

// An order written straight to text, without a JSON tree: the load tests'
// hot path. Equal to json(order) (tests/mocks/wire/resources_test.cc).
std::string OrderText(const sim::ops::OrderResource& order);

}  // namespace tiersim::mocks::wire
