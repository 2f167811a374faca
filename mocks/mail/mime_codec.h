// MIME codecs: the transfer encoding quoted-printable (base64 is
// mocks/common/base64.h's Base64DecodeMime and Base64Encode), RFC 2047
// encoded words in headers and the charsets mail uses (any that iconv knows:
// ISO-8859-*, Windows-125*, KOI8-R, Shift_JIS, GB2312, ..., all turned into
// UTF-8). mail_address.h parses
// address lists with them; mime.h builds whole messages.
//
// Pure functions on bytes: no I/O, no state, safe from any thread. Decoders
// never fail: malformed input is kept as it is, the way mail readers do, so
// a fuzzer can feed them anything.
#pragma once

#include <string>
#include <string_view>

namespace tiersim::mocks {

// ---- Transfer encodings -----------------------------------------------------

// RFC 2045 6.7: "=XX" becomes the byte, "=" at the end of a line is a soft
// line break (removed with its CRLF or LF), blanks at the end of a line are
// transport padding (removed). A malformed "=" is kept.
std::string DecodeQuotedPrintable(std::string_view text);

// Quoted-printable for a text body whose lines end with "\n": each line
// becomes a CRLF line of at most 76 characters (soft breaks "=" where
// longer); "=", control bytes, non-ASCII, blanks at a line's end and a "."
// starting a line are written "=XX". When the text does not end with "\n",
// the result ends with a soft break, so that decoding gives back exactly
// `text` (after CRLF -> LF) although the message body ends with CRLF.
std::string EncodeQuotedPrintable(std::string_view text);

// ---- Charsets ---------------------------------------------------------------

// `bytes` in `charset` (case-insensitive, optionally quoted; converted by
// iconv) as UTF-8; bytes the charset does not map become U+FFFD. UTF-8,
// US-ASCII, a missing charset and charsets iconv does not know are passed
// through unchanged.
std::string ToUtf8(std::string_view bytes, std::string_view charset);
// True for the charsets ToUtf8 never converts: UTF-8, US-ASCII, none.
bool IsPassThroughCharset(std::string_view charset);

// ---- Headers ----------------------------------------------------------------

// Decodes RFC 2047 encoded words ("=?utf-8?Q?caf=C3=A9?=", "=?ISO-8859-1?B?
// Y2Fm6Q==?=") in an unfolded header value. Blanks between two adjacent
// encoded words are dropped; adjacent words in one charset are joined
// before conversion, so a character split across two words survives.
std::string DecodeHeaderValue(std::string_view value);

// A header value ready to follow "Name: " on the wire: kept as it is
// (folded at blanks when long) when it is printable ASCII that a decoder
// gives back unchanged; otherwise written as UTF-8 base64 encoded words of
// whole characters, one per folded line. Lines stay within 78 characters
// for header names up to 10 characters (except unbreakable words).
std::string EncodeHeaderValue(std::string_view value);

}  // namespace tiersim::mocks
