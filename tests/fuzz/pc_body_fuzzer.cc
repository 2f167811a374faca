// libFuzzer target: Partner Center request bodies. Each input is a JSON
// document; its first byte picks which of tiersim's request shapes it is
// decoded as (mocks/wire/wire.h, keys folded as the server folds
// them), and a body that decodes is handed to the core operation that
// route calls, signed in as a seeded provider admin. Decoding may refuse
// (WireError, as the server answers 400); nothing may crash, leak or hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "mocks/wire/wire.h"
#include "mocks/world/in_process_world.h"

namespace {

using nlohmann::json;
using tiersim::mocks::InProcessWorld;
namespace sim = tiersim::sim;
namespace wire = tiersim::mocks::wire;

struct Fixture {
  Fixture() {
    auto provider =
        world.pc().SeedPartner({.program = sim::Program::kIndirectProvider,
                                .legal_name = "Contoso",
                                .domain_prefix = "contoso",
                                .mpn = sim::MpnId(4100001),
                                .admin_password = "Fuzz-Passw0rd!"});
    session.emplace(*world.pc().SignIn(provider->admin_upn, "Fuzz-Passw0rd!"));
  }
  InProcessWorld world;
  std::optional<sim::Session> session;
};

void Exercise(Fixture& f, std::uint8_t which, const json& body) {
  sim::PartnerCenter& pc = f.world.pc();
  const sim::Session& s = *f.session;
  switch (which % 8) {
    case 0: {
      auto spec = body.get<sim::UserSpec>();
      (void)pc.AddUser(s, spec);
      break;
    }
    case 1: {
      auto details = body.get<sim::CustomerDetails>();
      (void)pc.CreateCustomerByApi(s, sim::PartnerId(), details);
      break;
    }
    case 2: {
      std::vector<sim::LineItem> items;
      wire::Read(body, "lineItems", items);
      (void)pc.PlaceOrder(s, sim::CustomerId(1), items, sim::PartnerId());
      break;
    }
    case 3: {
      auto change = body.get<sim::ListingChange>();
      (void)pc.RequestListingChange(s, change);
      break;
    }
    case 4: {
      auto details = body.get<sim::EnrollmentDetails>();
      auto e = pc.StartEnrollment(sim::Program::kIndirectReseller);
      (void)pc.EnrollSubmit(e.id, details);
      break;
    }
    case 5: {
      auto spec = body.get<sim::WorkAccountSpec>();
      auto e = pc.StartEnrollment(sim::Program::kIndirectReseller);
      (void)pc.EnrollCreateWorkAccount(e.id, spec);
      break;
    }
    case 6: {
      auto seed = body.get<sim::PartnerCenter::CustomerSeed>();
      (void)pc.SeedCustomerTenant(seed);
      break;
    }
    default: {
      std::string link;
      sim::Consent consent{};
      wire::Read(body, "link", link);
      wire::Read(body, "consent", consent);
      (void)pc.AcceptPartnership(s, link, consent);
      break;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size < 1) return 0;
  static Fixture fixture;  // one world; operations that fail change nothing
  json body = json::parse(data + 1, data + size, nullptr,
                          /*allow_exceptions=*/false);
  if (body.is_discarded() || !body.is_object()) return 0;
  try {
    Exercise(fixture, data[0], wire::Lowered(body));
  } catch (const wire::WireError&) {
  } catch (const nlohmann::json::exception&) {
  }
  return 0;
}
