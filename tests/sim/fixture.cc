#include "tests/sim/fixture.h"

#include "sim/links.h"
#include "tests/common/status_matchers.h"

namespace tiersim::sim::testing {
namespace {

using ::tiersim::testing::IsOk;

PartnerCenter::SeededPartner MustSeed(PartnerCenter& pc, Program program,
                                      const std::string& name,
                                      const std::string& prefix,
                                      std::uint64_t mpn) {
  auto seeded = pc.SeedPartner({.program = program,
                                .legal_name = name,
                                .domain_prefix = prefix,
                                .country = "US",
                                .mpn = MpnId(mpn),
                                .admin_password = kPassword});
  EXPECT_THAT(seeded, IsOk());
  return *seeded;
}

}  // namespace

TwoTierWorld::TwoTierWorld(std::uint64_t seed)
    : world({.seed = seed}),
      pc(world.pc()),
      contoso(MustSeed(pc, Program::kIndirectProvider, "Contoso Distribution",
                       "contoso", 1000001)),
      fabrikam(MustSeed(pc, Program::kIndirectReseller, "Fabrikam Solutions",
                        "fabrikam", 2000001)),
      northwind(MustSeed(pc, Program::kIndirectReseller, "Northwind IT",
                         "northwind", 2000002)),
      contoso_admin(SignIn(contoso.admin_upn)),
      fabrikam_admin(SignIn(fabrikam.admin_upn)),
      northwind_admin(SignIn(northwind.admin_upn)) {}

Session TwoTierWorld::SignIn(const std::string& upn,
                             const std::string& password) {
  auto s = pc.SignIn(upn, password);
  if (!s.ok()) {
    ADD_FAILURE() << "sign-in of " << upn << ": " << s.status().ToString();
    std::abort();
  }
  return *s;
}

std::string TwoTierWorld::LatestLink(const std::string& address) {
  const mocks::StoredMessage* m = world.mail().Latest(address);
  if (m == nullptr || m->email.links.empty()) {
    ADD_FAILURE() << "no email with a link to " << address;
    return "";
  }
  // Read it the way a person does: from the text, not the metadata.
  auto links = sim::ExtractLinks(m->email.text);
  return links.empty() ? "" : links.front();
}

void TwoTierWorld::Partner(const Session& provider, const Session& reseller,
                           const std::string& reseller_email) {
  auto sent = pc.RequestPartnership(provider, reseller_email);
  ASSERT_THAT(sent, IsOk());
  auto accepted = pc.AcceptPartnership(reseller, LatestLink(reseller_email));
  ASSERT_THAT(accepted, IsOk());
}

void TwoTierWorld::PartnerContosoFabrikam() {
  Partner(contoso_admin, fabrikam_admin, fabrikam.admin_upn);
}

CustomerCreated TwoTierWorld::AddCustomer(const std::string& prefix,
                                          PartnerId reseller) {
  auto created = pc.CreateCustomer(
      contoso_admin, reseller,
      {.company_name = prefix + " Ltd",
       .domain_prefix = prefix,
       .country = "US",
       .contact = {.name = "Pat Doe", .email = "pat@" + prefix + ".example"}},
      {{.offer_id = "o365-e3", .licenses = 10}});
  if (!created.ok()) {
    ADD_FAILURE() << "CreateCustomer " << prefix << ": "
                  << created.status().ToString();
    std::abort();
  }
  return *created;
}

Session TwoTierWorld::AddUser(const Session& admin, const std::string& email,
                              AgentRole agent, AdminRole admin_role) {
  auto added = pc.AddUser(admin, {.full_name = "User " + email,
                                  .email = email,
                                  .agent = agent,
                                  .admin = admin_role});
  if (!added.ok()) {
    ADD_FAILURE() << "AddUser " << email << ": " << added.status().ToString();
    std::abort();
  }
  auto temporary = pc.RevealPassword(admin, added->password);
  EXPECT_THAT(temporary, IsOk());
  Status changed = pc.ChangePassword(email, *temporary, kNewPassword);
  EXPECT_THAT(changed, IsOk());
  return SignIn(email, kNewPassword);
}

PartnerCenter::SeededCustomer TwoTierWorld::Prospect(
    const std::string& prefix) {
  auto seeded = pc.SeedCustomerTenant({.company_name = prefix + " Inc",
                                       .domain_prefix = prefix,
                                       .admin_password = kPassword});
  if (!seeded.ok()) {
    ADD_FAILURE() << "SeedCustomerTenant " << prefix << ": "
                  << seeded.status().ToString();
    std::abort();
  }
  return *seeded;
}

}  // namespace tiersim::sim::testing
