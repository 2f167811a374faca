#include "mocks/mail/mailpit_api.h"

#include <exception>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "mocks/common/form_encoding.h"
#include "mocks/http/http_server.h"
#include "mocks/mail/mime.h"
#include "sim/ids.h"
#include "sim/links.h"

namespace tiersim::mocks {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kDefaultLimit = 50;
constexpr auto kDefaultWait = std::chrono::seconds(5);
constexpr auto kMaxWait = std::chrono::seconds(60);
constexpr const char* kMessageRoute = R"(/api/v1/message/([^/]+))";

// Messages from arbitrary SMTP clients may hold invalid UTF-8 (8-bit text
// without a charset): replaced by U+FFFD instead of failing the reply.
std::string Dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void ReplyError(Response& res, int status, sim::ErrorCode code,
                const std::string& description) {
  ReplyJson(res, status,
            Dump(Json{{"code", std::string(sim::ErrorCodeName(code))},
                      {"description", description}}));
}

// Mailpit answers a plain "ok"; we answer JSON (like every other reply of
// ours, so clients parse one format) with how many messages it touched.
void ReplyOk(Response& res, std::size_t count) {
  ReplyJson(res, 200, Dump(Json{{"status", "ok"}, {"count", count}}));
}

Json AddressJson(const MailAddress& address) {
  return Json{{"Name", address.name}, {"Address", address.address}};
}

Json AddressesJson(const std::vector<MailAddress>& addresses) {
  Json out = Json::array();
  for (const MailAddress& address : addresses) {
    out.push_back(AddressJson(address));
  }
  return out;
}

Json SummaryJson(const MessageSummary& s) {
  return Json{{"ID", std::to_string(s.id.value())},
              {"MessageID", s.message_id},
              {"Read", s.read},
              {"From", AddressJson(s.from)},
              {"To", AddressesJson(s.to)},
              {"Cc", AddressesJson(s.cc)},
              {"Bcc", Json::array()},
              {"ReplyTo", Json::array()},
              {"Subject", s.subject},
              {"Created", sim::FormatSimTime(s.created)},
              {"Tags", Json::array()},
              {"Size", s.size},
              {"Attachments", s.attachments},
              {"Snippet", s.snippet},
              {"Kind", s.kind}};
}

Json PageJson(const MessagePage& page) {
  Json messages = Json::array();
  for (const MessageSummary& summary : page.messages) {
    messages.push_back(SummaryJson(summary));
  }
  return Json{{"total", page.total},
              {"unread", page.unread},
              {"count", page.messages.size()},
              {"messages_count", page.matched},
              {"start", page.start},
              {"tags", Json::array()},
              {"messages", std::move(messages)}};
}

Json MessageJson(const StoredMessage& message) {
  const MessageSummary summary = MailService::Summarize(message);
  Json out = SummaryJson(summary);
  out.erase("Snippet");
  out.erase("Created");
  const MessageDetail* detail = message.detail.get();
  out["ReturnPath"] = detail != nullptr ? detail->envelope_from : "";
  out["Date"] = sim::FormatSimTime(summary.created);
  out["SentAt"] = message.email.sent_at.time_since_epoch().count();
  out["Text"] = message.email.text;
  out["HTML"] = detail != nullptr ? detail->html : "";
  out["Inline"] = Json::array();
  Json attachments = Json::array();
  if (detail != nullptr) {
    for (std::size_t i = 0; i < detail->attachments.size(); ++i) {
      const AttachmentInfo& a = detail->attachments[i];
      attachments.push_back(Json{{"PartID", std::to_string(i + 1)},
                                 {"FileName", a.file_name},
                                 {"ContentType", a.content_type},
                                 {"Size", a.size}});
    }
  }
  out["Attachments"] = std::move(attachments);
  return out;
}

// A non-negative integer query parameter, `fallback` when absent; nullopt
// (and a 400 written) when malformed.
std::optional<std::size_t> SizeParam(const Request& req, Response& res,
                                     const char* name, std::size_t fallback) {
  if (!req.has_param(name)) return fallback;
  const std::string value = req.get_param_value(name);
  const std::optional<std::uint64_t> out = sim::ParseDecimal(value);
  if (!out) {
    ReplyError(res, 400, sim::ErrorCode::kInvalidArgument,
               std::string("'") + name +
                   "' must be a non-negative integer, not '" + value + "'");
    return std::nullopt;
  }
  return static_cast<std::size_t>(*out);
}

void List(MailService& service, std::string_view query, const Request& req,
          Response& res) {
  const auto start = SizeParam(req, res, "start", 0);
  if (!start) return;
  const auto limit = SizeParam(req, res, "limit", kDefaultLimit);
  if (!limit) return;
  const sim::Result<MessagePage> page = service.List(query, *start, *limit);
  if (!page.ok()) {
    return ReplyError(res, 400, page.code(), page.status().message());
  }
  ReplyJson(res, 200, Dump(PageJson(*page)));
}

// The message {ID} names ("latest" honours ?query=); nullopt with the
// error written.
std::optional<StoredMessage> FindMessage(MailService& service,
                                         const Request& req, Response& res) {
  const std::string id = req.matches[1];
  if (id == "latest") {
    sim::Result<StoredMessage> latest = service.Latest(
        req.has_param("query") ? req.get_param_value("query") : std::string());
    if (!latest.ok()) {
      ReplyError(res, latest.code() == sim::ErrorCode::kNotFound ? 404 : 400,
                 latest.code(), latest.status().message());
      return std::nullopt;
    }
    return std::move(*latest);
  }
  std::optional<StoredMessage> message;
  if (const auto value = sim::ParseDecimal(id)) {
    message = service.Get(sim::MessageId(*value));
  }
  if (!message) {
    ReplyError(res, 404, sim::ErrorCode::kNotFound,
               "there is no message '" + id + "'");
  }
  return message;
}

// The IDs of a {"IDs": [...]} body (strings or numbers); nullopt with a 400
// written when the body is not such JSON. An empty body gives no IDs.
std::optional<std::vector<sim::MessageId>> IdsFromBody(
    const Request& req, Response& res, std::optional<bool>* read) {
  std::vector<sim::MessageId> ids;
  if (req.body.empty()) return ids;
  const auto bad = [&](const std::string& why) {
    ReplyError(res, 400, sim::ErrorCode::kInvalidArgument, why);
    return std::nullopt;
  };
  Json body;
  try {  // nlohmann reports malformed JSON by exception
    body = Json::parse(req.body);
  } catch (const std::exception& e) {
    return bad(std::string("the body is not JSON: ") + e.what());
  }
  if (!body.is_object()) return bad("the body must be a JSON object");
  for (const auto& [key, value] : body.items()) {
    if (key == "IDs") {
      if (!value.is_array()) return bad("'IDs' must be an array");
      for (const Json& id : value) {
        std::uint64_t number = 0;
        if (id.is_number_unsigned()) {
          number = id.get<std::uint64_t>();
        } else if (id.is_string()) {
          const std::string text = id.get<std::string>();
          const std::optional<std::uint64_t> parsed = sim::ParseDecimal(text);
          if (!parsed) return bad("'" + text + "' is not a message ID");
          number = *parsed;
        } else {
          return bad("'IDs' must hold message IDs such as \"12\"");
        }
        ids.emplace_back(number);
      }
    } else if (key == "Read" && read != nullptr) {
      if (!value.is_boolean()) return bad("'Read' must be true or false");
      *read = value.get<bool>();
    } else {
      return bad("unknown field '" + key + "'");
    }
  }
  return ids;
}

Json LinksJson(const StoredMessage& message) {
  Json links = Json::array();
  for (const std::string& url : sim::ExtractLinks(message.email.text)) {
    Json token = nullptr;
    const std::size_t query = url.find('?');
    if (query != std::string::npos) {
      std::string_view rest = std::string_view(url).substr(query + 1);
      rest = rest.substr(0, rest.find('#'));
      while (!rest.empty()) {
        const std::size_t amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        if (pair.starts_with("token=")) {
          const std::string_view raw = pair.substr(6);
          token = PercentDecode(raw, /*plus_is_space=*/true)
                      .value_or(std::string(raw));
          break;
        }
        if (amp == std::string_view::npos) break;
        rest.remove_prefix(amp + 1);
      }
    }
    const std::optional<std::string> path_token = sim::ExtractToken(url);
    links.push_back(
        Json{{"URL", url},
             {"Token", token},
             {"PathToken", path_token ? Json(*path_token) : Json(nullptr)}});
  }
  return Json{{"ID", std::to_string(message.id.value())},
              {"Links", std::move(links)}};
}

// A route handler of ours: the service, then the request and reply.
using MailHandler = void (*)(MailService& mail, const Request& req,
                             Response& res);

Handler Bind(MailService* mail, MailHandler handler) {
  return [mail, handler](const Request& req, Response& res) {
    handler(*mail, req, res);
  };
}

// ---- Lists and searches ----

void ListMessages(MailService& mail, const Request& req, Response& res) {
  List(mail, "", req, res);
}

void SearchMessages(MailService& mail, const Request& req, Response& res) {
  if (!req.has_param("query")) {
    return ReplyError(res, 400, sim::ErrorCode::kInvalidArgument,
                      "'query' is required");
  }
  List(mail, req.get_param_value("query"), req, res);
}

void ShowInfo(MailService& mail, const Request&, Response& res) {
  const sim::Result<MessagePage> page = mail.List("", 0, 0);
  ReplyJson(res, 200,
            Dump(Json{{"Version", "tiersim"},
                      {"Messages", page.ok() ? page->total : 0},
                      {"Unread", page.ok() ? page->unread : 0}}));
}

// ---- Deleting and read flags ----

void DeleteMessages(MailService& mail, const Request& req, Response& res) {
  const auto ids = IdsFromBody(req, res, nullptr);
  if (!ids) return;
  std::size_t count = 0;
  if (ids->empty()) {
    count = mail.size();
    mail.Clear();
  } else {
    count = mail.Delete(*ids);
  }
  ReplyOk(res, count);
}

void DeleteMatching(MailService& mail, const Request& req, Response& res) {
  if (!req.has_param("query")) {
    return ReplyError(res, 400, sim::ErrorCode::kInvalidArgument,
                      "'query' is required");
  }
  const sim::Result<std::size_t> deleted =
      mail.DeleteMatching(req.get_param_value("query"));
  if (!deleted.ok()) {
    return ReplyError(res, 400, deleted.code(), deleted.status().message());
  }
  ReplyOk(res, *deleted);
}

void SetReadFlags(MailService& mail, const Request& req, Response& res) {
  std::optional<bool> read;
  const auto ids = IdsFromBody(req, res, &read);
  if (!ids) return;
  if (!read) {
    return ReplyError(res, 400, sim::ErrorCode::kInvalidArgument,
                      "'Read' (true or false) is required");
  }
  ReplyOk(res, mail.SetRead(*ids, *read));
}

// ---- One message ----

void ShowMessage(MailService& mail, const Request& req, Response& res) {
  std::optional<StoredMessage> message = FindMessage(mail, req, res);
  if (!message) return;
  mail.SetRead({message->id}, true);
  message->read = true;
  ReplyJson(res, 200, Dump(MessageJson(*message)));
}

// The message as received, or as composed when it came from the core.
std::string RawText(const StoredMessage& message) {
  return message.detail != nullptr ? message.detail->raw
                                   : ComposeMessage(message.email, "");
}

void ShowRaw(MailService& mail, const Request& req, Response& res) {
  const std::optional<StoredMessage> message = FindMessage(mail, req, res);
  if (!message) return;
  res.status = 200;
  res.set_content(RawText(*message), "text/plain; charset=utf-8");
}

void ShowHeaders(MailService& mail, const Request& req, Response& res) {
  const std::optional<StoredMessage> message = FindMessage(mail, req, res);
  if (!message) return;
  const DecodedMessage decoded = DecodeMessage(RawText(*message));
  Json headers = Json::object();
  for (const MimeHeader& header : decoded.headers) {
    headers[header.name].push_back(header.value);
  }
  ReplyJson(res, 200, Dump(headers));
}

void ShowLinks(MailService& mail, const Request& req, Response& res) {
  const std::optional<StoredMessage> message = FindMessage(mail, req, res);
  if (!message) return;
  ReplyJson(res, 200, Dump(LinksJson(*message)));
}

// ---- Waiting ----

void WaitForMessage(MailService& mail, const Request& req, Response& res) {
  sim::Duration timeout = kDefaultWait;
  if (req.has_param("timeout")) {
    const std::optional<sim::Duration> parsed =
        sim::ParseDuration(req.get_param_value("timeout"));
    if (!parsed || *parsed > kMaxWait) {
      return ReplyError(res, 400, sim::ErrorCode::kInvalidArgument,
                        "'timeout' must be a duration up to 60s, such as "
                        "5s or 250ms");
    }
    timeout = *parsed;
  }
  const std::string query =
      req.has_param("query") ? req.get_param_value("query") : "";
  // The wait holds no thread: the connection waits for the watcher or the
  // timeout (Response::Defer).
  const std::shared_ptr<Deferred> deferred =
      res.Defer(std::chrono::duration_cast<std::chrono::milliseconds>(timeout),
                [query, timeout](Response& late) {
                  ReplyError(late, 408, sim::ErrorCode::kNotFound,
                             "no message matched '" + query + "' within " +
                                 sim::FormatDuration(timeout));
                });
  const sim::Status watching = mail.Watch(
      query,
      [deferred](const MessageSummary& summary) {
        deferred->Complete([&summary](Response& now) {
          ReplyJson(now, 200, Dump(SummaryJson(summary)));
        });
      },
      [weak = std::weak_ptr<Deferred>(deferred)] {
        const auto d = weak.lock();
        return d == nullptr || d->ended();
      });
  if (!watching.ok()) {
    deferred->Complete([&watching](Response& now) {
      ReplyError(now,
                 watching.code() == sim::ErrorCode::kUnavailable ? 503 : 400,
                 watching.code(), watching.message());
    });
  }
}

// ---- Errors ----

// Every error reply of the server is JSON, route or not, in the shape of
// the mail API's own errors.
void ReplyServerError(const Request&, const HttpError& error, Response& res) {
  const sim::ErrorCode code = error.status == 404 ? sim::ErrorCode::kNotFound
                              : error.status >= 500
                                  ? sim::ErrorCode::kInternal
                                  : sim::ErrorCode::kInvalidArgument;
  ReplyError(res, error.status, code, error.message);
}

// ---- Route groups, in the order they are registered ----

void AddListRoutes(Router& routes, MailService* mail) {
  routes.Get("/api/v1/messages", Bind(mail, ListMessages));
  routes.Get("/api/v1/search", Bind(mail, SearchMessages));
}

void AddDeleteAndReadFlagRoutes(Router& routes, MailService* mail) {
  routes.Delete("/api/v1/messages", Bind(mail, DeleteMessages));
  routes.Delete("/api/v1/search", Bind(mail, DeleteMatching));
  routes.Put("/api/v1/messages", Bind(mail, SetReadFlags));
}

void AddMessageRoutes(Router& routes, MailService* mail) {
  const std::string message = kMessageRoute;
  routes.Get(message, Bind(mail, ShowMessage));
  routes.Get(message + "/raw", Bind(mail, ShowRaw));
  routes.Get(message + "/headers", Bind(mail, ShowHeaders));
  routes.Get(message + "/tiersim/links", Bind(mail, ShowLinks));
}

void SetErrorHandlers(Router& routes) {
  routes.set_error_handler(ReplyServerError);
}

}  // namespace

void AddMailpitRoutes(HttpServer& server, MailService& service) {
  Router& routes = server.routes();
  MailService* mail = &service;
  AddListRoutes(routes, mail);
  AddDeleteAndReadFlagRoutes(routes, mail);
  AddMessageRoutes(routes, mail);
  routes.Get("/api/v1/tiersim/wait", Bind(mail, WaitForMessage));
  routes.Get("/api/v1/info", Bind(mail, ShowInfo));
  SetErrorHandlers(routes);
}

}  // namespace tiersim::mocks
