#include "harness/load/judge.h"

#include <algorithm>

#include "harness/load/threshold.h"
#include "sim/ops.h"

namespace tiersim::harness::load {
namespace {

const reports::MetricResult* Find(const std::vector<reports::MetricResult>& l,
                                  const std::string& name) {
  for (const reports::MetricResult& m : l) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

double PerSecond(double n, const reports::LoadResult& r) {
  return r.measured_seconds > 0 ? n / r.measured_seconds : 0;
}

std::uint64_t Get(const std::map<std::string, std::uint64_t>& m,
                  const std::string& key) {
  auto it = m.find(key);
  return it == m.end() ? 0 : it->second;
}

}  // namespace

std::optional<double> Measure(const Threshold& t,
                              const reports::LoadResult& r) {
  if (t.metric == "errors") {
    const double all = static_cast<double>(r.operations_total());
    const double bad = static_cast<double>(r.operation_errors());
    if (t.stat == "count") return bad;
    if (all == 0) return std::nullopt;
    return bad / all;
  }
  if (t.metric == "dropped") {
    const double dropped = static_cast<double>(r.dropped);
    if (t.stat == "count") return dropped;
    const double arrivals = static_cast<double>(r.iterations + r.dropped);
    if (arrivals == 0) return std::nullopt;
    return dropped / arrivals;
  }
  if (t.metric == "iterations") {
    const double n = static_cast<double>(r.iterations);
    return t.stat == "count" ? n : PerSecond(n, r);
  }
  const reports::MetricResult* m = Find(r.flows, t.metric);
  if (m == nullptr) m = Find(r.operations, t.metric);
  if (m == nullptr || m->count() == 0) {
    if (t.stat == "count" || t.stat == "errors") return 0.0;
    if (t.stat == "rate") return 0.0;
    return std::nullopt;
  }
  const double n = static_cast<double>(m->count());
  if (t.stat == "count") return n;
  if (t.stat == "errors") return static_cast<double>(m->errors);
  if (t.stat == "error_rate") return static_cast<double>(m->errors) / n;
  if (t.stat == "rate") return PerSecond(n, r);
  if (t.stat == "min") return static_cast<double>(m->latency.min());
  if (t.stat == "max") return static_cast<double>(m->latency.max());
  if (t.stat == "mean") return m->latency.mean();
  // pN
  return static_cast<double>(
      m->latency.Percentile(std::stod(t.stat.substr(1))));
}

void JudgeThresholds(const LoadProfile& profile, reports::LoadResult& r) {
  const std::string aborted_by = r.aborted;
  for (const Threshold& t : profile.thresholds) {
    reports::ThresholdResult out{.text = t.text,
                                 .metric = t.metric,
                                 .stat = t.stat,
                                 .bound = FormatBound(t),
                                 .line = t.pos.line};
    const auto value = Measure(t, r);
    if (!value) {
      out.shown = "no data";
      out.passed = false;
    } else {
      out.value = *value;
      out.shown = FormatStat(t.stat, *value);
      out.passed = Meets(t, *value);
    }
    out.aborted_run =
        !aborted_by.empty() && aborted_by.find(t.text) != std::string::npos;
    r.thresholds.push_back(std::move(out));
  }
}

std::string AbortReason(const LoadProfile& profile,
                        const reports::LoadResult& so_far) {
  for (const Threshold& t : profile.thresholds) {
    if (!t.abort_on_fail) continue;
    if (so_far.measured_seconds <
        std::chrono::duration<double>(t.delay_abort_eval).count()) {
      continue;
    }
    const auto value = Measure(t, so_far);
    if (value && !Meets(t, *value)) {
      return "threshold " + t.text + " failed (" + FormatStat(t.stat, *value) +
             ") with abort_on_fail";
    }
  }
  return "";
}

void CheckInvariants(const sim::WorldControl::WorldCounts& before,
                     const sim::WorldControl::WorldCounts& after,
                     const LoadProfile& profile, reports::LoadResult& r) {
  // A scenario template's steps are recorded by action, not by operation:
  // the world's counts cannot be matched to them.
  for (const FlowSpec& f : profile.flows) {
    if (f.kind == FlowKind::kScenario) return;
  }
  const auto& s = r.succeeded;
  auto delta = [](std::size_t a, std::size_t b) {
    return static_cast<std::int64_t>(b) - static_cast<std::int64_t>(a);
  };
  auto check = [&](std::string name, std::int64_t world, std::int64_t engine,
                   const std::string& what) {
    r.invariants.push_back({std::move(name), world == engine,
                            "the world counts " + std::to_string(world) +
                                " new " + what + ", the engine " +
                                std::to_string(engine)});
  };
  // Every invitation sent made exactly one invitation and one email.
  const auto sent = static_cast<std::int64_t>(
      Get(s, "partnership.request") + Get(s, "customers.invite_jointly"));
  const auto drafts = static_cast<std::int64_t>(Get(s, "drafts.submit"));
  check("every invitation sent is one invitation, none lost or doubled",
        delta(before.core.invitations, after.core.invitations), sent,
        "invitations");
  // Emails: one per invitation; none from the other flows.
  check("every invitation sent has exactly one email delivered",
        delta(before.emails, after.emails), sent, "emails");
  // accepted + pending + expired = sent, for the pairs this run made.
  const auto accepted = static_cast<std::int64_t>(
      Get(s, "partnership.accept") + Get(s, "customers.accept_invitation"));
  r.invariants.push_back(
      {"accepted + pending + expired = sent", accepted <= sent,
       "sent " + std::to_string(sent) + ", accepted " +
           std::to_string(accepted) + ", pending or expired " +
           std::to_string(sent - accepted)});
  check("every order created once (no lost or doubled order)",
        delta(before.core.orders, after.core.orders),
        static_cast<std::int64_t>(Get(s, "orders.create")) + drafts, "orders");
  check("every customer created once",
        delta(before.core.customers, after.core.customers), drafts,
        "customers");
}

void CheckCreations(const FlowEnv& env, sim::Client& client,
                    reports::LoadResult& r, std::size_t sample) {
  std::vector<std::uint64_t> ids = env.order_ids;
  std::sort(ids.begin(), ids.end());
  const auto dup = std::adjacent_find(ids.begin(), ids.end());
  r.invariants.push_back(
      {"no duplicate order IDs", dup == ids.end(),
       dup == ids.end()
           ? std::to_string(ids.size()) + " orders, all IDs distinct"
           : "order " + std::to_string(*dup) + " was returned twice"});
  if (env.created.empty()) return;
  const std::size_t step =
      std::max<std::size_t>(1, env.created.size() / sample);
  std::size_t checked = 0, wrong = 0;
  std::string first_wrong;
  for (std::size_t i = 0; i < env.created.size(); i += step) {
    const FlowEnv::Created& c = env.created[i];
    ++checked;
    auto seen = client.Call<sim::ops::GetCustomer>(
        env.population.providers[c.provider].admin.session,
        {.customer = c.customer});
    const bool ok =
        seen.ok() && std::find(seen->resellers.begin(), seen->resellers.end(),
                               c.reseller) != seen->resellers.end();
    if (!ok && wrong++ == 0) {
      first_wrong = c.customer.ToString() +
                    (seen.ok() ? " is not served by " + c.reseller.ToString()
                               : ": " + seen.status().ToString());
    }
  }
  r.invariants.push_back(
      {"every customer belongs to the reseller it was created for", wrong == 0,
       std::to_string(checked) + " of " + std::to_string(env.created.size()) +
           " created customers checked" +
           (wrong == 0 ? ""
                       : ", " + std::to_string(wrong) +
                             " wrong; first: " + first_wrong)});
}

}  // namespace tiersim::harness::load
