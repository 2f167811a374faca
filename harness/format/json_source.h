// JSON source files with positions: scenario files are JSON with comments,
// and every error about them names file, line and column. nlohmann/json
// parses (and reports syntax errors); a small scanner then maps each value's
// JSON pointer ("/steps/3/action") to where its key and value start, and
// finds duplicate keys, which nlohmann would silently collapse.
//
// Only the harness's .cc files include this header (it pulls in nlohmann).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tiersim::harness {

struct SourcePos {
  int line = 0;    // 1-based; 0 = unknown
  int column = 0;  // 1-based, in characters (UTF-8 code points)
};

class SourceMap {
 public:
  // Where the value at `pointer` starts; falls back to the nearest parent
  // that has a position (so a missing field points at its object).
  SourcePos Value(std::string_view pointer) const;
  // Where the member's key starts (for unknown or misspelt field names);
  // the value's position for array elements and the root.
  SourcePos Key(std::string_view pointer) const;

  // Pointers of keys that appear twice in one object (the later ones).
  const std::vector<std::string>& duplicate_keys() const { return dups_; }

 private:
  friend class SourceScanner;
  struct Entry {
    SourcePos key;
    SourcePos value;
  };
  std::unordered_map<std::string, Entry> entries_;
  std::vector<std::string> dups_;
};

struct ParsedJson {
  nlohmann::json doc;
  SourceMap map;
};

struct JsonSyntaxError {
  SourcePos pos;
  std::string message;  // "unexpected '}'; expected string literal"
};

// Parses `text` (JSON with // and /* */ comments). On a syntax error returns
// false and fills `error`.
bool ParseJsonWithPositions(std::string_view text, ParsedJson& out,
                            JsonSyntaxError& error);

// "/steps/3" + "action" -> "/steps/3/action" (escaping ~ and /).
std::string JoinPointer(std::string_view parent, std::string_view key);
std::string JoinPointer(std::string_view parent, std::size_t index);

}  // namespace tiersim::harness
