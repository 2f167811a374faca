// MailService: the mail sink behind the SMTP server and the Mailpit-shaped
// HTTP API. Deliver() decodes what the SMTP server accepted (mime.h) into a
// sim::Email plus its MessageDetail and files it in a MemoryMailStore; the
// API lists, searches, reads, marks and deletes; WaitFor() blocks until a
// matching message is there.
//
// A message composed by ComposeMessage (SmtpSender) comes back with the
// sim::Email it was made from: from, to, subject, text, kind, sent_at, and
// links = sim::ExtractLinks(text). Other messages get sent_at = clock() at
// delivery, kind "" and, without a text part, text made from the HTML.
//
// Ownership: the service owns the store. Results are copies (a detail is
// shared and immutable), so they stay valid after the call.
// Thread rules: every member is safe from any thread; one mutex guards the
// store (decoding happens outside it), a condition variable wakes waiters.
// Lists and searches scan the store in slices, releasing the mutex between
// them, so that a long full-text search never holds up a delivery.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mocks/common/mutex.h"
#include "mocks/mail/mail_address.h"
#include "mocks/memory/memory_mail_store.h"
#include "sim/status.h"
#include "sim/time.h"

namespace tiersim::mocks {

// A message without its bodies, for lists (Mailpit's MessageSummary).
struct MessageSummary {
  sim::MessageId id;
  std::string message_id;  // the Message-ID header, without <>
  bool read = false;
  MailAddress from;
  std::vector<MailAddress> to;
  std::vector<MailAddress> cc;
  std::string subject;
  sim::SimTime created;  // email.sent_at
  std::size_t size = 0;  // bytes of the raw message (0 when sent in process)
  int attachments = 0;
  std::string snippet;  // the text's first 250 characters, blanks collapsed
  std::string kind;
};

struct MessagePage {
  std::size_t total = 0;    // messages in the store
  std::size_t unread = 0;   // unread messages in the store
  std::size_t matched = 0;  // messages matching the query
  std::size_t start = 0;    // offset of messages[0] among the matches
  std::vector<MessageSummary> messages;  // newest first
};

class MailService {
 public:
  using Clock = std::function<sim::SimTime()>;

  // `clock` gives the received time of messages without X-Tiersim-Sent-At
  // (so never for mail an SmtpSender composed). It is called from the SMTP
  // server's threads, outside the service's lock; it must not wait for
  // anyone who may be sending mail at the time (the core's lock, say).
  explicit MailService(Clock clock);
  MailService(const MailService&) = delete;
  MailService& operator=(const MailService&) = delete;

  // Decodes and stores one message received for `rcpt_to` from `mail_from`
  // ("" for the null sender). kInvalidArgument when there is no recipient.
  sim::Result<sim::MessageId> Deliver(std::string_view mail_from,
                                      const std::vector<std::string>& rcpt_to,
                                      std::string raw);

  // The page [start, start + limit) of the messages matching `query`
  // (MemoryMailStore's language), newest first. kInvalidArgument for a
  // query term that means nothing (MemoryMailStore::CheckQuery).
  sim::Result<MessagePage> List(std::string_view query, std::size_t start,
                                std::size_t limit) const;
  std::optional<StoredMessage> Get(sim::MessageId id) const;
  // The newest message matching `query`: kNotFound when none does,
  // kInvalidArgument for a bad query.
  sim::Result<StoredMessage> Latest(std::string_view query) const;
  // Sets the read flag of `ids` (all messages when empty); how many exist.
  std::size_t SetRead(const std::vector<sim::MessageId>& ids, bool read);
  // Deletes `ids`; how many existed.
  std::size_t Delete(const std::vector<sim::MessageId>& ids);
  sim::Result<std::size_t> DeleteMatching(std::string_view query);
  void Clear();
  std::size_t size() const;

  // Blocks until a message matches `query` (one already there counts) and
  // returns the newest such; nullopt after `timeout`. kInvalidArgument for
  // a bad query; kUnavailable once Close() was called.
  sim::Result<std::optional<MessageSummary>> WaitFor(
      std::string_view query, std::chrono::milliseconds timeout);
  // The waiting of WaitFor without a thread: `found` is called once with
  // the newest message matching `query` — at once (on this thread) when
  // one is there, else on the thread that delivers or flags it — unless
  // `gone()` says the watcher left first (it is then dropped). Returns
  // kInvalidArgument for a bad query, kUnavailable after Close() or with
  // kMaxWatchers watching already (the caller answers 503).
  static constexpr std::size_t kMaxWatchers = 10000;
  sim::Status Watch(std::string query,
                    std::function<void(const MessageSummary&)> found,
                    std::function<bool()> gone);
  // Wakes every waiter and makes later waits fail at once (a server that
  // stops must not hang on a client's long wait).
  void Close();

  static MessageSummary Summarize(const StoredMessage& message);

 private:
  // The IDs matching `query`, oldest first, scanned slice by slice.
  std::vector<sim::MessageId> SearchInSlices(std::string_view query) const
      TIERSIM_EXCLUDES(mutex_);

  Clock clock_;
  mutable Mutex mutex_;
  std::condition_variable_any arrived_;
  struct Watcher {
    std::string query;
    std::function<void(const MessageSummary&)> found;
    std::function<bool()> gone;
  };
  // Hands the watchers that `new_id` (or, when unset, any message) now
  // satisfies their callbacks, outside the lock; drops the gone ones.
  void NotifyWatchers(std::optional<sim::MessageId> new_id);

  MemoryMailStore store_ TIERSIM_GUARDED_BY(mutex_);
  // Deliveries waiting for mutex_: a scan lets them in before its next
  // slice, so a delivery waits for at most one slice, however many scans
  // run (a mutex alone lets the scans take it back again and again).
  std::atomic<int> deliveries_waiting_{0};
  std::vector<Watcher> watchers_ TIERSIM_GUARDED_BY(mutex_);
  bool closed_ TIERSIM_GUARDED_BY(mutex_) = false;
};

}  // namespace tiersim::mocks
