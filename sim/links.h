// Link and token extraction from message text, for tests and actors that
// "click" the personalised link in an email. Pure text functions: nothing is
// ever requested over the network.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tiersim::sim {

// Every http:// or https:// URL in `text` (scheme matched case-insensitively),
// in order of appearance. A URL ends at whitespace, a control character or
// one of < > " ', and then loses trailing . , ; : ! ? and any ')' that has no
// matching '(' inside the URL, so "(see https://x.test/a)." gives
// "https://x.test/a" while "https://x.test/w/A_(b)" stays whole.
std::vector<std::string> ExtractLinks(std::string_view text);

// The last path segment of a URL, without query or fragment:
// "https://partnercenter.tiersim.test/invitations/0123abcd?x=1" gives
// "0123abcd". One trailing slash is ignored. Nullopt when the text has no
// "scheme://" or the path has no non-empty segment.
std::optional<std::string> ExtractToken(std::string_view url);

}  // namespace tiersim::sim
