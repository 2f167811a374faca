// Partner Center roles and what they may do (SPEC.md R40-R47), as data.
//
// Each partner user holds at most one agent role and at most one admin role
// (R44: "no agent" / "no admin" are valid). A permission is granted when any
// of the user's roles appears in the permission's row of the table in
// roles.cc. Denials name the missing permission and the roles that grant it
// (R47).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tiersim::sim {

enum class AgentRole : std::uint8_t { kNone, kAdminAgent, kHelpdeskAgent };
enum class AdminRole : std::uint8_t {
  kNone,
  kGlobalAdmin,
  kUserManagementAdmin
};

enum class Permission : std::uint8_t {
  kViewCustomers,                 // search and view customers
  kManageCustomers,               // add customers, manage their accounts
  kRequestCustomerRelationship,   // send reseller-relationship requests
  kPlaceOrders,                   // submit orders, add subscriptions
  kManageSubscriptions,           // licenses, support contact (not O365)
  kManageOffice365Subscriptions,  // the same for Office 365 offers
  kCustomerSupportRequests,       // service requests on behalf of customers
  kServiceHealth,                 // customer service health
  kAdministerOnBehalf,            // administer on behalf of customers
  kManageUsers,                   // view, create and manage users
  kViewPartnerProfile,            // view partner profiles
  kFilePartnerSupportRequest,     // Partner Center support requests
  kManagePartnerships,            // request partnerships (provider)
  kAcceptPartnership,             // accept a provider's partnership request
  kCompleteAccountSetup,          // F1 step 8
  kManageGlobalAdmins,            // grant or remove Global admin (R48)
  kManageCustomerLeads,           // referrals: accept or decline (R41)
};

struct PermissionInfo {
  Permission permission;
  std::string_view name;  // "Manage users"
  std::string_view key;   // "manage_users"
  bool admin_agent;
  bool helpdesk_agent;
  bool global_admin;
  bool user_management_admin;
};

// The table, one row per permission, in enum order.
const std::vector<PermissionInfo>& PermissionTable();
const PermissionInfo& Info(Permission p);

bool Allows(AgentRole agent, AdminRole admin, Permission p);
// "Global admin or User management admin".
std::string RolesGranting(Permission p);

std::string_view AgentRoleName(AgentRole r);  // "Admin agent", "No agent"
std::string_view AdminRoleName(AdminRole r);  // "Global admin", "No admin"
// Parses "admin_agent" / "Admin agent" / "none" (case-insensitive).
std::optional<AgentRole> ParseAgentRole(std::string_view text);
std::optional<AdminRole> ParseAdminRole(std::string_view text);

// R45: the pages of Partner Center a user with these roles sees.
enum class Section : std::uint8_t {
  kCustomers,
  kIndirectPartners,  // Indirect resellers / Indirect providers
  kServiceHealth,
  kSupport,
  kUserManagement,
  kPartnerProfile,
};
std::string_view SectionName(Section s);
std::vector<Section> VisibleSections(AgentRole agent, AdminRole admin);

}  // namespace tiersim::sim
