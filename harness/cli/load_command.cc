#include "harness/cli/load_command.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "harness/cli/cli_common.h"
#include "harness/load/merge.h"
#include "harness/load/net/run_network.h"
#include "harness/load/profile_loader.h"
#include "harness/load/run_load.h"
#include "harness/load/threshold.h"
#include "reports/load/load_json_reader.h"
#include "reports/load/load_writers.h"
#include "sim/time.h"

namespace tiersim::harness {
namespace {

using load::LoadProfile;
using load::ModelKind;

constexpr int kExitUsage = 2;

std::atomic<bool> g_interrupt{false};
extern "C" void OnInterrupt(int) { g_interrupt.store(true); }

// The command line's overrides; false (with a message) when they do not
// fit the profile.
bool ApplyOverrides(const LoadArgs& a, LoadProfile& p) {
  load::ModelSpec& m = p.model;
  if (a.seed) p.seed = *a.seed;
  std::optional<load::WallDuration> duration;
  if (!a.duration.empty()) {
    auto d = sim::ParseDuration(a.duration);
    if (!d || d->count() <= 0) {
      std::cerr << "tiersim load: --duration \"" << a.duration
                << "\" is not a duration such as 30s, 5m or 1h\n";
      return false;
    }
    duration = std::chrono::duration_cast<load::WallDuration>(*d);
  }
  if (!a.rate.empty()) {
    if (m.kind != ModelKind::kOpen) {
      std::cerr << "tiersim load: --rate sets an open model's arrival rate; "
                   "this profile's model is closed (use --vus)\n";
      return false;
    }
    auto r = load::ParseRate(a.rate);
    if (!r || *r <= 0) {
      std::cerr << "tiersim load: --rate \"" << a.rate
                << "\" is not a rate such as 1000/s or 60000/m\n";
      return false;
    }
    const load::WallDuration length = duration.value_or(m.Length() - m.warmup);
    m.start_rate = *r;
    m.stages = {{.duration = length, .rate = *r}};
  } else if (duration) {
    const load::Stage last = m.stages.back();
    m.stages = {last};
    m.stages.back().duration = *duration;
    if (m.kind == ModelKind::kOpen) m.start_rate = last.rate;
  }
  if (a.vus) {
    if (*a.vus < 1) {
      std::cerr << "tiersim load: --vus must be at least 1\n";
      return false;
    }
    if (m.kind == ModelKind::kClosed) {
      for (load::Stage& s : m.stages) s.vus = *a.vus;
    } else {
      m.max_vus = *a.vus;
    }
  }
  return true;
}

void PrintProgress(const load::Progress& p) {
  char line[200];
  std::snprintf(line, sizeof line,
                "\r%s %5.1fs / %.0fs  %8.0f it/s  p99 %-9s  %llu it  %llu "
                "err  %llu dropped  %lld VUs   ",
                p.warming_up ? "warm-up" : "running", p.elapsed_seconds,
                p.total_seconds, p.rate,
                reports::FormatNs(static_cast<double>(p.p99_ns)).c_str(),
                static_cast<unsigned long long>(p.iterations),
                static_cast<unsigned long long>(p.errors),
                static_cast<unsigned long long>(p.dropped),
                static_cast<long long>(p.active_vus));
  std::cerr << line << std::flush;
}

bool WriteFile(const std::string& path,
               const std::function<void(std::ostream&)>& write) {
  if (path == "-") {
    write(std::cout);
    return true;
  }
  std::ofstream out(path, std::ios::binary);
  if (!out) {
    std::cerr << "tiersim load: cannot write " << path << "\n";
    return false;
  }
  write(out);
  return static_cast<bool>(out);
}

bool ParseShard(const std::string& text, std::uint64_t& shard,
                std::uint64_t& shards) {
  const auto slash = text.find('/');
  if (slash == std::string::npos) return false;
  try {
    std::size_t used = 0;
    const std::string i = text.substr(0, slash), n = text.substr(slash + 1);
    if (i.empty() || n.empty() || i[0] == '-' || n[0] == '-') return false;
    shard = std::stoull(i, &used);
    if (used != i.size()) return false;
    shards = std::stoull(n, &used);
    if (used != n.size()) return false;
  } catch (const std::exception&) {
    return false;
  }
  return shards >= 1 && shards <= 10000 && shard < shards;
}

// The console summary and the asked-for files; the exit code.
int Report(const LoadArgs& args, const reports::LoadResult& result,
           bool color) {
  reports::WriteLoadSummary(result, color, std::cout);
  if (!args.json.empty() && !WriteFile(args.json, [&](std::ostream& o) {
        reports::WriteLoadJson(result, o);
      })) {
    return kExitUsage;
  }
  if (!args.junit.empty() && !WriteFile(args.junit, [&](std::ostream& o) {
        reports::WriteLoadJunit(result, o);
      })) {
    return kExitUsage;
  }
  if (!args.html.empty() && !WriteFile(args.html, [&](std::ostream& o) {
        reports::WriteLoadHtml(result, o);
      })) {
    return kExitUsage;
  }
  return result.ExitCode();
}

int Merge(const LoadArgs& args) {
  std::vector<reports::LoadResult> results;
  for (const std::string& file : args.merge_files) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::string error;
    auto r = reports::ReadLoadJson(text.str(), error);
    if (!in || !r) {
      std::cerr << "tiersim load merge: " << file << ": "
                << (in ? error : "cannot be read") << "\n";
      return kExitUsage;
    }
    results.push_back(std::move(*r));
  }
  auto merged = load::MergeShards(results, args.merge_files);
  if (!merged.ok()) {
    std::cerr << "tiersim load merge: " << merged.status().message() << "\n";
    return kExitUsage;
  }
  return Report(args, *merged, UseColor(args.color, STDOUT_FILENO));
}

}  // namespace

