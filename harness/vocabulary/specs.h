// The vocabulary of scenario files as data: every action a person can take,
// every query of what a party sees, every parameter with its type, default
// and one line of help. The loader checks files against it (with "did you
// mean"), `tiersim list` prints it, the JSON Schema is generated from it and
// the runner dispatches through it.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "harness/scenario/scenario.h"

namespace tiersim::harness {

class StepContext;  // stage.h: what an action or query runs with

enum class ParamType : std::uint8_t {
  kString,
  kInt,
  kBool,
  kNumber,        // a probability, 0..1
  kDuration,      // "3d", "1h30m"
  kEnum,          // one of ParamSpec::values
  kCast,          // a cast name (of ParamSpec::roles, if any)
  kCastList,      // a list of cast names
  kSubscription,  // "<customer>/<offer>" (or "<customer>/<offer>#2")
  kLineItems,     // [{"offer": "o365-e3", "licenses": 10}, ...]
  kStringList,
  kLocationUrls,  // {"US": "https://...", "DE": "https://..."}
  kProfiles,  // cast only: [{"mpn": 1, "name": "..", "country": "US", "active":
              // true}]
};
const char* ParamTypeName(ParamType t);  // for messages: "a cast name"

struct ParamSpec {
  std::string name;
  ParamType type = ParamType::kString;
  bool required = false;
  std::string help;
  std::vector<std::string> values;  // kEnum
  std::vector<CastRole> roles;      // kCast / kCastList: allowed roles
  std::string default_help;         // "the actor's own mailbox"
};

// Who may act. Only a coarse check at load time: the core decides the rest
// (a reseller asking for a partnership gets NotAProvider, as in real life).
enum class Actors : std::uint8_t {
  kPartnerPeople,  // providers, resellers, direct partners, applicants, users
  kApplicants,     // organisations enrolling (F1)
  kCustomers,      // customers' global admins
  kAnyone,
};

using ActionFn = sim::Status (*)(StepContext&);

struct ActionSpec {
  std::string name;
  std::string flow;  // "F3", "F10", "F1/R5"
  std::string help;
  Actors actors = Actors::kPartnerPeople;
  std::vector<ParamSpec> params;
  ActionFn run = nullptr;
};

// A query returns a list (of cast names, offers, kinds ...) or a record
// (field -> value); the step's matcher compares.
enum class QueryShape : std::uint8_t { kList, kRecord };

struct Observed {
  std::vector<std::string> items;                           // kList
  std::vector<std::pair<std::string, std::string>> fields;  // kRecord
};
using QueryFn = sim::Result<Observed> (*)(StepContext&);

struct QuerySpec {
  std::string name;
  std::string flow;
  std::string help;
  QueryShape shape = QueryShape::kList;
  bool needs_actor = true;
  std::vector<ParamSpec> params;
  std::vector<std::string> fields;  // kRecord: the fields it reports
  QueryFn run = nullptr;
};

const std::vector<ActionSpec>& ActionSpecs();
const std::vector<QuerySpec>& QuerySpecs();
const ActionSpec* FindAction(std::string_view name);
const QuerySpec* FindQuery(std::string_view name);
std::vector<std::string> ActionNames();
std::vector<std::string> QueryNames();

// The cast's fields per role, for the loader, `list` and the schema.
struct CastFieldSpec {
  std::string name;
  ParamType type;
  std::vector<CastRole> roles;  // which roles may set it
  std::string help;
  std::vector<std::string> values;  // kEnum
};
const std::vector<CastFieldSpec>& CastFieldSpecs();

// The flows of SPEC.md with one line each (for `tiersim list`).
const std::vector<std::pair<std::string, std::string>>& Flows();

// Per-group action tables, defined next to their implementations.
std::vector<ActionSpec> EnrollmentActions();    // actions_enrollment.cc
std::vector<ActionSpec> PartnershipActions();   // actions_partnership.cc
std::vector<ActionSpec> CustomerActions();      // actions_customers.cc
std::vector<ActionSpec> UserActions();          // actions_users.cc
std::vector<ActionSpec> CustomerUserActions();  // actions_customer_users.cc
std::vector<ActionSpec> LeadActions();          // actions_leads.cc
std::vector<QuerySpec> Queries();               // queries.cc
std::vector<QuerySpec> CustomerUserQueries();   // actions_customer_users.cc
std::vector<QuerySpec> LeadQueries();           // actions_leads.cc

}  // namespace tiersim::harness
