#include "mocks/mail/mime_codec.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <optional>
#include <utility>

#include "mocks/common/base64.h"
#include "mocks/common/text.h"
#include "sim/text.h"

namespace tiersim::mocks {
namespace {

constexpr char kHex[] = "0123456789ABCDEF";

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// The charset label as iconv wants it: unquoted, trimmed, lowercase.
std::string CharsetLabel(std::string_view name) {
  std::string lower = AsciiLower(TrimBlanks(name));
  if (lower.size() >= 2 && lower.front() == '"' && lower.back() == '"') {
    lower = lower.substr(1, lower.size() - 2);
  }
  return lower;
}

bool IsUtf8Label(std::string_view label) {
  return label.empty() || label == "utf-8" || label == "utf8" ||
         label == "us-ascii" || label == "ascii";
}

// Converts with iconv, writing U+FFFD for each byte the charset does not
// map (and for a sequence cut off at the end), as mail readers do.
// Nullopt when iconv does not know the charset.
std::optional<std::string> ConvertWithIconv(std::string_view bytes,
                                            const std::string& label) {
  // A '/' would let the label ask iconv for //TRANSLIT or //IGNORE.
  if (label.find('/') != std::string::npos) return std::nullopt;
  iconv_t cd = iconv_open("UTF-8", label.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  std::array<char, 1024> buffer;
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  while (true) {
    char* dest = buffer.data();
    std::size_t dest_left = buffer.size();
    const std::size_t rc = in_left == 0
                               ? iconv(cd, nullptr, nullptr, &dest, &dest_left)
                               : iconv(cd, &in, &in_left, &dest, &dest_left);
    out.append(buffer.data(), buffer.size() - dest_left);
    if (rc != static_cast<std::size_t>(-1)) {
      if (in_left == 0) break;
      continue;
    }
    if (errno == E2BIG) continue;
    // EILSEQ (unmapped or invalid) or EINVAL (cut off): one byte becomes
    // the replacement character and conversion goes on.
    sim::AppendUtf8(sim::kReplacementCharacter, out);
    ++in;
    --in_left;
  }
  iconv_close(cd);
  return out;
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
                 sim::HexDigitValue(payload[i + 1]) >= 0 &&
                 sim::HexDigitValue(payload[i + 2]) >= 0) {
        word->bytes.push_back(
            static_cast<char>(sim::HexDigitValue(payload[i + 1]) * 16 +
                              sim::HexDigitValue(payload[i + 2])));
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
      if (i + 2 < n && sim::HexDigitValue(text[i + 1]) >= 0 &&
          sim::HexDigitValue(text[i + 2]) >= 0) {
        out.push_back(static_cast<char>(sim::HexDigitValue(text[i + 1]) * 16 +
                                        sim::HexDigitValue(text[i + 2])));
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
  return IsUtf8Label(CharsetLabel(charset));
}

std::string ToUtf8(std::string_view bytes, std::string_view charset) {
  const std::string label = CharsetLabel(charset);
  if (IsUtf8Label(label)) return std::string(bytes);
  auto converted = ConvertWithIconv(bytes, label);
  return converted ? *std::move(converted) : std::string(bytes);
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
