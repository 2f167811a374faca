#include "mocks/world/in_process_world.h"

namespace tiersim::mocks {

InProcessWorld::InProcessWorld(WorldOptions options)
    : kernel_({.seed = options.seed, .start = options.start}),
      service_rng_(kernel_.rng().Fork()),
      directory_(service_rng_),
      pmc_(service_rng_),
      faulty_identity_(directory_, kernel_),
      faulty_pmc_(pmc_, kernel_),
      faulty_mail_(options.mail != nullptr ? *options.mail : mail_, kernel_),
      pc_(kernel_, faulty_identity_, faulty_pmc_, faulty_mail_,
          sim::Catalog::Default(), std::move(options.partner_center)) {}

}  // namespace tiersim::mocks
