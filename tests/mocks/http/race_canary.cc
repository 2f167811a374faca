// A deliberate data race inside a route handler, for ThreadSanitizer to
// catch: proof that TSan sees the whole server layer (our code, not a
// prebuilt library behind a suppression). Not a test of the normal run:
// scripts/check.sh runs it in the tsan build and requires the report.
//
//   http_race_canary     exits 0 when no race was reported (under TSan:
//                        a failure of the check), else TSan exits first
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "mocks/http/http_server.h"
#include "tests/common/raw_http.h"

int main() {
  tiersim::mocks::HttpServer server("race-canary", {.threads = 2});
  int unguarded = 0;  // written by every handler, no lock: the race
  server.routes().Get("/race", [&unguarded](const tiersim::mocks::Request&,
                                            tiersim::mocks::Response& res) {
    ++unguarded;
    res.set_content(std::to_string(unguarded), "text/plain");
  });
  if (!server.Start().ok()) return 2;
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back([port = server.port()] {
      tiersim::testing::RawConnection connection(port);
      for (int i = 0; i < 200; ++i) {
        connection.Send("GET /race HTTP/1.1\r\n\r\n");
        if (!connection.ReadResponse()) return;
      }
    });
  }
  for (std::thread& t : clients) t.join();
  server.Stop();
  std::cout << "no race reported (" << unguarded << " requests)\n";
  return 0;
}
