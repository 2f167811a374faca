#include "harness/runner/runner.h"

#include <algorithm>
#include <chrono>
#include <limits>

#include "harness/transport/in_process_client.h"
#include "harness/transport/network_client.h"
#include "harness/vocabulary/specs.h"
#include "harness/vocabulary/stage.h"
#include "mocks/world/in_process_control.h"
#include "sim/text.h"

namespace tiersim::harness {
namespace {

using reports::Outcome;

std::int64_t Micros(sim::SimTime t, sim::SimTime origin) {
  return std::chrono::duration_cast<std::chrono::microseconds>(t - origin)
      .count();
}

std::string ArgText(const ArgValue& v) {
  struct Visitor {
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(double d) const {
      std::string s = std::to_string(d);
      while (s.size() > 1 && s.back() == '0') s.pop_back();
      return s;
    }
    std::string operator()(const std::vector<std::string>& l) const {
      std::string out = "[";
      for (std::size_t i = 0; i < l.size(); ++i) out += (i ? ", " : "") + l[i];
      return out + "]";
    }
    std::string operator()(const std::vector<sim::LocationTarget>& l) const {
      std::string out = "{";
      for (std::size_t i = 0; i < l.size(); ++i) {
        out += (i ? ", " : "") + l[i].location + ": " + l[i].url;
      }
      return out + "}";
    }
    std::string operator()(const std::vector<sim::LineItem>& l) const {
      std::string out = "[";
      for (std::size_t i = 0; i < l.size(); ++i) {
        out += (i ? ", " : "") + l[i].offer_id + " x" +
               std::to_string(l[i].licenses);
      }
      return out + "]";
    }
  };
  return std::visit(Visitor{}, v);
}

std::string Title(const Step& step) {
  std::string out;
  switch (step.kind) {
    case StepKind::kWait:
      return "wait " + sim::FormatDuration(step.wait);
    case StepKind::kFault:
      out = "fault " + step.fault_point;
      if (!step.fault_target.empty()) out += " to=" + step.fault_target;
      if (step.fault_for) out += " for=" + sim::FormatDuration(*step.fault_for);
      return out;
    case StepKind::kSees:
      out = (step.actor.empty() ? std::string("world") : step.actor) +
            " sees " + step.name;
      break;
    case StepKind::kAction:
      out = step.actor + " " + step.name;
      break;
  }
  for (const auto& [name, arg] : step.args) {
    out += " " + name + "=" + ArgText(arg.value);
  }
  return out;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += (i ? ", " : "") + items[i];
  }
  return out + "]";
}

// "error NotFound", "error NotFound or PermissionDenied", "any error".
std::string ErrorsText(const Expectation& e) {
  if (e.errors.empty()) return "any error";
  std::string out = "error ";
  for (std::size_t i = 0; i < e.errors.size(); ++i) {
    out += (i == 0                     ? ""
            : i + 1 == e.errors.size() ? " or "
                                       : ", ") +
           std::string(sim::ErrorCodeName(e.errors[i]));
  }
  return out;
}

std::string ExpectedText(const Step& step) {
  if (!step.expect.ok) {
    std::string out = ErrorsText(step.expect);
    if (!step.expect.message_contains.empty()) {
      out += " containing \"" + step.expect.message_contains + "\"";
    }
    return out;
  }
  const Matcher& m = step.matcher;
  switch (m.kind) {
    case Matcher::Kind::kNone:
      return "ok";
    case Matcher::Kind::kEquals:
      if (!m.fields.empty()) {
        std::string out;
        for (const auto& [f, v] : m.fields) {
          out += (out.empty() ? "" : ", ") + f + " = " + v;
        }
        return out;
      }
      return "equals " + Join(m.items);
    case Matcher::Kind::kIncludes:
      return "includes " + Join(m.items);
    case Matcher::Kind::kExcludes:
      return "excludes " + Join(m.items);
    case Matcher::Kind::kCount:
      return "count = " + std::to_string(m.count);
  }
  return "ok";
}

std::string StatusText(const sim::Status& s) {
  if (s.ok()) return "ok";
  return "error " + std::string(sim::ErrorCodeName(s.code())) + ": " +
         s.message();
}

// Compares an outcome with the expectation; empty when it matches.
std::string CheckOutcome(const Expectation& e, const sim::Status& s) {
  if (e.ok) return s.ok() ? "" : "expected ok, got " + StatusText(s);
  if (s.ok()) return "expected " + ErrorsText(e) + ", got ok";
  if (!e.errors.empty() &&
      std::find(e.errors.begin(), e.errors.end(), s.code()) == e.errors.end()) {
    return "expected " + ErrorsText(e) + ", got " + StatusText(s);
  }
  if (!e.message_contains.empty() &&
      s.message().find(e.message_contains) == std::string::npos) {
    return "expected the message to contain \"" + e.message_contains +
           "\", got \"" + s.message() + "\"";
  }
  return "";
}

std::string ObservedText(const Observed& o) {
  if (!o.fields.empty()) {
    std::string out;
    for (const auto& [f, v] : o.fields) {
      out += (out.empty() ? "" : ", ") + f + " = " + v;
    }
    return out;
  }
  return Join(o.items);
}

// Compares an observed value with the matcher; empty when it matches.
std::string CheckObserved(const Matcher& m, const Observed& o) {
  std::vector<std::string> seen = o.items;
  std::sort(seen.begin(), seen.end());
  auto has = [&](const std::string& x) {
    return std::binary_search(seen.begin(), seen.end(), x);
  };
  switch (m.kind) {
    case Matcher::Kind::kNone:
      return "";
    case Matcher::Kind::kCount:
      return static_cast<std::int64_t>(o.items.size()) == m.count
                 ? ""
                 : "expected " + std::to_string(m.count) + " item(s), saw " +
                       std::to_string(o.items.size()) + ": " + Join(o.items);
    case Matcher::Kind::kIncludes:
      for (const std::string& x : m.items) {
        if (!has(x))
          return "expected to include " + x + ", saw " + Join(o.items);
      }
      return "";
    case Matcher::Kind::kExcludes:
      for (const std::string& x : m.items) {
        if (has(x))
          return "expected not to see " + x + ", saw " + Join(o.items);
      }
      return "";
    case Matcher::Kind::kEquals:
      break;
  }
  if (!m.fields.empty()) {
    for (const auto& [field, want] : m.fields) {
      auto it = std::find_if(o.fields.begin(), o.fields.end(),
                             [&](const auto& f) { return f.first == field; });
      const std::string got = it == o.fields.end() ? "(absent)" : it->second;
      if (got != want) {
        return "expected " + field + " = " + want + ", saw " + got;
      }
    }
    return "";
  }
  std::vector<std::string> want = m.items;
  std::sort(want.begin(), want.end());
  return want == seen ? ""
                      : "expected " + Join(m.items) + " (any order), saw " +
                            Join(o.items);
}

// The string a fault point is matched against for a cast member.
std::string FaultSubject(Stage& stage, const Step& step) {
  const std::string& target = step.fault_target;
  Stage::Character* c = stage.Find(target);
  if (c == nullptr) return target;  // a literal address or domain
  const std::string& point = step.fault_point;
  if (point.rfind("mail.", 0) == 0) {
    return c->member->role == CastRole::kApplicant ? c->contact_email
                                                   : c->actor.person().upn;
  }
  if (point == sim::fault_points::kAadCreateTenant ||
      point == sim::fault_points::kReviewReject) {
    return c->tenant_domain;
  }
  if (point == sim::fault_points::kPmcUnavailable) return c->member->pmc_user;
  return c->actor.person().upn;
}

class ScenarioPlayer {
 public:
  ScenarioPlayer(const Scenario& s, std::uint64_t seed, sim::Client& client,
                 sim::WorldControl& control, bool soft)
      : scenario_(s),
        soft_(soft),
        control_(control),
        stage_(s, client, control) {
    result_.file = s.file;
    result_.name = s.name;
    result_.description = s.description;
    result_.tags = s.tags;
    result_.seed = seed;
  }

