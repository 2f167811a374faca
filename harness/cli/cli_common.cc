#include "harness/cli/cli_common.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "harness/load/profile_loader.h"

namespace tiersim::harness {

// Whether to colour what goes to `fd`: "always", "never", or "auto" (a
// terminal, and NO_COLOR unset).
bool UseColor(const std::string& mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(fd) != 0 && (no_color == nullptr || no_color[0] == '\0');
}

// A diagnostic line, its "error" in bold red when `color`.
std::string DiagnosticLine(const Diagnostic& d, bool color) {
  std::string line = FormatDiagnostic(d);
  const auto at = line.find(": error: ");
  if (color && at != std::string::npos) {
    line.replace(at + 2, 5, "\x1b[1;31merror\x1b[0m");
  }
  return line;
}

// Loads every scenario file under `paths`, printing each error with its
// file, line and column. Without `broken`, any error stops the run; with it
// (--keep-going), a file that does not load becomes one errored result there
// and the other files still run; a path that does not exist always stops.
bool LoadAll(const std::vector<std::string>& paths,
             std::vector<Scenario>& scenarios, int& files, bool color,
             std::vector<reports::ScenarioResult>* broken, int* profiles) {
  std::vector<Diagnostic> errors;
  const std::vector<std::string> found = CollectScenarioFiles(paths, errors);
  const bool paths_ok = errors.empty();
  files = static_cast<int>(found.size());
  int bad_files = 0;
  for (const std::string& file : found) {
    if (load::IsLoadProfileFile(file)) {
      if (profiles != nullptr) {
        ++*profiles;
        const load::ProfileLoad p = load::LoadProfileFile(file);
        if (!p.ok()) ++bad_files;
        errors.insert(errors.end(), p.errors.begin(), p.errors.end());
      } else {
        ++bad_files;
        errors.push_back({file, 1, 1, "load-profile",
                          "this is a load profile (it has a \"model\"), not "
                          "a scenario; run it with `tiersim load " +
                              file + "`."});
      }
      continue;
    }
    auto loaded = LoadScenarioFile(file);
    if (!loaded.errors.empty()) {
      ++bad_files;
      if (broken != nullptr) {
        broken->push_back(
            {.file = file,
             .name = file + " (does not load)",
             .outcome = reports::Outcome::kError,
             .failure =
                 FormatDiagnostic(loaded.errors[0]) +
                 (loaded.errors.size() > 1
                      ? " (and " + std::to_string(loaded.errors.size() - 1) +
                            " more)"
                      : ""),
             .load_error = true});
      }
    }
    errors.insert(errors.end(), loaded.errors.begin(), loaded.errors.end());
    for (Scenario& s : loaded.scenarios) scenarios.push_back(std::move(s));
  }
  for (const Diagnostic& d : errors) {
    std::cerr << DiagnosticLine(d, color) << "\n";
  }
  if (errors.empty()) return true;
  if (broken != nullptr && paths_ok) {
    std::cerr << errors.size() << " error(s) in " << bad_files
              << " file(s); running the other files (--keep-going).\n";
    return true;
  }
  std::cerr << errors.size() << " error(s) in " << bad_files
            << " file(s); nothing was run"
            << (paths_ok ? " (--keep-going runs the other files)" : "")
            << ".\n";
  return false;
}

namespace load {

bool IsLoadProfileFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream text;
  text << in.rdbuf();
  return LooksLikeLoadProfile(text.str());
}

}  // namespace load
}  // namespace tiersim::harness
