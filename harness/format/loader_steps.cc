// Steps: actions, sees queries with their matchers, waits and faults.
#include <algorithm>

#include "harness/format/did_you_mean.h"
#include "harness/format/loader_internal.h"
#include "mocks/http/network_faults.h"
#include "sim/catalog.h"
#include "sim/text.h"

namespace tiersim::harness::internal {

namespace {

const std::vector<std::string> kStepKinds = {"action", "sees", "wait", "fault"};
const std::vector<std::string> kMatchers = {"equals", "includes", "excludes",
                                            "count"};
const std::vector<std::string> kFaultFields = {
    "fault", "to", "times", "for", "probability", "delay", "note"};

// Whether a record's field `spec` ("licenses", or a family such as
// "url_<location>") names `field` ("url_DE").
bool FieldMatches(const std::string& spec, const std::string& field) {
  const std::size_t open = spec.find("_<");
  if (open == std::string::npos || spec.back() != '>') return spec == field;
  return field.size() > open + 1 &&
         field.compare(0, open + 1, spec, 0, open + 1) == 0;
}

}  // namespace

void ScenarioReader::ReadStep(const Json& j, const std::string& ptr, int index,
                              Step& out) {
  out.index = index;
  out.pos = PosOf(ptr);
  if (!Object(j, ptr, "a step")) return;
  std::vector<std::string> kinds;
  for (const std::string& k : kStepKinds) {
    if (j.contains(k)) kinds.push_back(k);
  }
  if (kinds.size() != 1) {
    ErrorValue(ptr, "step-kind",
               kinds.empty()
                   ? "a step needs one of " + QuotedList(kStepKinds) +
                         "; this one has none."
                   : "a step has exactly one of " + QuotedList(kStepKinds) +
                         "; this one has " + QuotedList(kinds, " and ") + ".");
    return;
  }
  if (j.contains("note")) {
    String(j["note"], JoinPointer(ptr, "note"), "\"note\"", out.note);
  }
  const std::string& kind = kinds.front();
  if (kind == "wait") {
    out.kind = StepKind::kWait;
    for (const auto& [key, value] : j.items()) {
      if (key != "wait" && key != "note") {
        ErrorKey(JoinPointer(ptr, key), "unknown-field",
                 "a wait step takes only \"wait\" and \"note\"; \"" + key +
                     "\" is not allowed.");
      }
    }
    Duration(j["wait"], JoinPointer(ptr, "wait"), "\"wait\"", out.wait);
  } else if (kind == "fault") {
    out.kind = StepKind::kFault;
    ReadFaultStep(j, ptr, out);
  } else if (kind == "sees") {
    out.kind = StepKind::kSees;
    ReadSeesStep(j, ptr, out);
  } else {
    out.kind = StepKind::kAction;
    ReadActionStep(j, ptr, out);
  }
}

bool ScenarioReader::CheckActor(const Json& j, const std::string& ptr,
                                Actors who, bool required, Step& out) {
  if (!j.contains("actor")) {
    if (!required) return true;
    ErrorValue(ptr, "missing-field",
               "this step needs \"actor\": the cast member who does it.");
    return false;
  }
  const std::string ap = JoinPointer(ptr, "actor");
  std::vector<CastRole> roles;
  switch (who) {
    case Actors::kApplicants:
      roles = {CastRole::kApplicant};
      break;
    case Actors::kCustomers:
      roles = {CastRole::kCustomer};
      break;
    case Actors::kPartnerPeople:
      roles = {CastRole::kProvider, CastRole::kReseller,
               CastRole::kDirectPartner, CastRole::kApplicant, CastRole::kUser};
      break;
    case Actors::kAnyone:
      break;
  }
  if (!CastRef(j["actor"], ap, "\"actor\"", {}, out.actor)) return false;
  const CastMember* m = scenario_->Member(out.actor);
  if (!roles.empty() &&
      std::find(roles.begin(), roles.end(), m->role) == roles.end()) {
    std::vector<std::string> allowed;
    for (CastRole r : roles) allowed.push_back(CastRoleName(r));
    const std::string role = CastRoleName(m->role);
    ErrorValue(ap, "wrong-actor",
               "\"" + out.name + "\" is done by " +
                   std::string(Article(allowed.front())) + " " +
                   QuotedList(allowed) + "; \"" + out.actor + "\" is " +
                   std::string(Article(role)) + " " + role + ".");
    return false;
  }
  return true;
}

bool ScenarioReader::ReadErrorCode(const Json& j, const std::string& ptr,
                                   std::vector<sim::ErrorCode>& out) {
  std::string name;
  if (!String(j, ptr, "\"error\"", name)) return false;
  auto code = sim::ErrorCodeFromName(name);
  if (code == sim::ErrorCode::kScenarioError) {
    ErrorValue(ptr, "bad-value",
               "ScenarioError is the runner's own (a step that asks for "
               "something the scenario never set up), never Partner Center's "
               "answer, so no step can expect it.");
    return false;
  }
  if (!code || *code == sim::ErrorCode::kOk) {
    std::vector<std::string> names = {"any"};
#define X(n, number, meaning) names.push_back(#n);
#include "sim/error_codes.inc"
#undef X
    ErrorValue(ptr, "unknown-error-code",
               "\"" + name +
                   "\" is not an error code (see `tiersim list errors`)." +
                   DidYouMean(name, names));
    return false;
  }
  out.push_back(*code);
  return true;
}

// "CODE", ["CODE", ...] (one of them) or "any" (any error: no codes).
bool ScenarioReader::ReadErrorCodes(const Json& j, const std::string& ptr,
                                    std::vector<sim::ErrorCode>& out) {
  if (j.is_string() && j.get<std::string>() == "any") return true;
  if (!j.is_array()) return ReadErrorCode(j, ptr, out);
  if (j.empty()) {
    ErrorValue(ptr, "bad-value",
               "\"error\" lists no codes; name at least one, or write "
               "\"any\".");
    return false;
  }
  bool ok = true;
  for (std::size_t i = 0; i < j.size(); ++i) {
    ok = ReadErrorCode(j[i], JoinPointer(ptr, i), out) && ok;
  }
  return ok;
}

bool ScenarioReader::ReadExpect(const Json& j, const std::string& ptr,
                                Expectation& out) {
  out.pos = PosOf(ptr);
  if (j.is_string() && j.get<std::string>() == "ok") return true;
  if (j.is_string() && j.get<std::string>() == "error") {
    out.ok = false;  // any error
    return true;
  }
  if (!j.is_object()) {
    ErrorValue(ptr, "wrong-type",
               "\"expect\" must be \"ok\", \"error\" (any error) or "
               "{\"error\": \"<ErrorCode>\" | [\"<ErrorCode>\", ...] | "
               "\"any\"}.");
    return false;
  }
  bool ok = true;
  for (const auto& [key, value] : j.items()) {
    const std::string kp = JoinPointer(ptr, key);
    if (key == "error") {
      out.ok = false;
      ok = ReadErrorCodes(value, kp, out.errors) && ok;
    } else if (key == "message_contains") {
      ok =
          String(value, kp, "\"message_contains\"", out.message_contains) && ok;
    } else {
      ErrorKey(kp, "unknown-field",
               "\"" + key +
                   "\" is not part of an expectation; expected \"error\" and "
                   "\"message_contains\"." +
                   DidYouMean(key, {"error", "message_contains"}));
      ok = false;
    }
  }
  if (!j.contains("error")) {
    ErrorValue(ptr, "missing-field",
               "an expectation object needs \"error\": the error code the "
               "step must fail with.");
    return false;
  }
  return ok;
}

bool ScenarioReader::ReadActionStep(const Json& j, const std::string& ptr,
                                    Step& out) {
  const std::string np = JoinPointer(ptr, "action");
  if (!String(j["action"], np, "\"action\"", out.name)) return false;
  const ActionSpec* spec = FindAction(out.name);
  if (spec == nullptr) {
    std::string hint = DidYouMean(out.name, ActionNames());
    if (hint.empty() && FindQuery(out.name) != nullptr) {
      hint = " \"" + out.name + "\" is a query: write \"sees\": \"" + out.name +
             "\".";
    }
    ErrorValue(np, "unknown-action",
               "\"" + out.name + "\" is not an action." + hint +
                   " (`tiersim list` shows them all.)");
    return false;
  }
  CheckActor(j, ptr, spec->actors, true, out);
  if (j.contains("expect")) {
    ReadExpect(j["expect"], JoinPointer(ptr, "expect"), out.expect);
  }
  ReadParams(j, ptr, spec->params, {"actor", "action", "expect", "note"},
             "\"" + out.name + "\"", out.args);
  return true;
}

bool ScenarioReader::ReadSeesStep(const Json& j, const std::string& ptr,
                                  Step& out) {
  const std::string np = JoinPointer(ptr, "sees");
  if (!String(j["sees"], np, "\"sees\"", out.name)) return false;
  const QuerySpec* spec = FindQuery(out.name);
  if (spec == nullptr) {
    std::string hint = DidYouMean(out.name, QueryNames());
    if (hint.empty() && FindAction(out.name) != nullptr) {
      hint = " \"" + out.name + "\" is an action: write \"action\": \"" +
             out.name + "\".";
    }
    ErrorValue(np, "unknown-query",
               "\"" + out.name + "\" is not something a party sees." + hint +
                   " (`tiersim list` shows them all.)");
    return false;
  }
  CheckActor(j, ptr, Actors::kAnyone, spec->needs_actor, out);
  if (j.contains("expect")) {
    ReadExpect(j["expect"], JoinPointer(ptr, "expect"), out.expect);
  }
  std::vector<std::string> reserved = {"actor", "sees", "expect", "note"};
  reserved.insert(reserved.end(), kMatchers.begin(), kMatchers.end());
  ReadParams(j, ptr, spec->params, reserved, "\"" + out.name + "\"", out.args);
  return ReadMatcher(j, ptr, *spec, out.matcher);
}

bool ScenarioReader::ReadMatcher(const Json& step, const std::string& ptr,
                                 const QuerySpec& q, Matcher& out) {
  std::vector<std::string> given;
  for (const std::string& m : kMatchers) {
    if (step.contains(m)) given.push_back(m);
  }
  if (given.size() > 1) {
    ErrorValue(ptr, "step-kind",
               "a sees step compares one way; this one has " +
                   QuotedList(given, " and ") + ".");
    return false;
  }
  if (given.empty()) return true;
  const std::string& m = given.front();
  const std::string mp = JoinPointer(ptr, m);
  out.pos = PosOf(mp);
  const Json& v = step[m];
  if (q.shape == QueryShape::kRecord) {
    if (m != "equals") {
      ErrorKey(mp, "unknown-field",
               "\"" + q.name +
                   "\" is a record: compare it with \"equals\": "
                   "{field: value}, not \"" +
                   m + "\".");
      return false;
    }
    if (!Object(v, mp, "\"equals\" of \"" + q.name + "\"")) return false;
    out.kind = Matcher::Kind::kEquals;
    bool ok = true;
    for (const auto& [field, value] : v.items()) {
      const std::string fp = JoinPointer(mp, field);
      const bool known = std::any_of(
          q.fields.begin(), q.fields.end(),
          [&](const std::string& f) { return FieldMatches(f, field); });
      if (!known) {
        ErrorKey(fp, "unknown-field",
                 "\"" + q.name + "\" has no field \"" + field + "\"; it has " +
                     QuotedList(q.fields, " and ") + "." +
                     DidYouMean(field, q.fields));
        ok = false;
        continue;
      }
      if (value.is_string()) {
        out.fields.emplace_back(field, value.get<std::string>());
      } else if (value.is_number_integer() || value.is_boolean()) {
        out.fields.emplace_back(field, value.dump());
      } else {
        ErrorValue(fp, "wrong-type",
                   "a field's expected value must be a string, a whole "
                   "number or true/false.");
        ok = false;
      }
    }
    return ok;
  }
  if (m == "count") {
    out.kind = Matcher::Kind::kCount;
    if (!Integer(v, mp, "\"count\"", out.count)) return false;
    if (out.count < 0) {
      ErrorValue(mp, "bad-value", "\"count\" cannot be negative.");
      return false;
    }
    return true;
  }
  out.kind = m == "equals"     ? Matcher::Kind::kEquals
             : m == "includes" ? Matcher::Kind::kIncludes
                               : Matcher::Kind::kExcludes;
  return StringList(v, mp, "\"" + m + "\"", out.items);
}

bool ScenarioReader::ReadFaultStep(const Json& j, const std::string& ptr,
                                   Step& out) {
  const std::string fp = JoinPointer(ptr, "fault");
  if (!String(j["fault"], fp, "\"fault\"", out.fault_point)) return false;
  std::vector<std::string> points;
  for (std::string_view p : sim::KnownFaultPoints()) points.emplace_back(p);
  for (std::string_view p : mocks::NetworkFaultPoints()) points.emplace_back(p);
  if (std::find(points.begin(), points.end(), out.fault_point) ==
      points.end()) {
    ErrorValue(fp, "unknown-fault",
               "\"" + out.fault_point + "\" is not a fault point; expected " +
                   QuotedList(points) + "." +
                   DidYouMean(out.fault_point, points));
    return false;
  }
  bool ok = true;
  bool has_times = false;
  for (const auto& [key, value] : j.items()) {
    const std::string kp = JoinPointer(ptr, key);
    if (key == "fault" || key == "note") continue;
    if (key == "to" && mocks::IsNetworkFaultPoint(out.fault_point)) {
      // The route: "[server] [METHOD] [/path/*/pattern]".
      ok = String(value, kp, "\"to\"", out.fault_target) && ok;
      std::string error;
      if (ok && !mocks::ParseNetworkFault(out.fault_point, out.fault_target,
                                          &error)) {
        ErrorValue(kp, "bad-value", error + ".");
        ok = false;
      }
    } else if (key == "for" && mocks::IsNetworkFaultPoint(out.fault_point)) {
      ErrorValue(kp, "bad-value",
                 "a network fault lasts for \"times\" requests (or until "
                 "the world is reset), not for a span of virtual time: the "
                 "network runs on the wall clock.");
      ok = false;
    } else if (key == "to" &&
               out.fault_point == sim::fault_points::kServiceOutage) {
      // The Microsoft service: a product family's name.
      ok = String(value, kp, "\"to\"", out.fault_target) && ok;
      std::vector<std::string> services;
      for (sim::ProductFamily f : sim::kProductFamilies) {
        services.emplace_back(sim::ProductFamilyName(f));
      }
      if (ok && std::none_of(services.begin(), services.end(),
                             [&](const std::string& s) {
                               return sim::EqualsIgnoreCase(s,
                                                            out.fault_target);
                             })) {
        ErrorValue(kp, "bad-value",
                   "\"" + out.fault_target +
                       "\" is not a Microsoft service; expected " +
                       QuotedList(services) + ".");
        ok = false;
      }
    } else if (key == "to") {
      ok = String(value, kp, "\"to\"", out.fault_target) && ok;
      // A cast name, or a literal address / domain (which has a '.').
      if (ok && out.fault_target.find('.') == std::string::npos) {
        std::string name;
        ok = CastRef(value, kp, "\"to\"", {}, name) && ok;
      }
    } else if (key == "times") {
      std::int64_t times = 0;
      if (Integer(value, kp, "\"times\"", times) && times > 0) {
        out.fault.times = static_cast<int>(times);
        has_times = true;
      } else {
        if (value.is_number_integer()) {
          ErrorValue(kp, "bad-value", "\"times\" must be at least 1.");
        }
        ok = false;
      }
    } else if (key == "for") {
      sim::Duration d{};
      if (Duration(value, kp, "\"for\"", d)) {
        out.fault_for = d;
      } else {
        ok = false;
      }
    } else if (key == "delay") {
      ok = Duration(value, kp, "\"delay\"", out.fault.delay) && ok;
    } else if (key == "probability") {
      if (!value.is_number() || value.get<double>() < 0.0 ||
          value.get<double>() > 1.0) {
        ErrorValue(kp, "bad-value",
                   "\"probability\" must be a number from 0 to 1.");
        ok = false;
      } else {
        out.fault.probability = value.get<double>();
      }
    } else {
      ErrorKey(kp, "unknown-field",
               "\"" + key + "\" is not part of a fault step; expected " +
                   QuotedList(kFaultFields) + "." +
                   DidYouMean(key, kFaultFields));
      ok = false;
    }
  }
  // "Drop the next email to X": without a time limit, a fault fires once
  // (an outage, a state, lasts until "for" ends or the world is reset).
  if (!has_times && !out.fault_for &&
      out.fault_point != sim::fault_points::kServiceOutage) {
    out.fault.times = 1;
  }
  if (out.fault_point == sim::fault_points::kMailDelay &&
      out.fault.delay.count() == 0) {
    ErrorValue(ptr, "missing-field",
               "a mail.delay fault needs \"delay\": how late the email "
               "arrives (\"2h\").");
    ok = false;
  }
  return ok;
}

}  // namespace tiersim::harness::internal
