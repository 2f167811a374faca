// MemoryMailStore: the mail system in memory, behind sim::MailPort. Every
// accepted message is kept once, with a MessageId (dense from 1, never
// reused, not even after Clear) and a read flag, and can be listed per
// recipient, searched and deleted, the way a Mailpit-style sink offers it.
//
// Ownership: the store owns the messages; the recipient index holds only IDs.
// Pointers returned by Get / Latest stay valid until the next Send, Clear or
// DeleteMatching. Single-threaded; a server wraps it in its own executor.
//
// Search query language (all terms must match):
//   to:ADDR  from:ADDR   an address, compared case-insensitively
//   subject:WORD         case-insensitive substring of the subject
//   kind:KIND            the sender's kind, case-insensitively equal
//   is:unread  is:read   the read flag (any other is: matches nothing)
//   WORD                 case-insensitive substring of subject or text
//   "a phrase"           the same for a phrase; values may be quoted too:
//                        subject:"your invitation"
// Terms are separated by spaces; the empty query matches every message.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "mocks/common/text.h"
#include "sim/ports.h"

namespace tiersim::mocks {

struct StoredMessage {
  sim::MessageId id;
  sim::Email email;
  bool read = false;
};

class MemoryMailStore final : public sim::MailPort {
 public:
  MemoryMailStore() = default;
  MemoryMailStore(const MemoryMailStore&) = delete;
  MemoryMailStore& operator=(const MemoryMailStore&) = delete;

  // kInvalidArgument when there is no recipient, or the sender or a
  // recipient is not an address ("ada@x.test" or "Ada <ada@x.test>").
  sim::Status Send(sim::Email email) override;

  // Null when there is no such message (never sent, or deleted).
  const StoredMessage* Get(sim::MessageId id) const;
  // The messages sent to `address` (case-insensitive), oldest first.
  std::vector<sim::MessageId> To(std::string_view address) const;
  // The newest message sent to `address`; null when there is none.
  const StoredMessage* Latest(std::string_view address) const;
  // The messages matching `query` (see above), oldest first.
  std::vector<sim::MessageId> Search(std::string_view query) const;
  // Marks a message read; unknown IDs are ignored.
  void MarkRead(sim::MessageId id);
  std::size_t size() const { return messages_.size(); }
  // Deletes every message. IDs keep counting.
  void Clear();
  // Deletes the messages matching `query`; returns how many.
  std::size_t DeleteMatching(std::string_view query);

 private:
  StoredMessage* Find(sim::MessageId id);
  const StoredMessage* Find(sim::MessageId id) const;

  std::deque<StoredMessage> messages_;  // ascending IDs; appends never copy
  // Lowercased recipient address -> its messages, ascending IDs.
  std::unordered_map<std::string, std::vector<sim::MessageId>,
                     CaseInsensitiveHash, CaseInsensitiveEqual>
      by_recipient_;
  std::uint64_t next_id_ = 1;
};

}  // namespace tiersim::mocks
