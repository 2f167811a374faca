// A load profile: what `tiersim load FILE` reads (profile_loader.h), as
// plain values. k6 and Gatling users will recognise the parts:
//
//   {
//     "name": "Ordering throughput",
//     "seed": 7,
//     "population": {"providers": 2, "resellers_per_provider": 50,
//                    "customers_per_reseller": 100,
//                    "offers": {"o365-e3": 3, "m365-e3": 1}},
//     "flows": {"order": {"flow": "order", "lines": 1}},
//     "model": {"type": "open", "warmup": "2s",
//               "stages": [{"rate": "5000/s", "duration": "20s"}]},
//     "thresholds": {"order.p99": "< 5ms", "errors.rate": "< 0.1%"}
//   }
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "harness/scenario/scenario.h"

namespace tiersim::harness::load {

using WallDuration = std::chrono::nanoseconds;

// Who is in the world before the first iteration, all generated from the
// seed: provider-P, reseller-P-R, customer-P-R-C, invitee-N, prospect-N.
struct PopulationSpec {
  std::int64_t providers = 1;
  std::int64_t resellers_per_provider = 1;
  std::int64_t customers_per_reseller = 0;
  // Partners' users besides the global admin, by role name
  // ("admin_agent": 2): each provider and reseller gets that many.
  std::map<std::string, std::int64_t> users;
  // Offer id -> weight: each customer's first subscription, and the lines
  // that orders pick. Empty: {"o365-e3": 1}.
  std::map<std::string, std::int64_t> offers;
  std::int64_t licenses = 10;  // per subscription and per order line
  // Resellers enrolled but not partnered, for the invitation flow (each is
  // invited once); prospects: customer tenants nobody serves yet, for the
  // joint invitation flow. Nullopt: sized from the model when it can be.
  std::optional<std::int64_t> invitees;
  std::optional<std::int64_t> prospects;
  Pos pos;
};

enum class FlowKind {
  kInvitation,        // F3: request -> email -> open -> accept
  kCustomerCreation,  // F7: the wizard to Submit, the password shown once
  kOrder,             // F8: an order of `lines` lines, reseller on record
  kSupportContact,    // F9: the reseller made a subscription's contact
  kJointInvitation,   // F5: reseller + provider invite a prospect
  kScenario,          // a QA scenario file as a template
  kSmtp,              // SMTP sessions sending invitation-sized messages
};
const char* FlowKindName(FlowKind k);  // "invitation", ...
std::optional<FlowKind> ParseFlowKind(std::string_view text);
std::vector<std::string> FlowKindNames();

struct FlowSpec {
  std::string name;  // the key in "flows": metrics are named after it
  FlowKind kind = FlowKind::kOrder;
  std::int64_t weight = 1;
  std::int64_t lines = 1;     // order
  std::string as;             // the acting partner user's role; "" = admin
  std::string file;           // scenario: the template (resolved path)
  std::string template_text;  // scenario: the file's text, read at load
  std::int64_t message_bytes = 4096;  // smtp: body size
  Pos pos;
};

struct Stage {
  WallDuration duration{};
  double rate = 0;       // open: arrivals per second reached at the stage's end
  std::int64_t vus = 0;  // closed: virtual users during the stage
};

enum class ModelKind { kOpen, kClosed };

struct ModelSpec {
  ModelKind kind = ModelKind::kOpen;
  // Open: the arrival rate starts at `start_rate` and moves linearly to each
  // stage's rate over its duration (a constant rate: one stage, start =
  // rate). Closed: each stage runs its `vus` users.
  double start_rate = 0;
  std::vector<Stage> stages;
  std::optional<std::int64_t> iterations;  // closed: stop after these
  WallDuration think_time{};               // closed: between iterations
  WallDuration warmup{};                   // measured but not reported
  std::int64_t max_vus = 1000;             // open: more concurrent = dropped
  Pos pos;
  // The whole run's length (warm-up included).
  WallDuration Length() const;
};

enum class Comparison { kLess, kLessEqual, kGreater, kGreaterEqual };

// "order.p99": "< 5ms" — a statistic of a metric against a bound.
struct Threshold {
  std::string text;        // as written: "order.p99 < 5ms"
  std::string key;         // "order.p99"
  std::string expression;  // "< 5ms"
  std::string metric;      // "order", an operation "orders.create", "errors",
                           // "iterations", "dropped"
  std::string stat;        // "p99", "p99.9", "max", "mean", "count", "rate",
                           // "error_rate"
  Comparison cmp = Comparison::kLess;
  double bound = 0;  // ns for latencies, per second for rates, a
                     // fraction for error_rate, a number for counts
  bool abort_on_fail = false;
  WallDuration delay_abort_eval{};
  Pos pos;
};

// "open, 1000/s for 30s, at most 1000 virtual users", "closed, 64 virtual
// users for 30s": the model as the reports name it.
std::string DescribeModel(const ModelSpec& m);

struct LoadProfile {
  std::string file;
  std::string name;
  std::string description;
  std::vector<std::string> tags;
  std::uint64_t seed = 1;
  PopulationSpec population;
  std::vector<FlowSpec> flows;  // in the file's order
  ModelSpec model;
  std::vector<Threshold> thresholds;
  Pos pos;
};

// Whether a flow is a scenario template (its steps are actions, so the
// world's counts cannot be matched to operations).
bool HasScenarioFlow(const LoadProfile& p);

}  // namespace tiersim::harness::load
