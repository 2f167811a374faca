// Private to the PartnerCenter implementation files: the resolved actor.
#pragma once

#include "sim/partner_center.h"

namespace tiersim::sim {

// The signed-in partner user, with the roles they hold right now. Holds IDs,
// not pointers: operations add to the Store's vectors, which may move.
struct PartnerCenter::Actor {
  UserId user;
  PartnerId partner;
  DirectoryUserId directory_user;
  AgentRole agent;
  AdminRole admin;
};

inline const Relationship* FindRelationship(const Customer& c, PartnerId p) {
  for (const Relationship& r : c.relationships) {
    if (r.partner == p) return &r;
  }
  return nullptr;
}

// R20: only a CSP reseller relationship lets a partner manage subscriptions.
inline bool HasResellerRelationship(const Customer& c, PartnerId p) {
  const Relationship* r = FindRelationship(c, p);
  return r != nullptr && r->kind == RelationshipKind::kReseller;
}

// Whether the partner still holds its tenant and MPN ID: its application is
// pending, in review or approved, not rejected or abandoned (R8).
inline bool HoldsItsAccount(const Partner& p) {
  return p.state == EnrollmentState::kPendingVerification ||
         p.state == EnrollmentState::kInReview ||
         p.state == EnrollmentState::kApproved;
}

// An application's state as the applicant reads it, with the contact's
// address while it waits for verification (R8): "waiting for
// pat@adatum.com to verify by email", "in review by Microsoft", ...
std::string EnrollmentStateInWords(const Partner& p);

}  // namespace tiersim::sim
