// What the flows of a load profile do, as names: the operations each flow
// performs (its metrics), the roles a flow may act as, the offers and user
// roles a population may name. The loader checks profiles against it; the
// flows (flows.h) record under these names.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "harness/load/profile.h"

namespace tiersim::harness::load {

// Engine steps that are not Partner Center operations.
inline constexpr char kSignInMetric[] = "sign_in";
inline constexpr char kMailReadMetric[] = "mail.read";
inline constexpr char kSmtpMetric[] = "smtp.session";

// The operations (metric names) a flow of this kind performs, in order.
// A scenario flow's are its template's actions (ScenarioActions).
std::vector<std::string> OperationsOf(FlowKind kind);
// The actions of a scenario template's steps ("request_partnership").
std::vector<std::string> ScenarioActions(const FlowSpec& flow);

// "errors", "iterations", "dropped".
bool IsReservedMetric(const std::string& name);
// Every metric the profile can measure: its flows, their operations, and
// the reserved ones.
std::vector<std::string> MetricNames(const LoadProfile& profile);

// Population "users" roles: admin_agent, helpdesk_agent,
// user_management_admin, global_admin.
std::vector<std::string> PopulationRoleNames();
// The roles a flow may act "as" (empty: it takes no "as").
std::vector<std::string> ActingRoleNames(FlowKind kind);
// The default catalog's offer ids.
std::vector<std::string> CatalogOfferIds();

}  // namespace tiersim::harness::load

namespace tiersim::harness::load {

// A scenario template's text with ${i} (the iteration, from 0) and ${vu}
// (the virtual user, from 0) replaced.
std::string Substitute(const std::string& text, std::uint64_t iteration,
                       std::uint64_t vu);

}  // namespace tiersim::harness::load
