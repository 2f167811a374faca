// The network transport (harness/transport/network_client.h) on its own:
// finding a served world from one URL, and every way a server can fail
// coming back as the step's own Status — named, with the code the
// in-process transport would give — instead of being latched or thrown.
#include "harness/transport/network_client.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "mocks/serve/served_world.h"
#include "sim/ops.h"
#include "tests/common/status_matchers.h"

namespace tiersim::harness {
namespace {

using mocks::NetworkTarget;
using sim::ErrorCode;
using ::tiersim::testing::IsOk;
using ::tiersim::testing::StatusIs;

constexpr char kPassword[] = "Contoso-Passw0rd!";

// A port nothing listens on: bound, then closed.
int FreePort() {
  httplib::Server probe;
  const int port = probe.bind_to_any_port("127.0.0.1");
  probe.stop();
  return port;
}

// An HTTP server that is not tiersim: every request gets `status` and
// `body`.
class ForeignServer {
 public:
  ForeignServer(int status, std::string body) {
    server_.Get(".*", [=](const httplib::Request&, httplib::Response& res) {
      res.status = status;
      res.set_content(body, "text/plain");
    });
    server_.Post(".*", [=](const httplib::Request&, httplib::Response& res) {
      res.status = status;
      res.set_content(body, "text/plain");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::yield();
  }
  ~ForeignServer() {
    server_.stop();
    thread_.join();
  }
  std::string url() const {
    return "http://127.0.0.1:" + std::to_string(port_);
  }

 private:
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

TEST(NetworkClientTest, DiscoveryNamesAnUnreachableServer) {
  const std::string url = "http://127.0.0.1:" + std::to_string(FreePort());
  auto target = DiscoverTarget(url);
  ASSERT_THAT(target, StatusIs(ErrorCode::kUnavailable));
  EXPECT_NE(target.status().message().find("Partner Center"), std::string::npos)
      << target.status().message();
  EXPECT_NE(target.status().message().find(url), std::string::npos)
      << target.status().message();
}

TEST(NetworkClientTest, DiscoveryRefusesAServerThatIsNotTiersim) {
  ForeignServer foreign(404, "not here");
  auto target = DiscoverTarget(foreign.url());
  ASSERT_THAT(target, StatusIs(ErrorCode::kUnavailable));
  EXPECT_NE(target.status().message().find("is not a tiersim Partner Center"),
            std::string::npos)
      << target.status().message();
}

TEST(NetworkClientTest, APartnerCenterThatAnswersGarbageFailsTheCall) {
  ForeignServer foreign(500, "<html>oops</html>");
  NetworkTarget target;
  target.partner_center_url = foreign.url();
  target.aad_url = foreign.url();
  target.mail_api_url = foreign.url();
  NetworkClient client(target);
  // Every failure is the call's own result, saying what came back: nothing
  // throws, nothing hangs, nothing is latched for later.
  auto time = client.Time();
  ASSERT_THAT(time, StatusIs(ErrorCode::kInternal));
  EXPECT_NE(time.status().message().find("HTTP 500 without a Partner Center "
                                         "error body"),
            std::string::npos)
      << time.status().message();
  const sim::Status advanced = client.Advance(sim::hours(1));
  EXPECT_THAT(advanced, StatusIs(ErrorCode::kInternal));
  EXPECT_NE(advanced.message().find("HTTP 500"), std::string::npos)
      << advanced.message();
  auto session = client.SignIn("someone@contoso.onmicrosoft.com", kPassword);
  ASSERT_THAT(session, StatusIs(ErrorCode::kInternal));
  EXPECT_NE(session.status().message().find("Azure AD"), std::string::npos)
      << session.status().message();
}

class NetworkClientWorldTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = std::make_unique<mocks::ServedWorld>(
        mocks::ServeOptions{.http_threads = 4});
    ASSERT_THAT(world_->Start(), IsOk());
  }
  static void TearDownTestSuite() { world_.reset(); }

  void SetUp() override {
    client_ = std::make_unique<NetworkClient>(world_->target());
    ASSERT_THAT(client_->ResetWorld(1), IsOk());
    auto contoso =
        client_->SeedPartner({.program = sim::Program::kIndirectProvider,
                              .legal_name = "Contoso Distribution",
                              .domain_prefix = "contoso",
                              .mpn = sim::MpnId(4100001),
                              .admin_password = kPassword});
    ASSERT_THAT(contoso, IsOk());
    admin_ = contoso->admin_upn;
  }

  static std::unique_ptr<mocks::ServedWorld> world_;
  std::unique_ptr<NetworkClient> client_;
  std::string admin_;
};
std::unique_ptr<mocks::ServedWorld> NetworkClientWorldTest::world_;

TEST_F(NetworkClientWorldTest, DiscoveryFindsEveryServerFromOneUrl) {
  auto target = DiscoverTarget(world_->partner_center_url());
  ASSERT_THAT(target, IsOk());
  const NetworkTarget expected = world_->target();
  EXPECT_EQ(target->partner_center_url, expected.partner_center_url);
  EXPECT_EQ(target->aad_url, expected.aad_url);
  EXPECT_EQ(target->mail_api_url, expected.mail_api_url);
  EXPECT_EQ(target->ca_file, expected.ca_file);
}

TEST_F(NetworkClientWorldTest, SignInFailuresReadBackAsTheCoresCodes) {
  EXPECT_THAT(client_->SignIn(admin_, "Wrong-Passw0rd!"),
              StatusIs(ErrorCode::kInvalidCredentials));
  EXPECT_THAT(client_->SignIn("nobody@contoso.onmicrosoft.com", kPassword),
              StatusIs(ErrorCode::kInvalidCredentials));
  EXPECT_THAT(client_->SignIn(admin_, kPassword), IsOk());
}

TEST_F(NetworkClientWorldTest, PartnerCenterErrorsKeepTheirCode) {
  auto session = client_->SignIn(admin_, kPassword);
  ASSERT_THAT(session, IsOk());
  // A customer that does not exist: NotFound, as in process.
  auto customer = client_->Call<sim::ops::GetCustomer>(
      *session, {.customer = sim::CustomerId(999)});
  EXPECT_THAT(customer, StatusIs(ErrorCode::kNotFound));
  // A page size the API refuses: the core's InvalidArgument, carried back
  // with its code.
  auto listed =
      client_->Call<sim::ops::ListCustomers>(*session, {.size = 100000});
  EXPECT_THAT(listed, StatusIs(ErrorCode::kInvalidArgument));
}

TEST_F(NetworkClientWorldTest, AnUnknownSessionIsRefusedAsInProcess) {
  auto listed =
      client_->Call<sim::ops::ListCustomers>(sim::SessionRef{.value = 77}, {});
  EXPECT_THAT(listed, StatusIs(ErrorCode::kNotFound));
}

// Network faults (http.*) armed through the control: what the network
// failed is retried (Retry-After honoured, a POST once only thanks to its
// MS-RequestId); what keeps failing comes back as Unavailable.
TEST_F(NetworkClientWorldTest, WhatTheNetworkFailedIsRetried) {
  auto session = client_->SignIn(admin_, kPassword);
  ASSERT_THAT(session, IsOk());
  ASSERT_THAT(client_->ArmFault("http.429",
                                {.times = 2,
                                 .delay = std::chrono::seconds(1),
                                 .match = "partner-center GET /v1/customers"}),
              IsOk());
  const auto start = std::chrono::steady_clock::now();
  EXPECT_THAT(client_->Call<sim::ops::ListCustomers>(*session, {}), IsOk());
  EXPECT_GE(std::chrono::steady_clock::now() - start,
            std::chrono::seconds(2));  // Retry-After: 1 s, twice

  ASSERT_THAT(client_->ArmFault("http.reset",
                                {.times = 1,
                                 .match = "partner-center POST "
                                          "/v1/tiersim/customer-invitations"}),
              IsOk());
  EXPECT_THAT(client_->Call<sim::ops::InviteCustomer>(
                  *session, {.customer_email = "admin@alpine.example"}),
              IsOk());
  auto counts = client_->Counts();
  ASSERT_THAT(counts, IsOk());
  EXPECT_EQ(counts->core.invitations, 1u);  // sent once, not twice

  ASSERT_THAT(client_->ArmFault(
                  "http.500",
                  {.times = 10, .match = "partner-center GET /v1/customers"}),
              IsOk());
  auto failed = client_->Call<sim::ops::ListCustomers>(*session, {});
  ASSERT_THAT(failed, StatusIs(ErrorCode::kUnavailable));
  EXPECT_NE(failed.status().message().find("HTTP 500"), std::string::npos)
      << failed.status().message();
  // A route that is not a network fault's is refused, naming what is known.
  EXPECT_THAT(client_->ArmFault("http.418", {}),
              StatusIs(ErrorCode::kInvalidArgument));
}

TEST_F(NetworkClientWorldTest, AStoppedWorldFailsTheNextCallNamingTheServer) {
  auto session = client_->SignIn(admin_, kPassword);
  ASSERT_THAT(session, IsOk());
  world_->Stop();
  auto listed = client_->Call<sim::ops::ListCustomers>(*session, {});
  ASSERT_THAT(listed, StatusIs(ErrorCode::kUnavailable));
  EXPECT_NE(listed.status().message().find("Partner Center"), std::string::npos)
      << listed.status().message();
  EXPECT_THAT(client_->Time(), StatusIs(ErrorCode::kUnavailable));
  // The suite's other tests get a world again.
  world_ = std::make_unique<mocks::ServedWorld>(
      mocks::ServeOptions{.http_threads = 4});
  ASSERT_THAT(world_->Start(), IsOk());
}

}  // namespace
}  // namespace tiersim::harness
