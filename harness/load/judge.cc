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

std::int64_t GetSigned(const std::map<std::string, std::int64_t>& m,
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

reports::ThresholdResult Judge(const Threshold& t,
                               const reports::LoadResult& r) {
  reports::ThresholdResult out{.text = t.text,
                               .key = t.key,
                               .expression = t.expression,
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
      !r.aborted.empty() && r.aborted.find(t.text) != std::string::npos;
  return out;
}

void JudgeThresholds(const LoadProfile& profile, reports::LoadResult& r) {
  for (const Threshold& t : profile.thresholds) {
    r.thresholds.push_back(Judge(t, r));
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

std::map<std::string, std::int64_t> CountsByName(
    const sim::WorldControl::WorldCounts& c) {
  auto n = [](std::size_t v) { return static_cast<std::int64_t>(v); };
  return {{"partners", n(c.core.partners)},
          {"users", n(c.core.users)},
          {"customers", n(c.core.customers)},
          {"subscriptions", n(c.core.subscriptions)},
          {"orders", n(c.core.orders)},
          {"invitations", n(c.core.invitations)},
          {"drafts", n(c.core.drafts)},
          {"support_requests", n(c.core.support_requests)},
          {"tenants", n(c.tenants)},
          {"directory_users", n(c.directory_users)},
          {"emails", n(c.emails)}};
}

std::map<std::string, std::int64_t> PopulationMade(const PopulationPlan& plan) {
  // Each customer gets one order of one line; each prospect is a customer
  // tenant nobody serves yet; each partner user added is sent its welcome
  // email (invitees have none).
  const std::int64_t customers = plan.customers();
  const std::int64_t partners = plan.providers + plan.resellers();
  return {{"customers", customers + plan.prospects},
          {"subscriptions", customers},
          {"orders", customers},
          {"invitations", 0},
          {"emails", partners * plan.users_per_partner}};
}

std::map<std::string, std::int64_t> WorldMade(const reports::LoadResult& r,
                                              bool shared_target) {
  std::map<std::string, std::int64_t> out;
  for (const auto& [key, after] : r.world_after) {
    if (shared_target) {
      const std::int64_t made = GetSigned(r.population_made, key);
      out[key] = after - GetSigned(r.world_initial, key) - made;
    } else {
      out[key] = after - GetSigned(r.world_before, key);
    }
  }
  return out;
}

void CheckPopulationMade(reports::LoadResult& r) {
  std::string detail;
  bool ok = true;
  for (const auto& [key, made] : r.population_made) {
    const std::int64_t grew =
        GetSigned(r.world_before, key) - GetSigned(r.world_initial, key);
    if (!detail.empty()) detail += ", ";
    detail += key + " " + std::to_string(grew);
    if (grew != made) {
      ok = false;
      detail += " (the plan says " + std::to_string(made) + ")";
    }
  }
  r.invariants.push_back({"the population is what its plan says", ok,
                          "building it added " + detail});
}

void CheckInvariants(const std::map<std::string, std::int64_t>& world_made,
                     reports::LoadResult& r) {
  if (r.world_after.empty()) return;
  const auto& s = r.succeeded;
  auto check = [&](std::string name, const char* key, std::int64_t engine,
                   const std::string& what) {
    const std::int64_t world = GetSigned(world_made, key);
    r.invariants.push_back({std::move(name), world == engine,
                            "the world counts " + std::to_string(world) +
                                " new " + what + ", the engine " +
                                std::to_string(engine)});
  };
  auto did = [&](const char* op) {
    return static_cast<std::int64_t>(Get(s, op));
  };
  // Every invitation sent made exactly one invitation and one email.
  const std::int64_t sent =
      did("partnership.request") + did("customers.invite_jointly");
  const std::int64_t drafts = did("drafts.submit");
  check("every invitation sent is one invitation, none lost or doubled",
        "invitations", sent, "invitations");
  // Emails: one per invitation; none from the other flows.
  check("every invitation sent has exactly one email delivered", "emails", sent,
        "emails");
  // accepted + pending + expired = sent, for the invitations this run made.
  const std::int64_t accepted =
      did("partnership.accept") + did("customers.accept_invitation");
  r.invariants.push_back(
      {"accepted + pending + expired = sent", accepted <= sent && accepted >= 0,
       "sent " + std::to_string(sent) + ", accepted " +
           std::to_string(accepted) + ", pending or expired " +
           std::to_string(sent - accepted)});
  check("every order created once (no lost or doubled order)", "orders",
        did("orders.create") + drafts, "orders");
  check("every customer created once", "customers", drafts, "customers");
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
