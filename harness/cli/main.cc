// tiersim: the command line. Subcommands: run, serve, validate, list,
// schema.
// Exit codes: 0 all passed (or valid), 1 some scenario failed, 2 bad input
// or usage.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>

#include "harness/cli/cli_common.h"
#include "harness/cli/list.h"
#include "harness/cli/load_command.h"
#include "harness/cli/serve_command.h"
#include "harness/format/loader.h"
#include "harness/load/profile_schema.h"
#include "harness/runner/runner.h"
#include "harness/transport/network_client.h"
#include "mocks/serve/served_world.h"
#include "reports/writers.h"
#include "sim/ids.h"

namespace {

using tiersim::harness::Diagnostic;
using tiersim::harness::DiagnosticLine;
using tiersim::harness::LoadAll;
using tiersim::harness::Scenario;
using tiersim::harness::UseColor;

constexpr int kExitOk = 0;
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;
constexpr char kVersion[] = TIERSIM_VERSION;  // the project's, from CMake

bool WriteFile(const std::string& path, const std::string& text) {
  if (path == "-") {
    std::cout << text;
    return true;
  }
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) {
    std::cerr << "tiersim: cannot write " << path << "\n";
    return false;
  }
  return true;
}

struct RunArgs {
  std::vector<std::string> paths;
  std::vector<std::string> tags;
  std::vector<std::string> names;
  std::string seed;
  std::string json, junit, html;
  std::string color = "auto";
  bool verbose = false;
  std::string transport = "inprocess";
  std::string target;  // a Partner Center URL: play against servers there
  bool keep_going = false;
  bool soft = false;
};

// The network transport's client: against --target, or against servers
// started here on ephemeral ports. Null (and a message) when unreachable.
struct NetworkSetup {
  std::unique_ptr<tiersim::mocks::ServedWorld> world;
  std::unique_ptr<tiersim::harness::NetworkClient> client;
};

bool SetUpNetwork(const RunArgs& args, NetworkSetup& setup) {
  namespace m = tiersim::mocks;
  m::NetworkTarget target;
  if (args.target.empty()) {
    setup.world = std::make_unique<m::ServedWorld>(
        m::ServeOptions{.host = "127.0.0.1", .http_threads = 2});
    tiersim::sim::Status s = setup.world->Start();
    if (!s.ok()) {
      std::cerr << "tiersim run: cannot start the servers: " << s.message()
                << "\n";
      return false;
    }
    target = setup.world->target();
  } else {
    auto found = tiersim::harness::DiscoverTarget(args.target);
    if (!found.ok()) {
      std::cerr << "tiersim run: --target: " << found.status().message()
                << "\n";
      return false;
    }
    target = *found;
  }
  setup.client = std::make_unique<tiersim::harness::NetworkClient>(target);
  return true;
}

int Run(const RunArgs& args) {
  namespace h = tiersim::harness;
  h::RunOptions options;
  options.tags = args.tags;
  options.names = args.names;
  options.soft = args.soft;
  if (!args.seed.empty()) {
    if (args.seed == "random") {
      options.seed =
          std::random_device{}() * 0x100000000ULL + std::random_device{}();
    } else {
      const std::optional<std::uint64_t> seed =
          tiersim::sim::ParseDecimal(args.seed);
      if (!seed) {
        std::cerr << "tiersim run: --seed must be a whole number or "
                     "\"random\", not \""
                  << args.seed << "\"\n";
        return kExitUsage;
      }
      options.seed = *seed;
    }
  }
  std::vector<Scenario> scenarios;
  int files = 0;
  std::vector<tiersim::reports::ScenarioResult> broken;
  if (!LoadAll(args.paths, scenarios, files,
               UseColor(args.color, STDERR_FILENO),
               args.keep_going ? &broken : nullptr)) {
    return kExitUsage;
  }
  std::vector<const Scenario*> selected;
  for (const Scenario& s : scenarios) {
    if (h::Selected(s, options)) selected.push_back(&s);
  }
  if (selected.empty() && broken.empty()) {
    std::cerr << "tiersim run: no scenario";
    if (!options.tags.empty())
      std::cerr << " has any of the given --tag values";
    if (!options.names.empty()) {
      std::cerr << (options.tags.empty() ? "" : " and")
                << " has a name containing any of the given --name values";
    }
    std::cerr << " (" << scenarios.size() << " loaded from " << files
              << " file(s))\n";
    return kExitUsage;
  }
  const tiersim::reports::ConsoleStyle style{
      .color = UseColor(args.color, STDOUT_FILENO), .verbose = args.verbose};
  std::cout << "tiersim run: " << selected.size() << " scenario(s) from "
            << files << " file(s); "
            << (options.seed
                    ? "seed " + std::to_string(*options.seed) + " for all"
                    : std::string("each with its own seed"))
            << "\n";
  tiersim::reports::RunResult run;
  run.version = kVersion;
  run.tag_filter = options.tags;
  run.seed_overridden = options.seed.has_value();
  run.seed = options.seed.value_or(0);
  NetworkSetup network;
  if (args.transport == "http" && !SetUpNetwork(args, network)) {
    return kExitUsage;
  }
  const auto start = std::chrono::steady_clock::now();
  for (tiersim::reports::ScenarioResult& b : broken) {
    run.scenarios.push_back(std::move(b));
    tiersim::reports::WriteConsoleScenario(run.scenarios.back(), style,
                                           std::cout);
  }
  for (const Scenario* s : selected) {
    const std::uint64_t seed = h::SeedFor(*s, options);
    run.scenarios.push_back(
        network.client
            ? h::RunScenarioOverNetwork(*s, seed, *network.client, options.soft)
            : h::RunScenarioInProcess(*s, seed, options.soft));
    tiersim::reports::WriteConsoleScenario(run.scenarios.back(), style,
                                           std::cout);
  }
  run.wall_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                    std::chrono::steady_clock::now() - start)
                    .count();
  tiersim::reports::WriteConsoleSummary(run, style, std::cout);
  bool written = true;
  if (!args.json.empty()) {
    written = WriteFile(args.json, tiersim::reports::ToJson(run)) && written;
  }
  if (!args.junit.empty()) {
    written =
        WriteFile(args.junit, tiersim::reports::ToJUnitXml(run)) && written;
  }
  if (!args.html.empty()) {
    written = WriteFile(args.html, tiersim::reports::ToHtml(run)) && written;
  }
  if (!written) return kExitUsage;
  return run.AllPassed() ? kExitOk : kExitFailed;
}

