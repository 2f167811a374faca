// Base64 (RFC 4648 §4) and base64url (§5), the one implementation every
// mock uses: the Azure AD server's JWTs, JWKs, PKCE and HTTP Basic, and the
// mail service's MIME bodies, encoded words and SMTP AUTH. Built on
// OpenSSL's EVP_EncodeBlock/EVP_DecodeBlock; this header stays free of
// OpenSSL.
//
// The strict decoders accept exactly one spelling of each byte string
// (canonical: padding where the variant wants it and nowhere else, zero
// leftover bits), so a signature or token cannot be re-spelled; the MIME
// decoder is as forgiving as mail readers are. Pure functions, safe from
// any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tiersim::mocks {

// Standard alphabet, padded with '=' to a multiple of 4.
std::string Base64Encode(std::string_view bytes);
// Strict standard base64: a multiple of 4 characters from the standard
// alphabet, '=' only as the last one or two, zero leftover bits. Nullopt
// otherwise (whitespace included).
std::optional<std::string> Base64Decode(std::string_view text);

// URL-safe alphabet ('-', '_'), unpadded, as JWS and PKCE want.
std::string Base64UrlEncode(std::string_view bytes);
// Strict base64url (what JWT verification uses): only the URL alphabet, no
// '=' at all, not 4n+1 characters long, zero leftover bits.
std::optional<std::string> Base64UrlDecode(std::string_view text);

// MIME's base64 (RFC 2045 6.8): characters outside the standard alphabet
// (line breaks, blanks) are skipped, decoding stops at the first '=',
// missing padding is tolerated and a lone last character (6 bits, less
// than a byte) is dropped. Never fails.
std::string Base64DecodeMime(std::string_view text);

}  // namespace tiersim::mocks