  reports::ScenarioResult Play() {
    const auto wall_start = std::chrono::steady_clock::now();
    sim::Status seeded = Prepare();
    if (!seeded.ok()) {
      result_.outcome = Outcome::kError;
      result_.failure = StatusText(seeded);
    }
    int failed = 0;
    for (const Step& step : scenario_.steps) {
      reports::StepResult r = Describe(step);
      const bool go_on = result_.outcome == Outcome::kPassed ||
                         (soft_ && result_.outcome == Outcome::kFailed);
      if (!go_on) {
        r.outcome = Outcome::kSkipped;
      } else {
        PlayStep(step, r);
        if (r.outcome == Outcome::kError) {
          result_.outcome = Outcome::kError;
          if (failed == 0) result_.failed_step = step.index;
          result_.failure = "step " + std::to_string(step.index) + " (" +
                            r.title + "): " + failure_;
        } else if (r.outcome == Outcome::kFailed && ++failed == 1) {
          result_.outcome = Outcome::kFailed;
          result_.failed_step = step.index;
          result_.failure = "step " + std::to_string(step.index) + " (" +
                            r.title + "): " + failure_;
        }
      }
      result_.steps.push_back(std::move(r));
    }
    if (failed > 1) {
      result_.failure += " (and " + std::to_string(failed - 1) +
                         " more failed step" + (failed > 2 ? "s" : "") + ")";
    }
    result_.virtual_end_us = Micros(now_, origin_);
    result_.participants = Participants();
    result_.wall_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                          std::chrono::steady_clock::now() - wall_start)
                          .count();
    return std::move(result_);
  }

