#include "harness/load/flow_catalog.h"

#include <algorithm>
#include <set>

#include "harness/format/loader.h"
#include "sim/catalog.h"

namespace tiersim::harness::load {

std::vector<std::string> OperationsOf(FlowKind kind) {
  switch (kind) {
    case FlowKind::kInvitation:
      return {"partnership.request", kMailReadMetric, "partnership.accept"};
    case FlowKind::kCustomerCreation:
      return {"drafts.begin",  "drafts.set_details", "drafts.set_subscriptions",
              "drafts.review", "drafts.submit",      "secrets.reveal"};
    case FlowKind::kOrder:
      return {"orders.create"};
    case FlowKind::kSupportContact:
      return {"subscriptions.set_support_contact"};
    case FlowKind::kJointInvitation:
      return {"customers.invite_jointly", kMailReadMetric,
              "customers.accept_invitation"};
    case FlowKind::kScenario:
      return {};
    case FlowKind::kSmtp:
      return {kSmtpMetric};
  }
  return {};
}

std::string Substitute(const std::string& text, std::uint64_t iteration,
                       std::uint64_t vu) {
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 4, "${i}") == 0) {
      out += std::to_string(iteration);
      i += 4;
    } else if (text.compare(i, 5, "${vu}") == 0) {
      out += std::to_string(vu);
      i += 5;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::vector<std::string> ScenarioActions(const FlowSpec& flow) {
  std::set<std::string> actions;
  const LoadResult loaded =
      LoadScenarioText(flow.file, Substitute(flow.template_text, 0, 0));
  for (const Scenario& s : loaded.scenarios) {
    for (const Step& step : s.steps) {
      if (step.kind == StepKind::kAction) actions.insert(step.name);
    }
  }
  return {actions.begin(), actions.end()};
}

bool IsReservedMetric(const std::string& name) {
  return name == "errors" || name == "iterations" || name == "dropped";
}

std::vector<std::string> MetricNames(const LoadProfile& profile) {
  std::set<std::string> names = {"errors", "iterations", "dropped"};
  for (const FlowSpec& f : profile.flows) {
    names.insert(f.name);
    for (const std::string& op : f.kind == FlowKind::kScenario
                                     ? ScenarioActions(f)
                                     : OperationsOf(f.kind)) {
      names.insert(op);
    }
    if (f.kind != FlowKind::kScenario && f.kind != FlowKind::kSmtp) {
      names.insert(kSignInMetric);
    }
  }
  return {names.begin(), names.end()};
}

std::vector<std::string> PopulationRoleNames() {
  return {"admin_agent", "helpdesk_agent", "user_management_admin",
          "global_admin"};
}

std::vector<std::string> ActingRoleNames(FlowKind kind) {
  if (kind == FlowKind::kScenario || kind == FlowKind::kSmtp) return {};
  return PopulationRoleNames();
}

std::vector<std::string> CatalogOfferIds() {
  std::vector<std::string> out;
  const sim::Catalog catalog = sim::Catalog::Default();
  for (const sim::Offer& o : catalog.offers()) {
    out.push_back(o.id);
  }
  return out;
}

}  // namespace tiersim::harness::load
