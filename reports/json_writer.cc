// The JSON writer, format "tiersim-run/1", documented field by field in
// docs/report-json.md. Key order is fixed (ordered_json) and every
// wall-clock field is named wall_*, so two runs of the same input and seed
// give identical documents once the wall_* keys are dropped.
#include <nlohmann/json.hpp>

#include "reports/writers.h"

namespace tiersim::reports {
namespace {

using Json = nlohmann::ordered_json;

constexpr char kFormat[] = "tiersim-run/1";

Json Strings(const std::vector<std::string>& values) {
  Json out = Json::array();
  for (const std::string& v : values) out.push_back(v);
  return out;
}

Json InteractionJson(const Interaction& i) {
  Json out = Json::object();
  out["at_us"] = i.at_us;
  out["from"] = i.from;
  out["to"] = i.to;
  out["label"] = i.label;
  out["ok"] = i.ok;
  return out;
}

Json StepJson(const StepResult& step) {
  Json out = Json::object();
  out["index"] = step.index;
  out["line"] = step.line;
  out["kind"] = step.kind;
  out["actor"] = step.actor;
  out["title"] = step.title;
  out["note"] = step.note;
  out["expected"] = step.expected;
  out["actual"] = step.actual;
  out["outcome"] = OutcomeName(step.outcome);
  out["virtual_start_us"] = step.virtual_start_us;
  out["virtual_end_us"] = step.virtual_end_us;
  out["wall_ns"] = step.wall_ns;
  out["journal"] = Strings(step.journal);
  Json interactions = Json::array();
  for (const Interaction& i : step.interactions) {
    interactions.push_back(InteractionJson(i));
  }
  out["interactions"] = std::move(interactions);
  return out;
}

Json ScenarioJson(const ScenarioResult& scenario) {
  Json out = Json::object();
  out["file"] = scenario.file;
  out["name"] = scenario.name;
  out["description"] = scenario.description;
  out["tags"] = Strings(scenario.tags);
  out["seed"] = scenario.seed;
  out["outcome"] = OutcomeName(scenario.outcome);
  out["failure"] = scenario.failure;
  out["failed_step"] = scenario.failed_step;
  Json failed_steps = Json::array();
  for (const StepResult& step : scenario.steps) {
    if (step.outcome == Outcome::kFailed) failed_steps.push_back(step.index);
  }
  out["failed_steps"] = std::move(failed_steps);
  out["virtual_end_us"] = scenario.virtual_end_us;
  out["wall_ns"] = scenario.wall_ns;
  out["participants"] = Strings(scenario.participants);
  Json steps = Json::array();
  for (const StepResult& step : scenario.steps) steps.push_back(StepJson(step));
  out["steps"] = std::move(steps);
  return out;
}

}  // namespace

std::string ToJson(const RunResult& run) {
  Json doc = Json::object();
  doc["format"] = kFormat;
  doc["tool"] = run.tool;
  doc["version"] = run.version;
  doc["tag_filter"] = Strings(run.tag_filter);
  doc["seed_overridden"] = run.seed_overridden;
  if (run.seed_overridden) {
    doc["seed"] = run.seed;
  } else {
    doc["seed"] = nullptr;
  }
  Json totals = Json::object();
  totals["scenarios"] = run.scenarios.size();
  totals["passed"] = run.Count(Outcome::kPassed);
  totals["failed"] = run.Count(Outcome::kFailed);
  totals["skipped"] = run.Count(Outcome::kSkipped);
  totals["errors"] = run.Count(Outcome::kError);
  doc["totals"] = std::move(totals);
  doc["all_passed"] = run.AllPassed();
  doc["wall_ns"] = run.wall_ns;
  Json scenarios = Json::array();
  for (const ScenarioResult& s : run.scenarios) {
    scenarios.push_back(ScenarioJson(s));
  }
  doc["scenarios"] = std::move(scenarios);
  // Invalid UTF-8 in user text becomes U+FFFD instead of throwing.
  std::string text = doc.dump(2, ' ', false, Json::error_handler_t::replace);
  text += '\n';
  return text;
}

}  // namespace tiersim::reports
