#include "mocks/mail/mail_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "mocks/mail/mime.h"
#include "sim/links.h"
#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using ::tiersim::testing::IsOk;

using std::chrono::milliseconds;
using Ids = std::vector<sim::MessageId>;

constexpr sim::SimTime kNow = sim::kDefaultEpoch + std::chrono::hours(30);

sim::Email Email(std::string to, std::string subject, std::string text = "",
                 std::string kind = "notice",
                 sim::SimTime sent_at = sim::kDefaultEpoch) {
  sim::Email email;
  email.from = "partnercenter@microsoft.tiersim.test";
  email.to = {std::move(to)};
  email.subject = std::move(subject);
  email.text = std::move(text);
  email.links = sim::ExtractLinks(email.text);
  email.kind = std::move(kind);
  email.sent_at = sent_at;
  return email;
}

class MailServiceTest : public ::testing::Test {
 protected:
  sim::MessageId Deliver(const sim::Email& email) {
    std::vector<std::string> rcpt;
    for (const std::string& to : email.to) {
      rcpt.emplace_back(SplitAddress(to).address);
    }
    auto id = service_.Deliver("partnercenter@microsoft.tiersim.test", rcpt,
                               ComposeMessage(email, "m@tiersim.test"));
    EXPECT_THAT(id, IsOk());
    return *id;
  }

  MailService service_{[] { return kNow; }};
};

TEST_F(MailServiceTest, DeliverGivesBackTheSentEmail) {
  const sim::Email sent =
      Email("ada@contoso.test", "Invitation \xE2\x9C\x89",
            "Accept: https://pc.test/invitations/ab12?token=XY\n",
            "partnership-invitation",
            sim::kDefaultEpoch + std::chrono::microseconds(42));
  const sim::MessageId id = Deliver(sent);
  const std::optional<StoredMessage> stored = service_.Get(id);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->email.from, sent.from);
  EXPECT_EQ(stored->email.to, sent.to);
  EXPECT_EQ(stored->email.subject, sent.subject);
  EXPECT_EQ(stored->email.text, sent.text);
  EXPECT_EQ(stored->email.links, sent.links);
  EXPECT_EQ(stored->email.kind, sent.kind);
  EXPECT_EQ(stored->email.sent_at, sent.sent_at);
  ASSERT_NE(stored->detail, nullptr);
  EXPECT_EQ(stored->detail->message_id, "m@tiersim.test");
  EXPECT_EQ(stored->detail->envelope_to,
            std::vector<std::string>{"ada@contoso.test"});
}

TEST_F(MailServiceTest, ForeignMessagesGetTheClockAndTheEnvelope) {
  auto id = service_.Deliver(
      "bounce@x.test", {"ada@contoso.test", "hidden@contoso.test"},
      "From: Someone <s@x.test>\r\nSubject: hi\r\nContent-Type: text/html\r\n"
      "\r\n<p>see <a href=\"https://x.test/t/1\">this</a></p>\r\n");
  ASSERT_THAT(id, IsOk());
  const StoredMessage m = *service_.Get(*id);
  EXPECT_EQ(m.email.sent_at, kNow);  // no X-Tiersim-Sent-At
  EXPECT_EQ(m.email.from, "Someone <s@x.test>");
  // No To header: the envelope recipients.
  EXPECT_EQ(m.email.to, (std::vector<std::string>{"ada@contoso.test",
                                                  "hidden@contoso.test"}));
  EXPECT_EQ(m.email.links, std::vector<std::string>{"https://x.test/t/1"});
  EXPECT_NE(m.detail->html.find("<a href"), std::string::npos);
  EXPECT_EQ(service_.Deliver("a@x.test", {}, "x").code(),
            sim::ErrorCode::kInvalidArgument);
}

