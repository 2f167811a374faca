#include "harness/vocabulary/specs.h"

#include <algorithm>

namespace tiersim::harness {

const char* ParamTypeName(ParamType t) {
  switch (t) {
    case ParamType::kString:
      return "a string";
    case ParamType::kInt:
      return "an integer";
    case ParamType::kBool:
      return "true or false";
    case ParamType::kNumber:
      return "a number";
    case ParamType::kDuration:
      return "a duration such as \"3d\" or \"1h30m\"";
    case ParamType::kEnum:
      return "one of the listed values";
    case ParamType::kCast:
      return "a cast name";
    case ParamType::kCastList:
      return "a list of cast names";
    case ParamType::kSubscription:
      return "a subscription such as \"adatum/o365-e3\"";
    case ParamType::kLineItems:
      return "a list of {\"offer\": ..., \"licenses\": ...}";
    case ParamType::kStringList:
      return "a list of strings";
    case ParamType::kLocationUrls:
      return "an object of location: URL pairs";
    case ParamType::kProfiles:
      return "a list of {\"mpn\": ..., \"country\": ..., \"active\": ...}";
  }
  return "?";
}

const std::vector<ActionSpec>& ActionSpecs() {
  static const std::vector<ActionSpec> all = [] {
    std::vector<ActionSpec> out;
    for (auto group : {EnrollmentActions, PartnershipActions, CustomerActions,
                       CustomerUserActions, LeadActions, UserActions}) {
      for (ActionSpec& a : group()) out.push_back(std::move(a));
    }
    return out;
  }();
  return all;
}

const std::vector<QuerySpec>& QuerySpecs() {
  static const std::vector<QuerySpec> all = [] {
    std::vector<QuerySpec> out = Queries();
    for (auto group : {CustomerUserQueries, LeadQueries}) {
      for (QuerySpec& q : group()) out.push_back(std::move(q));
    }
    return out;
  }();
  return all;
}

const ActionSpec* FindAction(std::string_view name) {
  for (const ActionSpec& a : ActionSpecs()) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

const QuerySpec* FindQuery(std::string_view name) {
  for (const QuerySpec& q : QuerySpecs()) {
    if (q.name == name) return &q;
  }
  return nullptr;
}

std::vector<std::string> ActionNames() {
  std::vector<std::string> out;
  for (const ActionSpec& a : ActionSpecs()) out.push_back(a.name);
  return out;
}

std::vector<std::string> QueryNames() {
  std::vector<std::string> out;
  for (const QuerySpec& q : QuerySpecs()) out.push_back(q.name);
  return out;
}

const std::vector<CastFieldSpec>& CastFieldSpecs() {
  using R = CastRole;
  const std::vector<R> orgs = {R::kProvider, R::kReseller, R::kDirectPartner,
                               R::kApplicant, R::kCustomer};
  const std::vector<R> partners = {R::kProvider, R::kReseller,
                                   R::kDirectPartner, R::kApplicant};
  const std::vector<R> everyone = {R::kProvider,      R::kReseller,
                                   R::kDirectPartner, R::kApplicant,
                                   R::kCustomer,      R::kUser};
  static const std::vector<CastFieldSpec> fields = {
      {"role",
       ParamType::kEnum,
       everyone,
       "provider, reseller, direct_partner, applicant, customer or user",
       {"provider", "reseller", "direct_partner", "applicant", "customer",
        "user"}},
      {"name", ParamType::kString, everyone,
       "legal or company name (users: full name); default from the cast name"},
      {"domain", ParamType::kString, orgs,
       "tenant domain prefix: <domain>.onmicrosoft.com; default the cast name"},
      {"country", ParamType::kString, orgs, "ISO alpha-2 country; default US"},
      {"password", ParamType::kString, everyone,
       "the global admin's (users: the user's) password"},
      {"admin_name", ParamType::kString, orgs, "the global admin's full name"},
      {"mpn", ParamType::kInt, partners, "MPN ID; default assigned"},
      {"partners",
       ParamType::kCastList,
       {R::kProvider, R::kReseller},
       "partnerships that exist before the scenario starts"},
      {"served_by",
       ParamType::kCastList,
       {R::kCustomer},
       "partners that already serve this customer (F4)"},
      {"referred_to",
       ParamType::kCastList,
       {R::kCustomer},
       "partners Microsoft refers this customer to (a customer lead each, "
       "before the scenario starts)"},
      {"exists",
       ParamType::kBool,
       {R::kCustomer, R::kUser},
       "there before the scenario starts (default true); false: created by "
       "a step"},
      {"program",
       ParamType::kEnum,
       {R::kApplicant},
       "what the applicant enrolls as",
       {"provider", "reseller"}},
      {"work_account",
       ParamType::kEnum,
       {R::kApplicant},
       "existing: the tenant exists; new: created during enrollment",
       {"existing", "new"}},
      {"pmc_user",
       ParamType::kString,
       {R::kApplicant},
       "Partner Membership Center user name"},
      {"pmc_password",
       ParamType::kString,
       {R::kApplicant},
       "Partner Membership Center password"},
      {"profiles",
       ParamType::kProfiles,
       {R::kApplicant},
       "the PMC account's organisation profiles; default one active profile"},
      {"contact",
       ParamType::kString,
       {R::kApplicant, R::kCustomer},
       "primary contact email; default the global admin"},
      {"of", ParamType::kCast, {R::kUser}, "the partner organisation"},
      {"email",
       ParamType::kString,
       {R::kUser},
       "sign-in name; default <cast name>@<org domain>"},
      {"agent",
       ParamType::kEnum,
       {R::kUser},
       "agent role",
       {"none", "admin_agent", "helpdesk_agent"}},
      {"admin",
       ParamType::kEnum,
       {R::kUser},
       "admin role",
       {"none", "global_admin", "user_management_admin"}},
  };
  return fields;
}

const std::vector<std::pair<std::string, std::string>>& Flows() {
  static const std::vector<std::pair<std::string, std::string>> flows = {
      {"F1",
       "Reseller (or provider) enrollment: work account, PMC, MPN "
       "profile, verification, review, account set-up"},
      {"F1b", "An enrolled CSP partner gets a reseller account"},
      {"F2", "Provider listing: search it, change it by support request"},
      {"F3", "Partnership: provider requests, reseller authorises"},
      {"F4", "Existing customers; reseller-relationship requests"},
      {"F5", "Joint invitation: reseller and provider at once"},
      {"F6", "Shared customers of a reseller and a provider"},
      {"F7", "New customer on a reseller's behalf (the wizard)"},
      {"F8", "New subscriptions for a customer"},
      {"F9", "Designated support contact and support requests"},
      {"F10", "Users: add, temporary password, roles"},
  };
  return flows;
}

}  // namespace tiersim::harness
