#include "harness/load/population.h"

#include <algorithm>
#include <fstream>
#include <limits>
#include <sstream>

#include "harness/load/flow_catalog.h"

namespace tiersim::harness::load {
namespace {

// Measured heap per entity (core_bench's bytes_per_customer and the like),
// rounded up: a customer with its tenant, admin, subscription and order.
constexpr std::uint64_t kBytesPerCustomer = 1536;
constexpr std::uint64_t kBytesPerPartner = 4096;
constexpr std::uint64_t kBytesPerUser = 1024;
constexpr std::uint64_t kBytesPerProspect = 1024;
// Iterations a flow may need when the model cannot say (closed, by time).
constexpr std::int64_t kDefaultPool = 100'000;

// Arrivals the model schedules, or nullopt when it runs by time with a
// closed population (then nobody can say in advance).
std::optional<double> ScheduledIterations(const ModelSpec& m) {
  if (m.kind == ModelKind::kClosed) {
    if (m.iterations) return static_cast<double>(*m.iterations);
    return std::nullopt;
  }
  double total = 0;
  double from = m.start_rate;
  const double warm = std::chrono::duration<double>(m.warmup).count();
  total += from * warm;
  for (const Stage& s : m.stages) {
    const double d = std::chrono::duration<double>(s.duration).count();
    total += (from + s.rate) / 2.0 * d;
    from = s.rate;
  }
  return total;
}

// The share of iterations that go to flows of `kind`.
double ShareOf(const LoadProfile& p, FlowKind kind) {
  std::int64_t all = 0, of = 0;
  for (const FlowSpec& f : p.flows) {
    all += f.weight;
    if (f.kind == kind) of += f.weight;
  }
  return all == 0 ? 0.0 : static_cast<double>(of) / static_cast<double>(all);
}

std::int64_t PoolFor(const LoadProfile& p, FlowKind kind) {
  const double share = ShareOf(p, kind);
  if (share == 0) return 0;
  const auto n = ScheduledIterations(p.model);
  if (!n) return kDefaultPool;
  // 10% spare: the weighted draw is random.
  return static_cast<std::int64_t>(*n * share * 1.1) + 16;
}

std::uint64_t ReadNumber(const std::string& path) {
  std::ifstream in(path);
  std::string text;
  if (!(in >> text) || text == "max") {
    return std::numeric_limits<std::uint64_t>::max();
  }
  try {
    return std::stoull(text);
  } catch (...) {
    return std::numeric_limits<std::uint64_t>::max();
  }
}

std::string Plural(std::int64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string ProviderName(std::int64_t p) {
  return "provider-" + std::to_string(p);
}
std::string ResellerName(std::int64_t p, std::int64_t r) {
  return "reseller-" + std::to_string(p) + "-" + std::to_string(r);
}
std::string CustomerName(std::int64_t p, std::int64_t r, std::int64_t c) {
  return "customer-" + std::to_string(p) + "-" + std::to_string(r) + "-" +
         std::to_string(c);
}

std::uint64_t PopulationPlan::EstimatedBytes() const {
  const auto partners =
      static_cast<std::uint64_t>(providers + resellers() + invitees);
  return static_cast<std::uint64_t>(customers()) * kBytesPerCustomer +
         partners * kBytesPerPartner +
         static_cast<std::uint64_t>((providers + resellers()) *
                                    users_per_partner) *
             kBytesPerUser +
         static_cast<std::uint64_t>(prospects) * kBytesPerProspect;
}

PopulationPlan PlanPopulation(const LoadProfile& profile, std::uint64_t shard,
                              std::uint64_t shards) {
  const PopulationSpec& s = profile.population;
  const auto i = static_cast<std::int64_t>(shard);
  const auto n = static_cast<std::int64_t>(std::max<std::uint64_t>(1, shards));
  // The members j < total with j % n == i.
  auto slice = [&](std::int64_t total) {
    return total > i ? (total - i + n - 1) / n : 0;
  };
  PopulationPlan plan{.providers = slice(s.providers),
                      .resellers_per_provider = s.resellers_per_provider,
                      .customers_per_reseller = s.customers_per_reseller,
                      .shard = i,
                      .shards = n};
  for (const auto& [role, count] : s.users) plan.users_per_partner += count;
  plan.invitees =
      slice(s.invitees.value_or(PoolFor(profile, FlowKind::kInvitation)));
  plan.prospects =
      slice(s.prospects.value_or(PoolFor(profile, FlowKind::kJointInvitation)));
  return plan;
}

std::uint64_t AvailableMemory() {
  std::uint64_t available = std::numeric_limits<std::uint64_t>::max();
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  std::uint64_t kb = 0;
  std::string unit;
  while (meminfo >> key >> kb >> unit) {
    if (key == "MemAvailable:") {
      available = kb * 1024;
      break;
    }
  }
  const std::uint64_t limit = ReadNumber("/sys/fs/cgroup/memory.max");
  if (limit != std::numeric_limits<std::uint64_t>::max()) {
    const std::uint64_t used = ReadNumber("/sys/fs/cgroup/memory.current");
    const std::uint64_t left =
        used == std::numeric_limits<std::uint64_t>::max() || used > limit
            ? 0
            : limit - used;
    available = std::min(available, left);
  }
  return available;
}

void CheckPopulationFits(const LoadProfile& profile, std::string_view file,
                         std::vector<Diagnostic>& errors,
                         std::uint64_t shards) {
  // Shard 0's slice is the largest.
  const PopulationPlan plan = PlanPopulation(profile, 0, shards);
  const Pos at =
      profile.population.pos.line != 0 ? profile.population.pos : profile.pos;
  auto error = [&](Pos pos, const std::string& code, std::string message) {
    errors.push_back(
        {std::string(file), pos.line, pos.column, code, std::move(message)});
  };
  const std::uint64_t need = plan.EstimatedBytes();
  const std::uint64_t have = AvailableMemory();
  // Leave a quarter for the run itself (orders, histograms, reports).
  if (need > have / 4 * 3) {
    std::ostringstream m;
    m.precision(3);
    m << "the population (" << Plural(plan.customers(), "customer", "customers")
      << ", " << Plural(plan.resellers(), "reseller", "resellers") << ", "
      << Plural(plan.invitees, "invitee", "invitees") << ", "
      << Plural(plan.prospects, "prospect", "prospects") << ") needs about "
      << static_cast<double>(need) / (1u << 30) << " GiB, more than the "
      << static_cast<double>(have / 4 * 3) / (1u << 30)
      << " GiB this machine can give it; make it smaller, or split the run "
         "into shards (--shard I/N) on several machines.";
    error(at, "too-large", m.str());
  }
  for (const FlowSpec& f : profile.flows) {
    if (f.weight == 0) continue;
    const bool needs_resellers = f.kind == FlowKind::kCustomerCreation ||
                                 f.kind == FlowKind::kJointInvitation;
    const bool needs_customers =
        f.kind == FlowKind::kOrder || f.kind == FlowKind::kSupportContact;
    if (needs_resellers && plan.resellers() == 0) {
      error(f.pos, "bad-value",
            "the \"" + std::string(FlowKindName(f.kind)) + "\" flow \"" +
                f.name +
                "\" needs resellers; give population."
                "resellers_per_provider at least 1.");
    }
    if (needs_customers && plan.customers() == 0) {
      error(f.pos, "bad-value",
            "the \"" + std::string(FlowKindName(f.kind)) + "\" flow \"" +
                f.name +
                "\" needs customers; give population."
                "customers_per_reseller at least 1.");
    }
    if (!f.as.empty() && f.as != "global_admin" &&
        profile.population.users.count(f.as) == 0) {
      error(f.pos, "bad-value",
            "flow \"" + f.name + "\" acts as " + f.as +
                ", but the population has no such users; add \"users\": {\"" +
                f.as + "\": 1}.");
    }
  }
}

const Person& Population::Acting(const PartnerRecord& partner,
                                 const std::string& role) const {
  if (role.empty() || role == "global_admin") return partner.admin;
  for (std::size_t i = 0; i < partner.user_roles.size(); ++i) {
    if (partner.user_roles[i] == role) return partner.users[i];
  }
  return partner.admin;
}

}  // namespace tiersim::harness::load
