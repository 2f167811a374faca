// The flows a load profile drives, each as the steps people take (F3, F5,
// F7, F8, F9, a QA scenario as a template), written as coroutines over a
// LoadTransport: each step awaits one declared operation or a mailbox read
// and is recorded under its operation's name; the iteration is recorded
// under the flow's name.
//
// What an iteration works on (which provider, customer, invitee) is drawn
// when it starts, from the engine's seeded stream, so the same profile and
// seed pick the same things in the same order.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "harness/load/population.h"
#include "harness/load/profile.h"
#include "harness/load/recorder.h"
#include "harness/load/task.h"
#include "harness/load/transport.h"
#include "sim/rng.h"

namespace tiersim::harness::load {

struct IterationInfo {
  std::uint64_t index = 0;  // global across shards: unique names
  std::uint64_t vu = 0;
  WallTime intended{};   // when it should have started
  WallTime start{};      // when it did
  bool measured = true;  // started after the warm-up
};

// What the flows share: the world's population, the transport, the
// recorder, the seeded stream, and a way to say a population part ran out.
struct FlowEnv {
  const LoadProfile& profile;
  const Population& population;
  LoadTransport& transport;
  Recorder& recorder;
  sim::Rng& rng;
  std::uint64_t seed = 1;
  // Called once when a flow has nothing left to work on ("invitees").
  std::function<void(const std::string& what)> exhausted;
  // Which share of the invitees/prospects queue this process takes
  // (shards take every N-th from their own index).
  std::uint64_t shard = 0;
  std::uint64_t shards = 1;
  // What the flows made, for the invariants: each created customer with
  // the provider and reseller it was created for, and every order's ID.
  struct Created {
    sim::CustomerId customer;
    std::uint32_t provider;
    sim::PartnerId reseller;
  };
  std::vector<Created> created;
  std::vector<std::uint64_t> order_ids;
};

class Flow {
 public:
  virtual ~Flow() = default;
  // One iteration; it records itself and ends (see Iteration).
  virtual Iteration Run(IterationInfo info) = 0;
  const std::string& name() const { return name_; }

  // Abstract: public so the flows can inherit it (using Flow::Flow).
  Flow(FlowEnv& env, const FlowSpec& spec);

 protected:
  FlowEnv& env_;
  const FlowSpec& spec_;
  std::string name_;
  std::size_t metric_;  // the flow's, in the recorder
};

// The flow for `spec`; an error when it cannot run on this transport.
sim::Result<std::unique_ptr<Flow>> MakeFlow(FlowEnv& env, const FlowSpec& spec,
                                            bool in_process);

}  // namespace tiersim::harness::load
