// InProcessClient: the sim::Client of a world that runs in this process
// (InProcessWorld). Partner Center operations run their declaration's Run
// on the core (sim/ops.h); a SessionRef indexes the core Sessions this
// client obtained by signing people in. Borrows the world (it must outlive
// the client); single-threaded.
#pragma once

#include <vector>

#include "mocks/world/in_process_world.h"
#include "sim/client.h"

namespace tiersim::harness {

class InProcessClient final : public sim::Client {
 public:
  explicit InProcessClient(mocks::InProcessWorld& world) : world_(world) {}

  sim::Result<sim::SessionRef> SignIn(std::string_view upn,
                                      std::string_view password) override;
  sim::Status ChangePassword(std::string_view upn, std::string_view current,
                             std::string_view new_password) override;
  sim::Result<std::vector<sim::MailView>> Inbox(
      std::string_view address, std::string_view query) override;
  sim::Status MarkRead(sim::MessageId id) override;

  // One operation on the core (OpTable calls it).
  template <typename Op>
  sim::Result<typename Op::Response> Run(sim::SessionRef s,
                                         const typename Op::Request& r) {
    if constexpr (Op::kInfo.access == sim::Access::kSignedIn) {
      TIERSIM_ASSIGN_OR_RETURN(const sim::Session* session, SessionOf(s));
      return Op::Run(world_.pc(), *session, r);
    } else {
      return Op::Run(world_.pc(), r);
    }
  }

 protected:
  void Invoke(std::size_t op, sim::SessionRef s, const void* request,
              void* result) override;

 private:
  // The core Session behind `s`; kNotFound for a reference this client
  // never handed out.
  sim::Result<const sim::Session*> SessionOf(sim::SessionRef s) const;

  mocks::InProcessWorld& world_;
  std::vector<sim::Session> sessions_;  // SessionRef value - 1
};

}  // namespace tiersim::harness
