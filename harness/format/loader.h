// Loader: scenario files -> Scenario values, or diagnostics that name file,
// line and column, say what was expected, and suggest the nearest name for
// a misspelt action, query, field, cast member or value.
//
//   scenarios/qa/f3.json:12:17: error: "acept_partnership" is not an action.
//   Did you mean "accept_partnership"? [unknown-action]
//
// Diagnostic codes are stable (tests and tools may match on them): syntax,
// duplicate-key, unknown-field, missing-field, wrong-type, bad-value,
// unknown-action, unknown-query, unknown-cast, wrong-role, wrong-actor,
// unknown-value, unknown-error-code, unknown-fault, step-kind, io.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "harness/scenario/scenario.h"

namespace tiersim::harness {

struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  std::string code;     // stable: "unknown-action"
  std::string message;  // a sentence or two, for a person
};

// "file:line:column: error: message [code]"
std::string FormatDiagnostic(const Diagnostic& d);

struct LoadResult {
  std::vector<Scenario> scenarios;
  std::vector<Diagnostic> errors;  // empty when every scenario loaded
  bool ok() const { return errors.empty(); }
};

// A file holds one scenario (an object) or several (an array of them).
LoadResult LoadScenarioText(std::string_view file, std::string_view text);
LoadResult LoadScenarioFile(const std::string& path);

// Expands the command line's FILES|DIRS: directories are searched
// recursively for *.json (sorted, so runs are repeatable); a path that does
// not exist is an "io" diagnostic.
std::vector<std::string> CollectScenarioFiles(
    const std::vector<std::string>& paths, std::vector<Diagnostic>& errors);

}  // namespace tiersim::harness
