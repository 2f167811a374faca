// MemoryMailStore: the mail system in memory, behind sim::MailPort. Every
// accepted message is kept once, with a MessageId (dense from 1, never
// reused, not even after Clear) and a read flag, and can be listed per
// recipient, searched and deleted, the way a Mailpit-style sink offers it.
//
// Messages that came in over SMTP (mocks/mail/mail_service.h) also carry a
// MessageDetail: the raw bytes, the HTML part and the envelope. Messages sent
// in process have none, so the in-process world pays nothing for it.
//
// Ownership: the store owns the messages; the recipient index holds only IDs.
// A detail is immutable and shared, so a copy of a StoredMessage can outlive
// the store's lock. Pointers returned by Get / Latest stay valid until the
// next Send, Insert, Clear, Delete or DeleteMatching. Single-threaded; a
// server wraps it in its own executor (MailService uses a mutex).
//
// Search query language (all terms must match):
//   to:ADDR  from:ADDR   an address, compared case-insensitively; to: also
//                        matches Cc and envelope recipients (Bcc) of SMTP
//                        messages, which are in those mailboxes too
//   subject:WORD         case-insensitive substring of the subject
//   kind:KIND            the sender's kind, case-insensitively equal
//   is:unread  is:read   the read flag (any other is: matches nothing)
//   before:DATE          sent at or before DATE; after:DATE at or after it.
//   after:DATE           DATE is 2026-01-03, 2026-01-03T04:05, 2026-01-03T
//                        04:05:06 or with .micros, optional Z, always UTC
//                        (a malformed date matches nothing)
//   WORD                 case-insensitive substring of subject or text
//   "a phrase"           the same for a phrase; values may be quoted too:
//                        subject:"your invitation"
// Terms are separated by spaces; the empty query matches every message.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "mocks/common/text.h"
#include "sim/ports.h"

namespace tiersim::mocks {

// An attachment of a message received over SMTP.
struct AttachmentInfo {
  std::string file_name;
  std::string content_type;
  std::size_t size = 0;  // decoded bytes
};

// What a message received over SMTP has besides its sim::Email.
struct MessageDetail {
  std::string raw;         // the message as received (CRLF line ends)
  std::string html;        // the decoded text/html part; empty when none
  std::string message_id;  // the Message-ID header without <>; may be empty
  std::vector<std::string> cc;           // decoded Cc addresses, as written
  std::string envelope_from;             // MAIL FROM; empty for the null sender
  std::vector<std::string> envelope_to;  // RCPT TO, in order
  // The parts that are neither the text nor the HTML body.
  std::vector<AttachmentInfo> attachments;
};

struct StoredMessage {
  sim::MessageId id;
  sim::Email email;
  bool read = false;
  std::shared_ptr<const MessageDetail> detail;  // null when sent in process
};

class MemoryMailStore final : public sim::MailPort {
 public:
  MemoryMailStore() = default;
  MemoryMailStore(const MemoryMailStore&) = delete;
  MemoryMailStore& operator=(const MemoryMailStore&) = delete;

  // kInvalidArgument when there is no recipient, or the sender or a
  // recipient is not an address ("ada@x.test" or "Ada <ada@x.test>").
  sim::Status Send(sim::Email email) override;
  // Stores a message without checking its addresses (the SMTP session has
  // checked the envelope; headers are kept as written). It is filed under
  // email.to and, with a detail, its Cc and envelope recipients; each by
  // its addr-spec when that parses, else by the text inside <> or the whole
  // text. Returns the new message's ID.
  sim::MessageId Insert(sim::Email email,
                        std::shared_ptr<const MessageDetail> detail);

  // Null when there is no such message (never sent, or deleted).
  const StoredMessage* Get(sim::MessageId id) const;
  // The messages in `address`'s mailbox (case-insensitive), oldest first.
  std::vector<sim::MessageId> To(std::string_view address) const;
  // The newest message sent to `address`; null when there is none.
  const StoredMessage* Latest(std::string_view address) const;
  // The messages matching `query` (see above), oldest first.
  std::vector<sim::MessageId> Search(std::string_view query) const;
  // Search in slices, for a caller that releases its lock between them so
  // that a long scan never holds up a delivery: the matches among the
  // messages with IDs above `after`, scanning at most `budget` of them and
  // stopping once `byte_budget` bytes of text were scanned (at least one
  // message is), oldest first. `resume` gets the last ID scanned when the
  // scan stopped early (the next slice goes on after it), else nullopt.
  std::vector<sim::MessageId> SearchSlice(
      std::string_view query, sim::MessageId after, std::size_t budget,
      std::optional<sim::MessageId>* resume,
      std::size_t byte_budget = SIZE_MAX) const;
  // Whether message `id` (which must exist) matches `query`.
  bool Matches(sim::MessageId id, std::string_view query) const;
  // Marks a message read; unknown IDs are ignored.
  void MarkRead(sim::MessageId id);
  // Sets or clears the read flag; false when there is no such message.
  bool SetRead(sim::MessageId id, bool read);
  std::size_t size() const { return messages_.size(); }
  std::size_t unread() const { return unread_; }
  // Every message, oldest first (ascending IDs).
  const std::deque<StoredMessage>& messages() const { return messages_; }
  // Deletes every message. IDs keep counting.
  void Clear();
  // Deletes the messages matching `query`; returns how many.
  std::size_t DeleteMatching(std::string_view query);
  // Deletes one message; false when there is no such message.
  bool Delete(sim::MessageId id);

  // OK when every term of `query` means something: kInvalidArgument names
  // an is: value other than read/unread or a malformed before:/after: date.
  // Search itself never fails (such terms match nothing); an API uses this
  // to answer 400 instead of an empty list.
  static sim::Status CheckQuery(std::string_view query);

 private:
  StoredMessage* Find(sim::MessageId id);
  const StoredMessage* Find(sim::MessageId id) const;
  // Drops deleted messages from the index entries of `addresses`.
  void Unindex(const std::vector<std::string>& addresses);

  std::deque<StoredMessage> messages_;  // ascending IDs; appends never copy
  // Lowercased recipient address -> its messages, ascending IDs.
  std::unordered_map<std::string, std::vector<sim::MessageId>,
                     CaseInsensitiveHash, CaseInsensitiveEqual>
      by_recipient_;
  std::uint64_t next_id_ = 1;
  std::size_t unread_ = 0;
};

}  // namespace tiersim::mocks
