#include "mocks/mail/mime.h"

#include <charconv>
#include <chrono>
#include <cstdio>

#include "mocks/common/base64.h"
#include "mocks/common/text.h"

namespace tiersim::mocks {
namespace {

// Deeper nesting than this is treated as an opaque part (a fuzzer or a
// hostile client could nest thousands of multiparts).
constexpr int kMaxDepth = 16;
constexpr int kMaxParts = 1000;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// The header block and body of an entity. The split is the first empty
// line (CRLF or LF); without one everything is headers.
struct Entity {
  std::vector<MimeHeader> headers;
  std::string_view body;
};

Entity ParseEntity(std::string_view raw) {
  Entity entity;
  std::size_t pos = 0;
  while (pos < raw.size()) {
    std::size_t eol = raw.find('\n', pos);
    const std::size_t next =
        eol == std::string_view::npos ? raw.size() : eol + 1;
    std::string_view line = raw.substr(pos, next - pos);
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = next;
    if (line.empty()) {
      entity.body = raw.substr(pos);
      return entity;
    }
    if (IsBlank(line.front())) {
      if (!entity.headers.empty()) entity.headers.back().value.append(line);
      continue;
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) continue;  // garbage
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && IsBlank(value.front())) value.remove_prefix(1);
    entity.headers.push_back(
        MimeHeader{.name = std::string(TrimBlanks(line.substr(0, colon))),
                   .value = std::string(value)});
  }
  return entity;
}

std::string_view FindHeader(const std::vector<MimeHeader>& headers,
                            std::string_view name) {
  for (const MimeHeader& header : headers) {
    if (EqualsIgnoreCase(header.name, name)) return header.value;
  }
  return {};
}

// "type/subtype; a=b; c="d"": the lowercased type and the parameters.
struct HeaderParams {
  std::string value;  // lowercased, trimmed
  std::vector<std::pair<std::string, std::string>> params;

