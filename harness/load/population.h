// The population of a load run: providers x resellers per provider x
// customers per reseller, the partners' users, the invitees and prospects,
// all generated from the profile and its seed through the ordinary client
// (sim::Client and sim::WorldControl), so it builds the same world in
// process and over the network. Names follow the indexes:
//   provider-3, reseller-3-17, customer-3-17-5, invitee-42, prospect-42
// (domains provider3, reseller3x17, ...), and every customer starts with one
// subscription of the offers mix, its reseller on record.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "harness/format/loader.h"
#include "harness/load/profile.h"
#include "sim/client.h"

namespace tiersim::harness::load {

inline constexpr char kPopulationPassword[] = "Load-Passw0rd!";

// The sizes a profile asks for, with invitees and prospects sized from the
// model when the profile leaves them out.
struct PopulationPlan {
  std::int64_t providers = 0;
  std::int64_t resellers_per_provider = 0;
  std::int64_t customers_per_reseller = 0;
  std::int64_t users_per_partner = 0;
  std::int64_t invitees = 0;
  std::int64_t prospects = 0;
  // --shard I/N: this plan is the I-th slice — every N-th provider (with
  // its resellers and customers), invitee and prospect, from the I-th on;
  // the counts above are the slice's. Names keep the whole population's
  // numbers, so shards sharing one server never collide.
  std::int64_t shard = 0;
  std::int64_t shards = 1;
  std::int64_t Global(std::int64_t local) const {
    return local * shards + shard;
  }

  std::int64_t resellers() const { return providers * resellers_per_provider; }
  std::int64_t customers() const {
    return resellers() * customers_per_reseller;
  }
  // Heap the world will hold once built (before any iteration).
  std::uint64_t EstimatedBytes() const;
};
PopulationPlan PlanPopulation(const LoadProfile& profile,
                              std::uint64_t shard = 0,
                              std::uint64_t shards = 1);

// Adds a "too-large" diagnostic when the plan cannot fit in the memory this
// machine (or its cgroup) has available, and "bad-value" when a flow needs
// a part of the population the profile sized 0.
void CheckPopulationFits(const LoadProfile& profile, std::string_view file,
                         std::vector<Diagnostic>& errors,
                         std::uint64_t shards = 1);
// Bytes available to this process: the smaller of MemAvailable and the
// cgroup's limit less its usage.
std::uint64_t AvailableMemory();

struct Person {
  std::string upn;
  sim::SessionRef session;  // signed in when the population was built
};

struct PartnerRecord {
  sim::PartnerId id;
  sim::TenantId tenant;
  Person admin;
  std::vector<Person> users;  // per PopulationSpec::users, in role order
  std::vector<std::string> user_roles;
};

struct CustomerRecord {
  sim::CustomerId id;
  sim::SubscriptionId subscription;
};

struct Population {
  PopulationPlan plan;
  // The offers mix: ids and their cumulative weights (PickOffer).
  std::vector<std::string> offer_ids;
  std::vector<std::int64_t> offer_cumulative;
  std::vector<PartnerRecord> providers;
  std::vector<PartnerRecord> resellers;   // index p * R + r
  std::vector<CustomerRecord> customers;  // index (p * R + r) * C + c
  std::vector<Person> invitees;           // invited by provider i % P
  std::vector<Person> prospects;          // customer admins, unserved

  std::size_t ResellerIndex(std::int64_t p, std::int64_t r) const {
    return static_cast<std::size_t>(p * plan.resellers_per_provider + r);
  }
  // An offer of the mix, for a uniform draw in [0, total weight).
  const std::string& PickOffer(std::uint64_t draw) const;
  std::int64_t offer_weight() const {
    return offer_cumulative.empty() ? 0 : offer_cumulative.back();
  }
  // The person acting for `partner` as `role` ("" = its global admin).
  const Person& Acting(const PartnerRecord& partner,
                       const std::string& role) const;
};

// Builds it; the first failure stops the build and is returned, naming
// which member failed.
sim::Result<Population> BuildPopulation(const LoadProfile& profile,
                                        const PopulationPlan& plan,
                                        sim::Client& client,
                                        sim::WorldControl& control);

std::string ProviderName(std::int64_t p);
std::string ResellerName(std::int64_t p, std::int64_t r);
std::string CustomerName(std::int64_t p, std::int64_t r, std::int64_t c);

}  // namespace tiersim::harness::load