 private:
  reports::StepResult Describe(const Step& step) {
    reports::StepResult r;
    r.index = step.index;
    r.line = step.pos.line;
    r.kind = StepKindName(step.kind);
    r.actor = step.actor;
    r.title = Title(step);
    r.note = step.note;
    r.expected = step.kind == StepKind::kWait || step.kind == StepKind::kFault
                     ? "ok"
                     : ExpectedText(step);
    return r;
  }

  void PlayStep(const Step& step, reports::StepResult& r) {
    const auto wall_start = std::chrono::steady_clock::now();
    const sim::SimTime start = now_;
    r.virtual_start_us = Micros(start, origin_);
    StepContext ctx(stage_, step);
    failure_.clear();
    scenario_error_ = false;
    bool ok_outcome = true;
    switch (step.kind) {
      case StepKind::kAction: {
        const sim::Status s = FindAction(step.name)->run(ctx);
        r.actual = StatusText(s);
        if (s.ok() && !ctx.detail().empty())
          r.actual += " (" + ctx.detail() + ")";
        failure_ = CheckOutcome(step.expect, s);
        ok_outcome = s.ok();
        scenario_error_ = s.code() == sim::ErrorCode::kScenarioError;
        break;
      }
      case StepKind::kSees: {
        sim::Result<Observed> o = FindQuery(step.name)->run(ctx);
        r.actual = o.ok() ? ObservedText(*o) : StatusText(o.status());
        failure_ = CheckOutcome(step.expect, o.status());
        if (failure_.empty() && o.ok())
          failure_ = CheckObserved(step.matcher, *o);
        ok_outcome = o.ok();
        scenario_error_ = o.code() == sim::ErrorCode::kScenarioError;
        break;
      }
      case StepKind::kWait:
        if (ControlOk(control_.Advance(step.wait)) && ReadClock()) {
          r.actual = "ok (now " + sim::FormatElapsed(now_, origin_) + ")";
        }
        break;
      case StepKind::kFault: {
        sim::FaultSpec spec = step.fault;
        if (!step.fault_target.empty()) spec.match = FaultSubject(stage_, step);
        if (step.fault_for) spec.until = start + *step.fault_for;
        if (!ControlOk(control_.ArmFault(step.fault_point, spec))) break;
        r.actual = "ok (armed" +
                   (spec.match.empty() ? std::string() : " for " + spec.match) +
                   ")";
        break;
      }
    }
    if (step.kind != StepKind::kWait) ReadClock();
    r.virtual_end_us = Micros(now_, origin_);
    Record(step, start, ok_outcome, r);
    r.outcome = failure_.empty() ? Outcome::kPassed : Outcome::kFailed;
    if (scenario_error_) {
      // The step never reached Partner Center: an error in the scenario,
      // whatever it expected.
      r.outcome = Outcome::kError;
      failure_ = "the scenario is wrong here: " + r.actual;
    }
    r.wall_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                    std::chrono::steady_clock::now() - wall_start)
                    .count();
  }

  // The journal lines and sequence-diagram arrows of one step.
  void Record(const Step& step, sim::SimTime start, bool ok,
              reports::StepResult& r) {
    if (step.kind == StepKind::kAction || step.kind == StepKind::kSees) {
      const std::string from = step.actor.empty() ? "Microsoft" : step.actor;
      Arrow({Micros(start, origin_), from, "Partner Center",
             step.kind == StepKind::kSees ? "sees " + step.name : step.name,
             ok});
    }
    // Page by page (the world hands out bounded pages).
    while (true) {
      auto journal = control_.Journal(journal_mark_);
      if (!ControlOk(journal.status())) return;
      for (auto& line : journal->lines) {
        if (line.by_microsoft && step.kind == StepKind::kWait) {
          Arrow({Micros(line.at, origin_), "Microsoft", "Microsoft",
                 line.action, line.outcome == sim::ErrorCode::kOk});
        }
        r.journal.push_back(std::move(line.text));
      }
      const bool done = journal->lines.empty() ||
                        journal->next <= journal_mark_ ||
                        journal->next >= journal->size;
      journal_mark_ = std::max(journal_mark_, journal->next);
      if (done) break;
    }
    auto mail = control_.MailSince(mail_mark_);
    if (!ControlOk(mail.status())) return;
    for (const sim::MailView& m : *mail) {
      mail_mark_ = m.id;
      Arrow({Micros(m.sent_at, origin_), "Partner Center",
             stage_.AddressOwner(m.to), "email: " + m.subject, true});
    }
    std::stable_sort(
        pending_.begin(), pending_.end(),
        [](const auto& a, const auto& b) { return a.at_us < b.at_us; });
    r.interactions = std::move(pending_);
    pending_.clear();
  }

  void Arrow(reports::Interaction i) {
    for (const std::string* p : {&i.from, &i.to}) {
      if (std::find(seen_.begin(), seen_.end(), *p) == seen_.end()) {
        seen_.push_back(*p);
      }
    }
    pending_.push_back(std::move(i));
  }

  // Cast members in cast order, then others (addresses), then the
  // services; only those who took part.
  std::vector<std::string> Participants() const {
    std::vector<std::string> out;
    auto took_part = [&](const std::string& p) {
      return std::find(seen_.begin(), seen_.end(), p) != seen_.end();
    };
    for (const CastMember& m : scenario_.cast) {
      if (took_part(m.name)) out.push_back(m.name);
    }
    for (const std::string& p : seen_) {
      if (p != "Partner Center" && p != "Microsoft" &&
          std::find(out.begin(), out.end(), p) == out.end()) {
        out.push_back(p);
      }
    }
    for (const char* service : {"Partner Center", "Microsoft"}) {
      if (took_part(service)) out.push_back(service);
    }
    return out;
  }

  const Scenario& scenario_;
  const bool soft_;              // play on after a failed step
  bool scenario_error_ = false;  // the step's error was the runner's own
  sim::WorldControl& control_;
  Stage stage_;
  reports::ScenarioResult result_;
  // Reads where the world starts, seeds the cast and marks the journal and
  // mail so far (what seeding did is not a step's).
  sim::Status Prepare() {
    TIERSIM_ASSIGN_OR_RETURN(sim::WorldControl::WorldTime t, control_.Time());
    origin_ = t.origin;
    now_ = t.now;
    TIERSIM_RETURN_IF_ERROR(stage_.SeedCast());
    TIERSIM_ASSIGN_OR_RETURN(
        sim::WorldControl::JournalPage journal,
        control_.Journal(std::numeric_limits<std::size_t>::max()));
    journal_mark_ = journal.size;
    TIERSIM_ASSIGN_OR_RETURN(std::vector<sim::MailView> mail,
                             control_.MailSince(sim::MessageId()));
    if (!mail.empty()) mail_mark_ = mail.back().id;
    return ReadClock() ? sim::OkStatus()
                       : sim::Error(sim::ErrorCode::kUnavailable, failure_);
  }

  // A failure of the world's control (over the network: the server did
  // not answer) fails the step it happened in, with its reason.
  bool ControlOk(const sim::Status& s) {
    if (s.ok()) return true;
    if (failure_.empty()) failure_ = "world control failed: " + s.ToString();
    return false;
  }
  bool ReadClock() {
    auto now = control_.Now();
    if (!ControlOk(now.status())) return false;
    now_ = *now;
    return true;
  }

  sim::SimTime origin_{};
  sim::SimTime now_{};
  std::size_t journal_mark_ = 0;
  sim::MessageId mail_mark_;
  std::string failure_;
  std::vector<reports::Interaction> pending_;
  std::vector<std::string> seen_;
};

}  // namespace

