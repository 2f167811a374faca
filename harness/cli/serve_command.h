// `tiersim serve` and the network side of `tiersim run`: starting a served
// world, seeding it from a scenario's cast, waiting for SIGINT/SIGTERM.
#pragma once

#include <cstdint>
#include <string>

namespace tiersim::harness {

struct ServeArgs {
  std::string host = "127.0.0.1";
  int partner_center_port = 5080;
  int aad_port = 5443;
  int pmc_port = 5081;
  int smtp_port = 2525;
  int mail_api_port = 8025;
  std::uint64_t seed = 1;
  double clock_speed = 0;
  // "now" (the wall clock at start, whole seconds) or a time such as
  // 2026-01-01T00:00:00Z: where virtual time starts.
  std::string start = "now";
  std::string certificate_dir;
  std::string world_file;  // a scenario whose cast seeds the world
  int threads = 0;  // event-loop threads per server; 0: one per core, >= 2
};

// Serves until SIGINT or SIGTERM; returns the exit code (0, or 2 when a
// server cannot start or the world file is invalid).
int Serve(const ServeArgs& args);

}  // namespace tiersim::harness
