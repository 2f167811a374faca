// `tiersim load FILE`: runs a load profile (harness/load) and writes its
// reports; the overrides on the command line win over the profile (k6's
// --vus / --duration habit). `tiersim load merge A.json B.json ...` merges
// the JSON results of a run's shards (--shard I/N) into one result.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace tiersim::harness {

struct LoadArgs {
  std::string file;
  std::string transport = "in-process";
  std::string target;
  std::optional<std::uint64_t> seed;
  std::string duration;  // one stage of this length
  std::optional<std::int64_t> vus;
  std::string rate;  // a constant arrival rate
  int threads = 1;
  std::string shard;  // "I/N"
  std::string json, junit, html;
  std::string color = "auto";
  bool quiet = false;  // no progress line
  // `tiersim load merge FILES...`: the shards' JSON results into one.
  bool merge = false;
  std::vector<std::string> merge_files;
};

CLI::App* AddLoadCommand(CLI::App& app, LoadArgs& args);
// The exit code: 0 thresholds and invariants held, 1 one failed, 2 bad
// input or usage.
int Load(const LoadArgs& args);

}  // namespace tiersim::harness
