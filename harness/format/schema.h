// The scenario files' JSON Schema (2020-12), generated from the same tables
// the loader checks against (specs.h), so the two cannot drift apart.
// scenarios/schema.json is this output, checked in for editors; a test
// keeps it equal to what this function produces (`tiersim schema`).
#pragma once

#include <string>

namespace tiersim::harness {

std::string ScenarioSchemaJson();

}  // namespace tiersim::harness
