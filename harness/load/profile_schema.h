// The JSON Schema of load profiles (what profile_loader.h reads), joined to
// the scenario schema so that one scenarios/schema.json serves every file
// under scenarios/: a file is a scenario, a list of them, or a load
// profile. Generated from the same lists the loader checks against (flow
// kinds, offers, roles), so the two cannot drift apart.
#pragma once

#include <string>

namespace tiersim::harness::load {

// scenarios/schema.json: the scenario schema with the load profile added.
std::string FileSchemaJson();

}  // namespace tiersim::harness::load
