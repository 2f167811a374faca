#include "mocks/memory/memory_mail_store.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "tests/common/status_matchers.h"

namespace tiersim::mocks {
namespace {

using ::tiersim::testing::IsOk;

using sim::Email;
using sim::ErrorCode;
using sim::MessageId;
using Ids = std::vector<MessageId>;

Email MakeEmail(std::vector<std::string> to, std::string subject,
                std::string text = "", std::string kind = "notice",
                std::string from = "noreply@pc.tiersim.test") {
  return {.from = std::move(from),
          .to = std::move(to),
          .subject = std::move(subject),
          .text = std::move(text),
          .kind = std::move(kind),
          .sent_at = sim::kDefaultEpoch};
}

class MemoryMailStoreTest : public ::testing::Test {
 protected:
  void MustSend(Email email) {
    const sim::Status status = store_.Send(std::move(email));
    ASSERT_THAT(status, IsOk());
  }
  // Three messages used by the search tests.
  void SendSample() {
    MustSend(MakeEmail({"ada@contoso.test"}, "Partnership invitation",
                       "Contoso invites you: https://pc.test/invitations/aa",
                       "partnership-invitation", "provider@contoso.test"));
    MustSend(MakeEmail({"bob@fabrikam.test", "ada@contoso.test"},
                       "Your order was placed", "Order 17: 5 licenses of E3",
                       "order-confirmation"));
    MustSend(MakeEmail({"bob@fabrikam.test"}, "Reset your password",
                       "Use the temporary password below", "password-reset"));
  }

