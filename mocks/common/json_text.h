// JSON text in and out of every server and client, safely: parsing with a
// depth limit and no key given twice (optionally lowering keys on the way,
// for the case-insensitive matching of mocks/wire), without recursion or
// exceptions; writing that never throws on invalid UTF-8 in a value.
#pragma once

#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>

#include "sim/status.h"

namespace tiersim::mocks {

// Deeper than anything any API here takes; enough for any real client.
inline constexpr std::size_t kMaxJsonDepth = 64;

struct JsonParseOptions {
  bool lower_keys = false;  // "displayName" arrives as "displayname"
  std::size_t max_depth = kMaxJsonDepth;
};

// kInvalidArgument, saying what was wrong and where: not JSON (with the
// line and column), nested deeper than `max_depth`, or an object that names
// a key twice (compared after lowering when `lower_keys`).
sim::Result<nlohmann::json> ParseJson(std::string_view text,
                                      JsonParseOptions options = {});

// Compact JSON; invalid UTF-8 in a string becomes U+FFFD instead of an
// exception, so no client's bytes can make a reply fail.
std::string DumpJson(const nlohmann::json& value);

}  // namespace tiersim::mocks
