#include "harness/load/net/network_transport.h"

#include <array>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/http/field.hpp>
#include <optional>

#include "harness/load/net/http_pool.h"
#include "harness/transport/pc_answers.h"
#include "mocks/common/form_encoding.h"
#include "mocks/wire/op_wire.h"
#include "sim/ops.h"

namespace tiersim::harness::load::net {

namespace asio = boost::asio;
namespace wire = mocks::wire;
using nlohmann::json;
using sim::ErrorCode;

namespace {

// One declared operation's request encoder and reply decoder, by number.
struct OpCodec {
  wire::WireRequest (*encode)(const void* request) = nullptr;
  void (*decode)(const json& reply, void* result) = nullptr;
  void (*fail)(sim::Status status, void* result) = nullptr;
};

const OpCodec& CodecOf(std::size_t op) {
  using Ops = sim::ops::PartnerCenterOps;
  static const std::array<OpCodec, Ops::kSize> table = [] {
    std::array<OpCodec, Ops::kSize> t{};
    Ops::ForEach([&t]<typename Op>() {
      using R = sim::Result<typename Op::Response>;
      t[Ops::IndexOf<Op>()] = {
          .encode =
              [](const void* r) {
                return wire::EncodeRequest<Op>(
                    *static_cast<const typename Op::Request*>(r));
              },
          .decode =
              [](const json& j, void* out) {
                *static_cast<R*>(out) = wire::DecodeReply<Op>(j);
              },
          .fail = [](sim::Status s,
                     void* out) { *static_cast<R*>(out) = std::move(s); }};
    });
    return t;
  }();
  return table[op];
}

struct HostPort {
  std::string host, port;
};

// "http://127.0.0.1:5080" -> 127.0.0.1, 5080; nullopt when not http.
std::optional<HostPort> ParseHttpUrl(const std::string& url) {
  constexpr std::string_view kScheme = "http://";
  if (url.rfind(kScheme, 0) != 0) return std::nullopt;
  std::string rest = url.substr(kScheme.size());
  rest = rest.substr(0, rest.find('/'));
  if (rest.empty()) return std::nullopt;
  const auto colon = rest.rfind(':');
  if (colon == std::string::npos || rest.back() == ']')
    return HostPort{rest, "80"};
  std::string host = rest.substr(0, colon);
  if (host.size() > 2 && host.front() == '[')
    host = host.substr(1, host.size() - 2);
  return HostPort{host, rest.substr(colon + 1)};
}

// One operation in flight, across its attempts.
struct Call {
  const OpCodec* codec = nullptr;
  void* result = nullptr;
  std::coroutine_handle<> resume;
  sim::SessionRef session;
  HttpRequest request;
  int failures = 0;
  bool renewed = false;
};

std::string Text(const json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string()
             ? j[key].get<std::string>()
             : std::string();
}

}  // namespace

struct NetworkLoadTransport::Impl {
  Impl(NetworkClient& c, NetworkTransportOptions o, const HostPort& pc_at,
       const HostPort& mail_at)
      : client(c),
        options(o),
        work(asio::make_work_guard(io)),
        pc(io, pc_at.host, pc_at.port, Pool(o)),
        mail(io, mail_at.host, mail_at.port, Pool(o)) {}

  static PoolOptions Pool(const NetworkTransportOptions& o) {
    return {.max_connections = o.max_connections,
            .connect_timeout = o.connect_timeout,
            .request_timeout = o.request_timeout};
  }

  void Send(const std::shared_ptr<Call>& call) {
    pc.Send(call->request,
            [this, call](HttpAnswer a) { OnAnswer(call, std::move(a)); });
  }

  void OnAnswer(const std::shared_ptr<Call>& call, HttpAnswer a) {
    const std::chrono::milliseconds backoff(250 << std::min(call->failures, 4));
    if (!a.error.empty()) {
      if (++call->failures < options.max_attempts) return Later(call, backoff);
      return Complete(call, sim::Error(ErrorCode::kUnavailable,
                                       "Partner Center at " +
                                           client.target().partner_center_url +
                                           " did not answer: " + a.error));
    }
    const int status = static_cast<int>(a.response.result_int());
    const std::string& body = a.response.body();
    if (status == 401 && call->session.value != 0 && !call->renewed &&
        body.find("\"InvalidToken\"") != std::string::npos) {
      call->renewed = true;
      if (client.RenewToken(call->session)) {
        call->request.set(http::field::authorization,
                          "Bearer " + client.AccessToken(call->session));
        return Send(call);
      }
    }
    if (TransportFailure(status, body) &&
        ++call->failures < options.max_attempts) {
      return Later(call,
                   RetryAfter(std::string(a.response[http::field::retry_after]),
                              backoff));
    }
    if (status >= 300) return Complete(call, PcFailure(status, body));
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded()) {
      return Complete(
          call, sim::Error(ErrorCode::kInternal,
                           std::string(call->request.method_string()) + " " +
                               std::string(call->request.target()) +
                               " answered with invalid JSON"));
    }
    call->codec->decode(wire::Lowered(std::move(j)), call->result);
    call->resume.resume();
  }

  // Sends `call` again after `wait`, without blocking the loop.
  void Later(const std::shared_ptr<Call>& call,
             std::chrono::milliseconds wait) {
    ++retries;
    auto timer = std::make_shared<asio::steady_timer>(io, wait);
    timer->async_wait([this, call, timer](const boost::system::error_code& ec) {
      if (!ec) Send(call);
    });
  }

  void Complete(const std::shared_ptr<Call>& call, sim::Status status) {
    call->codec->fail(std::move(status), call->result);
    call->resume.resume();
  }

