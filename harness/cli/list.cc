#include "harness/cli/list.h"

#include <iomanip>

#include "harness/vocabulary/specs.h"
#include "sim/faults.h"
#include "sim/ops.h"
#include "sim/roles.h"
#include "sim/status.h"

namespace tiersim::harness {
namespace {

void Params(const std::vector<ParamSpec>& params, std::ostream& out) {
  for (const ParamSpec& p : params) {
    out << "      " << std::left << std::setw(16) << p.name
        << (p.required ? "required  " : "optional  ") << p.help;
    if (!p.values.empty()) {
      out << " (";
      for (std::size_t i = 0; i < p.values.size(); ++i) {
        out << (i ? ", " : "") << p.values[i];
      }
      out << ")";
    }
    if (!p.default_help.empty()) out << "; default " << p.default_help;
    out << "\n";
  }
}

void Actions(std::ostream& out) {
  out << "Actions  {\"actor\": NAME, \"action\": ACTION, PARAM: VALUE, ...,"
         " \"expect\": \"ok\" | \"error\" | {\"error\": CODE | [CODE, ...] | "
         "\"any\"}}\n";
  for (const ActionSpec& a : ActionSpecs()) {
    out << "  " << std::left << std::setw(32) << a.name << std::setw(8)
        << a.flow << a.help << "\n";
    Params(a.params, out);
  }
}

void Queries(std::ostream& out) {
  out << "Expectations  {\"actor\": NAME, \"sees\": QUERY, PARAM: VALUE, ...,"
         " MATCHER}\n"
         "  list matchers: \"equals\": [...] (any order), \"includes\": [...],"
         " \"excludes\": [...], \"count\": N\n"
         "  record matchers: \"equals\": {FIELD: VALUE, ...} (only the fields"
         " given)\n"
         "  or \"expect\": {\"error\": CODE} when the page is refused\n";
  for (const QuerySpec& q : QuerySpecs()) {
    out << "  " << std::left << std::setw(32) << q.name << std::setw(8)
        << q.flow << q.help;
    if (q.shape == QueryShape::kRecord) {
      out << " [fields:";
      for (const std::string& f : q.fields) out << " " << f;
      out << "]";
    }
    out << "\n";
    Params(q.params, out);
  }
  out << "Time  {\"wait\": \"3d\"} advances virtual time (ms, s, m, h, d, w;"
         " combined: \"1d12h\")\n";
}

void Cast(std::ostream& out) {
  out << "Cast  \"cast\": {NAME: {\"role\": ROLE, FIELD: VALUE, ...}}\n";
  for (const CastFieldSpec& f : CastFieldSpecs()) {
    out << "  " << std::left << std::setw(14) << f.name << f.help << " [";
    for (std::size_t i = 0; i < f.roles.size(); ++i) {
      out << (i ? ", " : "") << CastRoleName(f.roles[i]);
    }
    out << "]\n";
  }
}

void Faults(std::ostream& out) {
  out << "Faults  {\"fault\": POINT, \"to\": NAME, \"times\": N, \"for\": "
         "\"1h\", \"probability\": 0.5, \"delay\": \"2h\"}\n"
         "  without \"times\" or \"for\" a fault fires once\n"
         "  http.* faults: \"to\": \"[server] [METHOD] [/path/*/pattern]\" "
         "(servers: partner-center, aad, pmc, mail-api)\n";
  const std::vector<std::pair<std::string_view, const char*>> help = {
      {sim::fault_points::kMailDrop, "the email is lost silently"},
      {sim::fault_points::kMailDelay, "the email arrives \"delay\" later"},
      {sim::fault_points::kMailReject, "the mail system refuses the email"},
      {sim::fault_points::kPmcUnavailable,
       "the Partner Membership Center is down"},
      {sim::fault_points::kAadUnavailable, "Azure AD is down"},
      {sim::fault_points::kAadCreateTenant, "creating a tenant fails"},
      {sim::fault_points::kAadCreateUser, "creating a user fails"},
      {sim::fault_points::kReviewReject,
       "Microsoft's review rejects the enrollment"},
      {sim::fault_points::kServiceOutage,
       "a Microsoft service is degraded in Service health (\"to\": "
       "\"Office 365\", ...; until \"for\" ends)"},
      {"http.latency", "answers arrive \"delay\" late (--transport http)"},
      {"http.429", "429 Too Many Requests, Retry-After = \"delay\""},
      {"http.500", "500 (also http.502, http.504)"},
      {"http.503", "503 Service Unavailable, Retry-After = \"delay\""},
      {"http.reset", "the connection is reset before any answer"},
  };
  for (const auto& [point, text] : help) {
    out << "  " << std::left << std::setw(22) << point << text << "\n";
  }
}

void Errors(std::ostream& out) {
  out << "Error codes  (\"expect\": {\"error\": CODE})\n";
#define X(n, number, meaning)                                               \
  out << "  " << std::left << std::setw(26) << #n << std::setw(5) << number \
      << meaning << "\n";
#include "sim/error_codes.inc"
#undef X
}

// Every Partner Center operation from its declaration (sim/ops.h): what
// the servers route, both transports call and the scenario actions use.
void Operations(std::ostream& out) {
  out << "Operations  (sim/ops.h; served by tiersim serve, called by both "
         "transports)\n";
  sim::ops::PartnerCenterOps::ForEach([&]<typename Op>() {
    const sim::OpInfo& info = Op::kInfo;
    out << "  " << std::left << std::setw(34) << info.name << " "
        << std::setw(7) << sim::HttpMethodName(info.method) << info.path << "\n"
        << "      " << info.summary;
    if (info.access == sim::Access::kPublic) {
      out << " [public]";
    } else if (info.permission) {
      out << " [" << sim::Info(*info.permission).name << "]";
    }
    out << "\n";
  });
}

void FlowList(std::ostream& out) {
  out << "Flows (SPEC.md)\n";
  for (const auto& [id, text] : Flows()) {
    out << "  " << std::left << std::setw(5) << id << text << "\n";
  }
}

}  // namespace

bool PrintList(std::string_view what, std::ostream& out) {
  if (what.empty() || what == "actions") Actions(out);
  if (what.empty() || what == "queries") Queries(out);
  if (what.empty() || what == "cast") Cast(out);
  if (what.empty() || what == "faults") Faults(out);
  if (what.empty() || what == "errors") Errors(out);
  if (what.empty() || what == "flows") FlowList(out);
  if (what.empty() || what == "operations") Operations(out);
  return what.empty() || what == "actions" || what == "queries" ||
         what == "cast" || what == "faults" || what == "errors" ||
         what == "flows" || what == "operations";
}

}  // namespace tiersim::harness
