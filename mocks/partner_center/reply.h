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
  // Set with `render` when the answer is long (a list of thousands): it is
  // then written off the event loop (Context::offload), so the loop's
  // other connections are not held up for the time it takes.
  bool large = false;
};

}  // namespace tiersim::mocks::pc