  // The mail API's answer to a GET, as JSON, or why not.
  sim::Result<json> MailJson(const HttpAnswer& a, const std::string& what) {
    if (!a.error.empty()) {
      return sim::Error(ErrorCode::kUnavailable,
                        "the mail API at " + client.target().mail_api_url +
                            " did not answer: " + a.error);
    }
    json j = json::parse(a.response.body(), nullptr, false);
    if (a.response.result_int() >= 300 || !j.is_object()) {
      return sim::Error(ErrorCode::kUnavailable,
                        "the mail API answered " + what + " with HTTP " +
                            std::to_string(a.response.result_int()));
    }
    return j;
  }

  static HttpRequest Get(const std::string& target) {
    HttpRequest r{http::verb::get, target, 11};
    return r;
  }

  void FetchNewest(const std::string& address, const std::string& query,
                   sim::Result<std::vector<sim::MailView>>* result,
                   std::coroutine_handle<> resume) {
    std::string q = "to:" + address;
    if (!query.empty()) q += " " + query;
    mail.Send(
        Get("/api/v1/search?query=" + mocks::PercentEncode(q) + "&limit=1"),
        [this, result, resume](HttpAnswer a) {
          auto page = MailJson(a, "a search");
          if (!page.ok()) {
            *result = page.status();
            return resume.resume();
          }
          const json& messages = (*page)["messages"];
          if (!messages.is_array() || messages.empty()) {
            *result = std::vector<sim::MailView>{};
            return resume.resume();
          }
          const json& id = messages[0]["ID"];
          const std::string id_text =
              id.is_string() ? id.get<std::string>()
                             : std::to_string(id.get<std::uint64_t>());
          mail.Send(Get("/api/v1/message/" + id_text), [this, result, resume,
                                                        id_text](HttpAnswer m) {
            auto full = MailJson(m, "message " + id_text);
            if (!full.ok()) {
              *result = full.status();
              return resume.resume();
            }
            sim::MailView v;
            v.id = sim::MessageId(sim::ParseDecimal(id_text).value_or(0));
            v.subject = Text(*full, "Subject");
            v.text = Text(*full, "Text");
            v.kind = Text(*full, "Kind");
            *result = std::vector<sim::MailView>{std::move(v)};
            resume.resume();
          });
        });
  }

  NetworkClient& client;
  NetworkTransportOptions options;
  asio::io_context io;
  asio::executor_work_guard<asio::io_context::executor_type> work;
  HttpPool pc;
  HttpPool mail;
  std::uint64_t requests = 0;
  std::uint64_t retries = 0;
};

sim::Result<std::unique_ptr<NetworkLoadTransport>> NetworkLoadTransport::Create(
    NetworkClient& client, NetworkTransportOptions options) {
  const auto pc = ParseHttpUrl(client.target().partner_center_url);
  const auto mail = ParseHttpUrl(client.target().mail_api_url);
  if (!pc || !mail) {
    return sim::Error(
        ErrorCode::kInvalidArgument,
        "the load engine drives http://host:port servers; Partner Center is "
        "at \"" +
            client.target().partner_center_url + "\" and the mail API at \"" +
            client.target().mail_api_url + "\"");
  }
  auto impl = std::make_unique<Impl>(client, options, *pc, *mail);
  for (const HttpPool* p : {&impl->pc, &impl->mail}) {
    if (!p->resolve_error().empty()) {
      return sim::Error(ErrorCode::kUnavailable, p->resolve_error());
    }
  }
  return std::unique_ptr<NetworkLoadTransport>(
      new NetworkLoadTransport(std::move(impl)));
}

NetworkLoadTransport::NetworkLoadTransport(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
NetworkLoadTransport::~NetworkLoadTransport() = default;

bool NetworkLoadTransport::Start(std::size_t op, sim::SessionRef s,
                                 const void* request, void* result,
                                 std::coroutine_handle<> resume) {
  auto call = std::make_shared<Call>();
  call->codec = &CodecOf(op);
  call->result = result;
  call->resume = resume;
  call->session = s;
  const wire::WireRequest w = call->codec->encode(request);
  HttpRequest& r = call->request;
  const std::string_view method = sim::HttpMethodName(w.method);
  r.method(http::string_to_verb({method.data(), method.size()}));
  r.target(w.target);
  r.version(11);
  for (const auto& [name, value] : w.headers) r.set(name, value);
  if (w.method == sim::HttpMethod::kPost) {
    r.set("MS-RequestId", impl_->client.NewRequestId());
  }
  if (s.value != 0) {
    const std::string token = impl_->client.AccessToken(s);
    if (token.empty()) {
      call->codec->fail(
          sim::Error(ErrorCode::kNotFound, "not signed in (unknown session)"),
          result);
      return true;
    }
    r.set(http::field::authorization, "Bearer " + token);
  }
  if (w.has_body) {
    r.set(http::field::content_type, "application/json");
    r.body() = w.body;
  }
  ++impl_->requests;
  impl_->Send(call);
  return false;
}

bool NetworkLoadTransport::StartInbox(
    const std::string& address, const std::string& query,
    sim::Result<std::vector<sim::MailView>>* result,
    std::coroutine_handle<> resume) {
  impl_->FetchNewest(address, query, result, resume);
  return false;
}

void NetworkLoadTransport::RunUntil(WallClockTime deadline) {
  impl_->io.run_until(deadline);
}

sim::Client& NetworkLoadTransport::client() { return impl_->client; }
sim::WorldControl& NetworkLoadTransport::control() { return impl_->client; }

NetworkLoadTransport::Stats NetworkLoadTransport::stats() const {
  return {.requests = impl_->requests,
          .retries = impl_->retries,
          .connections =
              impl_->pc.connections_made() + impl_->mail.connections_made(),
          .resent = impl_->pc.resent() + impl_->mail.resent()};
}

}  // namespace tiersim::harness::load::net