std::uint64_t SeedFor(const Scenario& s, const RunOptions& options) {
  if (options.seed) return *options.seed;
  return s.seed.value_or(kDefaultSeed);
}

bool Selected(const Scenario& s, const RunOptions& options) {
  auto named = [&] {
    for (const std::string& n : options.names) {
      if (sim::AsciiLower(s.name).find(sim::AsciiLower(n)) !=
          std::string::npos) {
        return true;
      }
    }
    return options.names.empty();
  };
  if (!named()) return false;
  if (options.tags.empty()) return true;
  for (const std::string& t : options.tags) {
    if (std::find(s.tags.begin(), s.tags.end(), t) != s.tags.end()) return true;
  }
  return false;
}

reports::ScenarioResult PlayScenario(const Scenario& s, std::uint64_t seed,
                                     sim::Client& client,
                                     sim::WorldControl& control, bool soft) {
  return ScenarioPlayer(s, seed, client, control, soft || s.soft).Play();
}

reports::ScenarioResult RunScenarioOverNetwork(const Scenario& s,
                                               std::uint64_t seed,
                                               NetworkClient& client,
                                               bool soft) {
  sim::Status reset = client.ResetWorld(seed);
  if (!reset.ok()) {
    reports::ScenarioResult r;
    r.file = s.file;
    r.name = s.name;
    r.description = s.description;
    r.tags = s.tags;
    r.seed = seed;
    r.outcome = reports::Outcome::kError;
    r.failure = "could not reset the served world: " + reset.ToString();
    return r;
  }
  return PlayScenario(s, seed, client, client, soft);
}

reports::ScenarioResult RunScenarioInProcess(const Scenario& s,
                                             std::uint64_t seed, bool soft) {
  mocks::InProcessWorld world({.seed = seed});
  InProcessClient client(world);
  mocks::InProcessControl control(world);
  return PlayScenario(s, seed, client, control, soft);
}

}  // namespace tiersim::harness
