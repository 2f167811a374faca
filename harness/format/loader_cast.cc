// The cast: named organisations and people, with defaults from their names
// so that {"contoso": {"role": "provider"}} is a complete provider.
#include <algorithm>

#include "harness/format/did_you_mean.h"
#include "harness/format/loader_internal.h"
#include "harness/vocabulary/stage.h"
#include "sim/text.h"

namespace tiersim::harness::internal {
namespace {

const CastFieldSpec* FindField(const std::string& name) {
  for (const CastFieldSpec& f : CastFieldSpecs()) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

bool Applies(const CastFieldSpec& f, CastRole role) {
  return std::find(f.roles.begin(), f.roles.end(), role) != f.roles.end();
}

}  // namespace

void ScenarioReader::ReadCast(const Json& j, const std::string& ptr,
                              Scenario& out) {
  if (!Object(j, ptr, "\"cast\"")) return;
  if (j.empty()) {
    ErrorValue(ptr, "bad-value",
               "the cast is empty; name at least one "
               "organisation or person.");
  }
  for (const auto& [name, member] : j.items()) {
    const std::string mp = JoinPointer(ptr, name);
    CastMember m;
    m.name = name;
    m.pos = KeyPosOf(mp);
    if (name.empty() || name.find('/') != std::string::npos ||
        name.find('.') != std::string::npos) {
      ErrorKey(mp, "bad-value",
               "a cast name must be non-empty, without '/' or '.'; got \"" +
                   name + "\".");
    }
    ReadCastMember(name, member, mp, m);
    out.cast.push_back(std::move(m));
  }
  CheckCastRefs(ptr, out);
}

void ScenarioReader::ReadCastMember(const std::string& name, const Json& j,
                                    const std::string& ptr, CastMember& m) {
  if (!Object(j, ptr, "cast member \"" + name + "\"")) return;
  std::string role;
  if (!ReadCastRole(name, j, ptr, role)) return;
  m.role = *ParseCastRole(role);
  std::vector<std::string> allowed;
  for (const CastFieldSpec& f : CastFieldSpecs()) {
    if (Applies(f, m.role)) allowed.push_back(f.name);
  }
  // Defaults first; fields given override them.
  m.legal_name = DefaultLegalName(name);
  m.domain = DefaultDomain(name);
  m.password = kDefaultPassword;
  m.new_work_account = false;
  for (const auto& [key, value] : j.items()) {
    const std::string kp = JoinPointer(ptr, key);
    const CastFieldSpec* f = FindField(key);
    if (f == nullptr || !Applies(*f, m.role)) {
      ErrorKey(kp, "unknown-field",
               f == nullptr
                   ? "\"" + key + "\" is not a cast field for a " + role +
                         "; expected " + QuotedList(allowed) + "." +
                         DidYouMean(key, allowed)
                   : "\"" + key + "\" does not apply to a " + role + ".");
      continue;
    }
    if (key == "role") continue;
    if (!ReadOrgField(key, value, kp, m) &&
        !ReadApplicantField(key, value, kp, *f, m)) {
      ReadUserField(key, value, kp, *f, m);
    }
  }
  FinishCastMember(name, j, ptr, m);
}

bool ScenarioReader::ReadCastRole(const std::string& name, const Json& j,
                                  const std::string& ptr, std::string& role) {
  if (!j.contains("role")) {
    ErrorValue(ptr, "missing-field",
               "cast member \"" + name +
                   "\" needs \"role\": provider, reseller, direct_partner, "
                   "applicant, customer or user.");
    return false;
  }
  const std::string rp = JoinPointer(ptr, "role");
  return String(j["role"], rp, "\"role\"", role) &&
         OneOf(role, rp, "role", FindField("role")->values);
}

bool ScenarioReader::ReadOrgField(const std::string& key, const Json& value,
                                  const std::string& kp, CastMember& m) {
  std::string s;
  if (key == "name") {
    String(value, kp, "\"name\"", m.legal_name);
  } else if (key == "domain") {
    if (String(value, kp, "\"domain\"", s)) m.domain = s;
  } else if (key == "country") {
    if (String(value, kp, "\"country\"", s)) {
      if (!sim::IsCountryCode(s)) {
        ErrorValue(kp, "bad-value",
                   "\"country\" must be an ISO 3166 alpha-2 code in "
                   "capitals, such as \"US\" or \"DE\"; got \"" +
                       s + "\".");
      }
      m.country = s;
    }
  } else if (key == "password") {
    String(value, kp, "\"password\"", m.password);
  } else if (key == "admin_name") {
    String(value, kp, "\"admin_name\"", m.admin_name);
  } else if (key == "mpn") {
    if (Integer(value, kp, "\"mpn\"", m.mpn) && m.mpn <= 0) {
      ErrorValue(kp, "bad-value", "\"mpn\" must be a positive number.");
    }
  } else if (key == "partners") {
    StringList(value, kp, "\"partners\"", m.partners);
  } else if (key == "served_by") {
    StringList(value, kp, "\"served_by\"", m.served_by);
  } else if (key == "referred_to") {
    StringList(value, kp, "\"referred_to\"", m.referred_to);
  } else if (key == "exists") {
    Boolean(value, kp, "\"exists\"", m.exists);
  } else {
    return false;
  }
  return true;
}

bool ScenarioReader::ReadApplicantField(const std::string& key,
                                        const Json& value,
                                        const std::string& kp,
                                        const CastFieldSpec& f, CastMember& m) {
  std::string s;
  if (key == "program") {
    if (String(value, kp, "\"program\"", s) &&
        OneOf(s, kp, "program", f.values)) {
      m.program = s == "provider" ? sim::Program::kIndirectProvider
                                  : sim::Program::kIndirectReseller;
    }
  } else if (key == "work_account") {
    if (String(value, kp, "\"work_account\"", s) &&
        OneOf(s, kp, "work_account", f.values)) {
      m.new_work_account = s == "new";
    }
  } else if (key == "pmc_user") {
    String(value, kp, "\"pmc_user\"", m.pmc_user);
  } else if (key == "pmc_password") {
    String(value, kp, "\"pmc_password\"", m.pmc_password);
  } else if (key == "contact") {
    String(value, kp, "\"contact\"", m.contact_email);
  } else if (key == "profiles") {
    ReadProfiles(value, kp, m.profiles);
  } else {
    return false;
  }
  return true;
}

void ScenarioReader::ReadUserField(const std::string& key, const Json& value,
                                   const std::string& kp,
                                   const CastFieldSpec& f, CastMember& m) {
  std::string s;
  if (key == "of") {
    String(value, kp, "\"of\"", m.of);
  } else if (key == "email") {
    String(value, kp, "\"email\"", m.email);
  } else if (key == "agent") {
    if (String(value, kp, "\"agent\"", s) &&
        OneOf(s, kp, "agent role", f.values)) {
      m.agent = *sim::ParseAgentRole(s);
    }
  } else if (key == "admin") {
    if (String(value, kp, "\"admin\"", s) &&
        OneOf(s, kp, "admin role", f.values)) {
      m.admin = *sim::ParseAdminRole(s);
    }
  }
}

void ScenarioReader::ReadProfiles(const Json& j, const std::string& ptr,
                                  std::vector<ProfileSpec>& out) {
  if (!Array(j, ptr, "\"profiles\"")) return;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string pp = JoinPointer(ptr, i);
    if (!Object(j[i], pp, "each profile")) continue;
    ProfileSpec p;
    ReadProfile(j[i], pp, p);
    if (p.mpn <= 0) {
      ErrorValue(pp, "missing-field", "each profile needs a positive \"mpn\".");
    }
    out.push_back(p);
  }
}

void ScenarioReader::ReadProfile(const Json& j, const std::string& ptr,
                                 ProfileSpec& p) {
  for (const auto& [pk, pv] : j.items()) {
    const std::string pkp = JoinPointer(ptr, pk);
    if (pk == "mpn") {
      Integer(pv, pkp, "\"mpn\"", p.mpn);
    } else if (pk == "name") {
      String(pv, pkp, "\"name\"", p.legal_name);
    } else if (pk == "country") {
      if (String(pv, pkp, "\"country\"", p.country) &&
          !sim::IsCountryCode(p.country)) {
        ErrorValue(pkp, "bad-value",
                   "a profile's \"country\" must be an ISO 3166 "
                   "alpha-2 code in capitals, such as \"US\"; got \"" +
                       p.country + "\".");
      }
    } else if (pk == "active") {
      Boolean(pv, pkp, "\"active\"", p.active);
    } else if (pk == "incentives" || pk == "benefits" || pk == "competencies") {
      std::vector<std::string> list;
      StringList(pv, pkp, "\"" + pk + "\"", list);
      (pk == "incentives" ? p.incentives
       : pk == "benefits" ? p.benefits
                          : p.competencies) = std::move(list);
    } else {
      const std::vector<std::string> fields = {
          "mpn",        "name",     "country",     "active",
          "incentives", "benefits", "competencies"};
      ErrorKey(pkp, "unknown-field",
               "\"" + pk + "\" is not a profile field; expected " +
                   QuotedList(fields) + "." + DidYouMean(pk, fields));
    }
  }
}

// Defaults that follow from other fields, and the fields a role requires.
void ScenarioReader::FinishCastMember(const std::string& name, const Json& j,
                                      const std::string& ptr, CastMember& m) {
  if (m.admin_name.empty()) {
    m.admin_name =
        m.role == CastRole::kUser ? m.legal_name : m.legal_name + " Admin";
  }
  if (m.pmc_user.empty()) m.pmc_user = m.domain + "@pmc.tiersim.test";
  if (m.pmc_password.empty()) m.pmc_password = m.password;
  if (m.role == CastRole::kUser && !j.contains("of")) {
    ErrorValue(ptr, "missing-field",
               "user \"" + name +
                   "\" needs \"of\": the partner organisation they work for.");
  }
  if (m.role == CastRole::kApplicant && !j.contains("program")) {
    ErrorValue(ptr, "missing-field",
               "applicant \"" + name +
                   "\" needs \"program\": \"provider\" or \"reseller\".");
  }
}

// References between cast members, checked once every member is known.
void ScenarioReader::CheckCastRefs(const std::string& ptr, Scenario& out) {
  const Scenario* saved = scenario_;
  scenario_ = &out;
  const std::vector<CastRole> partner_orgs = {
      CastRole::kProvider, CastRole::kReseller, CastRole::kDirectPartner,
      CastRole::kApplicant};
  for (CastMember& m : out.cast) {
    const std::string mp = JoinPointer(ptr, m.name);
    for (std::size_t i = 0; i < m.partners.size(); ++i) {
      const std::vector<CastRole> other = {m.role == CastRole::kProvider
                                               ? CastRole::kReseller
                                               : CastRole::kProvider};
      std::string name;
      CastRef(Json(m.partners[i]), JoinPointer(JoinPointer(mp, "partners"), i),
              "a partner of " + std::string(CastRoleName(m.role)) + " \"" +
                  m.name + "\"",
              other, name);
    }
    for (std::size_t i = 0; i < m.served_by.size(); ++i) {
      std::string name;
      CastRef(Json(m.served_by[i]),
              JoinPointer(JoinPointer(mp, "served_by"), i), "\"served_by\"",
              partner_orgs, name);
      const CastMember* partner = out.Member(m.served_by[i]);
      if (partner != nullptr && partner->role == CastRole::kApplicant &&
          partner->new_work_account) {
        ErrorValue(JoinPointer(JoinPointer(mp, "served_by"), i), "bad-value",
                   "\"" + m.served_by[i] +
                       "\" creates its work account during enrollment, so no "
                       "customer can be served by its tenant yet.");
      }
    }
    for (std::size_t i = 0; i < m.referred_to.size(); ++i) {
      std::string name;
      CastRef(Json(m.referred_to[i]),
              JoinPointer(JoinPointer(mp, "referred_to"), i), "\"referred_to\"",
              partner_orgs, name);
    }
    if (!m.served_by.empty() && !m.exists) {
      ErrorValue(JoinPointer(mp, "exists"), "bad-value",
                 "a customer served by partners already exists; drop "
                 "\"exists\": false.");
    }
    if (m.role == CastRole::kUser && !m.of.empty()) {
      std::string org;
      if (CastRef(Json(m.of), JoinPointer(mp, "of"), "\"of\"",
                  {CastRole::kProvider, CastRole::kReseller,
                   CastRole::kDirectPartner, CastRole::kApplicant},
                  org)) {
        if (out.Member(org)->role == CastRole::kApplicant && m.exists) {
          ErrorValue(JoinPointer(mp, "of"), "bad-value",
                     "\"" + m.name + "\" works for the applicant \"" + org +
                         "\", which has no Partner Center account yet to "
                         "hold users; add \"exists\": false and add them "
                         "with add_user.");
        }
        if (m.email.empty()) {
          m.email = DefaultDomain(m.name) + "@" + out.Member(org)->domain +
                    ".onmicrosoft.com";
        }
      }
    }
  }
  scenario_ = saved;
}

}  // namespace tiersim::harness::internal
