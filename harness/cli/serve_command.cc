#include "harness/cli/serve_command.h"

#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <ctime>
#include <iostream>
#include <optional>

#include "harness/format/loader.h"
#include "harness/transport/network_client.h"
#include "harness/vocabulary/stage.h"
#include "mocks/serve/served_world.h"
#include "sim/time.h"

namespace tiersim::harness {
namespace {

constexpr int kExitUsage = 2;

// Seeds the served world with the cast of the first scenario in `file`,
// through the network like any client would.
bool SeedFromScenario(const std::string& file,
                      const mocks::NetworkTarget& target) {
  LoadResult loaded = LoadScenarioFile(file);
  for (const Diagnostic& d : loaded.errors) {
    std::cerr << FormatDiagnostic(d) << "\n";
  }
  if (!loaded.errors.empty()) return false;
  if (loaded.scenarios.empty()) {
    std::cerr << "tiersim serve: " << file << " holds no scenario\n";
    return false;
  }
  const Scenario& scenario = loaded.scenarios.front();
  NetworkClient client(target);
  Stage stage(scenario, client, client);
  sim::Status seeded = stage.SeedCast();
  if (!seeded.ok()) {
    std::cerr << "tiersim serve: seeding the cast of \"" << scenario.name
              << "\" failed: " << seeded.ToString() << "\n";
    return false;
  }
  std::cout << "world seeded with the cast of \"" << scenario.name << "\" ("
            << scenario.cast.size() << " characters)\n";
  return true;
}

// "2026-01-01T00:00:00Z" -> its time; nullopt when malformed or impossible.
std::optional<sim::SimTime> ParseStart(const std::string& text) {
  auto t = sim::ParseIsoTime(text);
  if (!t.ok()) return std::nullopt;
  return *t;
}

}  // namespace

int Serve(const ServeArgs& args) {
  // Block the signals before any server thread starts, so every thread
  // inherits the mask and only sigwait below receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  sim::SimTime start = sim::kDefaultEpoch;
  if (args.start == "now") {
    start = sim::SimTime(std::chrono::duration_cast<sim::Duration>(
        std::chrono::duration_cast<std::chrono::seconds>(
            std::chrono::system_clock::now().time_since_epoch())));
  } else if (auto parsed = ParseStart(args.start)) {
    start = *parsed;
  } else {
    std::cerr << "tiersim serve: --start must be \"now\" or a UTC time such "
                 "as 2026-01-01T00:00:00Z, not \""
              << args.start << "\"\n";
    return kExitUsage;
  }
  mocks::ServedWorld world({.host = args.host,
                            .partner_center_port = args.partner_center_port,
                            .aad_port = args.aad_port,
                            .pmc_port = args.pmc_port,
                            .smtp_port = args.smtp_port,
                            .mail_api_port = args.mail_api_port,
                            .seed = args.seed,
                            .start = start,
                            .clock_speed = args.clock_speed,
                            .certificate_dir = args.certificate_dir,
                            .http_threads = args.threads});
  sim::Status started = world.Start();
  if (!started.ok()) {
    std::cerr << "tiersim serve: " << started.message() << "\n";
    return kExitUsage;
  }
  if (!args.world_file.empty() &&
      !SeedFromScenario(args.world_file, world.target())) {
    return kExitUsage;
  }
  std::cout << "tiersim serve: seed " << args.seed << ", virtual time starts "
            << sim::FormatSimTime(start) << "\n"
            << "  Partner Center  " << world.partner_center_url() << "/v1\n"
            << "  Azure AD        " << world.aad_url()
            << "/{tenant}/v2.0  (HTTPS)\n"
            << "  PMC             " << world.pmc_url() << "/v1\n"
            << "  SMTP            " << args.host << ":" << world.smtp_port()
            << "  (STARTTLS)\n"
            << "  Mail API        " << world.mail_api_url() << "/api/v1\n"
            << "  CA certificate  " << world.ca_file() << "\n"
            << "Press Ctrl-C to stop." << std::endl;
  int received = 0;
  sigwait(&signals, &received);
  std::cout << "tiersim serve: " << (received == SIGINT ? "SIGINT" : "SIGTERM")
            << " received; stopping" << std::endl;
  world.Stop();
  std::cout << "tiersim serve: stopped" << std::endl;
  return 0;
}

}  // namespace tiersim::harness
