#include "mocks/partner_center/pc_server.h"

#include <nlohmann/json.hpp>

#include "mocks/common/json_text.h"
#include "mocks/http/http_server.h"
#include "mocks/http/plumbing.h"
#include "mocks/partner_center/op_routes.h"
#include "mocks/partner_center/pc_call.h"
#include "mocks/partner_center/pc_errors.h"
#include "mocks/partner_center/render_worker.h"
#include "mocks/wire/target.h"

namespace tiersim::mocks {

struct PartnerCenterServer::Impl {
  Impl(SharedWorld& world, BearerAuthenticator& auth,
       const PartnerCenterServerOptions& o)
      : http("partner-center",
             HttpServerOptions{.host = o.host,
                               .port = o.port,
                               .threads = o.threads,
                               .max_body_bytes = o.max_body_bytes,
                               .network_faults = o.network_faults}),
        ctx{world,
            auth,
            pc::IdempotencyCache(
                {.entries_per_caller = o.idempotency_entries_per_caller}),
            o.email_count,
            [this](std::function<void()> task) {
              return renderer.Post(std::move(task));
            },
            o.network_faults} {}
  pc::RenderWorker renderer;  // stopped after the server (declared first)
  HttpServer http;
  pc::Context ctx;
};

PartnerCenterServer::PartnerCenterServer(SharedWorld& world,
                                         BearerAuthenticator& auth,
                                         Plumbing* plumbing,
                                         PartnerCenterServerOptions options)
    : impl_(std::make_unique<Impl>(world, auth, options)) {
  Router& r = impl_->http.routes();
  // The router tries each route's regex in registration order: the
  // operations in sim/ops.h's order (the real API's first, what load tests
  // hit), then the plumbing.
  pc::AddOperationRoutes(r, impl_->ctx);
  r.Get(kEndpointsPath,
        [this, endpoints = options.endpoints](const Request&, Response& res) {
          nlohmann::json out = {{endpoint_keys::kPartnerCenter, url()}};
          for (const auto& [name, value] : endpoints) out[name] = value;
          ReplyJson(res, 200, DumpJson(out));
        });
  if (plumbing != nullptr) AddPlumbing(impl_->http, *plumbing);
  // What the layer or the router refused (an unknown route, a body over
  // the limit, a malformed request, a failed handler): always Partner
  // Center's error shape.
  r.set_error_handler(
      [](const Request&, const HttpError& error, Response& res) {
        const std::string code = error.status == 404   ? "1000"
                                 : error.status == 413 ? "TS413"
                                 : error.status >= 500 ? "TS500"
                                                       : "400056";
        ReplyJson(res, error.status,
                  PcRequestErrorBody(code, error.code, error.message));
      });
}

PartnerCenterServer::~PartnerCenterServer() { Stop(); }

sim::Status PartnerCenterServer::Start() { return impl_->http.Start(); }
void PartnerCenterServer::Stop() {
  impl_->http.Stop();
  impl_->renderer.Stop();
}
int PartnerCenterServer::port() const { return impl_->http.port(); }
std::string PartnerCenterServer::url() const { return impl_->http.url(); }

void PartnerCenterServer::ForgetRequests() {
  // The cache is used only under the world's lock.
  impl_->ctx.world.With(
      [this](InProcessWorld&) { impl_->ctx.idempotency.Clear(); });
}

}  // namespace tiersim::mocks
