// NetworkClient: the mailbox (through the mail server's Mailpit-shaped API)
// and sim::WorldControl (through the /_tiersim control routes).
#include <algorithm>

#include "harness/transport/network_impl.h"
#include "mocks/common/form_encoding.h"
#include "mocks/http/plumbing.h"

namespace tiersim::harness {

using mocks::kAdvanceMicrosKey;
using mocks::kClockPath;
using mocks::kResetPath;
using mocks::kSeedKey;
using mocks::PercentEncode;

using sim::Result;
using sim::Status;

namespace {

constexpr int kPageSize = 250;

// "Ada <ada@x.test>" or "ada@x.test" of a Mailpit address object.
std::string AddressText(const json& a) {
  return a.is_object() ? a.value("Address", std::string()) : std::string();
}

std::string MessageIdText(const json& summary) {
  const json& id = summary.at("ID");
  return id.is_string() ? id.get<std::string>()
                        : std::to_string(id.get<std::uint64_t>());
}

// Reads the messages matching `query` (all pages), oldest first, with their
// text, leaving their read flags as they were.
Result<std::vector<sim::MailView>> Fetch(NetworkClient::Impl& impl,
                                         const std::string& query,
                                         std::uint64_t after) {
  std::vector<json> summaries;
  for (int start = 0;; start += kPageSize) {
    auto page =
        impl.Mail("GET", "/api/v1/search?query=" + PercentEncode(query) +
                             "&start=" + std::to_string(start) +
                             "&limit=" + std::to_string(kPageSize));
    if (!page.ok()) return page.status();
    const json& messages = (*page)["messages"];
    for (const json& m : messages) summaries.push_back(m);
    if (messages.size() < static_cast<std::size_t>(kPageSize)) break;
  }
  std::vector<sim::MailView> out;
  for (const json& s : summaries) {
    const std::string id_text = MessageIdText(s);
    const auto id = sim::ParseDecimal(id_text);
    if (!id) {
      return sim::Error(sim::ErrorCode::kUnavailable,
                        "the mail API listed a message with ID \"" + id_text +
                            "\"; expected a decimal number");
    }
    if (*id <= after) continue;
    auto full = impl.Mail("GET", "/api/v1/message/" + id_text);
    if (!full.ok()) return full.status();
    const bool was_read = s.value("Read", false);
    if (!was_read) {  // reading it marked it read; restore the flag
      json unread = {{"IDs", {id_text}}, {"Read", false}};
      auto restored = impl.Mail("PUT", "/api/v1/messages", &unread);
      if (!restored.ok()) return restored.status();
    }
    sim::MailView v;
    v.id = sim::MessageId(*id);
    v.from = AddressText(full->value("From", json::object()));
    for (const json& to : full->value("To", json::array())) {
      if (!v.to.empty()) v.to += ", ";
      v.to += AddressText(to);
    }
    v.subject = full->value("Subject", std::string());
    v.text = full->value("Text", std::string());
    v.kind = s.value("Kind", full->value("Kind", std::string()));
    try {
      v.sent_at = wire::ParseTime(s.value("Created", std::string()));
    } catch (const wire::WireError& e) {
      return sim::Error(sim::ErrorCode::kInternal,
                        std::string("message ") + id_text +
                            " has an unreadable time: " + e.what());
    }
    v.read = was_read;
    out.push_back(std::move(v));
  }
  std::sort(out.begin(), out.end(),
            [](const sim::MailView& a, const sim::MailView& b) {
              return a.id.value() < b.id.value();
            });
  return out;
}

}  // namespace

Result<std::vector<sim::MailView>> NetworkClient::Inbox(
    std::string_view address, std::string_view query) {
  std::string q = "to:" + std::string(address);
  if (!query.empty()) q += " " + std::string(query);
  return Fetch(*impl_, q, 0);
}

Status NetworkClient::MarkRead(sim::MessageId id) {
  json body = {{"IDs", {std::to_string(id.value())}}, {"Read", true}};
  return (impl_->Mail("PUT", "/api/v1/messages", &body)).status();
}

Result<std::vector<sim::MailView>> NetworkClient::MailSince(
    sim::MessageId after) {
  return Fetch(*impl_, "", after.value());
}

// ---- WorldControl: the /_tiersim control operations (sim/ops_control.h)
// and the plumbing ----

namespace ops = sim::ops;

Result<sim::PartnerCenter::SeededPartner> NetworkClient::SeedPartner(
    const sim::PartnerCenter::PartnerSeed& seed) {
  return impl_->Send<ops::SeedPartner>({}, {seed});
}

Result<sim::PartnerCenter::SeededCustomer> NetworkClient::SeedCustomerTenant(
    const sim::PartnerCenter::CustomerSeed& seed) {
  return impl_->Send<ops::SeedCustomer>({}, {seed});
}

Status NetworkClient::SeedPartnership(sim::PartnerId provider,
                                      sim::PartnerId reseller) {
  return (impl_->Send<ops::SeedPartnership>({}, {provider, reseller})).status();
}

Result<sim::LeadId> NetworkClient::ReferCustomer(sim::PartnerId partner,
                                                 const sim::LeadSpec& lead) {
  return impl_->Send<ops::SeedLead>({}, {partner, lead});
}

Result<sim::PmcAccountId> NetworkClient::SeedPmcAccount(
    std::string user_name, std::string_view password) {
  return impl_->Send<ops::SeedPmcAccount>(
      {}, {std::move(user_name), std::string(password)});
}

Status NetworkClient::SeedPmcProfile(sim::PmcAccountId account,
                                     sim::MpnProfile profile) {
  return (impl_->Send<ops::SeedPmcProfile>({}, {account, std::move(profile)}))
      .status();
}

Result<sim::WorldControl::WorldTime> NetworkClient::Time() {
  return impl_->Send<ops::ReadTime>({}, {});
}

Status NetworkClient::Advance(sim::Duration d) {
  return (impl_->Plumbing(kClockPath, json{{kAdvanceMicrosKey, d.count()}}))
      .status();
}

Status NetworkClient::ArmFault(std::string_view point, sim::FaultSpec spec) {
  return (impl_->Send<ops::ArmFault>({}, {std::string(point), std::move(spec)}))
      .status();
}

Result<sim::WorldControl::WorldCounts> NetworkClient::Counts() {
  return impl_->Send<ops::ReadCounts>({}, {});
}

Result<sim::WorldControl::JournalPage> NetworkClient::Journal(
    std::size_t from) {
  return impl_->Send<ops::ReadJournal>({}, {.from = from});
}

Status NetworkClient::ResetWorld(std::uint64_t seed) {
  impl_->tokens.clear();
  return (impl_->Plumbing(kResetPath, json{{kSeedKey, seed}})).status();
}

}  // namespace tiersim::harness
