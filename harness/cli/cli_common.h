// What the tiersim subcommands share: colour decisions, diagnostic lines,
// and loading the scenario files (and load profiles) a command names.
#pragma once

#include <string>
#include <vector>

#include "harness/format/loader.h"
#include "reports/run_result.h"

namespace tiersim::harness {

// Whether to colour what goes to `fd`: "always", "never", or "auto" (a
// terminal, and NO_COLOR unset).
bool UseColor(const std::string& mode, int fd);

// A diagnostic line, its "error" in bold red when `color`.
std::string DiagnosticLine(const Diagnostic& d, bool color);

// Loads every scenario file under `paths`, printing each error with its
// file, line and column. Without `broken`, any error stops the run; with it
// (--keep-going), a file that does not load becomes one errored result there
// and the other files still run; a path that does not exist always stops.
// Load profiles (files with a "model") are checked as profiles and counted
// in `profiles` when it is given (validate); otherwise each is an error
// pointing at `tiersim load`.
bool LoadAll(const std::vector<std::string>& paths,
             std::vector<Scenario>& scenarios, int& files, bool color,
             std::vector<reports::ScenarioResult>* broken = nullptr,
             int* profiles = nullptr);

namespace load {
// Whether the file at `path` is a load profile (LooksLikeLoadProfile).
bool IsLoadProfileFile(const std::string& path);
}  // namespace load

}  // namespace tiersim::harness
