// NetworkClient: sim::Client and sim::WorldControl over the network — what
// the scenario runner uses with `--transport http`. Every call is a real
// request: sign-in is an OAuth 2.0 password grant against Azure AD over
// HTTPS (trusting tiersim's generated CA); Partner Center calls go to the
// REST server with the bearer token; mailboxes are read through the mail
// server's Mailpit-shaped API; seeding, time, faults and the journal go
// through the servers' /_tiersim control routes. Every Partner Center and
// control request is put together from its declaration (sim/ops.h,
// mocks/wire/op_wire.h): no path or JSON key is written here.
//
// Errors come back as the same sim::Status the in-process transport gives
// (code from the error body's `data`, message from its description), so a
// scenario gives the same outcomes over both transports. A server that
// cannot be reached gives kUnavailable naming it.
//
// Single-threaded, like every sim::Client: one keep-alive connection per
// server. A SessionRef indexes the access tokens this client obtained.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "mocks/wire/target.h"
#include "sim/client.h"

namespace tiersim::harness {

using mocks::NetworkTarget;

// Asks the Partner Center server at `partner_center_url` where the world's
// other servers are (GET /_tiersim/endpoints). kUnavailable when it does
// not answer.
sim::Result<NetworkTarget> DiscoverTarget(
    const std::string& partner_center_url);

class NetworkClient final : public sim::Client, public sim::WorldControl {
 public:
  explicit NetworkClient(NetworkTarget target);
  ~NetworkClient() override;
  NetworkClient(const NetworkClient&) = delete;
  NetworkClient& operator=(const NetworkClient&) = delete;

  // ---- sim::Client (Partner Center operations: Invoke) ----
  sim::Result<sim::SessionRef> SignIn(std::string_view upn,
                                      std::string_view password) override;
  sim::Status ChangePassword(std::string_view upn, std::string_view current,
                             std::string_view new_password) override;
  sim::Result<std::vector<sim::MailView>> Inbox(
      std::string_view address, std::string_view query) override;
  sim::Status MarkRead(sim::MessageId id) override;

  // ---- sim::WorldControl ----
  sim::Result<sim::PartnerCenter::SeededPartner> SeedPartner(
      const sim::PartnerCenter::PartnerSeed& seed) override;
  sim::Result<sim::PartnerCenter::SeededCustomer> SeedCustomerTenant(
      const sim::PartnerCenter::CustomerSeed& seed) override;
  sim::Status SeedPartnership(sim::PartnerId provider,
                              sim::PartnerId reseller) override;
  sim::Result<sim::LeadId> ReferCustomer(sim::PartnerId partner,
                                         const sim::LeadSpec& lead) override;
  sim::Result<sim::PmcAccountId> SeedPmcAccount(
      std::string user_name, std::string_view password) override;
  sim::Status SeedPmcProfile(sim::PmcAccountId account,
                             sim::MpnProfile profile) override;
  sim::Result<WorldTime> Time() override;
  sim::Status Advance(sim::Duration d) override;
  sim::Status ArmFault(std::string_view point, sim::FaultSpec spec) override;
  sim::Result<WorldCounts> Counts() override;
  sim::Result<JournalPage> Journal(std::size_t from) override;
  sim::Result<std::vector<sim::MailView>> MailSince(
      sim::MessageId after) override;

  // Resets the served world (POST /_tiersim/reset with `seed`) and forgets
  // this client's sessions: a fresh world for the next scenario.
  sim::Status ResetWorld(std::uint64_t seed);

  // For clients that send their own requests (the load engine's
  // asynchronous pool): where the servers are, session `s`'s bearer token
  // (empty when unknown), renewing it with its refresh token as MSAL does
  // silently (false when refused), and a fresh MS-RequestId.
  const NetworkTarget& target() const;
  std::string AccessToken(sim::SessionRef s) const;
  bool RenewToken(sim::SessionRef s);
  std::string NewRequestId();

  struct Impl;  // network_impl.h

 protected:
  void Invoke(std::size_t op, sim::SessionRef s, const void* request,
              void* result) override;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace tiersim::harness
