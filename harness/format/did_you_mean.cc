#include "harness/format/did_you_mean.h"

#include <algorithm>

#include "sim/text.h"

namespace tiersim::harness {

int EditDistance(std::string_view a_in, std::string_view b_in) {
  const std::string a = sim::AsciiLower(a_in);
  const std::string b = sim::AsciiLower(b_in);
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] =
          std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[n][m];
}

std::optional<std::string> ClosestMatch(
    std::string_view word, const std::vector<std::string>& candidates) {
  if (word.empty()) return std::nullopt;
  const int limit = std::max<int>(1, static_cast<int>(word.size()) / 3);
  std::optional<std::string> best;
  int best_distance = limit + 1;
  for (const std::string& c : candidates) {
    const int distance = EditDistance(word, c);
    if (distance < best_distance) {
      best = c;
      best_distance = distance;
    }
  }
  if (best) return best;
  // A word that is part of a longer name ("partnership").
  const std::string lower = sim::AsciiLower(word);
  if (lower.size() >= 4) {
    for (const std::string& c : candidates) {
      if (sim::AsciiLower(c).find(lower) != std::string::npos) return c;
    }
  }
  return std::nullopt;
}

std::string DidYouMean(std::string_view word,
                       const std::vector<std::string>& candidates) {
  auto match = ClosestMatch(word, candidates);
  return match ? " Did you mean \"" + *match + "\"?" : "";
}

std::string_view Article(std::string_view word) {
  const auto first = word.find_first_not_of("\"'");
  if (first == std::string_view::npos) return "a";
  switch (word[first] | 0x20) {  // ASCII lowercase
    case 'a':
    case 'e':
    case 'i':
    case 'o':  // not 'u': "a user"
      return "an";
    default:
      return "a";
  }
}

std::string QuotedList(const std::vector<std::string>& items,
                       std::string_view last_joiner) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? std::string(last_joiner) : ", ";
    out += "\"" + items[i] + "\"";
  }
  return out;
}

}  // namespace tiersim::harness
