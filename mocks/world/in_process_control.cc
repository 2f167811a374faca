#include "mocks/world/in_process_control.h"

#include <algorithm>

#include "mocks/http/network_faults.h"

namespace tiersim::mocks {

using sim::Result;
using sim::Status;

sim::MailView MailViewOf(const StoredMessage& m) {
  std::string to;
  for (const std::string& address : m.email.to) {
    if (!to.empty()) to += ", ";
    to += address;
  }
  return {.id = m.id,
          .from = m.email.from,
          .to = std::move(to),
          .subject = m.email.subject,
          .text = m.email.text,
          .kind = m.email.kind,
          .sent_at = m.email.sent_at,
          .read = m.read};
}

Result<sim::PartnerCenter::SeededPartner> InProcessControl::SeedPartner(
    const sim::PartnerCenter::PartnerSeed& seed) {
  return world_.pc().SeedPartner(seed);
}

Result<sim::PartnerCenter::SeededCustomer> InProcessControl::SeedCustomerTenant(
    const sim::PartnerCenter::CustomerSeed& seed) {
  return world_.pc().SeedCustomerTenant(seed);
}

sim::Result<sim::LeadId> InProcessControl::ReferCustomer(
    sim::PartnerId partner, const sim::LeadSpec& lead) {
  return world_.pc().ReferCustomer(partner, lead);
}

Status InProcessControl::SeedPartnership(sim::PartnerId provider,
                                         sim::PartnerId reseller) {
  return world_.pc().SeedPartnership(provider, reseller);
}

Result<sim::PmcAccountId> InProcessControl::SeedPmcAccount(
    std::string user_name, std::string_view password) {
  return world_.pmc().AddAccount(std::move(user_name), password);
}

Status InProcessControl::SeedPmcProfile(sim::PmcAccountId account,
                                        sim::MpnProfile profile) {
  return world_.pmc().AddProfile(account, std::move(profile));
}

Result<sim::WorldControl::WorldTime> InProcessControl::Time() {
  return WorldTime{.now = world_.kernel().Now(),
                   .origin = world_.kernel().journal().origin(),
                   .seed = world_.kernel().seed()};
}

Status InProcessControl::Advance(sim::Duration d) {
  if (d < sim::Duration::zero()) {
    return sim::Error(sim::ErrorCode::kInvalidArgument,
                      "time cannot go back: advance by zero or more");
  }
  world_.kernel().scheduler().AdvanceBy(d);
  return sim::OkStatus();
}

Status InProcessControl::ArmFault(std::string_view point, sim::FaultSpec spec) {
  if (IsNetworkFaultPoint(point)) {
    std::string error;
    auto network = ParseNetworkFault(point, spec.match, &error);
    if (!network) return sim::Error(sim::ErrorCode::kInvalidArgument, error);
    network->delay =
        std::chrono::duration_cast<std::chrono::milliseconds>(spec.delay);
    network->probability = spec.probability;
    network->times = spec.times;
    if (network_faults_ != nullptr) {
      network_faults_->Arm(std::move(*network));
      return sim::OkStatus();
    }
  }
  world_.kernel().faults().Arm(point, std::move(spec));
  return sim::OkStatus();
}

Result<sim::WorldControl::WorldCounts> InProcessControl::Counts() {
  return WorldCounts{
      .core = world_.pc().counts(),
      .tenants = world_.directory().tenant_count(),
      .directory_users = world_.directory().user_count(),
      .emails = email_count_ ? email_count_() : world_.mail().size()};
}

Result<sim::WorldControl::JournalPage> InProcessControl::Journal(
    std::size_t from) {
  const sim::Journal& journal = world_.kernel().journal();
  JournalPage page{.size = journal.size()};
  const std::size_t end =
      from >= journal.size()
          ? journal.size()
          : std::min(journal.size(), from + kJournalPageLines);
  page.next = std::max(from, end);
  for (std::size_t i = from; i < end; ++i) {
    const sim::JournalEntry& e = journal.entries()[i];
    page.lines.push_back({.at = e.at,
                          .by_microsoft = e.actor.empty(),
                          .action = std::string(e.action),
                          .outcome = e.outcome,
                          .text = journal.Render(e)});
  }
  return page;
}

Result<std::vector<sim::MailView>> InProcessControl::MailSince(
    sim::MessageId after) {
  std::vector<sim::MailView> out;
  for (sim::MessageId id : world_.mail().Search("")) {
    if (id.value() > after.value())
      out.push_back(MailViewOf(*world_.mail().Get(id)));
  }
  return out;
}

}  // namespace tiersim::mocks
