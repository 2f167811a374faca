// Reads load profiles (profile.h) with JsonReader, so every error names
// file, line and column and says what was expected.
#include "harness/load/profile_loader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "harness/format/did_you_mean.h"
#include "harness/format/json_reader.h"
#include "harness/load/flow_catalog.h"
#include "harness/load/population.h"
#include "harness/load/threshold.h"

namespace tiersim::harness::load {
namespace {

constexpr std::int64_t kMaxCount = 1'000'000'000;

class ProfileReader : public JsonReader {
 public:
  using JsonReader::JsonReader;

  void Read(const Json& j, LoadProfile& out);

 private:
  // Each member of object `j` at `ptr` must be one of `known`.
  bool Members(const Json& j, const std::string& ptr, const std::string& what,
               const std::vector<std::string>& known);
  bool Count(const Json& j, const std::string& ptr, const std::string& what,
             std::int64_t min, std::int64_t& out);
  bool Wall(const Json& j, const std::string& ptr, const std::string& what,
            WallDuration& out);
  bool Rate(const Json& j, const std::string& ptr, const std::string& what,
            double& out);
  void ReadPopulation(const Json& j, const std::string& ptr,
                      PopulationSpec& out);
  void ReadWeights(const Json& j, const std::string& ptr,
                   const std::string& what,
                   std::map<std::string, std::int64_t>& out);
  void ReadFlows(const Json& j, const std::string& ptr, LoadProfile& out);
  void ReadFlow(const std::string& name, const Json& j, const std::string& ptr,
                FlowSpec& out);
  void ReadModel(const Json& j, const std::string& ptr, ModelSpec& out);
  void ReadStage(const Json& j, const std::string& ptr, ModelKind kind,
                 Stage& out);
  void ReadThresholds(const Json& j, const std::string& ptr, LoadProfile& out);
  void ReadThreshold(const std::string& key, const Json& j,
                     const std::string& ptr, const LoadProfile& profile,
                     std::vector<Threshold>& out);
};

bool ProfileReader::Members(const Json& j, const std::string& ptr,
                            const std::string& what,
                            const std::vector<std::string>& known) {
  bool ok = true;
  for (const auto& [key, value] : j.items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    ErrorKey(JoinPointer(ptr, key), "unknown-field",
             "\"" + key + "\" is not a field of " + what + "; expected " +
                 QuotedList(known) + "." + DidYouMean(key, known));
    ok = false;
  }
  return ok;
}

bool ProfileReader::Count(const Json& j, const std::string& ptr,
                          const std::string& what, std::int64_t min,
                          std::int64_t& out) {
  if (!Integer(j, ptr, what, out)) return false;
  if (out < min || out > kMaxCount) {
    ErrorValue(ptr, "bad-value",
               what + " must be between " + std::to_string(min) + " and " +
                   std::to_string(kMaxCount) + ", not " + std::to_string(out) +
                   ".");
    return false;
  }
  return true;
}

bool ProfileReader::Wall(const Json& j, const std::string& ptr,
                         const std::string& what, WallDuration& out) {
  sim::Duration d{};
  if (!Duration(j, ptr, what, d)) return false;
  out = std::chrono::duration_cast<WallDuration>(d);
  return true;
}

bool ProfileReader::Rate(const Json& j, const std::string& ptr,
                         const std::string& what, double& out) {
  if (j.is_number() && !j.is_boolean()) {
    out = j.get<double>();
  } else {
    std::string text;
    if (!String(j, ptr, what, text)) return false;
    auto r = ParseRate(text);
    if (!r) {
      ErrorValue(ptr, "bad-value",
                 "\"" + text + "\" is not a rate (" + what +
                     "); expected arrivals per unit of time, such as "
                     "\"500/s\", \"30000/m\" or \"2/ms\".");
      return false;
    }
    out = *r;
  }
  if (out < 0 || out > 1e9) {
    ErrorValue(ptr, "bad-value",
               what + " must be between 0 and 1e9 per second.");
    return false;
  }
  return true;
}

void ProfileReader::Read(const Json& j, LoadProfile& out) {
  out.file = file_;
  out.pos = PosOf("");
  if (!Object(j, "", "a load profile")) return;
  Members(j, "", "a load profile",
          {"$schema", "name", "description", "tags", "seed", "population",
           "flows", "model", "thresholds"});
  if (j.contains("name")) String(j["name"], "/name", "\"name\"", out.name);
  if (out.name.empty()) {
    if (!j.contains("name")) {
      ErrorValue("", "missing-field", "a load profile needs a \"name\".");
    } else {
      ErrorValue("/name", "bad-value", "\"name\" must not be empty.");
    }
  }
  if (j.contains("description")) {
    String(j["description"], "/description", "\"description\"",
           out.description);
  }
  if (j.contains("tags")) StringList(j["tags"], "/tags", "\"tags\"", out.tags);
  if (j.contains("seed")) {
    std::int64_t seed = 0;
    if (Count(j["seed"], "/seed", "\"seed\"", 0, seed)) {
      out.seed = static_cast<std::uint64_t>(seed);
    }
  }
  if (j.contains("population")) {
    ReadPopulation(j["population"], "/population", out.population);
  }
  if (!j.contains("flows")) {
    ErrorValue("", "missing-field",
               "a load profile needs \"flows\": the flows to drive, e.g. "
               "{\"order\": {\"flow\": \"order\"}}.");
  } else {
    ReadFlows(j["flows"], "/flows", out);
  }
  if (!j.contains("model")) {
    ErrorValue("", "missing-field",
               "a load profile needs a \"model\": {\"type\": \"open\", "
               "\"stages\": [...]} or {\"type\": \"closed\", \"vus\": N, "
               "...}.");
  } else {
    ReadModel(j["model"], "/model", out.model);
  }
  if (j.contains("thresholds")) {
    ReadThresholds(j["thresholds"], "/thresholds", out);
  }
  // JSON objects come back sorted by key; people expect their own order.
  auto by_pos = [](const auto& a, const auto& b) {
    return std::tie(a.pos.line, a.pos.column) <
           std::tie(b.pos.line, b.pos.column);
  };
  std::stable_sort(out.flows.begin(), out.flows.end(), by_pos);
  std::stable_sort(out.thresholds.begin(), out.thresholds.end(), by_pos);
}

void ProfileReader::ReadWeights(const Json& j, const std::string& ptr,
                                const std::string& what,
                                std::map<std::string, std::int64_t>& out) {
  if (!Object(j, ptr, what)) return;
  for (const auto& [key, value] : j.items()) {
    std::int64_t n = 0;
    if (Count(value, JoinPointer(ptr, key), "\"" + key + "\" in " + what, 0,
              n)) {
      out[key] = n;
    }
  }
}

void ProfileReader::ReadPopulation(const Json& j, const std::string& ptr,
                                   PopulationSpec& out) {
  out.pos = PosOf(ptr);
  if (!Object(j, ptr, "\"population\"")) return;
  Members(j, ptr, "\"population\"",
          {"providers", "resellers_per_provider", "customers_per_reseller",
           "users", "offers", "licenses", "invitees", "prospects"});
  auto count = [&](const char* key, std::int64_t min, std::int64_t& field) {
    if (j.contains(key)) {
      Count(j[key], JoinPointer(ptr, key), std::string("\"") + key + "\"", min,
            field);
    }
  };
  count("providers", 1, out.providers);
  count("resellers_per_provider", 0, out.resellers_per_provider);
  count("customers_per_reseller", 0, out.customers_per_reseller);
  count("licenses", 1, out.licenses);
  if (j.contains("invitees")) {
    std::int64_t n = 0;
    count("invitees", 0, n);
    out.invitees = n;
  }
  if (j.contains("prospects")) {
    std::int64_t n = 0;
    count("prospects", 0, n);
    out.prospects = n;
  }
  if (j.contains("users")) {
    const std::string p = JoinPointer(ptr, "users");
    ReadWeights(j["users"], p, "\"users\"", out.users);
    const std::vector<std::string> roles = PopulationRoleNames();
    for (const auto& [role, n] : out.users) {
      OneOf(role, JoinPointer(p, role), "user role", roles);
    }
  }
  if (j.contains("offers")) {
    const std::string p = JoinPointer(ptr, "offers");
    ReadWeights(j["offers"], p, "\"offers\"", out.offers);
    const std::vector<std::string> offers = CatalogOfferIds();
    std::int64_t total = 0;
    for (const auto& [offer, w] : out.offers) {
      OneOf(offer, JoinPointer(p, offer), "offer", offers);
      total += w;
    }
    if (!out.offers.empty() && total == 0) {
      ErrorValue(p, "bad-value", "the offers' weights must not all be 0.");
    }
  }
}

void ProfileReader::ReadFlows(const Json& j, const std::string& ptr,
                              LoadProfile& out) {
  if (!Object(j, ptr, "\"flows\"")) return;
  if (j.empty()) {
    ErrorValue(ptr, "bad-value", "\"flows\" must name at least one flow.");
    return;
  }
  std::int64_t total = 0;
  for (const auto& [name, value] : j.items()) {
    const std::string p = JoinPointer(ptr, name);
    if (name.empty() || name.find_first_of(". ") != std::string::npos ||
        IsReservedMetric(name)) {
      ErrorKey(p, "bad-value",
               "\"" + name +
                   "\" cannot name a flow: flow names are metric names, "
                   "so they must be non-empty, have no dots or spaces, and "
                   "not be \"errors\", \"iterations\" or \"dropped\".");
      continue;
    }
    FlowSpec flow;
    flow.name = name;
    ReadFlow(name, value, p, flow);
    total += flow.weight;
    out.flows.push_back(std::move(flow));
  }
  if (total == 0) {
    ErrorValue(ptr, "bad-value", "the flows' weights must not all be 0.");
  }
}

void ProfileReader::ReadFlow(const std::string& name, const Json& j,
                             const std::string& ptr, FlowSpec& out) {
  out.pos = PosOf(ptr);
  const std::string what = "flow \"" + name + "\"";
  if (!Object(j, ptr, what)) return;
  Members(j, ptr, what,
          {"flow", "weight", "lines", "as", "file", "message_bytes"});
  std::string kind;
  if (!j.contains("flow")) {
    ErrorValue(
        ptr, "missing-field",
        what + " needs \"flow\": one of " + QuotedList(FlowKindNames()) + ".");
    return;
  }
  const std::string kp = JoinPointer(ptr, "flow");
  if (!String(j["flow"], kp, "\"flow\"", kind)) return;
  const auto parsed = ParseFlowKind(kind);
  if (!parsed) {
    ErrorValue(kp, "unknown-flow",
               "\"" + kind + "\" is not a flow; expected " +
                   QuotedList(FlowKindNames()) + "." +
                   DidYouMean(kind, FlowKindNames()));
    return;
  }
  out.kind = *parsed;
  if (j.contains("weight")) {
    Count(j["weight"], JoinPointer(ptr, "weight"), "\"weight\"", 0, out.weight);
  }
  auto only_for = [&](const char* key, FlowKind k) {
    if (j.contains(key) && out.kind != k) {
      ErrorKey(JoinPointer(ptr, key), "unknown-field",
               std::string("\"") + key + "\" is a field of the \"" +
                   FlowKindName(k) + "\" flow, not of \"" + kind + "\".");
      return false;
    }
    return j.contains(key);
  };
  if (only_for("lines", FlowKind::kOrder)) {
    const std::string p = JoinPointer(ptr, "lines");
    if (Count(j["lines"], p, "\"lines\"", 1, out.lines) && out.lines > 100) {
      ErrorValue(p, "bad-value", "an order has at most 100 lines.");
    }
  }
  if (only_for("message_bytes", FlowKind::kSmtp)) {
    const std::string p = JoinPointer(ptr, "message_bytes");
    if (Count(j["message_bytes"], p, "\"message_bytes\"", 1,
              out.message_bytes) &&
        out.message_bytes > 10 * 1024 * 1024) {
      ErrorValue(p, "bad-value",
                 "\"message_bytes\" is at most 10 MiB (the SMTP server's "
                 "SIZE limit).");
    }
  }
  if (j.contains("as")) {
    const std::string p = JoinPointer(ptr, "as");
    if (String(j["as"], p, "\"as\"", out.as)) {
      OneOf(out.as, p, "acting role", ActingRoleNames(out.kind));
    }
  }
  if (out.kind == FlowKind::kScenario) {
    if (!j.contains("file")) {
      ErrorValue(ptr, "missing-field",
                 what +
                     " needs \"file\": the QA scenario to use as a "
                     "template (relative to this file).");
      return;
    }
    const std::string p = JoinPointer(ptr, "file");
    std::string rel;
    if (!String(j["file"], p, "\"file\"", rel)) return;
    namespace fs = std::filesystem;
    const fs::path resolved = fs::path(file_).parent_path() / rel;
    out.file = resolved.lexically_normal().generic_string();
    std::ifstream in(out.file, std::ios::binary);
    if (!in) {
      ErrorValue(p, "io", "cannot read \"" + out.file + "\" (\"file\").");
      return;
    }
    std::ostringstream text;
    text << in.rdbuf();
    out.template_text = text.str();
  } else if (j.contains("file")) {
    only_for("file", FlowKind::kScenario);
  }
}

void ProfileReader::ReadModel(const Json& j, const std::string& ptr,
                              ModelSpec& out) {
  out.pos = PosOf(ptr);
  if (!Object(j, ptr, "\"model\"")) return;
  std::string type = "open";
  if (j.contains("type")) {
    const std::string p = JoinPointer(ptr, "type");
    if (!String(j["type"], p, "\"type\"", type) ||
        !OneOf(type, p, "model type", {"open", "closed"})) {
      return;
    }
  }
  out.kind = type == "open" ? ModelKind::kOpen : ModelKind::kClosed;
  const bool open = out.kind == ModelKind::kOpen;
  if (open) {
    Members(j, ptr, "an open model",
            {"type", "rate", "start_rate", "duration", "stages", "warmup",
             "max_vus"});
  } else {
    Members(j, ptr, "a closed model",
            {"type", "vus", "duration", "iterations", "stages", "think_time",
             "warmup"});
  }
  if (j.contains("warmup")) {
    Wall(j["warmup"], JoinPointer(ptr, "warmup"), "\"warmup\"", out.warmup);
  }
  if (open && j.contains("max_vus")) {
    Count(j["max_vus"], JoinPointer(ptr, "max_vus"), "\"max_vus\"", 1,
          out.max_vus);
  }
  if (!open && j.contains("think_time")) {
    Wall(j["think_time"], JoinPointer(ptr, "think_time"), "\"think_time\"",
         out.think_time);
  }
  if (!open && j.contains("iterations")) {
    std::int64_t n = 0;
    if (Count(j["iterations"], JoinPointer(ptr, "iterations"), "\"iterations\"",
              1, n)) {
      out.iterations = n;
    }
  }
  if (open && j.contains("start_rate")) {
    Rate(j["start_rate"], JoinPointer(ptr, "start_rate"), "\"start_rate\"",
         out.start_rate);
  }
  // The one-stage short forms: {"rate": ..., "duration": ...} and
  // {"vus": ..., "duration": ...}.
  const char* level = open ? "rate" : "vus";
  const bool short_form = j.contains(level) || j.contains("duration");
  if (short_form && j.contains("stages")) {
    ErrorKey(JoinPointer(ptr, "stages"), "bad-value",
             std::string("give either \"stages\" or \"") + level +
                 "\" and \"duration\", not both.");
    return;
  }
  if (short_form) {
    ReadStage(j, ptr, out.kind, out.stages.emplace_back());
    if (open && !j.contains("start_rate")) {
      out.start_rate = out.stages.back().rate;
    }
  } else if (j.contains("stages")) {
    const std::string p = JoinPointer(ptr, "stages");
    if (!Array(j["stages"], p, "\"stages\"")) return;
    if (j["stages"].empty()) {
      ErrorValue(p, "bad-value", "\"stages\" must have at least one stage.");
    }
    for (std::size_t i = 0; i < j["stages"].size(); ++i) {
      const std::string sp = JoinPointer(p, i);
      if (!Object(j["stages"][i], sp, "a stage")) continue;
      Members(j["stages"][i], sp, "a stage",
              {open ? "rate" : "vus", "duration"});
      ReadStage(j["stages"][i], sp, out.kind, out.stages.emplace_back());
    }
  } else if (!open && out.iterations) {
    // Closed with iterations only: one user unless said otherwise.
    out.stages.push_back({.duration = WallDuration::zero(), .vus = 1});
  } else {
    ErrorValue(ptr, "missing-field",
               open ? "an open model needs \"rate\" and \"duration\", or "
                      "\"stages\": [{\"rate\": \"1000/s\", \"duration\": "
                      "\"30s\"}, ...]."
                    : "a closed model needs \"vus\" and \"duration\" (or "
                      "\"iterations\"), or \"stages\".");
  }
}

void ProfileReader::ReadStage(const Json& j, const std::string& ptr,
                              ModelKind kind, Stage& out) {
  const bool open = kind == ModelKind::kOpen;
  const char* level = open ? "rate" : "vus";
  if (!j.contains(level)) {
    ErrorValue(ptr, "missing-field",
               std::string("a stage needs \"") + level + "\".");
  } else if (open) {
    Rate(j[level], JoinPointer(ptr, level), "\"rate\"", out.rate);
  } else {
    Count(j[level], JoinPointer(ptr, level), "\"vus\"", 1, out.vus);
  }
  if (j.contains("duration")) {
    Wall(j["duration"], JoinPointer(ptr, "duration"), "\"duration\"",
         out.duration);
  } else if (!(kind == ModelKind::kClosed && j.contains("iterations"))) {
    ErrorValue(ptr, "missing-field", "a stage needs a \"duration\".");
  }
}

void ProfileReader::ReadThresholds(const Json& j, const std::string& ptr,
                                   LoadProfile& out) {
  if (!Object(j, ptr, "\"thresholds\"")) return;
  for (const auto& [key, value] : j.items()) {
    ReadThreshold(key, value, JoinPointer(ptr, key), out, out.thresholds);
  }
}

void ProfileReader::ReadThreshold(const std::string& key, const Json& j,
                                  const std::string& ptr,
                                  const LoadProfile& profile,
                                  std::vector<Threshold>& out) {
  // "key": "< 5ms" | ["< 5ms", ...] | {"threshold": ..., "abort_on_fail":
  // true, "delay_abort_eval": "10s"}
  std::vector<std::pair<std::string, std::string>> texts;  // text, ptr
  bool abort = false;
  WallDuration delay{};
  if (j.is_string()) {
    texts.emplace_back(j.get<std::string>(), ptr);
  } else if (j.is_array()) {
    for (std::size_t i = 0; i < j.size(); ++i) {
      std::string t;
      if (String(j[i], JoinPointer(ptr, i), "a threshold", t)) {
        texts.emplace_back(t, JoinPointer(ptr, i));
      }
    }
  } else if (j.is_object()) {
    Members(j, ptr, "a threshold",
            {"threshold", "abort_on_fail", "delay_abort_eval"});
    const std::string tp = JoinPointer(ptr, "threshold");
    std::string t;
    if (!j.contains("threshold")) {
      ErrorValue(ptr, "missing-field",
                 "a threshold object needs \"threshold\": \"< 5ms\".");
    } else if (String(j["threshold"], tp, "\"threshold\"", t)) {
      texts.emplace_back(t, tp);
    }
    if (j.contains("abort_on_fail")) {
      Boolean(j["abort_on_fail"], JoinPointer(ptr, "abort_on_fail"),
              "\"abort_on_fail\"", abort);
    }
    if (j.contains("delay_abort_eval")) {
      Wall(j["delay_abort_eval"], JoinPointer(ptr, "delay_abort_eval"),
           "\"delay_abort_eval\"", delay);
    }
  } else {
    ErrorValue(ptr, "wrong-type",
               "a threshold must be a string (\"< 5ms\"), a list of them, "
               "or an object {\"threshold\": ..., \"abort_on_fail\": true}, "
               "not " +
                   TypeOf(j) + ".");
    return;
  }
  const std::vector<std::string> metrics = MetricNames(profile);
  for (const auto& [text, tp] : texts) {
    std::string problem;
    auto t = ParseThreshold(key, text, metrics, problem);
    if (!t) {
      const bool metric_problem = problem.rfind("metric:", 0) == 0;
      if (metric_problem) {
        ErrorKey(ptr, "unknown-metric", problem.substr(7));
      } else {
        ErrorValue(tp, "bad-threshold", problem);
      }
      continue;
    }
    t->abort_on_fail = abort;
    t->delay_abort_eval = delay;
    t->pos = KeyPosOf(ptr);
    out.push_back(std::move(*t));
  }
}

}  // namespace

ProfileLoad LoadProfileText(std::string_view file, std::string_view text,
                            std::uint64_t shards) {
  ProfileLoad result;
  ParsedJson parsed;
  JsonSyntaxError syntax;
  if (!ParseJsonWithPositions(text, parsed, syntax)) {
    result.errors.push_back({std::string(file), syntax.pos.line,
                             syntax.pos.column, "syntax",
                             "not valid JSON: " + syntax.message + "."});
    return result;
  }
  ProfileReader reader(file, parsed.map, result.errors);
  for (const std::string& dup : parsed.map.duplicate_keys()) {
    reader.ErrorKey(dup, "duplicate-key",
                    "\"" + dup.substr(dup.rfind('/') + 1) +
                        "\" appears twice in the same object; the second "
                        "would silently replace the first.");
  }
  reader.Read(parsed.doc, result.profile);
  if (result.ok()) {
    CheckPopulationFits(result.profile, file, result.errors, shards);
  }
  std::stable_sort(result.errors.begin(), result.errors.end(),
                   [](const Diagnostic& a, const Diagnostic& b) {
                     return std::tie(a.line, a.column) <
                            std::tie(b.line, b.column);
                   });
  return result;
}

ProfileLoad LoadProfileFile(const std::string& path, std::uint64_t shards) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ProfileLoad r;
    r.errors.push_back({path, 0, 0, "io", "cannot read the file."});
    return r;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return LoadProfileText(path, text.str(), shards);
}

bool LooksLikeLoadProfile(std::string_view text) {
  ParsedJson parsed;
  JsonSyntaxError syntax;
  if (!ParseJsonWithPositions(text, parsed, syntax)) return false;
  return parsed.doc.is_object() && parsed.doc.contains("model");
}

}  // namespace tiersim::harness::load
