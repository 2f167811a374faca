// The world's journal is read in bounded pages (sim/world_control.h), so
// no request makes the world render an unbounded journal under its lock.
#include <gtest/gtest.h>

#include "mocks/world/in_process_control.h"
#include "mocks/world/in_process_world.h"

namespace tiersim::mocks {
namespace {

TEST(JournalPageTest, PagesHoldAtMostTheLimitAndSayWhereTheNextStarts) {
  InProcessWorld world;
  for (int i = 0; i < 2500; ++i) {
    (void)world.pc().StartEnrollment(sim::Program::kIndirectReseller);
  }
  InProcessControl control(world);
  const std::size_t size = world.kernel().journal().size();
  ASSERT_GE(size, 2500u);
  std::size_t from = 0;
  std::size_t lines = 0;
  int pages = 0;
  while (from < size) {
    auto page = control.Journal(from);
    ASSERT_TRUE(page.ok());
    EXPECT_EQ(page->size, size);
    EXPECT_LE(page->lines.size(), sim::WorldControl::kJournalPageLines);
    EXPECT_EQ(page->next, from + page->lines.size());
    lines += page->lines.size();
    from = page->next;
    ++pages;
  }
  EXPECT_EQ(lines, size);
  EXPECT_EQ(pages, static_cast<int>((size + 999) / 1000));
  auto beyond = control.Journal(size + 5);
  ASSERT_TRUE(beyond.ok());
  EXPECT_TRUE(beyond->lines.empty());
  EXPECT_EQ(beyond->size, size);
}

}  // namespace
}  // namespace tiersim::mocks
