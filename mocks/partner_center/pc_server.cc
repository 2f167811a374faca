#include "mocks/partner_center/pc_server.h"

#include <nlohmann/json.hpp>

#include "mocks/http/http_server.h"
#include "mocks/http/plumbing.h"
#include "mocks/partner_center/op_routes.h"
#include "mocks/partner_center/pc_call.h"
#include "mocks/partner_center/pc_errors.h"
#include "mocks/wire/target.h"

namespace tiersim::mocks {

struct PartnerCenterServer::Impl {
  Impl(SharedWorld& world, BearerAuthenticator& auth,
       const PartnerCenterServerOptions& o)
      : http("partner-center",
             HttpServerOptions{.host = o.host,
                               .port = o.port,
                               .threads = o.threads,
                               .max_body_bytes = o.max_body_bytes}),
        ctx{world, auth, pc::IdempotencyCache(o.idempotency_entries),
            o.email_count} {}
  HttpServer http;
  pc::Context ctx;
};

PartnerCenterServer::PartnerCenterServer(SharedWorld& world,
                                         BearerAuthenticator& auth,
                                         Plumbing* plumbing,
                                         PartnerCenterServerOptions options)
    : impl_(std::make_unique<Impl>(world, auth, options)) {
  httplib::Server& r = impl_->http.routes();
  // httplib tries each route's regex in registration order: the
  // operations in sim/ops.h's order (the real API's first, what load tests
  // hit), then the plumbing.
  pc::AddOperationRoutes(r, impl_->ctx);
  r.Get(kEndpointsPath, [this, endpoints = options.endpoints](
                            const httplib::Request&, httplib::Response& res) {
    nlohmann::json out = {{endpoint_keys::kPartnerCenter, url()}};
    for (const auto& [name, value] : endpoints) out[name] = value;
    ReplyJson(res, 200, out.dump());
  });
  if (plumbing != nullptr) AddPlumbing(impl_->http, *plumbing);
  // Anything unanswered: an unknown route (404), a body over the limit
  // (413), a method the route lacks; always Partner Center's error shape.
  r.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a handler already answered
    std::string name = "RouteNotFound";
    std::string description =
        "no such endpoint: " + req.method + " " + req.path;
    std::string code = "1000";
    if (res.status == 413) {
      name = "BodyTooLarge";
      description = "the request body is larger than the server accepts";
      code = "TS413";
    } else if (res.status != 404) {
      name = "BadRequest";
      description = "the request could not be read (HTTP " +
                    std::to_string(res.status) + ")";
      code = "400056";
    }
    ReplyJson(res, res.status, PcRequestErrorBody(code, name, description));
  });
}

PartnerCenterServer::~PartnerCenterServer() { Stop(); }

sim::Status PartnerCenterServer::Start() { return impl_->http.Start(); }
void PartnerCenterServer::Stop() { impl_->http.Stop(); }
int PartnerCenterServer::port() const { return impl_->http.port(); }
std::string PartnerCenterServer::url() const { return impl_->http.url(); }

void PartnerCenterServer::ForgetRequests() {
  // The cache is used only under the world's lock.
  impl_->ctx.world.With(
      [this](InProcessWorld&) { impl_->ctx.idempotency.Clear(); });
}

}  // namespace tiersim::mocks
