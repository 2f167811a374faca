#include "mocks/memory/memory_mail_store.h"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <optional>
#include <unordered_set>
#include <utility>

#include "sim/time.h"

namespace tiersim::mocks {
namespace {

struct Term {
  enum class Kind {
    kTo,
    kFrom,
    kSubject,
    kKind,
    kRead,
    kUnread,
    kBefore,
    kAfter,
    kNever,
    kText
  };
  Kind kind;
  std::string value;
  sim::SimTime time{};  // before: / after:
};

// "2026-01-03", "2026-01-03T04:05", "2026-01-03T04:05:06[.ffffff][Z]", UTC.
std::optional<sim::SimTime> ParseQueryDate(std::string_view text) {
  auto t = sim::ParseIsoTime(
      text,
      {.date_only = true, .without_seconds = true, .zone_optional = true});
  if (!t.ok()) return std::nullopt;
  return *t;
}

// Splits the query into terms: blanks separate terms except inside double
// quotes; the quotes themselves are dropped. A term is an operator only when
// its colon comes before any quote, so "to:x" quoted is plain text.
std::vector<Term> ParseQuery(std::string_view query) {
  std::vector<Term> terms;
  std::size_t i = 0;
  while (i < query.size()) {
    if (query[i] == ' ' || query[i] == '\t') {
      ++i;
      continue;
    }
    std::string raw;
    std::size_t first_quote = std::string::npos;
    bool quoted = false;
    for (; i < query.size(); ++i) {
      const char c = query[i];
      if (c == '"') {
        if (first_quote == std::string::npos) first_quote = raw.size();
        quoted = !quoted;
      } else if (!quoted && (c == ' ' || c == '\t')) {
        break;
      } else {
        raw.push_back(c);
      }
    }
    const std::size_t colon = raw.find(':');
    Term term{.kind = Term::Kind::kText, .value = raw};
    if (colon != std::string::npos &&
        (first_quote == std::string::npos || colon < first_quote)) {
      const std::string name =
          AsciiLower(std::string_view(raw).substr(0, colon));
      std::string value = raw.substr(colon + 1);
      if (name == "to") {
        term = {.kind = Term::Kind::kTo, .value = std::move(value)};
      } else if (name == "from") {
        term = {.kind = Term::Kind::kFrom, .value = std::move(value)};
      } else if (name == "subject") {
        term = {.kind = Term::Kind::kSubject, .value = std::move(value)};
      } else if (name == "kind") {
        term = {.kind = Term::Kind::kKind, .value = std::move(value)};
      } else if (name == "before" || name == "after") {
        const std::optional<sim::SimTime> time = ParseQueryDate(value);
        term = {.kind = !time              ? Term::Kind::kNever
                        : name == "before" ? Term::Kind::kBefore
                                           : Term::Kind::kAfter,
                .value = std::move(value),
                .time = time.value_or(sim::SimTime{})};
      } else if (name == "is") {
        const Term::Kind kind =
            EqualsIgnoreCase(value, "read")     ? Term::Kind::kRead
            : EqualsIgnoreCase(value, "unread") ? Term::Kind::kUnread
                                                : Term::Kind::kNever;
        term = {.kind = kind, .value = std::move(value)};
      }
      // Any other "name:" is plain text, so a URL can be searched for.
      if (term.kind == Term::Kind::kNever) term.value = raw;
    }
    terms.push_back(std::move(term));
  }
  return terms;
}

// The addr-spec of an address as written: the text inside <>, or else the
// trimmed text. (AddrSpec gives the same for a valid address, and this for
// one that does not parse, an SMTPUTF8 address say, without checking the
// syntax again: this runs on every delivery and every mailbox lookup.)
std::string_view Address(std::string_view text) {
  text = TrimSpaces(text);
  const std::size_t open = text.rfind('<');
  if (!text.empty() && text.back() == '>' && open != std::string_view::npos) {
    return TrimSpaces(text.substr(open + 1, text.size() - open - 2));
  }
  return text;
}

bool Matches(const Term& term, const StoredMessage& message) {
  const sim::Email& email = message.email;
  switch (term.kind) {
    case Term::Kind::kTo: {
      const auto same = [&](const std::string& to) {
        return EqualsIgnoreCase(Address(to), Address(term.value));
      };
      if (std::any_of(email.to.begin(), email.to.end(), same)) return true;
      const MessageDetail* detail = message.detail.get();
      return detail != nullptr &&
             (std::any_of(detail->cc.begin(), detail->cc.end(), same) ||
              std::any_of(detail->envelope_to.begin(),
                          detail->envelope_to.end(), same));
    }
    case Term::Kind::kFrom:
      return EqualsIgnoreCase(Address(email.from), Address(term.value));
    case Term::Kind::kSubject:
      return ContainsIgnoreCase(email.subject, term.value);
    case Term::Kind::kKind:
      return EqualsIgnoreCase(email.kind, term.value);
    case Term::Kind::kRead:
      return message.read;
    case Term::Kind::kUnread:
      return !message.read;
    case Term::Kind::kBefore:
      return email.sent_at <= term.time;
    case Term::Kind::kAfter:
      return email.sent_at >= term.time;
    case Term::Kind::kNever:
      return false;
    case Term::Kind::kText:
      return ContainsIgnoreCase(email.subject, term.value) ||
             ContainsIgnoreCase(email.text, term.value);
  }
  return false;
}

// Every address the message is indexed under: To, and for SMTP messages
// Cc and the envelope recipients (Bcc included).
std::vector<std::string> Recipients(const StoredMessage& message) {
  std::vector<std::string> out = message.email.to;
  if (message.detail != nullptr) {
    out.insert(out.end(), message.detail->cc.begin(), message.detail->cc.end());
    out.insert(out.end(), message.detail->envelope_to.begin(),
               message.detail->envelope_to.end());
  }
  return out;
}

bool MatchesAll(const std::vector<Term>& terms, const StoredMessage& message) {
  return std::all_of(terms.begin(), terms.end(),
                     [&](const Term& term) { return Matches(term, message); });
}

}  // namespace

sim::Status MemoryMailStore::Send(sim::Email email) {
  if (email.to.empty()) {
    return sim::Error(sim::ErrorCode::kInvalidArgument,
                      "the message has no recipient");
  }
  if (!AddrSpec(email.from)) {
    return sim::Error(sim::ErrorCode::kInvalidArgument,
                      "the sender '" + email.from +
                          "' is not an email address such as ada@x.test");
  }
  for (const std::string& to : email.to) {
    if (!AddrSpec(to)) {
      return sim::Error(sim::ErrorCode::kInvalidArgument,
                        "the recipient '" + to +
                            "' is not an email address such as ada@x.test");
    }
  }
  Insert(std::move(email), nullptr);
  return sim::OkStatus();
}

sim::MessageId MemoryMailStore::Insert(
    sim::Email email, std::shared_ptr<const MessageDetail> detail) {
  const sim::MessageId id(next_id_++);
  const auto index = [&](const std::vector<std::string>& addresses) {
    for (const std::string& to : addresses) {
      const std::string_view address = Address(to);
      if (address.empty()) continue;
      std::vector<sim::MessageId>& ids = by_recipient_[AsciiLower(address)];
      // The same address twice in one message is one delivery.
      if (ids.empty() || ids.back() != id) ids.push_back(id);
    }
  };
  index(email.to);
  if (detail != nullptr) {
    index(detail->cc);
    index(detail->envelope_to);
  }
  messages_.push_back(StoredMessage{
      .id = id, .email = std::move(email), .detail = std::move(detail)});
  ++unread_;
  return id;
}

const StoredMessage* MemoryMailStore::Find(sim::MessageId id) const {
  const auto it = std::lower_bound(
      messages_.begin(), messages_.end(), id,
      [](const StoredMessage& m, sim::MessageId key) { return m.id < key; });
  return it != messages_.end() && it->id == id ? &*it : nullptr;
}

StoredMessage* MemoryMailStore::Find(sim::MessageId id) {
  return const_cast<StoredMessage*>(std::as_const(*this).Find(id));
}

const StoredMessage* MemoryMailStore::Get(sim::MessageId id) const {
  return Find(id);
}

std::vector<sim::MessageId> MemoryMailStore::To(
    std::string_view address) const {
  const auto it = by_recipient_.find(Address(address));
  if (it == by_recipient_.end()) return {};
  return it->second;
}

const StoredMessage* MemoryMailStore::Latest(std::string_view address) const {
  const auto it = by_recipient_.find(Address(address));
  if (it == by_recipient_.end() || it->second.empty()) return nullptr;
  return Find(it->second.back());
}

std::vector<sim::MessageId> MemoryMailStore::SearchSlice(
    std::string_view query, sim::MessageId after, std::size_t budget,
    std::optional<sim::MessageId>* resume, std::size_t byte_budget) const {
  *resume = std::nullopt;
  const std::vector<Term> terms = ParseQuery(query);
  std::vector<sim::MessageId> found;
  const bool indexed =
      std::any_of(terms.begin(), terms.end(),
                  [](const Term& t) { return t.kind == Term::Kind::kTo; });
  if (indexed) {  // one recipient's mailbox: small, done in one go
    for (sim::MessageId id : Search(query)) {
      if (id.value() > after.value()) found.push_back(id);
    }
    return found;
  }
  auto it = std::upper_bound(messages_.begin(), messages_.end(), after,
                             [](sim::MessageId id, const StoredMessage& m) {
                               return id.value() < m.id.value();
                             });
  std::size_t bytes = 0;
  for (std::size_t scanned = 0; it != messages_.end(); ++it, ++scanned) {
    if (scanned == budget || (scanned > 0 && bytes >= byte_budget)) {
      *resume = std::prev(it)->id;
      return found;
    }
    bytes += it->email.subject.size() + it->email.text.size();
    if (MatchesAll(terms, *it)) found.push_back(it->id);
  }
  return found;
}

bool MemoryMailStore::Matches(sim::MessageId id, std::string_view query) const {
  const StoredMessage* message = Find(id);
  return message != nullptr && MatchesAll(ParseQuery(query), *message);
}

std::vector<sim::MessageId> MemoryMailStore::Search(
    std::string_view query) const {
  const std::vector<Term> terms = ParseQuery(query);
  std::vector<sim::MessageId> found;
  // A to: term narrows the scan to that recipient's messages.
  const auto to = std::find_if(terms.begin(), terms.end(), [](const Term& t) {
    return t.kind == Term::Kind::kTo;
  });
  if (to != terms.end()) {
    const auto it = by_recipient_.find(Address(to->value));
    if (it == by_recipient_.end()) return found;
    for (sim::MessageId id : it->second) {
      if (MatchesAll(terms, *Find(id))) found.push_back(id);
    }
    return found;
  }
  for (const StoredMessage& message : messages_) {
    if (MatchesAll(terms, message)) found.push_back(message.id);
  }
  return found;
}

void MemoryMailStore::MarkRead(sim::MessageId id) { SetRead(id, true); }

bool MemoryMailStore::SetRead(sim::MessageId id, bool read) {
  StoredMessage* message = Find(id);
  if (message == nullptr) return false;
  if (message->read != read) {
    message->read = read;
    if (read) {
      --unread_;
    } else {
      ++unread_;
    }
  }
  return true;
}

void MemoryMailStore::Clear() {
  messages_.clear();
  by_recipient_.clear();
  unread_ = 0;
}

bool MemoryMailStore::Delete(sim::MessageId id) {
  const auto it = std::lower_bound(
      messages_.begin(), messages_.end(), id,
      [](const StoredMessage& m, sim::MessageId key) { return m.id < key; });
  if (it == messages_.end() || it->id != id) return false;
  if (!it->read) --unread_;
  const std::vector<std::string> addresses = Recipients(*it);
  messages_.erase(it);
  Unindex(addresses);
  return true;
}

void MemoryMailStore::Unindex(const std::vector<std::string>& addresses) {
  for (const std::string& to : addresses) {
    const auto entry = by_recipient_.find(Address(to));
    if (entry == by_recipient_.end()) continue;
    std::erase_if(entry->second,
                  [&](sim::MessageId id) { return Find(id) == nullptr; });
    if (entry->second.empty()) by_recipient_.erase(entry);
  }
}

sim::Status MemoryMailStore::CheckQuery(std::string_view query) {
  for (const Term& term : ParseQuery(query)) {
    if (term.kind != Term::Kind::kNever) continue;
    return sim::Error(
        sim::ErrorCode::kInvalidArgument,
        "the search term '" + term.value +
            "' means nothing: use is:read or is:unread, and dates such as "
            "before:2026-01-03 or after:2026-01-03T04:05:06Z");
  }
  return sim::OkStatus();
}

std::size_t MemoryMailStore::DeleteMatching(std::string_view query) {
  const std::vector<Term> terms = ParseQuery(query);
  std::unordered_set<std::string> touched;
  const auto removed_begin = std::stable_partition(
      messages_.begin(), messages_.end(),
      [&](const StoredMessage& m) { return !MatchesAll(terms, m); });
  for (auto it = removed_begin; it != messages_.end(); ++it) {
    if (!it->read) --unread_;
    for (const std::string& to : Recipients(*it)) {
      touched.insert(AsciiLower(Address(to)));
    }
  }
  const auto removed =
      static_cast<std::size_t>(std::distance(removed_begin, messages_.end()));
  messages_.erase(removed_begin, messages_.end());
  // messages_ is still sorted, so Find tells which IDs survived.
  Unindex(std::vector<std::string>(touched.begin(), touched.end()));
  return removed;
}

}  // namespace tiersim::mocks
