// The route groups of the Partner Center server, each in its own file.
// Included only by mocks/partner_center/*.cc.
#pragma once

#include "mocks/partner_center/pc_call.h"

namespace tiersim::mocks::pc {

// routes_commerce.cc: customers, subscriptions, orders, support contacts.
void AddCommerceRoutes(httplib::Server& r, Context& ctx);
// routes_relationships.cc: relationships, relationship requests, MPN
// profiles. Registered before the commerce routes (their paths overlap).
void AddRelationshipRoutes(httplib::Server& r, Context& ctx);

}  // namespace tiersim::mocks::pc
