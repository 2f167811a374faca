// Runner: plays scenarios and records what happened, step by step, into the
// reports' RunResult. Each scenario runs in a world of its own, built from
// its seed, so scenarios cannot disturb each other and any run can be
// reproduced exactly with the seed it printed.
//
// A step passes when its outcome is the expected one (success unless it
// expects an error code) and, for a "sees" step, the observed value matches.
// After the first failing step the rest are reported as skipped: they would
// run against a world the scenario did not intend. With soft assertions
// (`run --soft`, or "soft": true in the file) the rest still run, and every
// failing step is reported; the scenario fails if any did.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "harness/scenario/scenario.h"
#include "reports/run_result.h"
#include "sim/client.h"

namespace tiersim::harness {

class NetworkClient;  // transport/network_client.h

inline constexpr std::uint64_t kDefaultSeed = 1;

struct RunOptions {
  std::optional<std::uint64_t> seed;  // --seed: overrides every scenario's
  std::vector<std::string> tags;      // --tag: run scenarios with any of them
  // --name: run scenarios whose name contains any of these (ignoring case).
  std::vector<std::string> names;
  bool soft = false;  // --soft: soft assertions for every scenario
};

// The seed a scenario runs with under `options`.
std::uint64_t SeedFor(const Scenario& s, const RunOptions& options);
// Whether the tag and name filters select the scenario (a filter not given
// selects all).
bool Selected(const Scenario& s, const RunOptions& options);

// Plays `s` against an already built world (its seed was chosen by whoever
// built it). The transport-independent part of the runner.
// `soft` plays on after a failed step (the scenario's own "soft" counts too).
reports::ScenarioResult PlayScenario(const Scenario& s, std::uint64_t seed,
                                     sim::Client& client,
                                     sim::WorldControl& control,
                                     bool soft = false);

// Resets the served world behind `client` to the scenario's seed and plays
// it over the network. A transport failure (a server gone) makes the
// scenario an error naming it.
reports::ScenarioResult RunScenarioOverNetwork(const Scenario& s,
                                               std::uint64_t seed,
                                               NetworkClient& client,
                                               bool soft = false);

// Builds a fresh in-process world with the scenario's seed and plays it.
reports::ScenarioResult RunScenarioInProcess(const Scenario& s,
                                             std::uint64_t seed,
                                             bool soft = false);

}  // namespace tiersim::harness
