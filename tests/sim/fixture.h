// TwoTierWorld: a ready cast for core tests. Contoso is an indirect provider,
// Fabrikam and Northwind are indirect resellers; all are enrolled and have
// finished set-up (seeded), each with a signed-in global admin who is also
// an Admin agent. Nothing is partnered until a test says so. Helpers act the
// way people do: read the inbox, follow the link, sign in.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "mocks/world/in_process_world.h"
#include "sim/partner_center.h"

namespace tiersim::sim::testing {

inline constexpr char kPassword[] = "Sim-Passw0rd!";
inline constexpr char kNewPassword[] = "Changed-Passw0rd!";

class TwoTierWorld {
 public:
  explicit TwoTierWorld(std::uint64_t seed = 1);

  mocks::InProcessWorld world;
  PartnerCenter& pc;
  PartnerCenter::SeededPartner contoso;    // provider
  PartnerCenter::SeededPartner fabrikam;   // reseller
  PartnerCenter::SeededPartner northwind;  // reseller
  Session contoso_admin;
  Session fabrikam_admin;
  Session northwind_admin;

  Session SignIn(const std::string& upn,
                 const std::string& password = kPassword);
  // The link in the newest email to `address` (fails the test if none).
  std::string LatestLink(const std::string& address);
  // F3 through the real flow: request, email, accept.
  void Partner(const Session& provider, const Session& reseller,
               const std::string& reseller_email);
  void PartnerContosoFabrikam();
  // F7 with one Office 365 E3 line of 10 licenses for `reseller`.
  CustomerCreated AddCustomer(const std::string& prefix,
                              PartnerId reseller = PartnerId());
  // F10: adds a user with these roles to `admin`'s partner, changes the
  // temporary password and signs them in.
  Session AddUser(const Session& admin, const std::string& email,
                  AgentRole agent, AdminRole admin_role);
  // A customer tenant with a global admin, not yet anyone's customer.
  PartnerCenter::SeededCustomer Prospect(const std::string& prefix);
};

}  // namespace tiersim::sim::testing
