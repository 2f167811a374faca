#include "mocks/mail/memory_mail_store.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <unordered_set>
#include <utility>

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
    kNever,
    kText
  };
  Kind kind;
  std::string value;
};

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
      } else if (name == "is") {
        const Term::Kind kind =
            EqualsIgnoreCase(value, "read")     ? Term::Kind::kRead
            : EqualsIgnoreCase(value, "unread") ? Term::Kind::kUnread
                                                : Term::Kind::kNever;
        term = {.kind = kind, .value = std::move(value)};
      }
      // Any other "name:" is plain text, so a URL can be searched for.
    }
    terms.push_back(std::move(term));
  }
  return terms;
}

// The addr-spec of an address as written; the text itself when malformed.
std::string_view Address(std::string_view text) {
  return AddrSpec(text).value_or(text);
}

bool Matches(const Term& term, const StoredMessage& message) {
  const sim::Email& email = message.email;
  switch (term.kind) {
    case Term::Kind::kTo:
      return std::any_of(
          email.to.begin(), email.to.end(), [&](const std::string& to) {
            return EqualsIgnoreCase(Address(to), Address(term.value));
          });
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
    case Term::Kind::kNever:
      return false;
    case Term::Kind::kText:
      return ContainsIgnoreCase(email.subject, term.value) ||
             ContainsIgnoreCase(email.text, term.value);
  }
  return false;
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
  const sim::MessageId id(next_id_++);
  for (const std::string& to : email.to) {
    std::vector<sim::MessageId>& ids = by_recipient_[AsciiLower(*AddrSpec(to))];
    // The same address twice in one message is one delivery.
    if (ids.empty() || ids.back() != id) ids.push_back(id);
  }
  messages_.push_back(StoredMessage{.id = id, .email = std::move(email)});
  return sim::OkStatus();
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

void MemoryMailStore::MarkRead(sim::MessageId id) {
  if (StoredMessage* message = Find(id)) message->read = true;
}

void MemoryMailStore::Clear() {
  messages_.clear();
  by_recipient_.clear();
}

std::size_t MemoryMailStore::DeleteMatching(std::string_view query) {
  const std::vector<Term> terms = ParseQuery(query);
  std::unordered_set<std::string> touched;
  const auto removed_begin = std::stable_partition(
      messages_.begin(), messages_.end(),
      [&](const StoredMessage& m) { return !MatchesAll(terms, m); });
  for (auto it = removed_begin; it != messages_.end(); ++it) {
    for (const std::string& to : it->email.to) {
      touched.insert(AsciiLower(Address(to)));
    }
  }
  const auto removed =
      static_cast<std::size_t>(std::distance(removed_begin, messages_.end()));
  messages_.erase(removed_begin, messages_.end());
  // messages_ is still sorted, so Find tells which IDs survived.
  for (const std::string& address : touched) {
    const auto entry = by_recipient_.find(address);
    std::erase_if(entry->second,
                  [&](sim::MessageId id) { return Find(id) == nullptr; });
    if (entry->second.empty()) by_recipient_.erase(entry);
  }
  return removed;
}

}  // namespace tiersim::mocks
