// The baselines of the HTTP benchmark (scripts/bench_http.sh): a bare
// "hello" on tiersim's own server layer (mocks/http/http_server.h, Beast),
// and the same on a bare cpp-httplib server configured as tiersim's
// servers were before they moved to Beast (TCP_NODELAY, a 72-thread pool,
// long keep-alive), so that the comparison measures what the Partner
// Center order endpoint adds (token check, JSON, the core) and what the
// layer itself costs against the library it replaced.
//
//   hello_server PORT [beast|httplib]   serves GET /hello until SIGTERM
#include <httplib.h>
#include <signal.h>

#include <cstdlib>
#include <iostream>
#include <string_view>
#include <thread>

#include "mocks/http/http_server.h"

namespace {

sigset_t BlockStopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

int ServeBeast(int port, sigset_t signals) {
  tiersim::mocks::HttpServer server("hello",
                                    {.host = "127.0.0.1", .port = port});
  server.routes().Get("/hello", [](const tiersim::mocks::Request&,
                                   tiersim::mocks::Response& res) {
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

int ServeHttplib(int port, sigset_t signals) {
  httplib::Server server;
  server.new_task_queue = [] { return new httplib::ThreadPool(72); };
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(100000);
  server.set_keep_alive_timeout(5);
  server.Get("/hello", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("hello", "text/plain");
  });
  if (!server.bind_to_port("127.0.0.1", port)) {
    std::cerr << "cannot listen on port " << port << "\n";
    return 1;
  }
  std::thread loop([&server] { server.listen_after_bind(); });
  std::cout << "http://127.0.0.1:" << port << std::endl;
  int received = 0;
  sigwait(&signals, &received);
  server.stop();
  loop.join();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view mode = argc == 3 ? argv[2] : "beast";
  if ((argc != 2 && argc != 3) || (mode != "beast" && mode != "httplib")) {
    std::cerr << "usage: hello_server PORT [beast|httplib]\n";
    return 2;
  }
  const sigset_t signals = BlockStopSignals();
  const int port = std::atoi(argv[1]);
  return mode == "beast" ? ServeBeast(port, signals)
                         : ServeHttplib(port, signals);
}
