#include "harness/format/json_source.h"

#include <set>

namespace tiersim::harness {

std::string JoinPointer(std::string_view parent, std::string_view key) {
  std::string out(parent);
  out += '/';
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string JoinPointer(std::string_view parent, std::size_t index) {
  return std::string(parent) + "/" + std::to_string(index);
}

SourcePos SourceMap::Value(std::string_view pointer) const {
  std::string p(pointer);
  while (true) {
    auto it = entries_.find(p);
    if (it != entries_.end()) return it->second.value;
    if (p.empty()) return {1, 1};
    p.erase(p.rfind('/'));
  }
}

SourcePos SourceMap::Key(std::string_view pointer) const {
  auto it = entries_.find(std::string(pointer));
  if (it != entries_.end() && it->second.key.line > 0) return it->second.key;
  return Value(pointer);
}

// Walks text that nlohmann has already accepted, so it need not diagnose
// anything: it only tracks line and column and the current pointer.
class SourceScanner {
 public:
  SourceScanner(std::string_view text, SourceMap& map)
      : text_(text), map_(map) {}

  void Run() {
    SkipSpace();
    ScanValue("", SourcePos{});
  }

 private:
  SourcePos Here() const { return {line_, column_}; }
  bool AtEnd() const { return i_ >= text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[i_]; }

  void Advance() {
    const char c = text_[i_++];
    if (c == '\n') {
      ++line_;
      column_ = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column_;  // continuation bytes do not start a character
    }
  }

  void SkipSpace() {
    while (!AtEnd()) {
      const char c = Peek();
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        Advance();
      } else if (c == '/' && i_ + 1 < text_.size() && text_[i_ + 1] == '/') {
        while (!AtEnd() && Peek() != '\n') Advance();
      } else if (c == '/' && i_ + 1 < text_.size() && text_[i_ + 1] == '*') {
        Advance();
        Advance();
        while (!AtEnd() && !(Peek() == '*' && i_ + 1 < text_.size() &&
                             text_[i_ + 1] == '/')) {
          Advance();
        }
        if (!AtEnd()) {
          Advance();
          Advance();
        }
      } else {
        return;
      }
    }
  }

  // Reads a string token (at its opening quote) and returns its content,
  // with escapes decoded only as far as keys need (\" \\ \/ and \uXXXX kept
  // verbatim otherwise).
  std::string ScanString() {
    std::string out;
    Advance();  // opening quote
    while (!AtEnd() && Peek() != '"') {
      if (Peek() == '\\') {
        Advance();
        const char e = Peek();
        Advance();
        switch (e) {
          case 'n':
            out += '\n';
            break;
          case 't':
            out += '\t';
            break;
          case 'r':
            out += '\r';
            break;
          case 'b':
            out += '\b';
            break;
          case 'f':
            out += '\f';
            break;
          case 'u':
            out += "\\u";
            break;
          default:
            out += e;
        }
      } else {
        out += Peek();
        Advance();
      }
    }
    if (!AtEnd()) Advance();  // closing quote
    return out;
  }

  void ScanValue(const std::string& pointer, SourcePos key) {
    map_.entries_[pointer] = {key, Here()};
    const char c = Peek();
    if (c == '{') {
      Advance();
      std::set<std::string> seen;
      SkipSpace();
      while (!AtEnd() && Peek() != '}') {
        const SourcePos key_pos = Here();
        const std::string name = ScanString();
        const std::string child = JoinPointer(pointer, name);
        if (!seen.insert(name).second) map_.dups_.push_back(child);
        SkipSpace();
        if (Peek() == ':') Advance();
        SkipSpace();
        ScanValue(child, key_pos);
        SkipSpace();
        if (Peek() == ',') Advance();
        SkipSpace();
      }
      if (!AtEnd()) Advance();
    } else if (c == '[') {
      Advance();
      SkipSpace();
      std::size_t index = 0;
      while (!AtEnd() && Peek() != ']') {
        ScanValue(JoinPointer(pointer, index++), SourcePos{});
        SkipSpace();
        if (Peek() == ',') Advance();
        SkipSpace();
      }
      if (!AtEnd()) Advance();
    } else if (c == '"') {
      ScanString();
    } else {  // number, true, false, null
      while (!AtEnd()) {
        const char d = Peek();
        if (d == ',' || d == '}' || d == ']' || d == ' ' || d == '\n' ||
            d == '\t' || d == '\r' || d == '/') {
          break;
        }
        Advance();
      }
    }
  }

  std::string_view text_;
  SourceMap& map_;
  std::size_t i_ = 0;
  int line_ = 1;
  int column_ = 1;
};

namespace {

SourcePos PosOfByte(std::string_view text, std::size_t byte) {
  SourcePos pos{1, 1};
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++pos.column;
    }
  }
  return pos;
}

// nlohmann's message: "[json.exception.parse_error.101] parse error at line
// 3, column 5: syntax error while parsing value - invalid literal; ...".
// Keeps the part after the position, which is the readable part.
std::string ReadableSyntaxMessage(const std::string& what) {
  const std::size_t colon = what.find(": ", what.find("column"));
  std::string msg = colon == std::string::npos ? what : what.substr(colon + 2);
  const std::string prefix = "syntax error while parsing ";
  if (msg.rfind(prefix, 0) == 0)
    msg = "while parsing " + msg.substr(prefix.size());
  return msg;
}

}  // namespace

bool ParseJsonWithPositions(std::string_view text, ParsedJson& out,
                            JsonSyntaxError& error) {
  try {
    out.doc = nlohmann::json::parse(text.begin(), text.end(), nullptr,
                                    /*allow_exceptions=*/true,
                                    /*ignore_comments=*/true);
  } catch (const nlohmann::json::parse_error& e) {
    // e.byte is 1-based: the position of the character that broke parsing.
    error.pos = PosOfByte(text, e.byte == 0 ? 0 : e.byte - 1);
    error.message = ReadableSyntaxMessage(e.what());
    return false;
  }
  out.map = SourceMap();
  SourceScanner(text, out.map).Run();
  return true;
}

}  // namespace tiersim::harness
