#include "sim/actor.h"

#include "sim/links.h"

namespace tiersim::sim {

Result<SessionRef> Actor::Session() {
  if (session_) return *session_;
  Result<SessionRef> signed_in = client_->SignIn(person_.upn, person_.password);
  if (signed_in.code() == ErrorCode::kPasswordChangeRequired) {
    TIERSIM_RETURN_IF_ERROR(ChangePassword({}));
    signed_in = client_->SignIn(person_.upn, person_.password);
  }
  if (signed_in.ok()) session_ = *signed_in;
  return signed_in;
}

Result<SessionRef> Actor::SignIn(std::string_view password) {
  Result<SessionRef> signed_in = client_->SignIn(person_.upn, password);
  if (signed_in.ok()) session_ = *signed_in;
  return signed_in;
}

Status Actor::ChangePassword(std::string_view new_password) {
  const std::string next(new_password.empty() ? person_.next_password
                                              : new_password);
  TIERSIM_RETURN_IF_ERROR(
      client_->ChangePassword(person_.upn, person_.password, next));
  person_.password = next;
  session_.reset();
  return OkStatus();
}

Result<std::string> Actor::FollowLatestLink(
    const std::vector<std::string_view>& kinds, std::string_view mailbox,
    std::string_view query, int nth) {
  if (nth < 1) {
    return Error(
        ErrorCode::kInvalidArgument,
        "emails are counted from 1 (the newest); got " + std::to_string(nth));
  }
  const std::string_view address = mailbox.empty() ? person_.upn : mailbox;
  TIERSIM_ASSIGN_OR_RETURN(std::vector<MailView> inbox,
                           client_->Inbox(address, query));
  std::string what;
  for (std::string_view k : kinds) {
    what += what.empty() ? "" : " or ";
    what += k;
  }
  what += what.empty() ? "email" : " email";
  if (!query.empty()) what += " matching '" + std::string(query) + "'";
  const MailView* picked = nullptr;
  int seen = 0;
  for (auto it = inbox.rbegin(); it != inbox.rend() && picked == nullptr;
       ++it) {
    bool wanted = kinds.empty();
    for (std::string_view k : kinds) wanted = wanted || it->kind == k;
    if (wanted && ++seen == nth) picked = &*it;
  }
  if (picked == nullptr) {
    if (seen == 0 || nth <= 1) {
      return Error(ErrorCode::kNotFound,
                   "no " + what + " in the mailbox of " + std::string(address));
    }
    return Error(ErrorCode::kNotFound,
                 "the mailbox of " + std::string(address) + " holds " +
                     std::to_string(seen) + " " + what +
                     "(s); there is no number " + std::to_string(nth) +
                     " counting from the newest");
  }
  const MailView& m = *picked;
  TIERSIM_RETURN_IF_ERROR(client_->MarkRead(m.id));
  std::vector<std::string> links = ExtractLinks(m.text);
  if (links.empty()) {
    return Error(ErrorCode::kNotFound, "the newest " + what + " to " +
                                           std::string(address) +
                                           " has no link in its text");
  }
  return links.front();
}

}  // namespace tiersim::sim
