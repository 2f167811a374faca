#include "mocks/mail/mail_service.h"

#include <algorithm>
#include <memory>
#include <thread>
#include <utility>

#include "mocks/mail/mime.h"
#include "sim/links.h"

namespace tiersim::mocks {
namespace {

constexpr std::size_t kSnippetChars = 250;

// The first `limit` UTF-8 characters of `text` with runs of blanks and line
// breaks collapsed to one space.
std::string Snippet(std::string_view text, std::size_t limit) {
  std::string out;
  std::size_t chars = 0;
  bool blank = false;
  for (char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (space) {
      blank = !out.empty();
      continue;
    }
    const bool continuation = (static_cast<unsigned char>(c) & 0xC0) == 0x80;
    if (!continuation) {
      if (chars + (blank ? 1 : 0) >= limit) break;
      if (blank) {
        out.push_back(' ');
        ++chars;
      }
      blank = false;
      ++chars;
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace

MailService::MailService(Clock clock) : clock_(std::move(clock)) {}

sim::Result<sim::MessageId> MailService::Deliver(
    std::string_view mail_from, const std::vector<std::string>& rcpt_to,
    std::string raw) {
  if (rcpt_to.empty()) {
    return sim::Error(sim::ErrorCode::kInvalidArgument,
                      "the message has no recipient");
  }
  DecodedMessage decoded = DecodeMessage(raw);
  sim::Email email;
  email.from =
      decoded.from ? FormatAddress(*decoded.from) : std::string(mail_from);
  for (const MailAddress& to : decoded.to) {
    email.to.push_back(FormatAddress(to));
  }
  if (email.to.empty()) email.to = rcpt_to;  // no To header: the envelope
  email.subject = std::move(decoded.subject);
  email.text = decoded.text.empty() && !decoded.html.empty()
                   ? HtmlToText(decoded.html)
                   : std::move(decoded.text);
  // Every link has "://": most messages need no scan at all.
  if (email.text.find("://") != std::string::npos) {
    email.links = sim::ExtractLinks(email.text);
  }
  email.kind = std::move(decoded.kind);
  email.sent_at = decoded.sent_at ? *decoded.sent_at : clock_();

  auto detail = std::make_shared<MessageDetail>();
  detail->html = std::move(decoded.html);
  detail->message_id = std::move(decoded.message_id);
  for (const MailAddress& cc : decoded.cc) {
    detail->cc.push_back(FormatAddress(cc));
  }
  detail->envelope_from = std::string(mail_from);
  detail->envelope_to = rcpt_to;
  for (MimePart& part : decoded.attachments) {
    detail->attachments.push_back(
        AttachmentInfo{.file_name = std::move(part.file_name),
                       .content_type = std::move(part.content_type),
                       .size = part.size});
  }
  detail->raw = std::move(raw);

  sim::MessageId id;
  deliveries_waiting_.fetch_add(1);
  {
    MutexLock lock(mutex_);
    deliveries_waiting_.fetch_sub(1);
    id = store_.Insert(std::move(email), std::move(detail));
  }
  arrived_.notify_all();
  NotifyWatchers(id);
  return id;
}

std::vector<sim::MessageId> MailService::SearchInSlices(
    std::string_view query) const {
  // A slice (256 messages or 256 KiB of text, a few hundred microseconds)
  // is as long as a delivery waits.
  constexpr std::size_t kSlice = 256;
  constexpr std::size_t kSliceBytes = 256 * 1024;
  std::vector<sim::MessageId> found;
  std::optional<sim::MessageId> resume = sim::MessageId();
  while (resume) {
    // Waiting deliveries go first (bounded: a steady stream of them must
    // not stall the scan for good).
    for (int i = 0; i < 1000 && deliveries_waiting_.load() > 0; ++i) {
      std::this_thread::yield();
    }
    MutexLock lock(mutex_);
    std::vector<sim::MessageId> slice =
        store_.SearchSlice(query, *resume, kSlice, &resume, kSliceBytes);
    found.insert(found.end(), slice.begin(), slice.end());
  }
  return found;
}

sim::Result<MessagePage> MailService::List(std::string_view query,
                                           std::size_t start,
                                           std::size_t limit) const {
  TIERSIM_RETURN_IF_ERROR(MemoryMailStore::CheckQuery(query));
  MessagePage page;
  page.start = start;
  const std::vector<sim::MessageId> ids = SearchInSlices(query);
  MutexLock lock(mutex_);
  page.total = store_.size();
  page.unread = store_.unread();
  page.matched = ids.size();
  for (std::size_t i = start; i < ids.size() && page.messages.size() < limit;
       ++i) {
    // Deleted since the scan: skipped.
    const StoredMessage* message = store_.Get(ids[ids.size() - 1 - i]);
    if (message != nullptr) page.messages.push_back(Summarize(*message));
  }
  return page;
}

std::optional<StoredMessage> MailService::Get(sim::MessageId id) const {
  MutexLock lock(mutex_);
  const StoredMessage* message = store_.Get(id);
  if (message == nullptr) return std::nullopt;
  return *message;
}

sim::Result<StoredMessage> MailService::Latest(std::string_view query) const {
  TIERSIM_RETURN_IF_ERROR(MemoryMailStore::CheckQuery(query));
  const std::vector<sim::MessageId> ids = SearchInSlices(query);
  MutexLock lock(mutex_);
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
    if (const StoredMessage* message = store_.Get(*it)) return *message;
  }
  return sim::Error(sim::ErrorCode::kNotFound,
                    query.empty()
                        ? std::string("there are no messages")
                        : "no message matches '" + std::string(query) + "'");
}

std::size_t MailService::SetRead(const std::vector<sim::MessageId>& ids,
                                 bool read) {
  std::size_t changed = 0;
  {
    MutexLock lock(mutex_);
    if (ids.empty()) {
      std::vector<sim::MessageId> all;
      all.reserve(store_.size());
      for (const StoredMessage& message : store_.messages()) {
        all.push_back(message.id);
      }
      for (sim::MessageId id : all) changed += store_.SetRead(id, read);
    } else {
      for (sim::MessageId id : ids) changed += store_.SetRead(id, read);
    }
  }
  // is:unread waiters care about flags too.
  arrived_.notify_all();
  NotifyWatchers(std::nullopt);
  return changed;
}

std::size_t MailService::Delete(const std::vector<sim::MessageId>& ids) {
  MutexLock lock(mutex_);
  std::size_t deleted = 0;
  for (sim::MessageId id : ids) deleted += store_.Delete(id);
  return deleted;
}

sim::Result<std::size_t> MailService::DeleteMatching(std::string_view query) {
  TIERSIM_RETURN_IF_ERROR(MemoryMailStore::CheckQuery(query));
  MutexLock lock(mutex_);
  return store_.DeleteMatching(query);
}

void MailService::Clear() {
  MutexLock lock(mutex_);
  store_.Clear();
}

std::size_t MailService::size() const {
  MutexLock lock(mutex_);
  return store_.size();
}

sim::Result<std::optional<MessageSummary>> MailService::WaitFor(
    std::string_view query, std::chrono::milliseconds timeout) {
  TIERSIM_RETURN_IF_ERROR(MemoryMailStore::CheckQuery(query));
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  MutexLock lock(mutex_);
  while (true) {
    if (closed_) {
      return sim::Error(sim::ErrorCode::kUnavailable,
                        "the mail service is shutting down");
    }
    const std::vector<sim::MessageId> ids = store_.Search(query);
    if (!ids.empty()) {
      return std::optional<MessageSummary>(Summarize(*store_.Get(ids.back())));
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      return std::optional<MessageSummary>();
    }
    arrived_.wait_until(mutex_, deadline);
  }
}

sim::Status MailService::Watch(std::string query,
                               std::function<void(const MessageSummary&)> found,
                               std::function<bool()> gone) {
  TIERSIM_RETURN_IF_ERROR(MemoryMailStore::CheckQuery(query));
  std::optional<MessageSummary> ready;
  {
    MutexLock lock(mutex_);
    if (closed_) {
      return sim::Error(sim::ErrorCode::kUnavailable,
                        "the mail service is shutting down");
    }
    const std::vector<sim::MessageId> ids = store_.Search(query);
    if (!ids.empty()) {
      ready = Summarize(*store_.Get(ids.back()));
    } else {
      std::erase_if(watchers_, [](const Watcher& w) { return w.gone(); });
      if (watchers_.size() >= kMaxWatchers) {
        return sim::Error(sim::ErrorCode::kUnavailable,
                          "too many clients are waiting for mail (" +
                              std::to_string(kMaxWatchers) +
                              "); retry shortly");
      }
      watchers_.push_back(
          {std::move(query), std::move(found), std::move(gone)});
      return sim::OkStatus();
    }
  }
  found(*ready);
  return sim::OkStatus();
}

void MailService::NotifyWatchers(std::optional<sim::MessageId> new_id) {
  std::vector<
      std::pair<std::function<void(const MessageSummary&)>, MessageSummary>>
      due;
  {
    MutexLock lock(mutex_);
    if (watchers_.empty()) return;
    std::vector<Watcher> waiting;
    for (Watcher& w : watchers_) {
      if (w.gone()) continue;
      std::optional<sim::MessageId> match;
      if (new_id) {
        if (store_.Matches(*new_id, w.query)) match = new_id;
      } else {
        const std::vector<sim::MessageId> ids = store_.Search(w.query);
        if (!ids.empty()) match = ids.back();
      }
      if (match) {
        due.emplace_back(std::move(w.found), Summarize(*store_.Get(*match)));
      } else {
        waiting.push_back(std::move(w));
      }
    }
    watchers_ = std::move(waiting);
  }
  for (auto& [found, summary] : due) found(summary);
}

void MailService::Close() {
  std::vector<Watcher> dropped;
  {
    MutexLock lock(mutex_);
    closed_ = true;
    dropped.swap(watchers_);
  }
  arrived_.notify_all();
}

MessageSummary MailService::Summarize(const StoredMessage& message) {
  MessageSummary summary;
  summary.id = message.id;
  summary.read = message.read;
  summary.from = SplitAddress(message.email.from);
  for (const std::string& to : message.email.to) {
    summary.to.push_back(SplitAddress(to));
  }
  summary.subject = message.email.subject;
  summary.created = message.email.sent_at;
  summary.snippet = Snippet(message.email.text, kSnippetChars);
  summary.kind = message.email.kind;
  if (const MessageDetail* detail = message.detail.get()) {
    summary.message_id = detail->message_id;
    for (const std::string& cc : detail->cc) {
      summary.cc.push_back(SplitAddress(cc));
    }
    summary.size = detail->raw.size();
    summary.attachments = static_cast<int>(detail->attachments.size());
  }
  return summary;
}

}  // namespace tiersim::mocks
