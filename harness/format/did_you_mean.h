// "Did you mean ...?" for misspelt names in scenario files: the closest
// candidate by edit distance (Damerau-Levenshtein, case-insensitive), if it
// is close enough to be a plausible typo.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tiersim::harness {

// Edits (insert, delete, substitute, swap adjacent) between a and b,
// ignoring ASCII case.
int EditDistance(std::string_view a, std::string_view b);

// The candidate nearest `word`, when at most max(1, len/3) edits away or
// when one contains the other ("partnership" for "accept_partnership").
std::optional<std::string> ClosestMatch(
    std::string_view word, const std::vector<std::string>& candidates);

// " Did you mean \"x\"?" or "" (ready to append to a message).
std::string DidYouMean(std::string_view word,
                       const std::vector<std::string>& candidates);

// "a" or "an" for the word (quotes skipped): "an applicant", "a user".
std::string_view Article(std::string_view word);

// "a, b or c" with each quoted, for "expected one of ..." messages.
std::string QuotedList(const std::vector<std::string>& items,
                       std::string_view last_joiner = " or ");

}  // namespace tiersim::harness