struct ValidateArgs {
  std::vector<std::string> paths;
  std::string color = "auto";
};

int Validate(const ValidateArgs& args) {
  std::vector<Scenario> scenarios;
  int files = 0, profiles = 0;
  if (!LoadAll(args.paths, scenarios, files,
               UseColor(args.color, STDERR_FILENO), nullptr, &profiles)) {
    return kExitUsage;
  }
  std::cout << files << " file(s), " << scenarios.size() << " scenario(s)";
  if (profiles > 0) std::cout << ", " << profiles << " load profile(s)";
  std::cout << ": valid\n";
  return kExitOk;
}

CLI::App* AddRunCommand(CLI::App& app, RunArgs& args) {
  CLI::App* command = app.add_subcommand(
      "run", "Play scenario files (or folders of them) and report");
  command
      ->add_option("paths", args.paths,
                   "Scenario files, or folders searched for *.json")
      ->required();
  command->add_option(
      "--tag", args.tags,
      "Only scenarios with this tag (repeat for any of several)");
  command->add_option("--name", args.names,
                      "Only scenarios whose name contains this text, "
                      "ignoring case (repeat for any of several)");
  command->add_option("--seed", args.seed,
                      "Use this seed for every scenario instead of its own "
                      "(\"random\" picks one and prints it)");
  command->add_option("--json", args.json,
                      "Write the JSON report here (docs/report-json.md; - for "
                      "stdout)");
  command->add_option("--junit", args.junit,
                      "Write a JUnit XML report here (a testsuite per file)");
  command->add_option("--html", args.html,
                      "Write a self-contained HTML report here");
  command
      ->add_option("--color", args.color,
                   "auto (colour on a terminal unless NO_COLOR is set), "
                   "always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  command->add_flag("--keep-going", args.keep_going,
                    "Run the files that load when others do not; each file "
                    "that does not load is reported as an error");
  command->add_flag("--soft", args.soft,
                    "Soft assertions: play every step of a scenario after a "
                    "failed one and report every failure (a scenario file "
                    "can ask for it with \"soft\": true)");
  command->add_flag("-v,--verbose", args.verbose,
                    "Print every step, not only failures");
  command
      ->add_option("--transport", args.transport,
                   "inprocess (default): call the core directly; http: play "
                   "every step over real HTTP/HTTPS/SMTP against the servers")
      ->check(CLI::IsMember({"inprocess", "http"}));
  command->add_option(
      "--target", args.target,
      "With --transport http: the Partner Center URL of a running "
      "`tiersim serve` (default: start the servers here, on "
      "ephemeral ports)");
  return command;
}

void AddServePortOptions(CLI::App& serve, tiersim::harness::ServeArgs& args) {
  serve
      .add_option("--partner-center-port", args.partner_center_port,
                  "Partner Center REST (HTTP); 0 = any free port")
      ->envname("TIERSIM_PARTNER_CENTER_PORT")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve.add_option("--aad-port", args.aad_port, "Azure AD (HTTPS)")
      ->envname("TIERSIM_AAD_PORT")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve.add_option("--pmc-port", args.pmc_port, "PMC (HTTP)")
      ->envname("TIERSIM_PMC_PORT")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve.add_option("--smtp-port", args.smtp_port, "SMTP")
      ->envname("TIERSIM_SMTP_PORT")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve
      .add_option("--mail-api-port", args.mail_api_port,
                  "Mailpit-shaped mail API (HTTP)")
      ->envname("TIERSIM_MAIL_API_PORT")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
}

