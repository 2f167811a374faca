#include "sim/roles.h"

#include <algorithm>

#include "sim/text.h"

namespace tiersim::sim {
namespace {

using P = Permission;

// The role table (SPEC.md R40-R43). Columns: Admin agent, Helpdesk agent,
// Global admin, User management admin. Global admin may do everything (R42);
// Helpdesk agents may not view partner profiles, request customer
// relationships or manage Office 365 subscriptions (R41); Admin agents may
// not manage users or file Partner Center support requests (R40).
// clang-format off
const std::vector<PermissionInfo> kTable = {
  {P::kViewCustomers,                "View customers",                  "view_customers",                 true,  true,  true, false},
  {P::kManageCustomers,              "Manage customers",                "manage_customers",               true,  false, true, false},
  {P::kRequestCustomerRelationship,  "Request customer relationships",  "request_customer_relationship",  true,  false, true, false},
  {P::kPlaceOrders,                  "Place orders",                    "place_orders",                   true,  false, true, false},
  {P::kManageSubscriptions,          "Manage subscriptions",            "manage_subscriptions",           true,  true,  true, false},
  {P::kManageOffice365Subscriptions, "Manage Office 365 subscriptions", "manage_office365_subscriptions", true,  false, true, false},
  {P::kCustomerSupportRequests,      "Customer support requests",       "customer_support_requests",      true,  true,  true, false},
  {P::kServiceHealth,                "Customer service health",         "service_health",                 true,  true,  true, false},
  {P::kAdministerOnBehalf,           "Administer on behalf of customers", "administer_on_behalf",         true,  false, true, false},
  {P::kManageUsers,                  "Manage users",                    "manage_users",                   false, false, true, true},
  {P::kViewPartnerProfile,           "View partner profiles",           "view_partner_profile",           false, false, true, true},
  {P::kFilePartnerSupportRequest,    "File Partner Center support requests", "file_partner_support_request", false, false, true, false},
  {P::kManagePartnerships,           "Manage indirect partnerships",    "manage_partnerships",            true,  false, true, false},
  {P::kAcceptPartnership,            "Accept partnership requests",     "accept_partnership",             false, false, true, false},
  {P::kCompleteAccountSetup,         "Complete account set-up",         "complete_account_setup",         false, false, true, false},
  {P::kManageGlobalAdmins,           "Grant or remove Global admin",    "manage_global_admins",           false, false, true, false},
  // R41 names it as a Helpdesk agent's "may not"; part of an Admin agent's
  // "manage customers" (R40).
  {P::kManageCustomerLeads,          "Manage customer leads",           "manage_customer_leads",          true,  false, true, false},
};
// clang-format on

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    c = AsciiToLower(c);
    if (c == ' ' || c == '-') c = '_';
  }
  return out;
}

}  // namespace

const std::vector<PermissionInfo>& PermissionTable() { return kTable; }

const PermissionInfo& Info(Permission p) {
  return kTable[static_cast<std::size_t>(p)];
}

bool Allows(AgentRole agent, AdminRole admin, Permission p) {
  const PermissionInfo& row = Info(p);
  return (agent == AgentRole::kAdminAgent && row.admin_agent) ||
         (agent == AgentRole::kHelpdeskAgent && row.helpdesk_agent) ||
         (admin == AdminRole::kGlobalAdmin && row.global_admin) ||
         (admin == AdminRole::kUserManagementAdmin &&
          row.user_management_admin);
}

std::string RolesGranting(Permission p) {
  const PermissionInfo& row = Info(p);
  std::vector<std::string_view> names;
  if (row.global_admin) names.push_back("Global admin");
  if (row.user_management_admin) names.push_back("User management admin");
  if (row.admin_agent) names.push_back("Admin agent");
  if (row.helpdesk_agent) names.push_back("Helpdesk agent");
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += (i + 1 == names.size()) ? " or " : ", ";
    out += names[i];
  }
  return out;
}

std::string_view AgentRoleName(AgentRole r) {
  switch (r) {
    case AgentRole::kNone:
      return "No agent";
    case AgentRole::kAdminAgent:
      return "Admin agent";
    case AgentRole::kHelpdeskAgent:
      return "Helpdesk agent";
  }
  return "?";
}

std::string_view AdminRoleName(AdminRole r) {
  switch (r) {
    case AdminRole::kNone:
      return "No admin";
    case AdminRole::kGlobalAdmin:
      return "Global admin";
    case AdminRole::kUserManagementAdmin:
      return "User management admin";
  }
  return "?";
}

std::optional<AgentRole> ParseAgentRole(std::string_view text) {
  const std::string t = Lower(text);
  if (t == "none" || t == "no_agent") return AgentRole::kNone;
  if (t == "admin_agent") return AgentRole::kAdminAgent;
  if (t == "helpdesk_agent") return AgentRole::kHelpdeskAgent;
  return std::nullopt;
}

std::optional<AdminRole> ParseAdminRole(std::string_view text) {
  const std::string t = Lower(text);
  if (t == "none" || t == "no_admin") return AdminRole::kNone;
  if (t == "global_admin") return AdminRole::kGlobalAdmin;
  if (t == "user_management_admin") return AdminRole::kUserManagementAdmin;
  return std::nullopt;
}

std::string_view SectionName(Section s) {
  switch (s) {
    case Section::kCustomers:
      return "Customers";
    case Section::kIndirectPartners:
      return "Indirect partners";
    case Section::kServiceHealth:
      return "Service health";
    case Section::kSupport:
      return "Support";
    case Section::kUserManagement:
      return "User management";
    case Section::kPartnerProfile:
      return "Partner profile";
  }
  return "?";
}

std::vector<Section> VisibleSections(AgentRole agent, AdminRole admin) {
  struct Gate {
    Section section;
    Permission needs;
    Permission or_needs;
  };
  const Gate gates[] = {
      {Section::kCustomers, P::kViewCustomers, P::kViewCustomers},
      {Section::kIndirectPartners, P::kManagePartnerships,
       P::kAcceptPartnership},
      {Section::kServiceHealth, P::kServiceHealth, P::kServiceHealth},
      {Section::kSupport, P::kCustomerSupportRequests,
       P::kFilePartnerSupportRequest},
      {Section::kUserManagement, P::kManageUsers, P::kManageUsers},
      {Section::kPartnerProfile, P::kViewPartnerProfile,
       P::kViewPartnerProfile},
  };
  std::vector<Section> out;
  for (const Gate& g : gates) {
    if (Allows(agent, admin, g.needs) || Allows(agent, admin, g.or_needs)) {
      out.push_back(g.section);
    }
  }
  return out;
}

}  // namespace tiersim::sim
