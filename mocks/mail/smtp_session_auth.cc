// SmtpSession's AUTH (RFC 4954): the PLAIN (RFC 4616) and LOGIN mechanisms,
// with or without an initial response, against the options' users.
#include <string>
#include <string_view>

#include "mocks/common/text.h"
#include "mocks/mail/smtp_session.h"
#include "mocks/mail/smtp_syntax.h"

namespace tiersim::mocks {
namespace {

// Base64 of "Username:" and "Password:", the AUTH LOGIN prompts.
constexpr std::string_view kLoginUserPrompt = "VXNlcm5hbWU6";
constexpr std::string_view kLoginPasswordPrompt = "UGFzc3dvcmQ6";

}  // namespace

void SmtpSession::Auth(std::string_view argument) {
  if (options_.users.empty()) {
    return Refuse(502, "5.5.1 Error: authentication not enabled");
  }
  if (!extended_) return Refuse(503, "5.5.1 Error: send EHLO first");
  if (!auth_user_.empty()) {
    return Refuse(503, "5.5.1 Error: already authenticated");
  }
  if (in_transaction_) {
    return Refuse(503, "5.5.1 Error: MAIL transaction in progress");
  }
  const std::size_t space = argument.find(' ');
  const std::string mechanism = AsciiLower(argument.substr(0, space));
  const std::string_view initial = space == std::string_view::npos
                                       ? std::string_view()
                                       : TrimSpaces(argument.substr(space + 1));
  if (mechanism.empty()) return Refuse(501, "5.5.4 Syntax: AUTH mechanism");
  if (mechanism == "plain") {
    if (initial.empty()) {
      phase_ = Phase::kAuthPlain;
      return Reply(334, "");
    }
    phase_ = Phase::kAuthPlain;
    return HandleAuthResponse(initial);
  }
  if (mechanism == "login") {
    if (initial.empty()) {
      phase_ = Phase::kAuthLoginUser;
      return Reply(334, kLoginUserPrompt);
    }
    phase_ = Phase::kAuthLoginUser;
    return HandleAuthResponse(initial);
  }
  Refuse(504, "5.5.4 Unrecognized authentication type");
}

void SmtpSession::HandleAuthResponse(std::string_view line) {
  const Phase step = phase_;
  phase_ = Phase::kCommand;
  if (line == "*") return Refuse(501, "5.7.0 Authentication aborted");
  const std::optional<std::string> decoded = DecodeSaslBase64(line);
  if (!decoded) return Refuse(501, "5.5.2 Cannot decode response");
  switch (step) {
    case Phase::kAuthPlain:
      return CheckPlain(*decoded);
    case Phase::kAuthLoginUser:
      login_user_ = *decoded;
      phase_ = Phase::kAuthLoginPassword;
      return Reply(334, kLoginPasswordPrompt);
    case Phase::kAuthLoginPassword:
      return CheckLogin(login_user_, *decoded);
    default:
      return;
  }
}

void SmtpSession::CheckPlain(std::string_view decoded) {
  // authzid NUL authcid NUL passwd (RFC 4616).
  const std::size_t first = decoded.find('\0');
  const std::size_t second = first == std::string_view::npos
                                 ? std::string_view::npos
                                 : decoded.find('\0', first + 1);
  if (second == std::string_view::npos) {
    return Refuse(501, "5.5.2 Bad PLAIN response");
  }
  const std::string_view authzid = decoded.substr(0, first);
  const std::string_view user = decoded.substr(first + 1, second - first - 1);
  if (!authzid.empty() && authzid != user) {
    return Refuse(535, "5.7.8 Error: authentication failed");
  }
  CheckLogin(user, decoded.substr(second + 1));
}

void SmtpSession::CheckLogin(std::string_view user, std::string_view password) {
  const auto it = options_.users.find(user);
  const bool ok = it != options_.users.end() && it->second == password;
  if (ok) auth_user_ = std::string(user);
  login_user_.clear();  // `user` may point into it: clear only now
  if (!ok) return Refuse(535, "5.7.8 Error: authentication failed");
  Reply(235, "2.7.0 Authentication successful");
}

}  // namespace tiersim::mocks
