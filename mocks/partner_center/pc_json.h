// The Partner Center API's JSON for the core's views (camelCase, shaped like
// the real resources: Customer, Subscription, Order, relationship items).
// Included only by the server's and network client's .cc files.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "sim/partner_center.h"

namespace tiersim::mocks::pc {

using nlohmann::json;

std::string TimeText(sim::SimTime t);  // "2026-01-01T00:00:00Z"

json CustomerJson(const sim::CustomerSummary& c);
json SubscriptionJson(const sim::SubscriptionView& s);
// An item of /v1/relationships.
json RelationshipJson(const sim::PartnerSummary& p, std::string_view type);
json PartnerJson(const sim::PartnerSummary& p);

}  // namespace tiersim::mocks::pc
