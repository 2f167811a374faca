// smtp_ingest_server: the SMTP server on 127.0.0.1 for scripts/bench_smtp.sh,
// which drives it and Postfix's smtp-sink with the same smtp-source client.
//
//   smtp_ingest_server [--port N] [--threads N] [--sink]
//
// By default every message goes the whole served way: SMTP session, MIME
// decoding, MailService (kept in memory, searchable). --sink only counts
// messages, like smtp-sink. One thread unless --threads says otherwise, as
// smtp-sink is one process with one thread (SmtpServer's own default is 2).
// Prints "listening on 127.0.0.1:PORT" once ready, runs until SIGINT or
// SIGTERM, then prints "accepted N messages".
#include <pthread.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

#include "mocks/mail/mail_service.h"
#include "mocks/mail/smtp_server.h"

namespace {

int Usage() {
  std::cerr << "usage: smtp_ingest_server [--port N] [--threads N] [--sink]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  using tiersim::mocks::MailService;
  using tiersim::mocks::SmtpEnvelope;
  using tiersim::mocks::SmtpReply;
  using tiersim::mocks::SmtpServer;
  using tiersim::mocks::SmtpServerOptions;

  SmtpServerOptions options;
  options.threads = 1;
  bool sink = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--port" || arg == "--threads") && i + 1 < argc) {
      char* end = nullptr;
      const long value = std::strtol(argv[++i], &end, 10);
      if (*end != '\0' || value < 0 || value > 65535) return Usage();
      (arg == "--port" ? options.port : options.threads) =
          static_cast<int>(value);
    } else if (arg == "--sink") {
      sink = true;
    } else {
      return Usage();
    }
  }

  // The server's threads inherit this mask, so only sigwait sees them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  MailService mail([] { return tiersim::sim::kDefaultEpoch; });
  std::atomic<std::size_t> counted{0};
  SmtpServer server =
      sink ? SmtpServer(options,
                        [&counted](const SmtpEnvelope&, std::string) {
                          ++counted;
                          return SmtpReply{250, "2.0.0 Ok"};
                        })
           : SmtpServer(options, mail);
  if (const tiersim::sim::Status status = server.Start(); !status.ok()) {
    std::cerr << "smtp_ingest_server: " << status.ToString() << "\n";
    return 1;
  }
  std::cout << "listening on 127.0.0.1:" << server.port() << std::endl;
  int signal = 0;
  sigwait(&signals, &signal);
  server.Stop();
  std::cout << "accepted " << (sink ? counted.load() : mail.size())
            << " messages" << std::endl;
  return 0;
}