CLI::App* AddServeCommand(CLI::App& app, tiersim::harness::ServeArgs& args) {
  CLI::App* command = app.add_subcommand(
      "serve",
      "Run Partner Center, Azure AD, PMC and mail as real servers until "
      "Ctrl-C (each flag can also be set with its TIERSIM_* variable)");
  command->add_option("--host", args.host, "Address to listen on")
      ->envname("TIERSIM_HOST")
      ->capture_default_str();
  AddServePortOptions(*command, args);
  command->add_option("--seed", args.seed, "The world's seed")
      ->envname("TIERSIM_SEED")
      ->capture_default_str();
  command
      ->add_option("--threads", args.threads,
                   "Event-loop threads per HTTP server (0: one per core, at "
                   "least 2; connections hold no thread)")
      ->envname("TIERSIM_THREADS")
      ->check(CLI::Range(0, 256))
      ->capture_default_str();
  command
      ->add_option("--clock-speed", args.clock_speed,
                   "Virtual seconds per wall second (0: time moves only via "
                   "POST /_tiersim/clock)")
      ->envname("TIERSIM_CLOCK_SPEED")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  command
      ->add_option("--start", args.start,
                   "Where virtual time starts: now (the wall clock, so real "
                   "OIDC clients accept ID tokens) or a UTC time such as "
                   "2026-01-01T00:00:00Z")
      ->envname("TIERSIM_START")
      ->capture_default_str();
  command
      ->add_option("--cert-dir", args.certificate_dir,
                   "Where to write ca.pem, server.pem, server-key.pem "
                   "(default: a new temporary directory)")
      ->envname("TIERSIM_CERT_DIR");
  command
      ->add_option("--world", args.world_file,
                   "A scenario file whose cast seeds the world at start")
      ->envname("TIERSIM_WORLD")
      ->check(CLI::ExistingFile);
  return command;
}

CLI::App* AddValidateCommand(CLI::App& app, ValidateArgs& args) {
  CLI::App* command = app.add_subcommand(
      "validate", "Check scenario files without running them");
  command->add_option("paths", args.paths, "Scenario files or folders")
      ->required();
  command
      ->add_option("--color", args.color,
                   "Colour the errors: auto (a terminal, NO_COLOR unset), "
                   "always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  return command;
}

CLI::App* AddListCommand(CLI::App& app, std::string& what) {
  CLI::App* command = app.add_subcommand(
      "list",
      "Print the actions, expectations, cast fields, faults, error "
      "codes, flows and Partner Center operations");
  command->add_option("what", what,
                      "actions, queries, cast, faults, errors, flows or "
                      "operations (default: all)");
  return command;
}

// The subcommands, and what CLI11 parses their arguments into.
struct CommandLine {
  RunArgs run_args;
  tiersim::harness::ServeArgs serve_args;
  tiersim::harness::LoadArgs load_args;
  ValidateArgs validate_args;
  std::string list_what;
  CLI::App* run = nullptr;
  CLI::App* serve = nullptr;
  CLI::App* load = nullptr;
  CLI::App* validate = nullptr;
  CLI::App* list = nullptr;
  CLI::App* schema = nullptr;
};

// Runs the subcommand that was parsed; its exit code.
int Dispatch(const CommandLine& cli) {
  if (cli.run->parsed()) {
    if (!cli.run_args.target.empty() && cli.run_args.transport != "http") {
      std::cerr << "tiersim run: --target needs --transport http\n";
      return kExitUsage;
    }
    return Run(cli.run_args);
  }
  if (cli.serve->parsed()) return tiersim::harness::Serve(cli.serve_args);
  if (cli.load->parsed()) return tiersim::harness::Load(cli.load_args);
  if (cli.validate->parsed()) return Validate(cli.validate_args);
  if (cli.list->parsed()) {
    if (!tiersim::harness::PrintList(cli.list_what, std::cout)) {
      std::cerr << "tiersim list: unknown list \"" << cli.list_what
                << "\"; expected actions, queries, cast, faults, errors, "
                   "flows or operations\n";
      return kExitUsage;
    }
    return kExitOk;
  }
  if (cli.schema->parsed()) {
    std::cout << tiersim::harness::load::FileSchemaJson();
    return kExitOk;
  }
  return kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "tiersim: a simulator and test harness for Microsoft's CSP two-tier "
      "model.\nScenario files drive providers, resellers and customers "
      "through Partner Center flows in virtual time."};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("tiersim ") + kVersion);
  app.footer(
      "Exit codes: 0 all passed, 1 a scenario failed, 2 bad input or usage.\n"
      "Run `tiersim COMMAND --help` for a command's options.");

  CommandLine cli;
  cli.run = AddRunCommand(app, cli.run_args);
  cli.serve = AddServeCommand(app, cli.serve_args);
  cli.load = tiersim::harness::AddLoadCommand(app, cli.load_args);
  cli.validate = AddValidateCommand(app, cli.validate_args);
  cli.list = AddListCommand(app, cli.list_what);
  cli.schema = app.add_subcommand(
      "schema",
      "Print the JSON Schema of scenario files and load profiles "
      "(scenarios/schema.json)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  return Dispatch(cli);
}
