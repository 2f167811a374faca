#include "mocks/http/plumbing.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "mocks/common/json_text.h"
#include "mocks/http/http_server.h"

namespace tiersim::mocks {
namespace {

using nlohmann::json;

void ReplyError(Response& res, int status, std::string_view code,
                std::string description) {
  ReplyJson(
      res, status,
      DumpJson(json{{"code", code}, {"description", std::move(description)}}));
}

json ClockJson(const ClockState& c) {
  return json{{"now", sim::FormatSimTime(c.now)},
              {"origin", sim::FormatSimTime(c.origin)},
              {"nowMicros", c.now.time_since_epoch().count()},
              {"speed", c.speed}};
}

// Parses an optional JSON object body; on failure replies 400 and returns
// nullopt.
std::optional<json> ObjectBody(const Request& req, Response& res) {
  if (req.body.empty()) return json::object();
  sim::Result<json> body = ParseJson(req.body);
  if (!body.ok()) {
    ReplyError(res, 400, "MalformedJson", body.status().message());
    return std::nullopt;
  }
  if (!body->is_object()) {
    ReplyError(res, 400, "MalformedJson",
               "the request body must be a JSON object");
    return std::nullopt;
  }
  return *std::move(body);
}

void HandleReset(Plumbing& p, const Request& req, Response& res) {
  auto body = ObjectBody(req, res);
  if (!body) return;
  std::optional<std::uint64_t> seed;
  for (auto& [key, value] : body->items()) {
    if (key != kSeedKey) {
      ReplyError(res, 400, "UnknownField",
                 "unknown field \"" + key + "\"; expected \"seed\"");
      return;
    }
    if (!value.is_number_unsigned()) {
      ReplyError(res, 400, "InvalidArgument",
                 "\"seed\" must be a non-negative integer");
      return;
    }
    seed = value.get<std::uint64_t>();
  }
  sim::Status s = p.Reset(seed);
  if (!s.ok()) {
    ReplyError(res, 500, sim::ErrorCodeName(s.code()), s.message());
    return;
  }
  ReplyJson(res, 200, json{{"status", "reset"}}.dump());
}

void HandleClockPost(Plumbing& p, const Request& req, Response& res) {
  auto body = ObjectBody(req, res);
  if (!body) return;
  std::optional<sim::Duration> advance;
  std::optional<double> speed;
  for (auto& [key, value] : body->items()) {
    if (key == "advance") {
      std::optional<sim::Duration> d;
      if (value.is_string()) d = sim::ParseDuration(value.get<std::string>());
      if (!d) {
        ReplyError(res, 400, "InvalidArgument",
                   "\"advance\" must be a duration such as \"3d\", \"12h\", "
                   "\"30m\", \"45s\" or \"1d12h\"");
        return;
      }
      advance = d;
    } else if (key == kAdvanceMicrosKey) {
      if (!value.is_number_integer() || value.get<std::int64_t>() < 0) {
        ReplyError(res, 400, "InvalidArgument",
                   "\"advanceMicros\" must be a whole number >= 0");
        return;
      }
      advance = sim::Duration(value.get<std::int64_t>());
    } else if (key == "speed") {
      if (!value.is_number() || !std::isfinite(value.get<double>()) ||
          value.get<double>() < 0) {
        ReplyError(res, 400, "InvalidArgument",
                   "\"speed\" must be a number >= 0 (virtual seconds per "
                   "wall second; 0 stops the clock)");
        return;
      }
      speed = value.get<double>();
      if (*speed > kMaxClockSpeed) {
        ReplyError(res, 400, "OutOfRange",
                   "\"speed\" may be at most 1000000 (virtual seconds per "
                   "wall second); it is " +
                       value.dump());
        return;
      }
    } else {
      ReplyError(
          res, 400, "UnknownField",
          "unknown field \"" + key + "\"; expected \"advance\" or \"speed\"");
      return;
    }
  }
  if (!advance && !speed) {
    ReplyError(res, 400, "InvalidArgument",
               "give \"advance\" (a duration) and/or \"speed\" (a number)");
    return;
  }
  if (advance) {
    const ClockState clock = p.Clock();
    if (*advance > kMaxClockAdvance) {
      ReplyError(res, 400, "OutOfRange",
                 "one advance may move the clock at most 3650d (ten years); "
                 "this one is " +
                     sim::FormatDuration(*advance));
      return;
    }
    if (clock.now - clock.origin + *advance > kMaxClockSpan) {
      ReplyError(res, 400, "OutOfRange",
                 "the clock may not go more than a century past its origin " +
                     sim::FormatSimTime(clock.origin) +
                     "; reset the world to start again");
      return;
    }
  }
  if (speed) {
    sim::Status s = p.SetSpeed(*speed);
    if (!s.ok()) {
      ReplyError(res, 400, sim::ErrorCodeName(s.code()), s.message());
      return;
    }
  }
  if (advance) {
    sim::Status s = p.Advance(*advance);
    if (!s.ok()) {
      ReplyError(res, 400, sim::ErrorCodeName(s.code()), s.message());
      return;
    }
  }
  ReplyJson(res, 200, ClockJson(p.Clock()).dump());
}

}  // namespace

void AddPlumbing(HttpServer& server, Plumbing& plumbing) {
  Router& r = server.routes();
  r.Get("/livez", [](const Request&, Response& res) {
    ReplyJson(res, 200, R"({"status":"live"})");
  });
  r.Get("/readyz", [&plumbing](const Request&, Response& res) {
    if (plumbing.Ready()) {
      ReplyJson(res, 200, R"({"status":"ready"})");
    } else {
      ReplyJson(res, 503, R"({"status":"starting"})");
    }
  });
  r.Post(kResetPath, [&plumbing](const Request& req, Response& res) {
    HandleReset(plumbing, req, res);
  });
  r.Get(kClockPath, [&plumbing](const Request&, Response& res) {
    ReplyJson(res, 200, ClockJson(plumbing.Clock()).dump());
  });
  r.Post(kClockPath, [&plumbing](const Request& req, Response& res) {
    HandleClockPost(plumbing, req, res);
  });
}

}  // namespace tiersim::mocks
