// InProcessControl: the sim::WorldControl of a world in this process — the
// one implementation of seeding, time, faults, counts and the journal. The
// in-process transport uses it directly; the Partner Center server's
// /_tiersim routes run it on the world they serve (sim/ops_control.h).
// Borrows the world; single-threaded (the server calls it under the
// world's lock).
#pragma once

#include <cstddef>
#include <functional>

#include "mocks/world/in_process_world.h"
#include "sim/world_control.h"

namespace tiersim::mocks {

class NetworkFaults;  // mocks/http/network_faults.h

class InProcessControl final : public sim::WorldControl {
 public:
  // `email_count` counts the mail system's messages when mail leaves the
  // world (served over SMTP); null: the world's own in-memory store.
  // `network_faults` takes the "http.*" fault points (network_faults.h)
  // when the world is served; null (in process): they are armed in the
  // core, where nothing fires them (there is no network).
  explicit InProcessControl(InProcessWorld& world,
                            std::function<std::size_t()> email_count = {},
                            NetworkFaults* network_faults = nullptr)
      : world_(world),
        email_count_(std::move(email_count)),
        network_faults_(network_faults) {}

  sim::Result<sim::PartnerCenter::SeededPartner> SeedPartner(
      const sim::PartnerCenter::PartnerSeed& seed) override;
  sim::Result<sim::PartnerCenter::SeededCustomer> SeedCustomerTenant(
      const sim::PartnerCenter::CustomerSeed& seed) override;
  sim::Result<sim::LeadId> ReferCustomer(sim::PartnerId partner,
                                         const sim::LeadSpec& lead) override;
  sim::Status SeedPartnership(sim::PartnerId provider,
                              sim::PartnerId reseller) override;
  sim::Result<sim::PmcAccountId> SeedPmcAccount(
      std::string user_name, std::string_view password) override;
  sim::Status SeedPmcProfile(sim::PmcAccountId account,
                             sim::MpnProfile profile) override;
  sim::Result<WorldTime> Time() override;
  sim::Status Advance(sim::Duration d) override;
  sim::Status ArmFault(std::string_view point, sim::FaultSpec spec) override;
  sim::Result<WorldCounts> Counts() override;
  sim::Result<JournalPage> Journal(std::size_t from) override;
  sim::Result<std::vector<sim::MailView>> MailSince(
      sim::MessageId after) override;

 private:
  InProcessWorld& world_;
  std::function<std::size_t()> email_count_;
  NetworkFaults* network_faults_;
};

// A stored message as a person sees it.
sim::MailView MailViewOf(const StoredMessage& m);

}  // namespace tiersim::mocks
