// The Partner Center server's routes, one per declared operation
// (sim/ops.h): the path pattern becomes the route, the fields are decoded
// from the path, query, headers and body, the declaration's Run is called
// inside the world, and the reply is encoded after the lock is released.
#include "mocks/partner_center/op_routes.h"

#include <string>
#include <vector>

#include "mocks/partner_center/pc_call.h"
#include "mocks/wire/op_wire.h"
#include "mocks/world/in_process_control.h"
#include "sim/ops.h"

namespace tiersim::mocks::pc {
namespace {

// A collection this long (a few hundred KB of JSON, about a millisecond to
// write) is written off the event loop.
constexpr std::size_t kLargeCollection = 1000;

template <typename Op>
Reply RunOp(Context& ctx, const Request& req, InProcessWorld& world,
            const sim::Session* session, const json& body) {
  std::vector<std::string> path;
  for (std::size_t i = 1; i < req.matches.size(); ++i)
    path.push_back(req.matches[i]);
  const wire::RequestParts parts{
      .path = std::move(path),
      .query = [&req](std::string_view name) -> std::optional<std::string> {
        const std::string key(name);
        if (!req.has_param(key)) return std::nullopt;
        return req.get_param_value(key);
      },
      .header = [&req](std::string_view name) -> std::optional<std::string> {
        const std::string key(name);
        if (!req.has_header(key)) return std::nullopt;
        return req.get_header_value(key);
      },
      .body = body};
  typename Op::Request request;
  try {
    request = wire::DecodeRequest<Op>(parts);
  } catch (const wire::NotFoundError& e) {
    return Fail(sim::Error(sim::ErrorCode::kNotFound, e.what()));
  } catch (const wire::WireError& e) {
    return BadInput(e.name(), e.what());
  }
  sim::Result<typename Op::Response> result = [&] {
    if constexpr (Op::kInfo.access == sim::Access::kSignedIn) {
      return Op::Run(world.pc(), *session, request);
    } else if constexpr (Op::kInfo.access == sim::Access::kPublic) {
      return Op::Run(world.pc(), request);
    } else {
      InProcessControl control(world, ctx.email_count, ctx.network_faults);
      return Op::Run(control, request);
    }
  }();
  if (!result.ok()) return Fail(result.status());
  Reply reply{.status = Op::kInfo.status};
  if constexpr (Op::kInfo.reply == sim::ReplyShape::kCollection) {
    reply.large = result->size() >= kLargeCollection;
  }
  reply.render = [value = std::move(*result)] {
    return wire::EncodeReply<Op>(value);
  };
  return reply;
}

template <typename Op>
void AddRoute(Router& r, Context& ctx) {
  auto handler = [&ctx](const Request& req, Response& res) {
    Serve(ctx, req, res, Op::kInfo.access, wire::HasBody<Op>(),
          [&ctx, &req](InProcessWorld& world, const sim::Session* session,
                       const json& body) {
            return RunOp<Op>(ctx, req, world, session, body);
          });
  };
  const std::string pattern = wire::PathRegex(Op::kInfo.path);
  switch (Op::kInfo.method) {
    case sim::HttpMethod::kGet:
      r.Get(pattern, handler);
      break;
    case sim::HttpMethod::kPost:
      r.Post(pattern, handler);
      break;
    case sim::HttpMethod::kPut:
      r.Put(pattern, handler);
      break;
    case sim::HttpMethod::kPatch:
      r.Patch(pattern, handler);
      break;
    case sim::HttpMethod::kDelete:
      r.Delete(pattern, handler);
      break;
  }
}

}  // namespace

void AddOperationRoutes(Router& r, Context& ctx) {
  sim::ops::PartnerCenterOps::ForEach(
      [&]<typename Op>() { AddRoute<Op>(r, ctx); });
  sim::ops::ControlOps::ForEach([&]<typename Op>() { AddRoute<Op>(r, ctx); });
}

}  // namespace tiersim::mocks::pc
