#include "mocks/mail/smtp_client_codec.h"

#include "mocks/common/text.h"
#include "sim/ids.h"

namespace tiersim::mocks {

std::string SmtpClientReply::ToString() const {
  std::string out = std::to_string(code);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out.append(i == 0 ? " " : " / ").append(lines[i]);
  }
  return out;
}

void SmtpReplyParser::Feed(std::string_view bytes) {
  while (!bytes.empty() && !failed_) {
    const std::size_t newline = bytes.find('\n');
    if (newline == std::string_view::npos) {
      if (partial_.size() + bytes.size() > kMaxLine) {
        failed_ = true;
        return;
      }
      partial_.append(bytes);
      return;
    }
    std::string_view line = bytes.substr(0, newline);
    bytes.remove_prefix(newline + 1);
    if (partial_.size() + line.size() > kMaxLine) {
      failed_ = true;
      return;
    }
    if (!partial_.empty()) {
      partial_.append(line);
      const std::string whole = std::move(partial_);
      partial_.clear();
      Line(whole);
    } else {
      Line(line);
    }
  }
}

void SmtpReplyParser::Line(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (line.size() < 3 || !digit(line[0]) || !digit(line[1]) ||
      !digit(line[2]) ||
      (line.size() > 3 && line[3] != ' ' && line[3] != '-')) {
    failed_ = true;
    return;
  }
  const int code =
      (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
  if (!current_.lines.empty() && current_.code != code) {
    failed_ = true;
    return;
  }
  if (current_.lines.size() >= kMaxLines) {
    failed_ = true;
    return;
  }
  current_.code = code;
  current_.lines.emplace_back(line.size() > 4 ? line.substr(4) : "");
  if (line.size() == 3 || line[3] == ' ') {
    ready_.push_back(std::move(current_));
    current_ = SmtpClientReply{};
  }
}

std::optional<SmtpClientReply> SmtpReplyParser::Next() {
  if (ready_.empty()) return std::nullopt;
  SmtpClientReply reply = std::move(ready_.front());
  ready_.pop_front();
  return reply;
}

SmtpExtensions ParseEhlo(const SmtpClientReply& reply) {
  SmtpExtensions out;
  // The first line is the server's greeting name, not an extension.
  for (std::size_t i = 1; i < reply.lines.size(); ++i) {
    const std::string_view line = reply.lines[i];
    const std::size_t space = line.find(' ');
    const std::string keyword = AsciiLower(line.substr(0, space));
    const std::string_view rest = space == std::string_view::npos
                                      ? std::string_view()
                                      : line.substr(space + 1);
    if (keyword == "pipelining") {
      out.pipelining = true;
    } else if (keyword == "8bitmime") {
      out.eight_bit_mime = true;
    } else if (keyword == "smtputf8") {
      out.smtputf8 = true;
    } else if (keyword == "starttls") {
      out.starttls = true;
    } else if (keyword == "size") {
      // The leading digits; none (or too many) reads as 0, "no limit".
      const std::string_view digits = std::string_view(rest).substr(
          0, rest.find_first_not_of("0123456789"));
      out.size =
          static_cast<std::size_t>(sim::ParseDecimal(digits).value_or(0));
    } else if (keyword == "auth") {
      std::size_t start = 0;
      while (start < rest.size()) {
        std::size_t end = rest.find(' ', start);
        if (end == std::string_view::npos) end = rest.size();
        if (end > start) {
          std::string mechanism(rest.substr(start, end - start));
          for (char& c : mechanism) {
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
          }
          out.auth.push_back(std::move(mechanism));
        }
        start = end + 1;
      }
    }
  }
  return out;
}

std::string DotStuff(std::string_view message) {
  std::string out;
  out.reserve(message.size() + message.size() / 64 + 8);
  bool line_start = true;
  for (std::size_t i = 0; i < message.size(); ++i) {
    const char c = message[i];
    if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < message.size() && message[i + 1] == '\n') ++i;
      out.append("\r\n");
      line_start = true;
      continue;
    }
    if (line_start && c == '.') out.push_back('.');
    out.push_back(c);
    line_start = false;
  }
  if (!line_start) out.append("\r\n");
  out.append(".\r\n");
  return out;
}

}  // namespace tiersim::mocks