TEST_F(MailServiceTest, BccRecipientsFindTheMessageInTheirMailbox) {
  auto id =
      service_.Deliver("s@x.test", {"ada@contoso.test", "bcc@contoso.test"},
                       "To: ada@contoso.test\r\nCc: cc@contoso.test\r\n"
                       "Subject: s\r\n\r\nx\r\n");
  ASSERT_THAT(id, IsOk());
  for (const char* query :
       {"to:ada@contoso.test", "to:bcc@contoso.test", "to:cc@contoso.test"}) {
    auto page = service_.List(query, 0, 10);
    ASSERT_THAT(page, IsOk());
    EXPECT_EQ(page->matched, 1u) << query;
  }
  EXPECT_EQ(service_.Get(*id)->email.to,
            std::vector<std::string>{"ada@contoso.test"});
  EXPECT_EQ(*service_.DeleteMatching("to:bcc@contoso.test"), 1u);
  EXPECT_EQ(service_.List("to:ada@contoso.test", 0, 10)->matched, 0u);
}

TEST_F(MailServiceTest, ListPagesNewestFirstWithCounts) {
  for (int i = 1; i <= 5; ++i) {
    Deliver(Email("ada@contoso.test", "m" + std::to_string(i),
                  "text " + std::string(300, 'x')));
  }
  Deliver(Email("bob@fabrikam.test", "other"));
  service_.SetRead({sim::MessageId(1)}, true);
  auto page = service_.List("to:ada@contoso.test", 1, 2);
  ASSERT_THAT(page, IsOk());
  EXPECT_EQ(page->total, 6u);
  EXPECT_EQ(page->unread, 5u);
  EXPECT_EQ(page->matched, 5u);
  EXPECT_EQ(page->start, 1u);
  ASSERT_EQ(page->messages.size(), 2u);
  EXPECT_EQ(page->messages[0].subject, "m4");
  EXPECT_EQ(page->messages[1].subject, "m3");
  EXPECT_EQ(page->messages[0].snippet.size(), 250u);  // bodies not included
  EXPECT_EQ(service_.List("", 10, 5)->messages.size(), 0u);
  EXPECT_EQ(service_.List("is:maybe", 0, 5).code(),
            sim::ErrorCode::kInvalidArgument);
}

TEST_F(MailServiceTest, BeforeAndAfterUseTheSentTime) {
  Deliver(Email("a@x.test", "day1", "", "k", sim::kDefaultEpoch));
  Deliver(Email("a@x.test", "day2", "", "k",
                sim::kDefaultEpoch + std::chrono::hours(24)));
  Deliver(Email(
      "a@x.test", "day3", "", "k",
      sim::kDefaultEpoch + std::chrono::hours(48) + std::chrono::seconds(5)));
  const auto subjects = [&](std::string_view query) {
    std::vector<std::string> out;
    const sim::Result<MessagePage> page = service_.List(query, 0, 10);
    for (const MessageSummary& s : page->messages) out.push_back(s.subject);
    return out;
  };
  using S = std::vector<std::string>;
  EXPECT_EQ(subjects("before:2026-01-02"), (S{"day2", "day1"}));
  EXPECT_EQ(subjects("after:2026-01-02T00:00:01Z"), S{"day3"});
  EXPECT_EQ(subjects("after:2026-01-03T00:00:05"), S{"day3"});
  EXPECT_EQ(subjects("after:2026-01-03T00:00:05.000001Z"), S{});
  EXPECT_EQ(subjects("after:2026-01-01 before:2026-01-02T12:00"),
            (S{"day2", "day1"}));
  EXPECT_EQ(service_.List("before:yesterday", 0, 10).code(),
            sim::ErrorCode::kInvalidArgument);
  EXPECT_EQ(service_.List("after:2026-02-30", 0, 10).code(),
            sim::ErrorCode::kInvalidArgument);
}

TEST_F(MailServiceTest, LatestReadFlagsAndDelete) {
  Deliver(Email("ada@contoso.test", "first", "", "welcome"));
  Deliver(Email("ada@contoso.test", "second", "", "invite"));
  Deliver(Email("bob@fabrikam.test", "third", "", "invite"));
  EXPECT_EQ(service_.Latest("")->email.subject, "third");
  EXPECT_EQ(service_.Latest("kind:invite to:ada@contoso.test")->email.subject,
            "second");
  EXPECT_EQ(service_.Latest("kind:nothing").code(), sim::ErrorCode::kNotFound);
  EXPECT_EQ(service_.SetRead({}, true), 3u);  // all
  EXPECT_EQ(service_.List("is:unread", 0, 10)->matched, 0u);
  EXPECT_EQ(service_.SetRead({sim::MessageId(2), sim::MessageId(99)}, false),
            1u);
  EXPECT_EQ(service_.List("", 0, 10)->unread, 1u);
  EXPECT_EQ(service_.Delete({sim::MessageId(2), sim::MessageId(99)}), 1u);
  EXPECT_EQ(service_.List("", 0, 10)->unread, 0u);
  EXPECT_EQ(service_.List("to:ada@contoso.test", 0, 10)->matched, 1u);
  service_.Clear();
  EXPECT_EQ(service_.size(), 0u);
}

