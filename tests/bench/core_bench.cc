// Core throughput on one thread, in process (DESIGN.md performance budget):
//   invitation round trip (request -> email -> accept)   >= 200k/s
//   an order with one line                               >= 500k/s
//   customer creation (tenant + admin + 1 subscription)  >= 100k/s
// each in a world that already holds 1k and 1M such entities (cost at 1M
// within 1.5x of 1k), and the heap bytes one customer with one subscription
// costs (<= 1 KiB), counting every service's share (Azure AD, Partner
// Center, journal).
//
// Each case builds its own world, so iterations are fixed: the world grows
// by exactly that many entities while it is measured.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <string>
#include <vector>

#include "mocks/world/in_process_world.h"

namespace tiersim::sim {
namespace {

constexpr char kPassword[] = "Bench-Passw0rd!";

std::size_t HeapInUse() {
  const struct mallinfo2 mi = mallinfo2();
  return mi.uordblks + mi.hblkhd;
}

Session MustSignIn(PartnerCenter& pc, const std::string& upn) {
  auto s = pc.SignIn(upn, kPassword);
  if (!s.ok()) std::abort();
  return *s;
}

PartnerCenter::SeededPartner MustSeed(PartnerCenter& pc, Program program,
                                      const std::string& prefix) {
  auto p = pc.SeedPartner({.program = program,
                           .legal_name = prefix + " Ltd",
                           .domain_prefix = prefix,
                           .admin_password = kPassword});
  if (!p.ok()) std::abort();
  return *p;
}

// --- Invitation round trip ---------------------------------------------------

// P providers x P resellers give P*P distinct pairs; pair i partners
// provider i % P with reseller i / P.
struct PartnershipGrid {
  explicit PartnershipGrid(mocks::InProcessWorld& w, int side) {
    for (int i = 0; i < side; ++i) {
      auto p = MustSeed(w.pc(), Program::kIndirectProvider,
                        "prov" + std::to_string(i));
      providers.push_back(MustSignIn(w.pc(), p.admin_upn));
      auto r = MustSeed(w.pc(), Program::kIndirectReseller,
                        "resl" + std::to_string(i));
      resellers.push_back(MustSignIn(w.pc(), r.admin_upn));
      reseller_emails.push_back(r.admin_upn);
    }
  }
  std::vector<Session> providers;
  std::vector<Session> resellers;
  std::vector<std::string> reseller_emails;
};

bool RoundTrip(mocks::InProcessWorld& w, const PartnershipGrid& g,
               std::size_t pair) {
  const std::size_t side = g.providers.size();
  const std::size_t p = pair % side;
  const std::size_t r = pair / side;
  const std::string& to = g.reseller_emails[r];
  if (!w.pc().RequestPartnership(g.providers[p], to).ok()) return false;
  // The reseller reads the newest email and follows its link.
  const mocks::StoredMessage* mail = w.mail().Latest(to);
  return w.pc().AcceptPartnership(g.resellers[r], mail->email.links[0]).ok();
}

void BM_Core_InvitationRoundTrip(benchmark::State& state) {
  const auto existing = static_cast<std::size_t>(state.range(0));
  const std::size_t total = existing + state.max_iterations;
  int side = 1;
  while (static_cast<std::size_t>(side) * side < total) ++side;
  mocks::InProcessWorld w({.seed = 1});
  PartnershipGrid grid(w, side);
  for (std::size_t i = 0; i < existing; ++i) {
    if (!RoundTrip(w, grid, i)) state.SkipWithError("setup round trip failed");
  }
  std::size_t pair = existing;
  for (auto _ : state) {
    if (!RoundTrip(w, grid, pair++)) {
      state.SkipWithError("round trip failed");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Core_InvitationRoundTrip)
    ->ArgName("existing")
    ->Arg(1000)
    ->Arg(1000000)
    ->Iterations(200000)
    ->Unit(benchmark::kMicrosecond);

// --- Orders and customers
// -------------------------------------------------------

// Contoso (provider) partnered with Fabrikam (reseller).
struct ProviderWorld {
  ProviderWorld()
      : w({.seed = 2}),
        contoso(MustSeed(w.pc(), Program::kIndirectProvider, "contoso")),
        fabrikam(MustSeed(w.pc(), Program::kIndirectReseller, "fabrikam")),
        provider(MustSignIn(w.pc(), contoso.admin_upn)) {
    if (!w.pc().SeedPartnership(contoso.partner, fabrikam.partner).ok()) {
      std::abort();
    }
  }
  // F7 for Fabrikam, then shows the temporary password once, as the
  // confirmation page does.
  Result<CustomerCreated> AddCustomer(std::size_t i) {
    const std::string prefix = "c" + std::to_string(i);
    auto created = w.pc().CreateCustomer(
        provider, fabrikam.partner,
        {.company_name = prefix,
         .domain_prefix = prefix,
         .country = "US",
         .contact = {.name = "Pat", .email = "pat@" + prefix + ".example"}},
        {{.offer_id = "o365-e3", .licenses = 10}});
    if (created.ok()) (void)w.pc().RevealPassword(provider, created->password);
    return created;
  }
  mocks::InProcessWorld w;
  PartnerCenter::SeededPartner contoso;
  PartnerCenter::SeededPartner fabrikam;
  Session provider;
};

void BM_Core_OrderOneLine(benchmark::State& state) {
  const auto existing = static_cast<std::size_t>(state.range(0));
  constexpr std::size_t kCustomers = 1000;
  ProviderWorld pw;
  std::vector<CustomerId> customers;
  for (std::size_t i = 0; i < kCustomers; ++i) {
    auto c = pw.AddCustomer(i);
    if (!c.ok()) state.SkipWithError("setup: customer");
    customers.push_back(c->customer);
  }
  const std::vector<LineItem> line = {{.offer_id = "m365-e3", .licenses = 5}};
  // Each customer already holds one subscription from its creation.
  for (std::size_t i = kCustomers; i < existing; ++i) {
    if (!pw.w.pc()
             .PlaceOrder(pw.provider, customers[i % kCustomers], line,
                         pw.fabrikam.partner)
             .ok()) {
      state.SkipWithError("setup: order");
    }
  }
  std::size_t i = 0;
  for (auto _ : state) {
    auto order = pw.w.pc().PlaceOrder(pw.provider, customers[i++ % kCustomers],
                                      line, pw.fabrikam.partner);
    if (!order.ok()) {
      state.SkipWithError(order.status().ToString().c_str());
      break;
    }
    benchmark::DoNotOptimize(order);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Core_OrderOneLine)
    ->ArgName("existing")
    ->Arg(1000)
    ->Arg(1000000)
    ->Iterations(500000)
    ->Unit(benchmark::kMicrosecond);

void BM_Core_CreateCustomer(benchmark::State& state) {
  const auto existing = static_cast<std::size_t>(state.range(0));
  ProviderWorld pw;
  const std::size_t heap_before = HeapInUse();
  for (std::size_t i = 0; i < existing; ++i) {
    if (!pw.AddCustomer(i).ok()) state.SkipWithError("setup: customer");
  }
  // Everything one customer with one subscription left behind, across
  // Azure AD, Partner Center and the journal.
  state.counters["bytes_per_customer"] =
      static_cast<double>(HeapInUse() - heap_before) /
      static_cast<double>(existing);
  std::size_t i = existing;
  for (auto _ : state) {
    auto created = pw.AddCustomer(i++);
    if (!created.ok()) {
      state.SkipWithError(created.status().ToString().c_str());
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Core_CreateCustomer)
    ->ArgName("existing")
    ->Arg(1000)
    ->Arg(1000000)
    ->Iterations(100000)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace tiersim::sim
