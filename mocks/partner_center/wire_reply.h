// Helpers of the route files that read wire.h bodies and answer with
// wire.h values. Included only by mocks/partner_center/routes_*.cc.
#pragma once

#include "mocks/partner_center/pc_call.h"
#include "mocks/partner_center/wire.h"

namespace tiersim::mocks::pc {

// Member `key` of a lowercased body as T (default when absent); throws
// wire::WireError on a wrong type, which Serve answers with 400.
template <typename T>
T Field(const json& body, const char* key) {
  T v{};
  wire::Read(body, key, v);
  return v;
}

// The result as JSON with `status`, or its error.
template <typename T>
Reply Value(const sim::Result<T>& r, int status = 200) {
  if (!r.ok()) return FailOf(r);
  json j = *r;
  return Ok(status, j);
}

}  // namespace tiersim::mocks::pc
