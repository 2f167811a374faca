#include "mocks/serve/served_world.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <random>

#include "mocks/aad/aad_server.h"
#include "mocks/aad/protocol/certificates.h"
#include "mocks/aad/protocol/jwt_keys.h"
#include "mocks/aad/protocol/token_cache.h"
#include "mocks/http/http_server.h"
#include "mocks/http/network_faults.h"
#include "mocks/mail/mail_service.h"
#include "mocks/mail/mailpit_api.h"
#include "mocks/mail/smtp_sender.h"
#include "mocks/mail/smtp_server.h"
#include "mocks/partner_center/pc_server.h"
#include "mocks/pmc/pmc_server.h"
#include "mocks/serve/world_adapters.h"
#include "mocks/world/outbox.h"
#include "mocks/world/shared_world.h"

namespace tiersim::mocks {

// Declared in the order they are built; destroyed in reverse.
struct ServedWorld::Parts {
  // Faults of the network, armed through /_tiersim/faults ("http.*"),
  // asked by every HTTP server; disarmed on reset. First: it outlives the
  // servers.
  NetworkFaults network_faults;
  CertificateFiles certificates;
  std::optional<SigningKey> signing_key;
  std::unique_ptr<MailService> mail;
  std::unique_ptr<SmtpServer> smtp;
  std::unique_ptr<SmtpSender> sender;
  std::unique_ptr<Outbox> outbox;  // the core's mail port, over `sender`
  std::unique_ptr<SharedWorld> world;
  std::atomic<SharedWorld*> world_ptr{nullptr};
  std::unique_ptr<WorldPlumbing> plumbing;
  std::unique_ptr<HttpServer> mail_api;
  std::unique_ptr<WorldAadBackend> aad_backend;
  std::unique_ptr<AadServer> aad;
  std::unique_ptr<TokenAuthenticator> authenticator;
  std::unique_ptr<PartnerCenterServer> partner_center;
  std::unique_ptr<PmcServer> pmc;
};

namespace {

std::string FreshCertificateDir() {
  std::random_device random;
  const auto dir = std::filesystem::temp_directory_path() /
                   ("tiersim-" + std::to_string(random()));
  return dir.string();
}

sim::Status Named(std::string_view server, const sim::Status& s) {
  if (s.ok()) return s;
  return sim::Error(s.code(), std::string(server) + ": " + s.message());
}

}  // namespace

ServedWorld::ServedWorld(ServeOptions options) : options_(std::move(options)) {}

ServedWorld::~ServedWorld() { Stop(); }

sim::Status ServedWorld::Start() {
  if (parts_ != nullptr) {
    return sim::Error(sim::ErrorCode::kFailedPrecondition, "already started");
  }
  // On an error `parts` is destroyed, and with it what was started.
  auto parts = std::make_unique<Parts>();
  Parts& p = *parts;
  if (auto s = MakeKeys(p); !s.ok()) return s;
  if (auto s = StartMail(p); !s.ok()) return s;
  if (auto s = MakeWorld(p); !s.ok()) return s;
  if (auto s = StartMailApi(p); !s.ok()) return s;
  if (auto s = StartAad(p); !s.ok()) return s;
  p.pmc = std::make_unique<PmcServer>(
      *p.world, p.plumbing.get(),
      PmcServerOptions{.host = options_.host,
                       .port = options_.pmc_port,
                       .network_faults = &p.network_faults});
  if (auto s = p.pmc->Start(); !s.ok()) return Named("PMC", s);
  if (auto s = StartPartnerCenter(p); !s.ok()) return s;
  p.plumbing->SetReady(true);
  parts_ = std::move(parts);
  return sim::OkStatus();
}

sim::Status ServedWorld::MakeKeys(Parts& p) const {
  const std::string dir = options_.certificate_dir.empty()
                              ? FreshCertificateDir()
                              : options_.certificate_dir;
  auto files = GenerateCertificateFiles(dir);
  if (!files.ok()) return Named("certificates", files.status());
  p.certificates = *files;
  auto key = SigningKey::Generate();
  if (!key.ok()) return Named("token signing key", key.status());
  p.signing_key.emplace(std::move(*key));
  return sim::OkStatus();
}

// Mail first: the core sends through it from its first operation on.
// Messages from other SMTP clients are stamped with the world's time.
sim::Status ServedWorld::StartMail(Parts& p) const {
  Parts* raw = &p;
  p.mail = std::make_unique<MailService>([raw]() {
    SharedWorld* world = raw->world_ptr.load();
    return world != nullptr ? world->Now() : sim::kDefaultEpoch;
  });
  SmtpServerOptions smtp_options;
  smtp_options.host = options_.host;
  smtp_options.port = options_.smtp_port;
  smtp_options.tls =
      SmtpTlsFiles{p.certificates.server_pem, p.certificates.server_key_pem};
  // The core's sender has a port of its own: clients holding every public
  // connection cannot lock it out.
  smtp_options.reserved_listener = true;
  p.smtp = std::make_unique<SmtpServer>(smtp_options, *p.mail);
  if (auto s = p.smtp->Start(); !s.ok()) return Named("SMTP server", s);
  SmtpSenderOptions sender_options;
  sender_options.host = options_.host;
  sender_options.port = p.smtp->reserved_port();
  p.sender = std::make_unique<SmtpSender>(sender_options);
  p.outbox = std::make_unique<Outbox>(*p.sender,
                                      OutboxOptions{.check = CheckEnvelope});
  return sim::OkStatus();
}

// The world, sending its mail through SMTP.
sim::Status ServedWorld::MakeWorld(Parts& p) const {
  Parts* raw = &p;
  SharedWorldOptions world_options;
  world_options.world.seed = options_.seed;
  world_options.world.start = options_.start;
  world_options.world.mail = p.outbox.get();
  world_options.outbox = p.outbox.get();
  world_options.on_reset = [raw] {
    raw->mail->Clear();
    if (raw->aad) raw->aad->ResetState();
    if (raw->pmc) raw->pmc->ForgetSessions();
    if (raw->partner_center) raw->partner_center->ForgetRequests();
    raw->network_faults.Clear();
  };
  p.world = std::make_unique<SharedWorld>(std::move(world_options));
  p.world_ptr = p.world.get();
  p.plumbing = std::make_unique<WorldPlumbing>(*p.world);
  if (options_.clock_speed > 0) {
    if (auto s = p.world->SetSpeed(options_.clock_speed); !s.ok()) return s;
  }
  return sim::OkStatus();
}

sim::Status ServedWorld::StartMailApi(Parts& p) const {
  p.mail_api = std::make_unique<HttpServer>(
      "mail-api", HttpServerOptions{.host = options_.host,
                                    .port = options_.mail_api_port,
                                    .threads = options_.http_threads,
                                    .network_faults = &p.network_faults});
  AddPlumbing(*p.mail_api, *p.plumbing);
  AddMailpitRoutes(*p.mail_api, *p.mail);
  return Named("mail API", p.mail_api->Start());
}

sim::Status ServedWorld::StartAad(Parts& p) const {
  p.aad_backend = std::make_unique<WorldAadBackend>(*p.world);
  AadServerOptions aad_options;
  aad_options.http.host = options_.host;
  aad_options.http.port = options_.aad_port;
  aad_options.http.threads = options_.http_threads;
  aad_options.http.network_faults = &p.network_faults;
  aad_options.http.tls =
      TlsFiles{p.certificates.server_pem, p.certificates.server_key_pem};
  p.aad = std::make_unique<AadServer>(*p.aad_backend, *p.signing_key,
                                      aad_options, p.plumbing.get());
  return Named("Azure AD", p.aad->Start());
}

sim::Status ServedWorld::StartPartnerCenter(Parts& p) const {
  // StartAad leaves the audience at its default: the same value here.
  p.authenticator = std::make_unique<TokenAuthenticator>(
      *p.world, AadServerOptions{}.partner_center_audience);
  p.authenticator->SetVerifier(
      std::make_unique<CachingTokenVerifier>(p.aad->MakeVerifier()));
  PartnerCenterServerOptions pc_options;
  pc_options.host = options_.host;
  pc_options.port = options_.partner_center_port;
  pc_options.threads = options_.http_threads;
  pc_options.network_faults = &p.network_faults;
  MailService* mail = p.mail.get();
  pc_options.email_count = [mail] { return mail->size(); };
  namespace keys = endpoint_keys;
  pc_options.endpoints = {
      {keys::kAad, p.aad->url()},
      {keys::kMailApi, p.mail_api->url()},
      {keys::kSmtp, options_.host + ":" + std::to_string(p.smtp->port())},
      {keys::kPmc, p.pmc->url()},
      {keys::kCaFile, p.certificates.ca_pem}};
  p.partner_center = std::make_unique<PartnerCenterServer>(
      *p.world, *p.authenticator, p.plumbing.get(), pc_options);
  return Named("Partner Center", p.partner_center->Start());
}

void ServedWorld::Stop() {
  if (parts_ == nullptr) return;
  Parts& p = *parts_;
  p.plumbing->SetReady(false);
  p.pmc->Stop();
  p.partner_center->Stop();
  p.aad->Stop();
  p.mail->Close();  // first: wakes clients blocked in the API's wait
  p.mail_api->Stop();
  (void)p.outbox->Drain(std::chrono::seconds(1));  // mail awaiting a retry
  p.smtp->Stop();
  parts_.reset();
}

std::string ServedWorld::partner_center_url() const {
  return parts_->partner_center->url();
}
std::string ServedWorld::aad_url() const { return parts_->aad->url(); }
std::string ServedWorld::pmc_url() const { return parts_->pmc->url(); }
std::string ServedWorld::mail_api_url() const {
  return parts_->mail_api->url();
}
int ServedWorld::smtp_port() const { return parts_->smtp->port(); }
std::string ServedWorld::ca_file() const { return parts_->certificates.ca_pem; }

NetworkTarget ServedWorld::target() const {
  NetworkTarget t;
  t.partner_center_url = partner_center_url();
  t.aad_url = aad_url();
  t.mail_api_url = mail_api_url();
  t.ca_file = ca_file();
  return t;
}

}  // namespace tiersim::mocks
