// R8: an enrollment is never a dead end. While the primary contact has not
// verified, the verification email can be resent; the applicant can abandon
// an application that is not in review or approved; a rejected or abandoned
// application frees its tenant and MPN ID for a new enrollment; and every
// refusal states the application's true state.
#include <string>

#include "sim/partner_center_internal.h"

namespace tiersim::sim {
namespace {

// What the applicant of a held application can do next.
std::string NextStep(const Partner& p) {
  const std::string application =
      p.enrollment.valid() ? " (" + p.enrollment.ToString() + ")" : "";
  switch (p.state) {
    case EnrollmentState::kPendingVerification:
      return "resend the verification email or abandon that application" +
             application + " first";
    case EnrollmentState::kInReview:
      return "wait for the review's outcome, which is emailed to " +
             p.primary_contact.email;
    default:
      return "sign in to Partner Center with the account that enrolled it";
  }
}

}  // namespace

std::string EnrollmentStateInWords(const Partner& p) {
  switch (p.state) {
    case EnrollmentState::kPendingVerification:
      return "waiting for its primary contact " + p.primary_contact.email +
             " to verify by email";
    case EnrollmentState::kInReview:
      return "in review by Microsoft";
    case EnrollmentState::kApproved:
      return "approved";
    case EnrollmentState::kRejected:
      return "rejected";
    case EnrollmentState::kAbandoned:
      return "abandoned";
  }
  return "in an unknown state";
}

Status PartnerCenter::NotOpen(const Enrollment& en) const {
  if (en.step == EnrollmentStep::kAbandoned) {
    return Error(ErrorCode::kEnrollmentOutOfOrder,
                 "this enrollment was abandoned; start a new enrollment");
  }
  const Partner& p = store_.partners[en.partner.value() - 1];
  std::string next;
  switch (p.state) {
    case EnrollmentState::kPendingVerification:
      next =
          "resend the verification email, or abandon the application "
          "to start again";
      break;
    case EnrollmentState::kInReview:
      next = "wait for the review's outcome, which is emailed to " +
             p.primary_contact.email;
      break;
    case EnrollmentState::kApproved:
      next = "sign in to Partner Center";
      break;
    default:
      next =
          "it no longer holds its work account or MPN ID; start a new "
          "enrollment";
  }
  return Error(ErrorCode::kEnrollmentOutOfOrder,
               "this enrollment of " + p.legal_name + " was submitted and is " +
                   EnrollmentStateInWords(p) + "; " + next);
}

Status PartnerCenter::TenantFree(TenantId t) const {
  auto it = store_.partner_by_tenant.find(t);
  if (it == store_.partner_by_tenant.end()) return OkStatus();
  const Partner& p = store_.partners[it->second.value() - 1];
  if (!HoldsItsAccount(p)) return OkStatus();
  if (p.state == EnrollmentState::kApproved) {
    return Error(ErrorCode::kAlreadyEnrolled,
                 "this work account's organisation is already enrolled as " +
                     p.legal_name +
                     "; an enrolled CSP partner adds a reseller account from "
                     "its account settings");
  }
  return Error(ErrorCode::kEnrollmentPending,
               "this work account's organisation already has an application "
               "pending: " +
                   p.legal_name + " is " + EnrollmentStateInWords(p) + "; " +
                   NextStep(p));
}

Status PartnerCenter::MpnFree(MpnId mpn) const {
  auto it = store_.partner_by_mpn.find(mpn);
  if (it == store_.partner_by_mpn.end()) return OkStatus();
  const Partner& p = store_.partners[it->second.value() - 1];
  if (!HoldsItsAccount(p)) return OkStatus();
  const std::string id = "MPN ID " + std::to_string(mpn.value());
  if (p.state == EnrollmentState::kApproved) {
    return Error(ErrorCode::kMpnAlreadyEnrolled,
                 id + " already belongs to " + p.legal_name +
                     ", an enrolled partner; choose another profile");
  }
  return Error(ErrorCode::kEnrollmentPending,
               id + " is in a pending application: " + p.legal_name + " is " +
                   EnrollmentStateInWords(p) + "; " + NextStep(p));
}

Status PartnerCenter::RequireApplicant(const Session& s,
                                       const Enrollment& en) const {
  if (!en.tenant.valid()) return OkStatus();  // nothing is bound yet
  TIERSIM_ASSIGN_OR_RETURN(DirectoryUser u, RequireGlobalAdminOfTenant(s));
  if (u.tenant != en.tenant) {
    auto tenant = identity_.GetTenant(en.tenant);
    return Error(ErrorCode::kNotGlobalAdmin,
                 u.upn +
                     " is not a global admin of the work account that "
                     "applied (" +
                     (tenant.ok() ? tenant->domain : en.tenant.ToString()) +
                     "); only its global admins may change the application");
  }
  return OkStatus();
}

Status PartnerCenter::ResendVerification(const Session& s, EnrollmentId e) {
  PartnerId partner;
  Status status = [&]() -> Status {
    Enrollment* en = store_.enrollment(e);
    if (en == nullptr) {
      return Error(ErrorCode::kNotFound, e.ToString() + " does not exist");
    }
    TIERSIM_RETURN_IF_ERROR(RequireApplicant(s, *en));
    if (en->step == EnrollmentStep::kAbandoned) return NotOpen(*en);
    if (en->step != EnrollmentStep::kSubmitted) {
      return Error(ErrorCode::kEnrollmentOutOfOrder,
                   "this enrollment has not been submitted yet, so no "
                   "verification email was sent; finish it with Enroll now");
    }
    const Partner& p = *store_.partner(en->partner);
    partner = p.id;
    if (p.state != EnrollmentState::kPendingVerification) {
      return Error(ErrorCode::kFailedPrecondition,
                   "the enrollment of " + p.legal_name + " is " +
                       EnrollmentStateInWords(p) +
                       "; there is nothing left to verify");
    }
    if (en->resends >= kMaxVerificationResends) {
      return Error(ErrorCode::kFailedPrecondition,
                   "the verification email was already sent again " +
                       std::to_string(en->resends) + " times to " +
                       p.primary_contact.email +
                       "; if that address is wrong, abandon the application "
                       "and enroll with the right primary contact");
    }
    // The earlier links keep working until they expire: any one of them
    // verifies the application once.
    TIERSIM_RETURN_IF_ERROR(
        IssueInvitation(InvitationKind::kContactVerification, nullptr, p.id,
                        PartnerId(), p.primary_contact.email, {},
                        options_.verification_ttl)
            .status());
    ++en->resends;
    return OkStatus();
  }();
  Record("enrollment.resend_verification", Ref(), e,
         partner.valid() ? Ref(partner) : Ref(), status);
  return status;
}

Status PartnerCenter::AbandonEnrollment(const Session& s, EnrollmentId e) {
  PartnerId partner;
  std::string note;
  Status status = [&]() -> Status {
    Enrollment* en = store_.enrollment(e);
    if (en == nullptr) {
      return Error(ErrorCode::kNotFound, e.ToString() + " does not exist");
    }
    TIERSIM_RETURN_IF_ERROR(RequireApplicant(s, *en));
    if (en->step == EnrollmentStep::kAbandoned) {
      return Error(ErrorCode::kFailedPrecondition,
                   "this enrollment was already abandoned; start a new "
                   "enrollment");
    }
    if (en->step != EnrollmentStep::kSubmitted) {
      en->step = EnrollmentStep::kAbandoned;  // nothing was held yet
      return OkStatus();
    }
    Partner& p = *store_.partner(en->partner);
    partner = p.id;
    if (p.state == EnrollmentState::kInReview ||
        p.state == EnrollmentState::kApproved ||
        p.state == EnrollmentState::kAbandoned) {
      return Error(ErrorCode::kFailedPrecondition,
                   "the enrollment of " + p.legal_name + " is " +
                       EnrollmentStateInWords(p) + " and cannot be abandoned" +
                       (p.state == EnrollmentState::kInReview
                            ? "; its outcome will be emailed to " +
                                  p.primary_contact.email
                            : ""));
    }
    en->step = EnrollmentStep::kAbandoned;
    // A rejected application stays rejected (Microsoft's or the contact's
    // answer) and already freed what it held: abandoning it only tidies up.
    if (p.state == EnrollmentState::kRejected) return OkStatus();
    // Pending verification: the tenant and MPN ID are free from now on
    // (TenantFree, MpnFree); its verification links are dead.
    p.state = EnrollmentState::kAbandoned;
    Status mailed = SendMail(
        p.primary_contact.email,
        "Partner Center enrollment of " + p.legal_name + " abandoned",
        "The application to enroll " + p.legal_name +
            " was abandoned by the applicant. Its work account and MPN ID "
            "can be used for a new enrollment.\nStatus: Abandoned\n",
        {}, "enrollment-status");
    if (!mailed.ok()) note = "status email failed: " + mailed.message();
    return OkStatus();
  }();
  Record("enrollment.abandon", Ref(), e, partner.valid() ? Ref(partner) : Ref(),
         status, note);
  return status;
}

}  // namespace tiersim::sim
