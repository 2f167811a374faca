// One Partner Center answer, as the routes build it. Included only by
// mocks/partner_center/*.
#pragma once

#include <functional>
#include <string>

namespace tiersim::mocks::pc {

struct Reply {
  int status = 200;
  std::string body;  // JSON
  // Set instead of `body` by handlers whose answer is costly to write: it
  // runs after the world's lock is released, on values it captured, so
  // other requests are not held up by JSON formatting.
  std::function<std::string()> render;
};

}  // namespace tiersim::mocks::pc
