#include "mocks/mail/mime_codec.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "mocks/common/base64.h"
#include "mocks/common/text.h"

namespace tiersim::mocks {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

void AppendUtf8(std::uint32_t code_point, std::string& out) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

// Windows-1252 0x80-0x9F; 0 where the code page leaves a hole (kept as the
// Latin-1 control character, as browsers do).
constexpr std::array<std::uint16_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

enum class Charset { kPassThrough, kLatin1, kCp1252 };

Charset CharsetOf(std::string_view name) {
  std::string lower = AsciiLower(TrimBlanks(name));
  if (lower.size() >= 2 && lower.front() == '"' && lower.back() == '"') {
    lower = lower.substr(1, lower.size() - 2);
  }
  if (lower == "iso-8859-1" || lower == "iso8859-1" || lower == "latin1" ||
      lower == "latin-1" || lower == "l1" || lower == "iso_8859-1" ||
      lower == "cp819" || lower == "iso-ir-100") {
    return Charset::kLatin1;
  }
  if (lower == "windows-1252" || lower == "cp1252") return Charset::kCp1252;
  return Charset::kPassThrough;  // utf-8, us-ascii and the unknown
}

// The encoded words of RFC 2047: "=?charset?B|Q?text?=".
struct EncodedWord {
  std::string charset;
  std::string bytes;
  std::size_t length = 0;  // of the word in the input
};

bool ParseEncodedWord(std::string_view text, EncodedWord* word) {
  if (text.size() < 8 || text[0] != '=' || text[1] != '?') return false;
  const std::size_t q1 = text.find('?', 2);
  if (q1 == std::string_view::npos || q1 == 2 || q1 + 2 >= text.size() ||
      text[q1 + 2] != '?') {
    return false;
  }
  const char encoding = static_cast<char>(AsciiToLower(text[q1 + 1]));
  if (encoding != 'b' && encoding != 'q') return false;
  const std::size_t start = q1 + 3;
  const std::size_t end = text.find("?=", start);
  if (end == std::string_view::npos) return false;
  const std::string_view payload = text.substr(start, end - start);
  for (char c : payload) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '?') {
      return false;
    }
  }
  std::string_view charset = text.substr(2, q1 - 2);
  charset = charset.substr(0, charset.find('*'));  // RFC 2231 language
  word->charset = AsciiLower(charset);
  if (encoding == 'b') {
    word->bytes = Base64DecodeMime(payload);
  } else {
    word->bytes.clear();
    for (std::size_t i = 0; i < payload.size(); ++i) {
      const char c = payload[i];
      if (c == '_') {
        word->bytes.push_back(' ');
      } else if (c == '=' && i + 2 < payload.size() &&
                 HexValue(payload[i + 1]) >= 0 &&
                 HexValue(payload[i + 2]) >= 0) {
        word->bytes.push_back(static_cast<char>(HexValue(payload[i + 1]) * 16 +
                                                HexValue(payload[i + 2])));
        i += 2;
      } else {
        word->bytes.push_back(c);
      }
    }
  }
  word->length = end + 2;
  return true;
}

// Length of the UTF-8 sequence starting with `lead`; 1 for stray bytes.
std::size_t Utf8Length(unsigned char lead) {
  if (lead >= 0xF0 && lead < 0xF8) return 4;
  if (lead >= 0xE0) return lead < 0xF0 ? 3 : 1;
  if (lead >= 0xC0) return 2;
  return 1;
}

}  // namespace

std::string DecodeQuotedPrintable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const char c = text[i];
    if (c == '=') {
      if (i + 2 < n && HexValue(text[i + 1]) >= 0 &&
          HexValue(text[i + 2]) >= 0) {
        out.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 +
                                        HexValue(text[i + 2])));
        i += 3;
        continue;
      }
      // A soft line break, possibly with padding between "=" and the CRLF.
      std::size_t j = i + 1;
      while (j < n && IsBlank(text[j])) ++j;
      if (j < n && text[j] == '\n') {
        i = j + 1;
        continue;
      }
      if (j + 1 < n && text[j] == '\r' && text[j + 1] == '\n') {
        i = j + 2;
        continue;
      }
      if (j == n) break;  // "=" at the very end: a soft break
      out.push_back('=');
      ++i;
    } else if (IsBlank(c)) {
      std::size_t j = i;
      while (j < n && IsBlank(text[j])) ++j;
      const bool line_end =
          j == n || text[j] == '\n' ||
          (text[j] == '\r' && j + 1 < n && text[j + 1] == '\n');
      if (!line_end) out.append(text.substr(i, j - i));
      i = j;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

std::string EncodeQuotedPrintable(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8 + 8);
  std::size_t line_start = 0;
  while (line_start <= text.size()) {
    std::size_t line_end = text.find('\n', line_start);
    const bool last_line = line_end == std::string_view::npos;
    if (last_line) line_end = text.size();
    const std::string_view line =
        text.substr(line_start, line_end - line_start);
    std::size_t column = 0;
    for (std::size_t k = 0; k < line.size(); ++k) {
      const auto b = static_cast<unsigned char>(line[k]);
      const bool at_end = k + 1 == line.size();
      bool encode = b == '=' || b > 126 || (b < 32 && b != '\t') ||
                    ((b == ' ' || b == '\t') && at_end);
      std::size_t width = encode ? 3 : 1;
      if (column + width > 75) {
        out.append("=\r\n");
        column = 0;
      }
      if (b == '.' && column == 0) {
        encode = true;  // never a lone "." line, even unstuffed
        width = 3;
      }
      if (encode) {
        out.push_back('=');
        out.push_back(kHex[b >> 4]);
        out.push_back(kHex[b & 0xF]);
      } else {
        out.push_back(static_cast<char>(b));
      }
      column += width;
    }
    if (last_line) break;
    out.append("\r\n");
    line_start = line_end + 1;
  }
  if (!text.empty() && text.back() != '\n') out.append("=\r\n");
  return out;
}

