// The Partner Center server's routes: one per operation of sim/ops.h, in
// the lists' order. Included only by mocks/partner_center/*.cc.
#pragma once

#include "mocks/partner_center/pc_call.h"

namespace tiersim::mocks::pc {

void AddOperationRoutes(Router& r, Context& ctx);

}  // namespace tiersim::mocks::pc
