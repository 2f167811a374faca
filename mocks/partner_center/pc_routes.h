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

// routes_tiersim.cc: /v1/tiersim/ pages for a signed-in person.
void AddTiersimRoutes(httplib::Server& r, Context& ctx);
// routes_public.cc: enrollment, verification, provider search, and the
// /_tiersim/ control routes. `email_count` counts the mail system's
// messages (null: the world's own in-memory store).
void AddPublicRoutes(httplib::Server& r, Context& ctx,
                     std::function<std::size_t()> email_count);

}  // namespace tiersim::mocks::pc
