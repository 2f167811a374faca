#include "harness/load/profile.h"

#include <sstream>

namespace tiersim::harness::load {
namespace {

constexpr struct {
  FlowKind kind;
  const char* name;
} kFlowNames[] = {
    {FlowKind::kInvitation, "invitation"},
    {FlowKind::kCustomerCreation, "customer_creation"},
    {FlowKind::kOrder, "order"},
    {FlowKind::kSupportContact, "support_contact"},
    {FlowKind::kJointInvitation, "joint_invitation"},
    {FlowKind::kScenario, "scenario"},
    {FlowKind::kSmtp, "smtp"},
};

}  // namespace

const char* FlowKindName(FlowKind k) {
  for (const auto& f : kFlowNames) {
    if (f.kind == k) return f.name;
  }
  return "?";
}

std::optional<FlowKind> ParseFlowKind(std::string_view text) {
  for (const auto& f : kFlowNames) {
    if (text == f.name) return f.kind;
  }
  return std::nullopt;
}

std::vector<std::string> FlowKindNames() {
  std::vector<std::string> out;
  for (const auto& f : kFlowNames) out.emplace_back(f.name);
  return out;
}

WallDuration ModelSpec::Length() const {
  WallDuration total = warmup;
  for (const Stage& s : stages) total += s.duration;
  return total;
}

namespace {

std::string Seconds(WallDuration d) {
  std::ostringstream o;
  o << std::chrono::duration<double>(d).count() << "s";
  return o.str();
}

}  // namespace

std::string DescribeModel(const ModelSpec& m) {
  std::ostringstream o;
  if (m.kind == ModelKind::kOpen) {
    bool constant = true;
    for (const Stage& s : m.stages) constant &= s.rate == m.start_rate;
    if (constant) {
      o << "open, " << m.start_rate << "/s for "
        << Seconds(m.Length() - m.warmup);
    } else {
      o << "open, ramping from " << m.start_rate << "/s";
      for (const Stage& s : m.stages) {
        o << " -> " << s.rate << "/s over " << Seconds(s.duration);
      }
    }
    o << ", at most " << m.max_vus << " virtual users";
  } else {
    o << "closed";
    for (const Stage& s : m.stages) {
      o << ", " << s.vus << " virtual users";
      if (s.duration.count() > 0) o << " for " << Seconds(s.duration);
    }
    if (m.iterations) o << ", " << *m.iterations << " iterations";
    if (m.think_time.count() > 0) o << ", think " << Seconds(m.think_time);
  }
  return o.str();
}

bool HasScenarioFlow(const LoadProfile& p) {
  for (const FlowSpec& f : p.flows) {
    if (f.kind == FlowKind::kScenario) return true;
  }
  return false;
}

}  // namespace tiersim::harness::load