bool IsPassThroughCharset(std::string_view charset) {
  return CharsetOf(charset) == Charset::kPassThrough;
}

std::string ToUtf8(std::string_view bytes, std::string_view charset) {
  const Charset kind = CharsetOf(charset);
  if (kind == Charset::kPassThrough) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    std::uint32_t code_point = b;
    if (kind == Charset::kCp1252 && b >= 0x80 && b < 0xA0 &&
        kCp1252High[b - 0x80] != 0) {
      code_point = kCp1252High[b - 0x80];
    }
    AppendUtf8(code_point, out);
  }
  return out;
}

std::string DecodeHeaderValue(std::string_view value) {
  std::string out;
  std::string pending;  // bytes of adjacent encoded words in one charset
  std::string pending_charset;
  std::string gap;  // blanks after an encoded word, dropped if one follows
  bool after_word = false;
  const auto flush = [&] {
    if (!pending.empty()) out += ToUtf8(pending, pending_charset);
    pending.clear();
  };
  std::size_t i = 0;
  EncodedWord word;
  while (i < value.size()) {
    if (value[i] == '=' && ParseEncodedWord(value.substr(i), &word)) {
      if (!after_word || word.charset != pending_charset) {
        flush();
        if (!after_word) out += gap;
      }
      gap.clear();
      pending_charset = word.charset;
      pending += word.bytes;
      after_word = true;
      i += word.length;
      continue;
    }
    if (IsBlank(value[i])) {
      gap.push_back(value[i]);
      ++i;
      continue;
    }
    flush();
    out += gap;
    gap.clear();
    after_word = false;
    out.push_back(value[i]);
    ++i;
  }
  flush();
  out += gap;
  return out;
}

std::string EncodeHeaderValue(std::string_view value) {
  bool plain = !value.empty() && !IsBlank(value.front()) &&
               !IsBlank(value.back()) &&
               value.find("=?") == std::string_view::npos;
  std::size_t word = 0;
  for (char c : value) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b > 0x7E) plain = false;
    word = c == ' ' ? 0 : word + 1;
    if (word > 900) plain = false;
  }
  if (value.empty()) return "";
  std::string out;
  if (plain) {
    // Fold before a blank where a line would pass 66 characters (room for
    // "Subject: " within 78); unfolding removes only the CRLF, so the value
    // comes back unchanged.
    std::size_t column = 0;
    std::size_t start = 0;
    while (start < value.size()) {
      std::size_t next = value.find(' ', start + 1);
      if (next == std::string_view::npos) next = value.size();
      const std::string_view piece = value.substr(start, next - start);
      if (column > 0 && column + piece.size() > 66) {
        out.append("\r\n");
        column = 0;
      }
      out.append(piece);
      column += piece.size();
      start = next;
    }
    return out;
  }
  // Encoded words of at most 39 bytes (64 characters with the markup),
  // never splitting a UTF-8 character.
  std::size_t i = 0;
  while (i < value.size()) {
    std::size_t end = i;
    while (end < value.size()) {
      const std::size_t len =
          Utf8Length(static_cast<unsigned char>(value[end]));
      if (end + len - i > 39 && end > i) break;
      end = std::min(end + len, value.size());
    }
    if (!out.empty()) out.append("\r\n ");
    out.append("=?utf-8?B?");
    out.append(Base64Encode(value.substr(i, end - i)));
    out.append("?=");
    i = end;
  }
  return out;
}

}  // namespace tiersim::mocks