TEST_F(MailServiceTest, WaitForReturnsAMessageAlreadyThere) {
  Deliver(Email("ada@contoso.test", "here"));
  auto found = service_.WaitFor("to:ada@contoso.test", milliseconds(0));
  ASSERT_THAT(found, IsOk());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->subject, "here");
}

TEST_F(MailServiceTest, WaitForUnblocksWhenAMessageArrives) {
  std::thread sender([this] {
    std::this_thread::sleep_for(milliseconds(50));
    Deliver(Email("bob@fabrikam.test", "not this one"));
    Deliver(Email("ada@contoso.test", "this one"));
  });
  const auto start = std::chrono::steady_clock::now();
  auto found = service_.WaitFor("to:ada@contoso.test", milliseconds(5000));
  sender.join();
  ASSERT_THAT(found, IsOk());
  ASSERT_TRUE(found->has_value());
  EXPECT_EQ((*found)->subject, "this one");
  EXPECT_LT(std::chrono::steady_clock::now() - start, milliseconds(2000));
}

TEST_F(MailServiceTest, WaitForTimesOutAndCloseWakesWaiters) {
  const auto start = std::chrono::steady_clock::now();
  auto none = service_.WaitFor("to:nobody@x.test", milliseconds(100));
  ASSERT_THAT(none, IsOk());
  EXPECT_FALSE(none->has_value());
  EXPECT_GE(std::chrono::steady_clock::now() - start, milliseconds(100));
  EXPECT_EQ(service_.WaitFor("is:nonsense", milliseconds(1)).code(),
            sim::ErrorCode::kInvalidArgument);

  std::atomic<bool> woke{false};
  std::thread waiter([&] {
    auto r = service_.WaitFor("to:nobody@x.test", milliseconds(10000));
    woke = r.code() == sim::ErrorCode::kUnavailable;
  });
  std::this_thread::sleep_for(milliseconds(30));
  service_.Close();
  waiter.join();
  EXPECT_TRUE(woke);
}

TEST(MemoryMailStoreQueryTest, CheckQueryNamesTheBadTerm) {
  EXPECT_THAT(MemoryMailStore::CheckQuery("to:a@x.test is:unread "
                                          "before:2026-01-01 words \"a b\""),
              IsOk());
  const sim::Status bad = MemoryMailStore::CheckQuery("to:a@x.test is:starred");
  EXPECT_EQ(bad.code(), sim::ErrorCode::kInvalidArgument);
  EXPECT_NE(bad.message().find("is:starred"), std::string::npos);
  EXPECT_FALSE(MemoryMailStore::CheckQuery("after:2026-13-01").ok());
  EXPECT_FALSE(MemoryMailStore::CheckQuery("before:2026-01-01T25:00").ok());
}

TEST(MemoryMailStoreQueryTest, InsertIndexesUnparsableAddressesAsWritten) {
  MemoryMailStore store;
  sim::Email email = Email("J\xC3\xBCrgen <j\xC3\xBCrgen@x.test>", "utf8");
  const sim::MessageId id = store.Insert(email, nullptr);
  EXPECT_EQ(store.To("j\xC3\xBCrgen@x.test"), Ids{id});
  EXPECT_EQ(store.Search("to:j\xC3\xBCrgen@x.test"), Ids{id});
  EXPECT_EQ(store.unread(), 1u);
  EXPECT_TRUE(store.Delete(id));
  EXPECT_FALSE(store.Delete(id));
  EXPECT_EQ(store.To("j\xC3\xBCrgen@x.test"), Ids{});
  EXPECT_EQ(store.unread(), 0u);
}

}  // namespace
}  // namespace tiersim::mocks
