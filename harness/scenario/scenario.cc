#include "harness/scenario/scenario.h"

namespace tiersim::harness {

const char* CastRoleName(CastRole r) {
  switch (r) {
    case CastRole::kProvider:
      return "provider";
    case CastRole::kReseller:
      return "reseller";
    case CastRole::kDirectPartner:
      return "direct_partner";
    case CastRole::kApplicant:
      return "applicant";
    case CastRole::kCustomer:
      return "customer";
    case CastRole::kUser:
      return "user";
  }
  return "?";
}

std::optional<CastRole> ParseCastRole(std::string_view text) {
  for (CastRole r :
       {CastRole::kProvider, CastRole::kReseller, CastRole::kDirectPartner,
        CastRole::kApplicant, CastRole::kCustomer, CastRole::kUser}) {
    if (text == CastRoleName(r)) return r;
  }
  return std::nullopt;
}

bool IsPartnerRole(CastRole r) {
  return r == CastRole::kProvider || r == CastRole::kReseller ||
         r == CastRole::kDirectPartner || r == CastRole::kApplicant;
}

const char* StepKindName(StepKind k) {
  switch (k) {
    case StepKind::kAction:
      return "action";
    case StepKind::kSees:
      return "sees";
    case StepKind::kWait:
      return "wait";
    case StepKind::kFault:
      return "fault";
  }
  return "?";
}

const CastMember* Scenario::Member(std::string_view n) const {
  for (const CastMember& m : cast) {
    if (m.name == n) return &m;
  }
  return nullptr;
}

}  // namespace tiersim::harness
