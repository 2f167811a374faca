// Journal: the record of everything that happened, in virtual time.
//
// One entry per operation of the core (and per scheduled happening, such as a
// review finishing): when, who, what, on what, and the outcome. Entries are
// compact (IDs, not text) so a million operations cost little; Render() turns
// them into lines a person reads. Same inputs and seed => same journal.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "sim/ids.h"
#include "sim/status.h"
#include "sim/time.h"

namespace tiersim::sim {

// A typed reference to an entity: "partner-3". Empty when kind is null.
struct Ref {
  const char* kind = nullptr;
  std::uint64_t value = 0;

  Ref() = default;
  template <typename Tag>
  Ref(StrongId<Tag> id) : kind(Tag::kPrefix), value(id.value()) {}  // NOLINT
  bool empty() const { return kind == nullptr || value == 0; }
  std::string ToString() const;
  friend bool operator==(const Ref& a, const Ref& b) {
    return a.value == b.value && std::string_view(a.kind ? a.kind : "") ==
                                     std::string_view(b.kind ? b.kind : "");
  }
};

struct JournalEntry {
  SimTime at;
  std::string_view action;  // a string literal: "partnership.accept"
  Ref actor;                // the user acting; empty for Microsoft itself
  Ref subject;
  Ref object;
  ErrorCode outcome = ErrorCode::kOk;
  std::string note;  // the error message on failure, else a short detail
};

class Journal {
 public:
  explicit Journal(SimTime origin) : origin_(origin) {}

  void Record(JournalEntry entry) { entries_.push_back(std::move(entry)); }
  // A deque: appending never copies the earlier entries.
  const std::deque<JournalEntry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }
  SimTime origin() const { return origin_; }

  // "0d 00:00:03.000  user-4  partnership.accept  invitation-2 partner-5  Ok"
  std::string Render(const JournalEntry& entry) const;
  // All entries, one per line.
  std::string RenderAll() const;

 private:
  SimTime origin_;
  std::deque<JournalEntry> entries_;
};

}  // namespace tiersim::sim
