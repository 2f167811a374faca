// The scenario model: what a scenario file says, checked and typed by the
// loader (loader.h), played by the runner (runner.h). Plain values; no JSON
// library in sight, every element remembers where it was written.
//
//   {
//     "name": "Provider partners with a reseller through the emailed link",
//     "tags": ["F3", "R12"],
//     "seed": 7,
//     "cast": {
//       "contoso":  {"role": "provider"},
//       "fabrikam": {"role": "reseller"}
//     },
//     "steps": [
//       {"actor": "contoso", "action": "request_partnership",
//        "reseller": "fabrikam"},
//       {"actor": "fabrikam", "action": "accept_partnership"},
//       {"actor": "contoso", "sees": "indirect_resellers",
//        "equals": ["fabrikam"]}
//     ]
//   }
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "sim/faults.h"
#include "sim/model.h"
#include "sim/status.h"
#include "sim/time.h"

namespace tiersim::harness {

struct Pos {
  int line = 0;
  int column = 0;
};

// ---- Cast ---------------------------------------------------------------

enum class CastRole : std::uint8_t {
  kProvider,       // an enrolled indirect provider (its global admin acts)
  kReseller,       // an enrolled indirect reseller
  kDirectPartner,  // an enrolled CSP partner outside the two tiers (F1b)
  kApplicant,      // an organisation about to enroll (F1)
  kCustomer,       // a customer organisation (its global admin acts)
  kUser,           // a person in a partner organisation, with roles (F10)
};
const char* CastRoleName(CastRole r);  // "provider", ...
std::optional<CastRole> ParseCastRole(std::string_view text);
bool IsPartnerRole(CastRole r);  // provider, reseller, direct, applicant

struct ProfileSpec {  // a PMC organisation profile of an applicant
  std::int64_t mpn = 0;
  std::string legal_name;
  std::string country;
  bool active = true;
  // What PMC holds for it (F1 step 7 moves them to the account); defaults
  // when not given.
  std::optional<std::vector<std::string>> incentives, benefits, competencies;
};

struct CastMember {
  std::string name;  // the key in "cast"
  CastRole role = CastRole::kProvider;
  Pos pos;
  // Organisations (all but users); defaults come from the name.
  std::string legal_name;  // "Contoso" for "contoso" (+ " Inc" customers)
  std::string domain;      // tenant prefix: contoso.onmicrosoft.com
  std::string country = "US";
  std::string password;               // the global admin's (or user's) password
  std::string admin_name;             // the global admin's full name
  std::int64_t mpn = 0;               // partners and applicants; 0 = assigned
  std::vector<std::string> partners;  // seeded partnerships (cast names)
  std::vector<std::string> served_by;    // customers: existing relationships
  std::vector<std::string> referred_to;  // customers: Microsoft's referrals
  bool exists = true;  // customers/users: there before the scenario starts
  // Applicants.
  sim::Program program = sim::Program::kIndirectReseller;
  bool new_work_account = false;  // create the tenant during enrollment
  std::string pmc_user;
  std::string pmc_password;
  std::vector<ProfileSpec> profiles;
  std::string contact_email;  // primary contact (applicants, customers)
  // Users.
  std::string of;  // the organisation (cast name)
  std::string email;
  sim::AgentRole agent = sim::AgentRole::kNone;
  sim::AdminRole admin = sim::AdminRole::kNone;
};

// ---- Steps ----------------------------------------------------------------

// A typed argument value, as the action's parameter spec asked for.
using ArgValue =
    std::variant<std::string, std::int64_t, bool, double,
                 std::vector<std::string>, std::vector<sim::LineItem>,
                 std::vector<sim::LocationTarget>>;
struct Arg {
  ArgValue value;
  Pos pos;
};
using Args = std::map<std::string, Arg, std::less<>>;

// What an action or query step expects.
struct Expectation {
  bool ok = true;
  // When not ok: the codes the step may fail with, any error when empty
  // ("expect": "error" or {"error": "any"}).
  std::vector<sim::ErrorCode> errors;
  std::string message_contains;
  Pos pos;
};

// What a "sees" step compares the observed value with.
struct Matcher {
  enum class Kind : std::uint8_t {
    kNone,      // only the outcome (ok or the expected error) is checked
    kEquals,    // lists: same items, any order; records: these fields
    kIncludes,  // lists: every given item is there
    kExcludes,  // lists: none of the given items is there
    kCount,     // lists: this many items
  };
  Kind kind = Kind::kNone;
  std::vector<std::string> items;                           // list matchers
  std::vector<std::pair<std::string, std::string>> fields;  // records
  std::int64_t count = 0;
  Pos pos;
};

enum class StepKind : std::uint8_t { kAction, kSees, kWait, kFault };
const char* StepKindName(StepKind k);

struct Step {
  StepKind kind = StepKind::kAction;
  int index = 0;  // 1-based
  Pos pos;
  std::string actor;  // cast name (empty for wait, fault, world queries)
  std::string name;   // the action or query ("accept_partnership")
  Args args;
  Expectation expect;
  Matcher matcher;  // sees steps
  std::string note;
  // Wait steps.
  sim::Duration wait{0};
  // Fault steps.
  std::string fault_point;
  sim::FaultSpec fault;
  std::string fault_target;  // cast name or address, resolved at run time
  std::optional<sim::Duration> fault_for;
};

struct Scenario {
  std::string file;
  Pos pos;
  std::string name;
  std::string description;
  std::vector<std::string> tags;
  std::optional<std::uint64_t> seed;
  // Soft assertions: a failed step does not end the scenario (the runner
  // plays on and reports every failure). Off unless the file or
  // `run --soft` says so.
  bool soft = false;
  std::vector<CastMember> cast;
  std::vector<Step> steps;

  const CastMember* Member(std::string_view name) const;
};

}  // namespace tiersim::harness
