// Requests and replies of a declared operation (sim/op.h) on the wire, put
// together from its declaration alone: the network client encodes requests
// and decodes replies, the server decodes requests and encodes replies,
// with the same functions. Included only by .cc files of the server and
// the network client (it brings nlohmann).
#pragma once

#include <charconv>
#include <concepts>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "mocks/common/form_encoding.h"
#include "mocks/wire/resources.h"
#include "mocks/wire/wire.h"
#include "sim/op.h"

namespace tiersim::mocks::wire {

// A path parameter that is not an ID of the right kind: the thing it
// names does not exist (404), rather than the request being malformed.
class NotFoundError : public WireError {
 public:
  using WireError::WireError;
};

// "/v1/users/{user}/roles" -> "/v1/users/([^/]+)/roles", and the names.
std::string PathRegex(std::string_view pattern);
std::vector<std::string_view> PathNames(std::string_view pattern);

// ---- A value as the text of a path, query or header parameter ----

template <typename T>
struct IsStrongId : std::false_type {};
template <typename Tag>
struct IsStrongId<sim::StrongId<Tag>> : std::true_type {};

template <typename T>
std::string ToText(const T& v) {
  if constexpr (std::is_same_v<T, std::string>) {
    return v;
  } else if constexpr (std::is_same_v<T, bool>) {
    return v ? "true" : "false";
  } else if constexpr (std::is_integral_v<T>) {
    return std::to_string(v);
  } else {
    json j = v;
    return j.is_string() ? j.get<std::string>() : j.dump();
  }
}

// Throws WireError naming `field` (NotFoundError for a path parameter).
template <typename T>
T FromText(const std::string& text, std::string_view field, bool in_path) {
  const std::string where(field);
  try {
    if constexpr (std::is_same_v<T, std::string>) {
      return text;
    } else if constexpr (std::is_same_v<T, bool>) {
      if (text == "true") return true;
      if (text == "false") return false;
      throw WireError("\"" + text + "\" is not true or false");
    } else if constexpr (std::is_integral_v<T>) {
      T v{};
      const char* end = text.data() + text.size();
      auto [ptr, ec] = std::from_chars(text.data(), end, v);
      if (ec != std::errc() || ptr != end) {
        throw WireError("\"" + text + "\" is not a whole number in range");
      }
      return v;
    } else if constexpr (std::is_class_v<T> && !IsStrongId<T>::value) {
      // A structured parameter (the customers filter) is JSON text.
      json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
      if (j.is_discarded()) throw WireError("\"" + text + "\" is not JSON");
      return j.get<T>();
    } else {
      return json(text).get<T>();
    }
  } catch (const WireError& e) {
    if (in_path)
      throw NotFoundError("no " + where + " \"" + text + "\" (" + e.what() +
                          ")");
    throw WireError(where + ": " + e.what(), e.name());
  } catch (const json::exception& e) {
    throw WireError(where + ": \"" + text + "\" is not valid here");
  }
}

// ---- Client side ----

struct WireRequest {
  sim::HttpMethod method;
  std::string target;  // path and query
  std::vector<std::pair<std::string, std::string>> headers;
  bool has_body = false;
  std::string body;  // JSON, when has_body
};

template <typename Op>
constexpr bool HasBody() {
  bool any = false;
  std::apply(
      [&](const auto&... f) {
        ((any = any || f.in == sim::FieldIn::kBody ||
                f.in == sim::FieldIn::kWholeBody),
         ...);
      },
      Op::kFields);
  return any;
}

// Whether `v` is what the request's field holds when not given (not sent).
template <typename Op, typename F>
bool IsDefault(const F& f, const typename F::Type& v) {
  if constexpr (std::equality_comparable<typename F::Type>) {
    static const typename Op::Request kDefault{};
    return v == kDefault.*(f.member);
  } else {
    return false;
  }
}

template <typename Op>
WireRequest EncodeRequest(const typename Op::Request& r) {
  WireRequest out{.method = Op::kInfo.method};
  std::string path(Op::kInfo.path);
  std::string query;
  json body = json::object();
  std::apply(
      [&](const auto&... f) {
        auto one = [&](const auto& field) {
          const auto& v = r.*(field.member);
          switch (field.in) {
            case sim::FieldIn::kPath: {
              const std::string slot = "{" + std::string(field.name) + "}";
              path.replace(path.find(slot), slot.size(),
                           PercentEncode(ToText(v)));
              break;
            }
            case sim::FieldIn::kQuery:
              if (IsDefault<Op>(field, v)) break;
              query += (query.empty() ? "?" : "&") + std::string(field.name) +
                       "=" + PercentEncode(ToText(v));
              break;
            case sim::FieldIn::kHeader:
              if (!IsDefault<Op>(field, v))
                out.headers.emplace_back(field.name, ToText(v));
              break;
            case sim::FieldIn::kBody:
              body[std::string(field.name)] = v;
              break;
            case sim::FieldIn::kWholeBody:
              body.update(json(v));
              break;
          }
        };
        (one(f), ...);
        (void)one;
      },
      Op::kFields);
  out.target = path + query;
  out.has_body = HasBody<Op>();
  if (out.has_body) out.body = body.dump();
  return out;
}

// A 2xx reply's body (keys lowercased) as the operation's Response.
template <typename Op>
sim::Result<typename Op::Response> DecodeReply(const json& j) {
  using Response = typename Op::Response;
  constexpr sim::ReplyShape kShape = Op::kInfo.reply;
  try {
    if constexpr (std::is_same_v<Response, sim::Empty>) {
      return Response{};
    } else if constexpr (kShape == sim::ReplyShape::kMember) {
      return j.at(LowerKey(Op::kInfo.reply_member.data()))
          .template get<Response>();
    } else if constexpr (kShape == sim::ReplyShape::kCollection) {
      return j.at("items").template get<Response>();
    } else {
      return j.template get<Response>();
    }
  } catch (const std::exception& e) {
    return sim::Error(sim::ErrorCode::kInternal,
                      "the answer to " + std::string(Op::kInfo.name) +
                          " could not be read: " + e.what());
  }
}

// ---- Server side ----

// What the server read of a request: the path's groups in PathNames order,
// and lookups of query parameters and headers (nullopt when absent).
struct RequestParts {
  std::vector<std::string> path;
  std::function<std::optional<std::string>(std::string_view)> query;
  std::function<std::optional<std::string>(std::string_view)> header;
  const json& body;  // an object, keys lowercased (empty without a body)
};

// Throws WireError (or NotFoundError) naming what was wrong.
template <typename Op>
typename Op::Request DecodeRequest(const RequestParts& parts) {
  typename Op::Request r{};
  // Once per operation: the order of the path's {names}.
  static const std::vector<std::string_view> names = PathNames(Op::kInfo.path);
  std::apply(
      [&](const auto&... f) {
        auto one = [&](const auto& field) {
          using T = typename std::decay_t<decltype(field)>::Type;
          T& out = r.*(field.member);
          std::optional<std::string> text;
          switch (field.in) {
            case sim::FieldIn::kPath:
              for (std::size_t i = 0; i < names.size(); ++i)
                if (names[i] == field.name) text = parts.path.at(i);
              if (text) out = FromText<T>(*text, field.name, true);
              break;
            case sim::FieldIn::kQuery:
              text = parts.query(field.name);
              if (text) out = FromText<T>(*text, field.name, false);
              break;
            case sim::FieldIn::kHeader:
              text = parts.header(field.name);
              if (!text && !field.alias.empty())
                text = parts.query(field.alias);
              if (text) out = FromText<T>(*text, field.name, false);
              break;
            case sim::FieldIn::kBody:
              Read(parts.body, std::string(field.name).c_str(), out);
              break;
            case sim::FieldIn::kWholeBody:
              out = parts.body.template get<T>();
              break;
          }
        };
        (one(f), ...);
        (void)one;
      },
      Op::kFields);
  return r;
}

template <typename T>
std::string ObjectText(const T& v) {
  return json(v).dump();
}
inline std::string ObjectText(const sim::ops::OrderResource& v) {
  return OrderText(v);
}

// {"attributes":...,"items":[...],"totalCount":n}, the text CollectionJson
// dumps, written an item at a time: a 100,000-subscription list never
// becomes one JSON tree (a few times the text's size, and slower).
template <typename T>
std::string CollectionText(const std::vector<T>& items) {
  std::string out = R"({"attributes":{"objectType":"Collection"},"items":[)";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    out += json(items[i]).dump();
  }
  out += "],\"totalCount\":" + std::to_string(items.size()) + "}";
  return out;
}

// The JSON text of a success.
template <typename Op>
std::string EncodeReply(const typename Op::Response& v) {
  using Response = typename Op::Response;
  constexpr sim::ReplyShape kShape = Op::kInfo.reply;
  if constexpr (std::is_same_v<Response, sim::Empty>) {
    return "{}";
  } else if constexpr (kShape == sim::ReplyShape::kMember) {
    return json{{std::string(Op::kInfo.reply_member), v}}.dump();
  } else if constexpr (kShape == sim::ReplyShape::kCollection) {
    return CollectionText(v);
  } else {
    return ObjectText(v);
  }
}

}  // namespace tiersim::mocks::wire
