// Client: how the simulated people (actor.h) reach Microsoft's services —
// Partner Center's pages and API, Azure AD's sign-in, their own mailbox —
// without knowing whether the services run in this process or behind real
// servers. Two implementations (harness/transport/): in process, and over
// the network.
//
// Partner Center operations are declared once (sim/ops.h) and called as
//   client.Call<ops::SetUserRoles>(session, {.user = u, .agent = a});
//   client.Call<ops::StartEnrollment>({.program = p});      // public
// A sign-in gives an opaque SessionRef; the implementation keeps what stands
// behind it (a core Session in process, a bearer token over the network).
// Calls are made from one thread.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "sim/ops.h"
#include "sim/partner_center.h"
#include "sim/world_control.h"

namespace tiersim::sim {

struct SessionRef {
  std::uint64_t value = 0;  // 0: nobody signed in
};

class Client {
 public:
  virtual ~Client() = default;

  // ---- Azure AD sign-in (F10) ----
  virtual Result<SessionRef> SignIn(std::string_view upn,
                                    std::string_view password) = 0;
  virtual Status ChangePassword(std::string_view upn, std::string_view current,
                                std::string_view new_password) = 0;

  // ---- Partner Center (sim/ops.h) ----
  template <typename Op>
  Result<typename Op::Response> Call(SessionRef s,
                                     const typename Op::Request& request) {
    static_assert(Op::kInfo.access == Access::kSignedIn,
                  "a public operation is called without a session");
    return Dispatch<Op>(s, request);
  }
  template <typename Op>
  Result<typename Op::Response> Call(const typename Op::Request& request) {
    static_assert(Op::kInfo.access == Access::kPublic,
                  "this operation needs a signed-in session");
    return Dispatch<Op>(SessionRef{}, request);
  }

  // ---- The person's mailbox ----
  // Messages to `address` matching `query` (the mail store's query
  // language; empty = all), oldest first.
  virtual Result<std::vector<MailView>> Inbox(std::string_view address,
                                              std::string_view query) = 0;
  virtual Status MarkRead(MessageId id) = 0;

 protected:
  // Runs operation number `op` of ops::PartnerCenterOps: `request` points to
  // its Request, `result` to a Result<Response> to assign. Implementations
  // build a table from the list (OpTable below).
  virtual void Invoke(std::size_t op, SessionRef s, const void* request,
                      void* result) = 0;

 private:
  template <typename Op>
  Result<typename Op::Response> Dispatch(SessionRef s,
                                         const typename Op::Request& request) {
    constexpr std::size_t kIndex = ops::PartnerCenterOps::IndexOf<Op>();
    static_assert(kIndex < ops::PartnerCenterOps::kSize,
                  "not in ops::PartnerCenterOps");
    Result<typename Op::Response> result =
        Error(ErrorCode::kInternal,
              std::string(Op::kInfo.name) + " was not answered by the client");
    Invoke(kIndex, s, &request, &result);
    return result;
  }
};

// A table of Impl::Run<Op>(SessionRef, const Request&) for every operation
// of ops::PartnerCenterOps, indexed as Client::Invoke numbers them.
template <typename Impl>
class OpTable {
 public:
  static void Invoke(Impl& impl, std::size_t op, SessionRef s,
                     const void* request, void* result) {
    static const OpTable table;
    table.fns_[op](impl, s, request, result);
  }

 private:
  using Fn = void (*)(Impl&, SessionRef, const void*, void*);
  OpTable() {
    ops::PartnerCenterOps::ForEach([this]<typename Op>() {
      fns_[ops::PartnerCenterOps::IndexOf<Op>()] =
          [](Impl& impl, SessionRef s, const void* request, void* result) {
            *static_cast<Result<typename Op::Response>*>(result) =
                impl.template Run<Op>(
                    s, *static_cast<const typename Op::Request*>(request));
          };
    });
  }
  Fn fns_[ops::PartnerCenterOps::kSize] = {};
};

// Every customer the person sees (following the list's pages).
Result<std::vector<CustomerSummary>> AllCustomers(Client& client, SessionRef s,
                                                  CustomerFilter filter = {});

}  // namespace tiersim::sim