  MemoryMailStore store_;
};

TEST_F(MemoryMailStoreTest, SendStoresTheMessageUnderADenseId) {
  MustSend(MakeEmail({"ada@contoso.test"}, "Hello", "Body text"));
  MustSend(MakeEmail({"bob@fabrikam.test"}, "Second"));
  EXPECT_EQ(store_.size(), 2u);
  const StoredMessage* first = store_.Get(MessageId(1));
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->id, MessageId(1));
  EXPECT_EQ(first->email.subject, "Hello");
  EXPECT_EQ(first->email.text, "Body text");
  EXPECT_EQ(first->email.to, (std::vector<std::string>{"ada@contoso.test"}));
  EXPECT_FALSE(first->read);
  EXPECT_EQ(store_.Get(MessageId(2))->email.subject, "Second");
  EXPECT_EQ(store_.Get(MessageId(3)), nullptr);
  EXPECT_EQ(store_.Get(MessageId()), nullptr);
}

TEST_F(MemoryMailStoreTest, SendRejectsMissingOrMalformedAddresses) {
  MustSend(MakeEmail({"ada@contoso.test"}, "Kept"));
  const sim::Status none = store_.Send(MakeEmail({}, "Nobody"));
  EXPECT_EQ(none.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(none.message().find("recipient"), std::string::npos);
  const sim::Status bad_to =
      store_.Send(MakeEmail({"bob@fabrikam.test", "not-an-address"}, "Bad"));
  EXPECT_EQ(bad_to.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(bad_to.message().find("not-an-address"), std::string::npos);
  EXPECT_EQ(
      store_.Send(MakeEmail({"bob@fabrikam.test"}, "Bad", "", "x", "noreply"))
          .code(),
      ErrorCode::kInvalidArgument);
  // Nothing of the refused messages was stored or indexed.
  EXPECT_EQ(store_.size(), 1u);
  EXPECT_TRUE(store_.To("bob@fabrikam.test").empty());
  EXPECT_EQ(store_.Search("Bad"), Ids{});
  // And no ID was spent on them.
  MustSend(MakeEmail({"bob@fabrikam.test"}, "Next"));
  EXPECT_EQ(store_.To("bob@fabrikam.test"), Ids{MessageId(2)});
}

TEST_F(MemoryMailStoreTest, ToIgnoresCaseAndListsOldestFirst) {
  MustSend(MakeEmail({"Ada@Contoso.test"}, "One"));
  MustSend(MakeEmail({"bob@fabrikam.test"}, "Other"));
  MustSend(MakeEmail({"ada@contoso.TEST"}, "Two"));
  EXPECT_EQ(store_.To("ADA@contoso.test"), (Ids{MessageId(1), MessageId(3)}));
  EXPECT_EQ(store_.To("eve@contoso.test"), Ids{});
  const StoredMessage* latest = store_.Latest("ada@contoso.test");
  ASSERT_NE(latest, nullptr);
  EXPECT_EQ(latest->email.subject, "Two");
  EXPECT_EQ(store_.Latest("eve@contoso.test"), nullptr);
}

TEST_F(MemoryMailStoreTest, DisplayNameAddressesAreIndexedByAddress) {
  MustSend(MakeEmail({"Ada Lovelace <ada@contoso.test>"}, "Hi", "", "x",
                     "Partner Center <noreply@pc.tiersim.test>"));
  EXPECT_EQ(store_.To("ada@contoso.test"), Ids{MessageId(1)});
  EXPECT_EQ(store_.To("Ada <ada@contoso.test>"), Ids{MessageId(1)});
  EXPECT_EQ(store_.Search("from:noreply@pc.tiersim.test"), Ids{MessageId(1)});
}

TEST_F(MemoryMailStoreTest, SameRecipientTwiceIsOneDelivery) {
  MustSend(MakeEmail({"ada@contoso.test", "ADA@contoso.test"}, "Twice"));
  EXPECT_EQ(store_.To("ada@contoso.test"), Ids{MessageId(1)});
}

TEST_F(MemoryMailStoreTest, MarkReadSetsTheFlag) {
  SendSample();
  store_.MarkRead(MessageId(2));
  store_.MarkRead(MessageId(99));  // ignored
  EXPECT_TRUE(store_.Get(MessageId(2))->read);
  EXPECT_FALSE(store_.Get(MessageId(1))->read);
  EXPECT_EQ(store_.Search("is:read"), Ids{MessageId(2)});
  EXPECT_EQ(store_.Search("is:unread"), (Ids{MessageId(1), MessageId(3)}));
  EXPECT_EQ(store_.Search("is:starred"), Ids{});
}

TEST_F(MemoryMailStoreTest, SearchByEachOperator) {
  SendSample();
  EXPECT_EQ(store_.Search("to:bob@fabrikam.test"),
            (Ids{MessageId(2), MessageId(3)}));
  EXPECT_EQ(store_.Search("to:BOB@Fabrikam.test"),
            (Ids{MessageId(2), MessageId(3)}));
  EXPECT_EQ(store_.Search("to:fabrikam.test"), Ids{});  // whole address only
  EXPECT_EQ(store_.Search("from:provider@contoso.test"), Ids{MessageId(1)});
  EXPECT_EQ(store_.Search("from:noreply@pc.tiersim.test"),
            (Ids{MessageId(2), MessageId(3)}));
  EXPECT_EQ(store_.Search("subject:ORDER"), Ids{MessageId(2)});
  EXPECT_EQ(store_.Search("subject:password"), Ids{MessageId(3)});
  EXPECT_EQ(store_.Search("kind:partnership-invitation"), Ids{MessageId(1)});
  EXPECT_EQ(store_.Search("kind:partnership"), Ids{});  // whole kind only
}

TEST_F(MemoryMailStoreTest, SearchInSlicesFindsWhatOneSearchFinds) {
  for (int i = 0; i < 25; ++i) {
    MustSend(MakeEmail({"user" + std::to_string(i % 3) + "@x.test"},
                       i % 2 == 0 ? "even invoice" : "odd notice"));
  }
  store_.Delete(sim::MessageId(4));  // a gap the slices must step over
  for (const std::string query : {"invoice", "", "to:user1@x.test"}) {
    std::vector<sim::MessageId> sliced;
    std::optional<sim::MessageId> resume = sim::MessageId();
    int slices = 0;
    while (resume) {
      auto part = store_.SearchSlice(query, *resume, 4, &resume);
      sliced.insert(sliced.end(), part.begin(), part.end());
      ++slices;
    }
    EXPECT_EQ(sliced, store_.Search(query)) << query;
    if (query != "to:user1@x.test") {
      EXPECT_GE(slices, 6) << query;
    }
  }
}

TEST_F(MemoryMailStoreTest, ASliceStopsAtItsByteBudget) {
  const std::string big(10'000, 'x');
  for (int i = 0; i < 6; ++i) {
    MustSend(MakeEmail({"ada@x.test"}, "large " + std::to_string(i), big));
  }
  std::vector<int> per_slice;
  std::vector<MessageId> sliced;
  std::optional<MessageId> resume = MessageId();
  while (resume) {
    auto part = store_.SearchSlice("large", *resume, 256, &resume, 25'000);
    per_slice.push_back(static_cast<int>(part.size()));
    sliced.insert(sliced.end(), part.begin(), part.end());
  }
  // 10 KB each: a slice takes three (it stops once past 25,000 bytes).
  EXPECT_EQ(per_slice, (std::vector<int>{3, 3}));
  EXPECT_EQ(sliced, store_.Search("large"));
  // A budget smaller than one message still scans one at a time.
  resume = MessageId();
  int slices = 0;
  while (resume) {
    store_.SearchSlice("large", *resume, 256, &resume, 1);
    ++slices;
  }
  EXPECT_EQ(slices, 6);
}

TEST_F(MemoryMailStoreTest, BareWordsMatchSubjectOrText) {
  SendSample();
  EXPECT_EQ(store_.Search("invitation"), Ids{MessageId(1)});  // subject
  EXPECT_EQ(store_.Search("LICENSES"), Ids{MessageId(2)});    // text
  EXPECT_EQ(store_.Search("password"), Ids{MessageId(3)});    // both
  EXPECT_EQ(store_.Search("https://pc.test/invitations/aa"), Ids{MessageId(1)});
  EXPECT_EQ(store_.Search("nowhere"), Ids{});
}

TEST_F(MemoryMailStoreTest, AllTermsMustMatch) {
  SendSample();
  EXPECT_EQ(store_.Search("to:ada@contoso.test order"), Ids{MessageId(2)});
  EXPECT_EQ(store_.Search("to:ada@contoso.test  kind:order-confirmation "
                          "is:unread"),
            Ids{MessageId(2)});
  EXPECT_EQ(store_.Search("to:ada@contoso.test subject:reset"), Ids{});
  EXPECT_EQ(store_.Search("from:noreply@pc.tiersim.test temporary"),
            Ids{MessageId(3)});
  EXPECT_EQ(store_.Search("order temporary"), Ids{});
}

TEST_F(MemoryMailStoreTest, QuotedPhrasesMatchAsAWhole) {
  SendSample();
  EXPECT_EQ(store_.Search("\"your order\""), Ids{MessageId(2)});
  EXPECT_EQ(store_.Search("\"your password\""), Ids{MessageId(3)});
  EXPECT_EQ(store_.Search("\"order your\""), Ids{});
  EXPECT_EQ(store_.Search("subject:\"reset your\""), Ids{MessageId(3)});
  EXPECT_EQ(store_.Search("to:bob@fabrikam.test \"temporary password\""),
            Ids{MessageId(3)});
  // Inside quotes, "to:" is text, not an operator.
  EXPECT_EQ(store_.Search("\"to:bob@fabrikam.test\""), Ids{});
}

TEST_F(MemoryMailStoreTest, EmptyQueryMatchesEverything) {
  SendSample();
  EXPECT_EQ(store_.Search(""), (Ids{MessageId(1), MessageId(2), MessageId(3)}));
  EXPECT_EQ(store_.Search("   "), store_.Search(""));
}

TEST_F(MemoryMailStoreTest, DeleteMatchingRemovesOnlyThoseMessages) {
  SendSample();
  EXPECT_EQ(store_.DeleteMatching("to:ada@contoso.test"), 2u);
  EXPECT_EQ(store_.size(), 1u);
  EXPECT_EQ(store_.Get(MessageId(1)), nullptr);
  EXPECT_EQ(store_.Get(MessageId(2)), nullptr);
  EXPECT_EQ(store_.To("ada@contoso.test"), Ids{});
  EXPECT_EQ(store_.Latest("ada@contoso.test"), nullptr);
  EXPECT_EQ(store_.To("bob@fabrikam.test"), Ids{MessageId(3)});
  EXPECT_EQ(store_.Latest("bob@fabrikam.test")->email.subject,
            "Reset your password");
  EXPECT_EQ(store_.DeleteMatching("nothing-matches-this"), 0u);
  EXPECT_EQ(store_.size(), 1u);
  MustSend(MakeEmail({"ada@contoso.test"}, "After"));
  EXPECT_EQ(store_.To("ada@contoso.test"), Ids{MessageId(4)});
}

TEST_F(MemoryMailStoreTest, ClearEmptiesTheStoreButIdsKeepCounting) {
  SendSample();
  store_.Clear();
  EXPECT_EQ(store_.size(), 0u);
  EXPECT_EQ(store_.Get(MessageId(1)), nullptr);
  EXPECT_EQ(store_.To("bob@fabrikam.test"), Ids{});
  EXPECT_EQ(store_.Search(""), Ids{});
  MustSend(MakeEmail({"bob@fabrikam.test"}, "Fresh"));
  EXPECT_EQ(store_.To("bob@fabrikam.test"), Ids{MessageId(4)});
}

}  // namespace
}  // namespace tiersim::mocks
