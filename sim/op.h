// The shape of an operation declaration (sim/ops_*.h declare them; see
// docs/architecture.md). An operation is one thing a person does on a
// Partner Center page, one REST call of the real API, or one control call
// of a test harness. Each is a struct with
//
//   static constexpr OpInfo kInfo{name, method, path, access, ...};
//   struct Request { ... };        // plain values
//   using Response = ...;          // a value type, or Empty
//   static constexpr auto kFields = Fields(Path("user", &Request::user),
//                                          Body("agentRole", ...), ...);
//   static Result<Response> Run(PartnerCenter&, const Session&,
//                               const Request&);   // kSignedIn
//   static Result<Response> Run(PartnerCenter&, const Request&);  // kPublic
//   static Result<Response> Run(WorldControl&, const Request&);  // kControl
//
// From that one declaration come the server's route, the network client's
// request, the in-process client's call and the list the load engine and the
// web UI iterate (AllOps in sim/ops.h). Standard library only: the JSON
// mapping of the field types lives with the wire code (mocks/wire/).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "sim/roles.h"

namespace tiersim::sim {

enum class HttpMethod { kGet, kPost, kPut, kPatch, kDelete };
std::string_view HttpMethodName(HttpMethod m);  // "GET"

// Who may call it: a signed-in person (bearer token), anyone (pages before
// sign-in, email links), or a test harness (/_tiersim, unauthenticated).
enum class Access { kSignedIn, kPublic, kControl };

// How the response travels in the HTTP body.
enum class ReplyShape {
  kObject,      // the Response's own JSON
  kMember,      // {"<reply_member>": Response}
  kCollection,  // Partner Center's {totalCount, items: Response, attributes}
  kEmpty,       // {} (Response is Empty)
};

struct Empty {};

struct OpInfo {
  std::string_view name;  // "users.set_roles": stable, for lists and logs
  HttpMethod method;
  // "/v1/tiersim/users/{user}/roles": {name} is a path field of that name.
  std::string_view path;
  Access access;
  ReplyShape reply = ReplyShape::kObject;
  std::string_view reply_member = {};  // with kMember
  int status = 200;                    // HTTP status of a success
  // The permission the core checks (R40-R47), for lists and the web UI;
  // nullopt when the operation needs none (or more than a permission).
  std::optional<Permission> permission = std::nullopt;
  std::string_view summary = {};  // one line, for `tiersim list operations`
};

// Where a request field travels.
enum class FieldIn { kPath, kQuery, kHeader, kBody, kWholeBody };

// One field of a request: its wire name, where it travels, and the member.
// kWholeBody: the member's JSON object is the body (other kBody fields are
// added to it). A kHeader field may also come as the query parameter
// `alias` (for clients that cannot set headers).
template <typename Request, typename T>
struct Field {
  using Type = T;
  std::string_view name;
  FieldIn in;
  T Request::*member;
  std::string_view alias = {};
};

template <typename R, typename T>
constexpr Field<R, T> Path(std::string_view name, T R::*member) {
  return {name, FieldIn::kPath, member};
}
template <typename R, typename T>
constexpr Field<R, T> Query(std::string_view name, T R::*member) {
  return {name, FieldIn::kQuery, member};
}
template <typename R, typename T>
constexpr Field<R, T> Header(std::string_view name, T R::*member,
                             std::string_view query_alias = {}) {
  return {name, FieldIn::kHeader, member, query_alias};
}
template <typename R, typename T>
constexpr Field<R, T> Body(std::string_view name, T R::*member) {
  return {name, FieldIn::kBody, member};
}
template <typename R, typename T>
constexpr Field<R, T> WholeBody(T R::*member) {
  return {"", FieldIn::kWholeBody, member};
}

template <typename... F>
constexpr std::tuple<F...> Fields(F... fields) {
  return {fields...};
}

// A list of operation types, with their index (OpIndex) and a visitor.
template <typename... Ops>
struct OpList {
  static constexpr std::size_t kSize = sizeof...(Ops);
  // Calls f.template operator()<Op>() for each, in order.
  template <typename F>
  static constexpr void ForEach(F&& f) {
    (f.template operator()<Ops>(), ...);
  }
  template <typename Op>
  static constexpr std::size_t IndexOf() {
    constexpr bool kMatches[] = {std::is_same_v<Op, Ops>...};
    for (std::size_t i = 0; i < kSize; ++i)
      if (kMatches[i]) return i;
    return kSize;
  }
};

}  // namespace tiersim::sim
