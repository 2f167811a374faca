// The baseline of the HTTP benchmark: a bare cpp-httplib "hello" server,
// configured exactly as tiersim's servers are (mocks/http/http_server.h:
// TCP_NODELAY, a worker pool sized for the connections, long keep-alive, a
// deep backlog), so that the comparison measures what the Partner Center
// order endpoint adds (token check, JSON, the core), not httplib's defaults.
//
//   hello_server PORT     serves GET /hello until stdin closes or SIGTERM
#include <signal.h>

#include <cstdlib>
#include <iostream>

#include "mocks/http/http_server.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: hello_server PORT\n";
    return 2;
  }
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  tiersim::mocks::HttpServer server(
      "hello", {.host = "127.0.0.1", .port = std::atoi(argv[1])});
  server.routes().Get("/hello",
                      [](const httplib::Request&, httplib::Response& res) {
                        res.set_content("hello", "text/plain");
                      });
  if (auto s = server.Start(); !s.ok()) {
    std::cerr << s.ToString() << "\n";
    return 1;
  }
  std::cout << server.url() << std::endl;
  int received = 0;
  sigwait(&signals, &received);
  server.Stop();
  return 0;
}
