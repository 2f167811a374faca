// NetworkClient: every Partner Center operation of sim/ops.h as an HTTP
// request put together from its declaration (mocks/wire/op_wire.h).
#include "harness/transport/network_impl.h"

namespace tiersim::harness {
namespace {

// What sim::OpTable calls: one operation over the client's connection.
struct NetworkOps {
  NetworkClient::Impl& impl;
  template <typename Op>
  sim::Result<typename Op::Response> Run(sim::SessionRef s,
                                         const typename Op::Request& r) {
    return impl.Send<Op>(s, r);
  }
};

}  // namespace

void NetworkClient::Invoke(std::size_t op, sim::SessionRef s,
                           const void* request, void* result) {
  NetworkOps ops{*impl_};
  sim::OpTable<NetworkOps>::Invoke(ops, op, s, request, result);
}

}  // namespace tiersim::harness
