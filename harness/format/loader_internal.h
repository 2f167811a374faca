// The loader's working parts, shared by loader.cc (document, steps) and
// loader_cast.cc (the cast). Not for use outside the loader.
#pragma once

#include <string>
#include <vector>

#include "harness/format/json_reader.h"
#include "harness/format/loader.h"
#include "harness/vocabulary/specs.h"

namespace tiersim::harness::internal {

class ScenarioReader : public JsonReader {
 public:
  using JsonReader::JsonReader;

  // Reads the scenario at `ptr`; returns false when it had errors.
  bool Read(const Json& j, const std::string& ptr, Scenario& out);

  // A cast reference: exists (did you mean) and has one of `roles`.
  bool CastRef(const Json& j, const std::string& ptr, const std::string& what,
               const std::vector<CastRole>& roles, std::string& out);
  // An argument per its spec into `out`.
  bool Param(const Json& j, const std::string& ptr, const ParamSpec& spec,
             Arg& out);

  // ---- Parts ----
  void ReadCast(const Json& j, const std::string& ptr, Scenario& out);
  void ReadStep(const Json& j, const std::string& ptr, int index, Step& out);

  const Scenario* scenario() const { return scenario_; }

 private:
  void ReadCastMember(const std::string& name, const Json& j,
                      const std::string& ptr, CastMember& out);
  // Its "role", present and valid, into `role`; false when reported.
  bool ReadCastRole(const std::string& name, const Json& j,
                    const std::string& ptr, std::string& role);
  // One of the shared fields (name, domain, country, password, admin_name,
  // mpn, partners, served_by, exists); false if `key` is not one.
  bool ReadOrgField(const std::string& key, const Json& value,
                    const std::string& ptr, CastMember& out);
  // One applicant field (program, work_account, pmc_*, contact, profiles);
  // false if `key` is not one.
  bool ReadApplicantField(const std::string& key, const Json& value,
                          const std::string& ptr, const CastFieldSpec& field,
                          CastMember& out);
  // One user field (of, email, agent, admin).
  void ReadUserField(const std::string& key, const Json& value,
                     const std::string& ptr, const CastFieldSpec& field,
                     CastMember& out);
  // An applicant's "profiles" list, and one profile of it.
  void ReadProfiles(const Json& j, const std::string& ptr,
                    std::vector<ProfileSpec>& out);
  void ReadProfile(const Json& j, const std::string& ptr, ProfileSpec& out);
  // Derived defaults and the fields a role requires, once all are read.
  void FinishCastMember(const std::string& name, const Json& j,
                        const std::string& ptr, CastMember& out);
  void CheckCastRefs(const std::string& ptr, Scenario& out);
  // Param's groups: single values (string, int, bool, number, duration,
  // enum); cast references (cast, cast list, subscription); subscription
  // lines, and one line of them.
  bool ScalarParam(const Json& j, const std::string& ptr,
                   const std::string& what, const ParamSpec& spec, Arg& out);
  bool CastParam(const Json& j, const std::string& ptr, const std::string& what,
                 const ParamSpec& spec, Arg& out);
  bool LocationUrlsParam(const Json& j, const std::string& ptr,
                         const std::string& what, Arg& out);
  bool LineItemsParam(const Json& j, const std::string& ptr,
                      const std::string& what, Arg& out);
  bool ReadLineItem(const Json& j, const std::string& ptr, sim::LineItem& out);
  bool ReadActionStep(const Json& j, const std::string& ptr, Step& out);
  bool ReadSeesStep(const Json& j, const std::string& ptr, Step& out);
  bool ReadFaultStep(const Json& j, const std::string& ptr, Step& out);
  bool ReadExpect(const Json& j, const std::string& ptr, Expectation& out);
  bool ReadErrorCodes(const Json& j, const std::string& ptr,
                      std::vector<sim::ErrorCode>& out);
  bool ReadErrorCode(const Json& j, const std::string& ptr,
                     std::vector<sim::ErrorCode>& out);
  bool ReadMatcher(const Json& step, const std::string& ptr, const QuerySpec& q,
                   Matcher& out);
  bool CheckActor(const Json& j, const std::string& ptr, Actors who,
                  bool required, Step& out);
  void ReadParams(const Json& j, const std::string& ptr,
                  const std::vector<ParamSpec>& params,
                  const std::vector<std::string>& reserved,
                  const std::string& owner, Args& out);

  const Scenario* scenario_ = nullptr;  // while reading its steps
  std::size_t errors_at_start_ = 0;
};

std::string DefaultLegalName(const std::string& cast_name);
std::string DefaultDomain(const std::string& cast_name);

}  // namespace tiersim::harness::internal
