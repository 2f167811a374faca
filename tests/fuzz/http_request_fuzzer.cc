// libFuzzer target: the request path of the HTTP servers, raw bytes in.
// The bytes are read as the server reads a connection (strict head
// checks, limits, chunked bodies: mocks/http/request_parser.h), one
// request after another as if pipelined, and each request that parses is
// routed by the Partner Center server's real routes (every declared
// operation) into a seeded world, with "Bearer ok" as the provider
// admin's token. Refusals are fine; nothing may crash, leak or hang, and
// every answer must be a status the server may send with a JSON body.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "mocks/http/http_message.h"
#include "mocks/http/request_parser.h"
#include "mocks/partner_center/authenticator.h"
#include "mocks/partner_center/op_routes.h"
#include "mocks/partner_center/pc_call.h"
#include "mocks/world/shared_world.h"
#include "tests/fuzz/fuzz_check.h"

namespace {

namespace mocks = tiersim::mocks;
namespace sim = tiersim::sim;
using tiersim::fuzz::Check;

// "Bearer ok" (any case) is the seeded provider admin; anything else is
// refused, as a bad token is.
class FixedAuthenticator final : public mocks::BearerAuthenticator {
 public:
  sim::Result<mocks::Caller> Authenticate(std::string_view header) override {
    if (header.size() == 9 && (header.substr(7) == "ok")) return caller;
    return sim::Error(sim::ErrorCode::kInvalidToken, "not the fuzz token");
  }
  mocks::Caller caller;
};

struct Fixture {
  Fixture() : world(mocks::SharedWorldOptions{}) {
    world.With([this](mocks::InProcessWorld& w) {
      auto provider =
          w.pc().SeedPartner({.program = sim::Program::kIndirectProvider,
                              .legal_name = "Contoso",
                              .domain_prefix = "contoso",
                              .mpn = sim::MpnId(4100001),
                              .admin_password = "Fuzz-Passw0rd!"});
      auto session = w.pc().SignIn(provider->admin_upn, "Fuzz-Passw0rd!");
      auth.caller = {.user = session->directory_user(),
                     .tenant = session->tenant(),
                     .upn = provider->admin_upn};
    });
    mocks::pc::AddOperationRoutes(router, context);
  }
  mocks::SharedWorld world;
  FixedAuthenticator auth;
  mocks::pc::Context context{world, auth, {}, {}};
  mocks::Router router;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  static Fixture* fixture = new Fixture();
  const mocks::http_internal::HttpLimits limits{.max_body_bytes = 64 * 1024};
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (int requests = 0; requests < 8 && !bytes.empty(); ++requests) {
    auto parsed = mocks::http_internal::ParseRequest(bytes, limits);
    mocks::Response res;
    if (auto* error = std::get_if<mocks::HttpError>(&parsed)) {
      Check(error->status >= 400 && error->status < 600);
      Check(!error->code.empty() && !error->message.empty());
      fixture->router.Fail(mocks::Request(), *error, res);
      Check(res.status == error->status);
      break;
    }
    auto& request = std::get<mocks::http_internal::ParsedRequest>(parsed);
    Check(request.consumed > 0 && request.consumed <= bytes.size());
    fixture->router.Dispatch(request.request, request.raw_path, res);
    Check(res.status >= 200 && res.status < 600);
    Check(res.deferred() == nullptr);  // no Partner Center route defers
    bytes.remove_prefix(request.consumed);
  }
  return 0;
}
