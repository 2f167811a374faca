// WorldControl: what a scenario runner needs beyond what people can do:
// seeding the world, moving virtual time, arming faults, reading the journal
// and every email sent. Implemented in process (mocks/world/
// in_process_control.h — the one implementation of the logic, which the
// server's /_tiersim routes also call) and over the network
// (harness/transport/network_client.h).
//
// Every call may fail (over the network: the server did not answer, or
// answered an error); the failure is returned, never latched.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sim/partner_center.h"

namespace tiersim::sim {

// A message as a person sees it in their mailbox.
struct MailView {
  MessageId id;
  std::string from;
  std::string to;
  std::string subject;
  std::string text;
  std::string kind;  // what the sender says it is: "partnership.invitation"
  SimTime sent_at;
  bool read = false;
};

class WorldControl {
 public:
  virtual ~WorldControl() = default;

  virtual Result<PartnerCenter::SeededPartner> SeedPartner(
      const PartnerCenter::PartnerSeed& seed) = 0;
  virtual Result<PartnerCenter::SeededCustomer> SeedCustomerTenant(
      const PartnerCenter::CustomerSeed& seed) = 0;
  virtual Status SeedPartnership(PartnerId provider, PartnerId reseller) = 0;
  // Microsoft refers a customer to the partner (a customer lead).
  virtual Result<LeadId> ReferCustomer(PartnerId partner,
                                       const LeadSpec& lead) = 0;
  virtual Result<PmcAccountId> SeedPmcAccount(std::string user_name,
                                              std::string_view password) = 0;
  virtual Status SeedPmcProfile(PmcAccountId account, MpnProfile profile) = 0;

  struct WorldTime {
    SimTime now;
    SimTime origin;  // when the world started
    std::uint64_t seed = 0;
  };
  virtual Result<WorldTime> Time() = 0;
  // Runs every event due within `d` of virtual time, then sets the clock.
  virtual Status Advance(Duration d) = 0;
  virtual Status ArmFault(std::string_view point, FaultSpec spec) = 0;

  struct WorldCounts {
    PartnerCenter::Counts core;
    std::size_t tenants = 0;
    std::size_t directory_users = 0;
    std::size_t emails = 0;
  };
  virtual Result<WorldCounts> Counts() = 0;

  struct JournalLine {
    SimTime at;
    bool by_microsoft = false;  // a scheduled happening, not a person
    std::string action;         // "enrollment.review"
    ErrorCode outcome = ErrorCode::kOk;
    std::string text;  // the rendered line
  };
  // The journal's length, and at most kJournalPageLines of its entries
  // from index `from` on; `next` is where the following page starts
  // (`size` once every line was read). Paged so that no one request makes
  // the world render an unbounded journal under its lock.
  static constexpr std::size_t kJournalPageLines = 1000;
  struct JournalPage {
    std::size_t size = 0;
    std::size_t next = 0;
    std::vector<JournalLine> lines;
  };
  virtual Result<JournalPage> Journal(std::size_t from) = 0;
  // Every message sent after `after` (all recipients), oldest first.
  virtual Result<std::vector<MailView>> MailSince(MessageId after) = 0;

  // Conveniences over Time().
  Result<SimTime> Now() {
    TIERSIM_ASSIGN_OR_RETURN(WorldTime t, Time());
    return t.now;
  }
};

}  // namespace tiersim::sim