CLI::App* AddLoadCommand(CLI::App& app, LoadArgs& args) {
  CLI::App* c = app.add_subcommand(
      "load",
      "Drive a load profile (population, flows, open or closed model, "
      "thresholds) and report throughput and latency percentiles");
  c->add_option("file", args.file, "The load profile (scenarios/load/*.json)");
  c->add_option("--transport", args.transport,
                "in-process (default): drive the core on one thread; http: "
                "real HTTP requests to --target (or to servers started "
                "here)")
      ->check(CLI::IsMember({"in-process", "http"}));
  c->add_option("--target", args.target,
                "Partner Center URL of a running tiersim serve (with "
                "--transport http)");
  c->add_option("--seed", args.seed, "Overrides the profile's seed");
  c->add_option("--duration", args.duration,
                "One stage of this length (30s, 5m) at the last stage's "
                "level");
  c->add_option("--vus", args.vus,
                "Closed model: virtual users; open model: the most busy at "
                "once (more arrivals are dropped)");
  c->add_option("--rate", args.rate,
                "Open model: a constant arrival rate (1000/s)");
  c->add_option("--threads", args.threads,
                "Event-loop threads, each with a slice of the population "
                "and of the rate (--transport http)");
  c->add_option("--shard", args.shard,
                "I/N: run the I-th (0 to N-1) of N slices of the population "
                "and the arrival rate; `tiersim load merge` joins the N "
                "JSON results");
  c->add_option("--json", args.json, "Write the JSON report here (- stdout)");
  c->add_option("--junit", args.junit,
                "Write JUnit XML here (a testcase per threshold and "
                "invariant)");
  c->add_option("--html", args.html, "Write the HTML report here");
  c->add_option("--color", args.color, "auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  c->add_flag("--quiet", args.quiet, "No progress line");
  c->footer(
      "Exit codes: 0 every threshold and invariant held, 1 one failed (or "
      "the run was interrupted or ran out of population), 2 bad input.");
  CLI::App* merge = c->add_subcommand(
      "merge",
      "Merge the JSON results of a run's shards (--shard I/N) into one: "
      "histograms add exactly, the series align by second, thresholds and "
      "invariants are judged again on the union");
  merge->add_option("files", args.merge_files, "The shards' --json results")
      ->required()
      ->check(CLI::ExistingFile);
  merge->add_option("--json", args.json, "Write the merged JSON here");
  merge->add_option("--junit", args.junit, "Write JUnit XML here");
  merge->add_option("--html", args.html, "Write the HTML report here");
  merge->add_option("--color", args.color, "auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  merge->callback([&args] { args.merge = true; });
  merge->footer(
      "Exit codes: 0 every threshold and invariant held on the union, 1 one "
      "failed, 2 the files are not the shards of one run.");
  return c;
}

int Load(const LoadArgs& args) {
  if (args.merge) return Merge(args);
  if (args.file.empty()) {
    std::cerr << "tiersim load: give a load profile (tiersim load FILE), or "
                 "`tiersim load merge` and the shards' results\n";
    return kExitUsage;
  }
  std::uint64_t shard = 0, shards = 1;
  if (!args.shard.empty() && !ParseShard(args.shard, shard, shards)) {
    std::cerr << "tiersim load: --shard \"" << args.shard
              << "\" is not I/N with 0 <= I < N, such as 0/4 (the first of "
                 "four)\n";
    return kExitUsage;
  }
  load::ProfileLoad loaded = load::LoadProfileFile(args.file, shards);
  if (!loaded.ok()) {
    for (const Diagnostic& d : loaded.errors) {
      std::cerr << DiagnosticLine(d, UseColor(args.color, STDERR_FILENO))
                << "\n";
    }
    return kExitUsage;
  }
  LoadProfile& profile = loaded.profile;
  if (!ApplyOverrides(args, profile)) return kExitUsage;
  const bool network = args.transport == "http" || !args.target.empty();
  if (!network && args.threads != 1) {
    std::cerr << "tiersim load: --threads is for the network engine "
                 "(--transport http); in process the core runs on one "
                 "thread\n";
    return kExitUsage;
  }
  if (args.threads < 1 || args.threads > 64) {
    std::cerr << "tiersim load: --threads " << args.threads
              << " is out of range; expected 1 to 64 event-loop threads\n";
    return kExitUsage;
  }
  const bool color = UseColor(args.color, STDOUT_FILENO);
  const bool live = !args.quiet && isatty(STDERR_FILENO) != 0;
  load::EngineOptions options;
  options.shard = shard;
  options.shards = shards;
  options.interrupt = &g_interrupt;
  if (live) options.progress = PrintProgress;
  std::signal(SIGINT, OnInterrupt);
  std::signal(SIGTERM, OnInterrupt);
  if (live) std::cerr << "building the population..." << std::flush;
  auto ran = network ? load::net::RunLoadOverNetwork(
                           profile, std::move(options),
                           {.target = args.target,
                            .threads = static_cast<std::size_t>(args.threads)})
                     : load::RunLoadInProcess(profile, std::move(options));
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  if (live) std::cerr << "\n";
  if (!ran.ok()) {
    std::cerr << "tiersim load: " << ran.status().ToString() << "\n";
    return kExitUsage;
  }
  reports::LoadResult& result = *ran;
  result.file = args.file;
  return Report(args, result, color);
}

}  // namespace tiersim::harness
