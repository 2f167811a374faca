// InProcessWorld: one complete simulated world in a single process — the
// kernel, the in-memory Azure AD, PMC and mail system, the fault decorators
// in front of them, and the Partner Center core wired to those decorators.
// Tests, benchmarks and the scenario runner's in-process transport build on
// it. Owns everything; single-threaded.
#pragma once

#include <cstdint>

#include "mocks/memory/memory_directory.h"
#include "mocks/memory/memory_mail_store.h"
#include "mocks/memory/memory_membership.h"
#include "sim/faulty_ports.h"
#include "sim/kernel.h"
#include "sim/partner_center.h"

namespace tiersim::mocks {

struct WorldOptions {
  std::uint64_t seed = 1;
  sim::SimTime start = sim::kDefaultEpoch;
  sim::PartnerCenterOptions partner_center;
  // Where the core's mail goes. Null: the world's own MemoryMailStore (the
  // in-process default). Served worlds pass an SMTP sender; the port is
  // borrowed and must outlive the world.
  sim::MailPort* mail = nullptr;
};

class InProcessWorld {
 public:
  explicit InProcessWorld(WorldOptions options = {});
  InProcessWorld(const InProcessWorld&) = delete;
  InProcessWorld& operator=(const InProcessWorld&) = delete;

  sim::Kernel& kernel() { return kernel_; }
  sim::PartnerCenter& pc() { return pc_; }
  MemoryDirectory& directory() { return directory_; }
  MemoryMembership& pmc() { return pmc_; }
  MemoryMailStore& mail() { return mail_; }

 private:
  sim::Kernel kernel_;
  // The services draw password salts from their own stream, forked from the
  // seed, so the core's random stream does not depend on how many hashes
  // they computed.
  sim::Rng service_rng_;
  MemoryDirectory directory_;
  MemoryMembership pmc_;
  MemoryMailStore mail_;
  sim::FaultyIdentity faulty_identity_;
  sim::FaultyMembership faulty_pmc_;
  sim::FaultyMail faulty_mail_;
  sim::PartnerCenter pc_;
};

}  // namespace tiersim::mocks
