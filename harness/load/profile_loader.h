// Load profile files -> LoadProfile, or diagnostics naming file, line and
// column (the scenario loader's Diagnostic and codes, plus unknown-flow,
// unknown-metric and bad-threshold). A file is a load profile when its top
// object has "model" (LooksLikeLoadProfile); `tiersim validate` uses that
// to pick the loader.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "harness/format/loader.h"
#include "harness/load/profile.h"

namespace tiersim::harness::load {

struct ProfileLoad {
  LoadProfile profile;
  std::vector<Diagnostic> errors;  // empty: the profile is good
  bool ok() const { return errors.empty(); }
};

// `file` names the text in diagnostics; a scenario flow's "file" is read
// relative to its folder. `shards`: the population is checked to fit this
// machine's memory as the largest of that many slices (--shard I/N).
ProfileLoad LoadProfileText(std::string_view file, std::string_view text,
                            std::uint64_t shards = 1);
ProfileLoad LoadProfileFile(const std::string& path, std::uint64_t shards = 1);

// Whether `text` is a JSON object with a "model" member (cheap check; a
// syntax error says no, and the scenario loader then reports it).
bool LooksLikeLoadProfile(std::string_view text);

}  // namespace tiersim::harness::load
