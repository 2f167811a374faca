// The scenario document and its steps. The cast is read in loader_cast.cc.
#include "harness/format/loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "harness/format/did_you_mean.h"
#include "harness/format/loader_internal.h"
#include "harness/vocabulary/stage.h"
#include "sim/text.h"

namespace tiersim::harness {

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) {
    out += ":" + std::to_string(d.line) + ":" + std::to_string(d.column);
  }
  return out + ": error: " + d.message + " [" + d.code + "]";
}

namespace internal {
namespace {

const std::vector<std::string> kTopFields = {
    "$schema", "name", "description", "tags", "seed", "soft", "cast", "steps"};

}  // namespace

bool ScenarioReader::Read(const Json& j, const std::string& ptr,
                          Scenario& out) {
  errors_at_start_ = errors_.size();
  out.file = file_;
  out.pos = PosOf(ptr);
  if (!Object(j, ptr, "a scenario")) return false;
  for (const auto& [key, value] : j.items()) {
    if (std::find(kTopFields.begin(), kTopFields.end(), key) ==
        kTopFields.end()) {
      ErrorKey(JoinPointer(ptr, key), "unknown-field",
               "\"" + key + "\" is not a scenario field; expected " +
                   QuotedList(kTopFields) + "." + DidYouMean(key, kTopFields));
    }
  }
  for (const char* required : {"name", "cast", "steps"}) {
    if (!j.contains(required)) {
      ErrorValue(ptr, "missing-field",
                 "a scenario needs \"" + std::string(required) + "\".");
    }
  }
  if (j.contains("name")) {
    String(j["name"], JoinPointer(ptr, "name"), "\"name\"", out.name);
  }
  if (j.contains("description")) {
    String(j["description"], JoinPointer(ptr, "description"), "\"description\"",
           out.description);
  }
  if (j.contains("tags")) {
    StringList(j["tags"], JoinPointer(ptr, "tags"), "\"tags\"", out.tags);
  }
  if (j.contains("seed")) {
    const std::string sp = JoinPointer(ptr, "seed");
    if (!j["seed"].is_number_unsigned()) {
      ErrorValue(sp, "wrong-type",
                 "\"seed\" must be a whole number from 0 to 2^64-1.");
    } else {
      out.seed = j["seed"].get<std::uint64_t>();
    }
  }
  if (j.contains("soft")) {
    Boolean(j["soft"], JoinPointer(ptr, "soft"), "\"soft\"", out.soft);
  }
  if (j.contains("cast")) ReadCast(j["cast"], JoinPointer(ptr, "cast"), out);
  scenario_ = &out;
  if (j.contains("steps")) {
    const std::string sp = JoinPointer(ptr, "steps");
    if (Array(j["steps"], sp, "\"steps\"")) {
      for (std::size_t i = 0; i < j["steps"].size(); ++i) {
        Step step;
        ReadStep(j["steps"][i], JoinPointer(sp, i), static_cast<int>(i) + 1,
                 step);
        out.steps.push_back(std::move(step));
      }
    }
  }
  scenario_ = nullptr;
  return errors_.size() == errors_at_start_;
}

std::string DefaultLegalName(const std::string& cast_name) {
  std::string out = cast_name;
  for (char& c : out) {
    if (c == '_' || c == '-') c = ' ';
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') {
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  }
  return out;
}

std::string DefaultDomain(const std::string& cast_name) {
  std::string out;
  for (char c : cast_name) {
    const char lower = sim::AsciiToLower(c);
    if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
      out += lower;
    }
  }
  return out;
}

}  // namespace internal

LoadResult LoadScenarioText(std::string_view file, std::string_view text) {
  LoadResult result;
  ParsedJson parsed;
  JsonSyntaxError syntax;
  if (!ParseJsonWithPositions(text, parsed, syntax)) {
    result.errors.push_back({std::string(file), syntax.pos.line,
                             syntax.pos.column, "syntax",
                             "not valid JSON: " + syntax.message + "."});
    return result;
  }
  internal::ScenarioReader reader(file, parsed.map, result.errors);
  for (const std::string& dup : parsed.map.duplicate_keys()) {
    reader.ErrorKey(dup, "duplicate-key",
                    "\"" + dup.substr(dup.rfind('/') + 1) +
                        "\" appears twice in the same object; the second "
                        "would silently replace the first.");
  }
  if (parsed.doc.is_array()) {
    for (std::size_t i = 0; i < parsed.doc.size(); ++i) {
      Scenario s;
      reader.Read(parsed.doc[i], JoinPointer("", i), s);
      result.scenarios.push_back(std::move(s));
    }
  } else {
    Scenario s;
    reader.Read(parsed.doc, "", s);
    result.scenarios.push_back(std::move(s));
  }
  std::stable_sort(result.errors.begin(), result.errors.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.line, a.column) <
                            std::tie(b.line, b.column);
                   });
  if (!result.ok()) result.scenarios.clear();
  return result;
}

LoadResult LoadScenarioFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    LoadResult r;
    r.errors.push_back({path, 0, 0, "io", "cannot read the file."});
    return r;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return LoadScenarioText(path, text.str());
}

std::vector<std::string> CollectScenarioFiles(
    const std::vector<std::string>& paths, std::vector<Diagnostic>& errors) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<std::string> found;
      for (const auto& e : fs::recursive_directory_iterator(p, ec)) {
        if (e.is_regular_file() && e.path().extension() == ".json") {
          found.push_back(e.path().generic_string());
        }
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) {
        errors.push_back({p, 0, 0, "io", "the folder has no *.json files."});
      }
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(p, ec)) {
      out.push_back(p);
    } else {
      errors.push_back({p, 0, 0, "io", "no such file or folder."});
    }
  }
  return out;
}

}  // namespace tiersim::harness