  std::string_view Param(std::string_view name) const {
    for (const auto& [key, val] : params) {
      if (key == name) return val;
    }
    return {};
  }
};

HeaderParams ParseParams(std::string_view header) {
  HeaderParams out;
  std::size_t i = header.find(';');
  out.value = AsciiLower(TrimBlanks(header.substr(0, i)));
  while (i != std::string_view::npos && i < header.size()) {
    ++i;  // past ';'
    const std::size_t eq = header.find('=', i);
    if (eq == std::string_view::npos) break;
    std::string key = AsciiLower(TrimBlanks(header.substr(i, eq - i)));
    std::size_t j = eq + 1;
    while (j < header.size() && IsBlank(header[j])) ++j;
    std::string val;
    if (j < header.size() && header[j] == '"') {
      for (++j; j < header.size() && header[j] != '"'; ++j) {
        if (header[j] == '\\' && j + 1 < header.size()) ++j;
        val.push_back(header[j]);
      }
      i = header.find(';', j);
    } else {
      i = header.find(';', j);
      val = std::string(TrimBlanks(header.substr(
          j, i == std::string_view::npos ? std::string_view::npos : i - j)));
    }
    out.params.emplace_back(std::move(key), std::move(val));
  }
  return out;
}

std::string CrlfToLf(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t start = 0;
  for (std::size_t cr = text.find("\r\n"); cr != std::string_view::npos;
       cr = text.find("\r\n", start)) {
    out.append(text.substr(start, cr - start));
    start = cr + 1;  // keep the LF
  }
  out.append(text.substr(start));
  return out;
}

// The parts of a multipart body between "--boundary" lines; the CRLF before
// each delimiter belongs to the delimiter.
std::vector<std::string_view> SplitMultipart(std::string_view body,
                                             std::string_view boundary) {
  std::vector<std::string_view> parts;
  const std::string delimiter = "--" + std::string(boundary);
  std::size_t part_start = std::string_view::npos;
  std::size_t pos = 0;
  while (pos < body.size() && parts.size() < kMaxParts) {
    std::size_t eol = body.find('\n', pos);
    const std::size_t next =
        eol == std::string_view::npos ? body.size() : eol + 1;
    const std::string_view line = body.substr(pos, next - pos);
    if (line.substr(0, delimiter.size()) == delimiter) {
      const std::string_view rest = TrimBlanks(line.substr(delimiter.size()));
      const bool close = rest.substr(0, 2) == "--";
      if (rest.empty() || close) {
        if (part_start != std::string_view::npos) {
          std::size_t end = pos;
          if (end > part_start && body[end - 1] == '\n') --end;
          if (end > part_start && body[end - 1] == '\r') --end;
          parts.push_back(body.substr(part_start, end - part_start));
        }
        if (close) return parts;
        part_start = next;
      }
    }
    pos = next;
  }
  // No close delimiter: the last part runs to the end.
  if (part_start != std::string_view::npos && part_start <= body.size()) {
    parts.push_back(body.substr(part_start));
  }
  return parts;
}

// The body without its transfer encoding: `body` itself for 7bit, 8bit,
// binary and unknown encodings, else the decoded bytes kept in `storage`.
std::string_view DecodeBody(std::string_view body, std::string_view encoding,
                            std::string* storage) {
  const std::string lower = AsciiLower(TrimBlanks(encoding));
  if (lower == "quoted-printable") {
    *storage = DecodeQuotedPrintable(body);
  } else if (lower == "base64") {
    *storage = Base64DecodeMime(body);
  } else {
    return body;
  }
  return *storage;
}

void Walk(const Entity& entity, int depth, int* parts, DecodedMessage* out) {
  if (++*parts > kMaxParts) return;
  const HeaderParams type =
      ParseParams(FindHeader(entity.headers, "Content-Type"));
  const std::string media = type.value.empty() ? "text/plain" : type.value;
  if (media.starts_with("multipart/") && depth < kMaxDepth) {
    const std::string_view boundary = type.Param("boundary");
    if (!boundary.empty()) {
      for (std::string_view part : SplitMultipart(entity.body, boundary)) {
        Walk(ParseEntity(part), depth + 1, parts, out);
      }
      return;
    }
  }
  const HeaderParams disposition =
      ParseParams(FindHeader(entity.headers, "Content-Disposition"));
  const bool attachment = disposition.value == "attachment" ||
                          !disposition.Param("filename").empty() ||
                          !type.Param("name").empty();
  const bool text = media == "text/plain";
  const bool html = media == "text/html";
  std::string decoded;
  const std::string_view body = DecodeBody(
      entity.body, FindHeader(entity.headers, "Content-Transfer-Encoding"),
      &decoded);
  if (attachment || !(text || html) || (text && !out->text.empty()) ||
      (html && !out->html.empty())) {
    std::string_view name = disposition.Param("filename");
    if (name.empty()) name = type.Param("name");
    out->attachments.push_back(MimePart{.content_type = media,
                                        .file_name = DecodeHeaderValue(name),
                                        .size = body.size()});
    return;
  }
  const std::string_view charset = type.Param("charset");
  (text ? out->text : out->html) = CrlfToLf(
      IsPassThroughCharset(charset) ? body
                                    : std::string_view(ToUtf8(body, charset)));
}

std::optional<sim::SimTime> ParseMicros(std::string_view text) {
  text = TrimBlanks(text);
  long long value = 0;
  const auto [end, ec] =
      std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return sim::SimTime{sim::Duration{value}};
}

std::string FoldAddresses(const std::vector<std::string>& addresses) {
  std::string out;
  for (const std::string& address : addresses) {
    if (!out.empty()) out.append(",\r\n ");
    out.append(EncodeAddress(SplitAddress(address)));
  }
  return out;
}

}  // namespace

std::string_view DecodedMessage::Header(std::string_view name) const {
  return FindHeader(headers, name);
}

DecodedMessage DecodeMessage(std::string_view raw) {
  DecodedMessage out;
  Entity entity = ParseEntity(raw);
  if (const std::string_view from = FindHeader(entity.headers, "From");
      !from.empty()) {
    std::vector<MailAddress> list = ParseAddressList(from);
    if (!list.empty()) out.from = std::move(list.front());
  }
  out.to = ParseAddressList(FindHeader(entity.headers, "To"));
  out.cc = ParseAddressList(FindHeader(entity.headers, "Cc"));
  out.reply_to = ParseAddressList(FindHeader(entity.headers, "Reply-To"));
  out.subject = DecodeHeaderValue(FindHeader(entity.headers, "Subject"));
  std::string_view id = TrimBlanks(FindHeader(entity.headers, "Message-ID"));
  if (id.size() >= 2 && id.front() == '<' && id.back() == '>') {
    id = id.substr(1, id.size() - 2);
  }
  out.message_id = std::string(id);
  out.kind = std::string(TrimBlanks(
      DecodeHeaderValue(FindHeader(entity.headers, "X-Tiersim-Kind"))));
  out.sent_at = ParseMicros(FindHeader(entity.headers, "X-Tiersim-Sent-At"));
  int parts = 0;
  Walk(entity, 0, &parts, &out);
  out.headers = std::move(entity.headers);
  return out;
}

