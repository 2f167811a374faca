// MIME messages: decoding what an SMTP client sent into the parts a mail
// sink shows (headers, addresses, subject, the text and HTML bodies), and
// composing a sim::Email into an RFC 5322 message that decodes back to the
// same sim::Email.
//
// Decoding handles folded headers, RFC 2047 encoded words, multipart
// nesting (multipart/alternative inside multipart/mixed, ...), the
// quoted-printable / base64 / 7bit / 8bit transfer encodings and the
// charsets of mime_codec.h; CRLF and bare LF line ends alike. It never
// fails: a message without a MIME structure is one text/plain part.
//
// The tiersim headers carry what RFC 5322 has no place for:
//   X-Tiersim-Kind: <email.kind>
//   X-Tiersim-Sent-At: <microseconds since the Unix epoch of email.sent_at>
//
// Pure functions; safe from any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mocks/mail/mail_address.h"
#include "mocks/mail/mime_codec.h"
#include "sim/ports.h"
#include "sim/time.h"

namespace tiersim::mocks {

struct MimeHeader {
  std::string name;   // as written
  std::string value;  // unfolded, not decoded
};

// A leaf part that is neither the text nor the HTML body.
struct MimePart {
  std::string content_type;  // lowercased, "application/pdf"
  std::string file_name;     // from Content-Disposition or Content-Type
  std::size_t size = 0;      // decoded bytes
};

struct DecodedMessage {
  std::vector<MimeHeader> headers;  // the top-level headers, in order
  std::optional<MailAddress> from;
  std::vector<MailAddress> to;
  std::vector<MailAddress> cc;
  std::vector<MailAddress> reply_to;
  std::string subject;     // decoded to UTF-8
  std::string message_id;  // without the angle brackets
  std::string text;        // first text/plain body part, UTF-8, LF line ends
  std::string html;        // first text/html body part, UTF-8, LF line ends
  std::vector<MimePart> attachments;    // every other leaf part
  std::string kind;                     // X-Tiersim-Kind
  std::optional<sim::SimTime> sent_at;  // X-Tiersim-Sent-At

  // The unfolded, undecoded value of the first header `name`
  // (case-insensitive); empty when absent.
  std::string_view Header(std::string_view name) const;
};

// Decodes a whole message (headers, blank line, body).
DecodedMessage DecodeMessage(std::string_view raw);

// An RFC 5322 message with Date, From, To, Subject, Message-ID <message_id>,
// MIME-Version, a text/plain; charset=utf-8 quoted-printable body and the
// tiersim headers; CRLF line ends, ending with CRLF, lines of at most 78
// characters. Decoding it gives back email's from, to, subject, text, kind
// and sent_at (addresses as FormatAddress writes them).
std::string ComposeMessage(const sim::Email& email,
                           std::string_view message_id);

// "Thu, 01 Jan 2026 00:00:00 +0000".
std::string FormatRfc5322Date(sim::SimTime time);

// Text for an HTML-only message: tags dropped, <br> and block ends as line
// breaks, the common entities decoded. Enough to search and find links.
std::string HtmlToText(std::string_view html);

}  // namespace tiersim::mocks
