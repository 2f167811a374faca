#include "mocks/common/base64.h"

#include <openssl/evp.h>

#include <climits>
#include <cstdio>
#include <cstdlib>

namespace tiersim::mocks {
namespace {

// The value of a standard-alphabet character, or -1.
int StdSextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// Decodes `text`: a multiple of 4 standard-alphabet characters whose last
// `pads` (0-2) are '=' and which the caller has checked. EVP_DecodeBlock
// counts each '=' as a zero byte of output; those are cut off here.
std::string DecodeChecked(std::string_view text, std::size_t pads) {
  if (text.empty()) return {};
  std::string out(text.size() / 4 * 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                Bytes(text), static_cast<int>(text.size()));
  if (n < 0 || static_cast<std::size_t>(n) != out.size()) {
    // Unreachable for checked input: a broken invariant, not bad input.
    std::fputs("tiersim: EVP_DecodeBlock refused checked base64\n", stderr);
    std::abort();
  }
  out.resize(out.size() - pads);
  return out;
}

// True when the character before the padding leaves no stray bits: with
// one '=' its low 2 bits are zero, with two '=' its low 4 bits.
bool Canonical(std::string_view text, std::size_t pads) {
  if (pads == 0) return true;
  const int last = StdSextet(text[text.size() - pads - 1]);
  return (last & (pads == 1 ? 0x3 : 0xF)) == 0;
}

}  // namespace

std::string Base64Encode(std::string_view bytes) {
  if (bytes.empty()) return {};
  // EVP_EncodeBlock writes 4 characters per 3 bytes and a NUL; its length
  // is an int, so very large inputs go in pieces of whole 3-byte groups.
  constexpr std::size_t kChunk = 3 * (1 << 28);
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t at = 0; at < bytes.size(); at += kChunk) {
    const std::string_view piece = bytes.substr(at, kChunk);
    std::string buffer((piece.size() + 2) / 3 * 4 + 1, '\0');
    const int n =
        EVP_EncodeBlock(reinterpret_cast<unsigned char*>(buffer.data()),
                        Bytes(piece), static_cast<int>(piece.size()));
    out.append(buffer.data(), static_cast<std::size_t>(n));
  }
  return out;
}

std::optional<std::string> Base64Decode(std::string_view text) {
  if (text.size() % 4 != 0 || text.size() > INT_MAX) return std::nullopt;
  std::size_t pads = 0;
  while (pads < 2 && pads < text.size() &&
         text[text.size() - 1 - pads] == '=') {
    ++pads;
  }
  for (std::size_t i = 0; i + pads < text.size(); ++i) {
    if (StdSextet(text[i]) < 0) return std::nullopt;  // also a stray '='
  }
  if (!Canonical(text, pads)) return std::nullopt;
  return DecodeChecked(text, pads);
}

std::string Base64UrlEncode(std::string_view bytes) {
  std::string out = Base64Encode(bytes);
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (char& c : out) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return out;
}

std::optional<std::string> Base64UrlDecode(std::string_view text) {
  if (text.size() % 4 == 1 || text.size() > INT_MAX - 3) return std::nullopt;
  std::string standard(text);
  for (char& c : standard) {
    if (c == '-') {
      c = '+';
    } else if (c == '_') {
      c = '/';
    } else if (c == '+' || c == '/' || StdSextet(c) < 0) {
      return std::nullopt;  // the standard alphabet's '+' '/', '=', others
    }
  }
  const std::size_t pads = (4 - standard.size() % 4) % 4;
  standard.append(pads, '=');
  if (!Canonical(standard, pads)) return std::nullopt;
  return DecodeChecked(standard, pads);
}

std::string Base64DecodeMime(std::string_view text) {
  std::string clean;
  clean.reserve(text.size() + 3);
  for (char c : text) {
    if (c == '=') break;
    if (StdSextet(c) >= 0) clean += c;
  }
  if (clean.size() % 4 == 1) clean.pop_back();
  if (clean.size() > INT_MAX - 3) clean.resize(INT_MAX / 4 * 4);
  const std::size_t pads = (4 - clean.size() % 4) % 4;
  clean.append(pads, '=');
  return DecodeChecked(clean, pads);
}

}  // namespace tiersim::mocks
