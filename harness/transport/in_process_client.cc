#include "harness/transport/in_process_client.h"

#include "mocks/world/in_process_control.h"

namespace tiersim::harness {

using mocks::MailViewOf;
using mocks::MemoryMailStore;

using sim::Result;
using sim::SessionRef;
using sim::Status;

Result<const sim::Session*> InProcessClient::SessionOf(SessionRef s) const {
  if (s.value == 0 || s.value > sessions_.size()) {
    return sim::Error(sim::ErrorCode::kNotFound,
                      "not signed in (unknown session)");
  }
  return &sessions_[s.value - 1];
}

void InProcessClient::Invoke(std::size_t op, SessionRef s, const void* request,
                             void* result) {
  sim::OpTable<InProcessClient>::Invoke(*this, op, s, request, result);
}

Result<SessionRef> InProcessClient::SignIn(std::string_view upn,
                                           std::string_view password) {
  TIERSIM_ASSIGN_OR_RETURN(sim::Session session,
                           world_.pc().SignIn(upn, password));
  sessions_.push_back(session);
  return SessionRef{sessions_.size()};
}

Status InProcessClient::ChangePassword(std::string_view upn,
                                       std::string_view current,
                                       std::string_view new_password) {
  return world_.pc().ChangePassword(upn, current, new_password);
}

Result<std::vector<sim::MailView>> InProcessClient::Inbox(
    std::string_view address, std::string_view query) {
  std::vector<sim::MailView> out;
  MemoryMailStore& mail = world_.mail();
  if (query.empty()) {
    for (sim::MessageId id : mail.To(address))
      out.push_back(MailViewOf(*mail.Get(id)));
    return out;
  }
  std::string q = "to:" + std::string(address) + " " + std::string(query);
  for (sim::MessageId id : mail.Search(q))
    out.push_back(MailViewOf(*mail.Get(id)));
  return out;
}

Status InProcessClient::MarkRead(sim::MessageId id) {
  if (world_.mail().Get(id) == nullptr) {
    return sim::Error(sim::ErrorCode::kNotFound, "no message " + id.ToString());
  }
  world_.mail().MarkRead(id);
  return sim::OkStatus();
}

}  // namespace tiersim::harness
