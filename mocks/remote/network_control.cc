// NetworkClient: the mailbox (through the mail server's Mailpit-shaped API)
// and sim::WorldControl (through the /_tiersim control routes).
#include <algorithm>

#include "mocks/remote/network_impl.h"

namespace tiersim::mocks {

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
    auto page = impl.Mail(
        "GET",
        "/api/v1/search?query=" + httplib::detail::encode_query_param(query) +
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
    const std::uint64_t id = std::stoull(id_text);
    if (id <= after) continue;
    auto full = impl.Mail("GET", "/api/v1/message/" + id_text);
    if (!full.ok()) return full.status();
    const bool was_read = s.value("Read", false);
    if (!was_read) {  // reading it marked it read; restore the flag
      json unread = {{"IDs", {id_text}}, {"Read", false}};
      auto restored = impl.Mail("PUT", "/api/v1/messages", &unread);
      if (!restored.ok()) return restored.status();
    }
    sim::MailView v;
    v.id = sim::MessageId(id);
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
  return StatusOf(impl_->Mail("PUT", "/api/v1/messages", &body));
}

std::vector<sim::MailView> NetworkClient::MailSince(sim::MessageId after) {
  auto r = Fetch(*impl_, "", after.value());
  if (!r.ok()) {
    impl_->NoteTransportError(r.status());
    return {};
  }
  return *r;
}

// ---- WorldControl ----

Result<sim::PartnerCenter::SeededPartner> NetworkClient::SeedPartner(
    const sim::PartnerCenter::PartnerSeed& seed) {
  json body = seed;
  auto r = impl_->Pc("POST", "/_tiersim/seed/partner", &body, {});
  if (!r.ok()) return r.status();
  return Decode<sim::PartnerCenter::SeededPartner>(*r, "seeded partner");
}

Result<sim::PartnerCenter::SeededCustomer> NetworkClient::SeedCustomerTenant(
    const sim::PartnerCenter::CustomerSeed& seed) {
  json body = seed;
  auto r = impl_->Pc("POST", "/_tiersim/seed/customer", &body, {});
  if (!r.ok()) return r.status();
  return Decode<sim::PartnerCenter::SeededCustomer>(*r, "seeded customer");
}

Status NetworkClient::SeedPartnership(sim::PartnerId provider,
                                      sim::PartnerId reseller) {
  json body = {{"providerId", provider}, {"resellerId", reseller}};
  return StatusOf(impl_->Pc("POST", "/_tiersim/seed/partnership", &body, {}));
}

Result<sim::PmcAccountId> NetworkClient::SeedPmcAccount(
    std::string user_name, std::string_view password) {
  json body = {{"userName", user_name}, {"password", password}};
  return DecodeMember<sim::PmcAccountId>(
      impl_->Pc("POST", "/_tiersim/seed/pmc-account", &body, {}), "accountid");
}

Status NetworkClient::SeedPmcProfile(sim::PmcAccountId account,
                                     sim::MpnProfile profile) {
  json body = {{"accountId", account}, {"profile", profile}};
  return StatusOf(impl_->Pc("POST", "/_tiersim/seed/pmc-profile", &body, {}));
}

namespace {
sim::SimTime TimeMember(NetworkClient::Impl& impl, const char* key) {
  auto r = impl.Pc("GET", "/_tiersim/world", nullptr, {});
  if (!r.ok()) {
    impl.NoteTransportError(r.status());
    return sim::kDefaultEpoch;
  }
  auto t = DecodeMember<sim::SimTime>(r, key);
  if (!t.ok()) {
    impl.NoteTransportError(t.status());
    return sim::kDefaultEpoch;
  }
  return *t;
}
}  // namespace

sim::SimTime NetworkClient::Now() { return TimeMember(*impl_, "now"); }
sim::SimTime NetworkClient::Origin() { return TimeMember(*impl_, "origin"); }

void NetworkClient::Advance(sim::Duration d) {
  json body = {{"advanceMicros", d.count()}};
  impl_->NoteTransportError(
      StatusOf(impl_->Pc("POST", "/_tiersim/clock", &body, {})));
}

void NetworkClient::ArmFault(std::string_view point, sim::FaultSpec spec) {
  json body = {{"point", point}, {"spec", spec}};
  impl_->NoteTransportError(
      StatusOf(impl_->Pc("POST", "/_tiersim/faults", &body, {})));
}

sim::WorldControl::WorldCounts NetworkClient::Counts() {
  auto r = impl_->Pc("GET", "/_tiersim/counts", nullptr, {});
  if (r.ok()) {
    auto counts = Decode<WorldCounts>(*r, "counts");
    if (counts.ok()) return *counts;
    impl_->NoteTransportError(counts.status());
  } else {
    impl_->NoteTransportError(r.status());
  }
  return {};
}

std::size_t NetworkClient::JournalSize() {
  auto r = impl_->Pc("GET", "/_tiersim/journal?from=999999999999", nullptr, {});
  auto size = DecodeMember<std::size_t>(r, "size");
  if (!size.ok()) {
    impl_->NoteTransportError(size.status());
    return 0;
  }
  return *size;
}

std::vector<sim::WorldControl::JournalLine> NetworkClient::JournalSince(
    std::size_t from) {
  auto lines = DecodeMember<std::vector<JournalLine>>(
      impl_->Pc("GET", "/_tiersim/journal?from=" + std::to_string(from),
                nullptr, {}),
      "lines");
  if (!lines.ok()) {
    impl_->NoteTransportError(lines.status());
    return {};
  }
  return *lines;
}

Status NetworkClient::TransportError() const { return impl_->transport_error; }

Status NetworkClient::ResetWorld(std::uint64_t seed) {
  json body = {{"seed", seed}};
  impl_->tokens.clear();
  impl_->transport_error = sim::OkStatus();
  return StatusOf(impl_->Pc("POST", "/_tiersim/reset", &body, {}));
}

}  // namespace tiersim::mocks