std::string FormatRfc5322Date(sim::SimTime time) {
  using namespace std::chrono;
  const auto secs = floor<seconds>(time.time_since_epoch());
  const sys_days day{floor<days>(secs)};
  const year_month_day ymd{day};
  const hh_mm_ss<seconds> hms{secs - day.time_since_epoch()};
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed",
                                          "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr",
                                            "May", "Jun", "Jul", "Aug",
                                            "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(
      buf, sizeof buf, "%s, %02u %s %04d %02ld:%02ld:%02ld +0000",
      kDays[weekday{day}.c_encoding()], static_cast<unsigned>(ymd.day()),
      kMonths[static_cast<unsigned>(ymd.month()) - 1],
      static_cast<int>(ymd.year()), static_cast<long>(hms.hours().count()),
      static_cast<long>(hms.minutes().count()),
      static_cast<long>(hms.seconds().count()));
  return buf;
}

std::string ComposeMessage(const sim::Email& email,
                           std::string_view message_id) {
  std::string out;
  out.reserve(email.text.size() + email.text.size() / 8 + 512);
  out.append("Date: ").append(FormatRfc5322Date(email.sent_at)).append("\r\n");
  out.append("From: ")
      .append(EncodeAddress(SplitAddress(email.from)))
      .append("\r\n");
  out.append("To: ").append(FoldAddresses(email.to)).append("\r\n");
  out.append("Subject: ")
      .append(EncodeHeaderValue(email.subject))
      .append("\r\n");
  out.append("Message-ID: <").append(message_id).append(">\r\n");
  out.append("MIME-Version: 1.0\r\n");
  out.append("Content-Type: text/plain; charset=utf-8\r\n");
  out.append("Content-Transfer-Encoding: quoted-printable\r\n");
  if (!email.kind.empty()) {
    out.append("X-Tiersim-Kind: ")
        .append(EncodeHeaderValue(email.kind))
        .append("\r\n");
  }
  out.append("X-Tiersim-Sent-At: ")
      .append(std::to_string(email.sent_at.time_since_epoch().count()))
      .append("\r\n\r\n");
  out.append(EncodeQuotedPrintable(email.text));
  if (!out.ends_with("\r\n")) out.append("\r\n");
  return out;
}

std::string HtmlToText(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      const std::size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      const std::string tag = AsciiLower(html.substr(i + 1, end - i - 1));
      const std::string_view name =
          std::string_view(tag).substr(0, tag.find_first_of(" \t\r\n/", 1));
      if (name == "br" || name == "/p" || name == "/div" || name == "/tr" ||
          name == "/li" || name == "/h1" || name == "/h2" || name == "/h3") {
        out.push_back('\n');
      }
      if (name == "a") {
        // Keep the target: link extraction works on the text.
        const std::size_t href = tag.find("href=");
        if (href != std::string::npos && href + 5 < tag.size()) {
          std::size_t start = href + 5;
          const char quote =
              tag[start] == '"' || tag[start] == '\'' ? tag[start] : 0;
          if (quote != 0) ++start;
          std::size_t stop = quote != 0 ? tag.find(quote, start)
                                        : tag.find_first_of(" \t", start);
          if (stop == std::string::npos) stop = tag.size();
          // The URL in its original case: `tag` has `html`'s offsets.
          out.append(html.substr(i + 1 + start, stop - start));
          out.push_back(' ');
        }
      }
      i = end + 1;
    } else if (c == '&') {
      static constexpr std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'},  {"&lt;", '<'},   {"&gt;", '>'},
          {"&quot;", '"'}, {"&#39;", '\''}, {"&nbsp;", ' '}};
      bool matched = false;
      for (const auto& [entity, ch] : kEntities) {
        if (html.substr(i, entity.size()) == entity) {
          out.push_back(ch);
          i += entity.size();
          matched = true;
          break;
        }
      }
      if (!matched) {
        out.push_back(c);
        ++i;
      }
    } else {
      out.push_back(c);
      ++i;
    }
  }
  return out;
}

}  // namespace tiersim::mocks
