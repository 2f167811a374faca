// F1 enrollment (and F1b): welcome, work-account sign-in, PMC sign-in,
// MPN profile, business profile, contact verification, review, set-up.
#include "sim/email_address.h"
#include "sim/partner_center_internal.h"

namespace tiersim::sim {
namespace {

const std::vector<std::string>& Requirements() {
  static const std::vector<std::string> list = {
      "Global admin credentials of your work account (Azure AD)",
      "Partner Membership Center (PMC) user name and password",
      "Legal business name and address",
      "Primary contact (not a consumer webmail address)",
      "Customer support email and phone",
  };
  return list;
}

Status OutOfOrder(std::string_view what, std::string_view expected) {
  return Error(ErrorCode::kEnrollmentOutOfOrder,
               std::string(what) + "; " + std::string(expected));
}

}  // namespace

Result<Enrollment*> PartnerCenter::OpenEnrollment(EnrollmentId e) {
  Enrollment* en = store_.enrollment(e);
  if (en == nullptr) {
    return Error(ErrorCode::kNotFound, e.ToString() + " does not exist");
  }
  if (en->step == EnrollmentStep::kSubmitted ||
      en->step == EnrollmentStep::kAbandoned) {
    return NotOpen(*en);
  }
  return en;
}

EnrollmentView PartnerCenter::StartEnrollment(Program program) {
  const EnrollmentId id(store_.enrollments.size() + 1);
  store_.enrollments.push_back(Enrollment{.id = id, .program = program});
  Record("enrollment.start", Ref(), id, Ref(), OkStatus(),
         std::string(ProgramName(program)));
  return *GetEnrollment(id);
}

Result<EnrollmentView> PartnerCenter::GetEnrollment(EnrollmentId e) const {
  const Enrollment* en = e.valid() && e.value() <= store_.enrollments.size()
                             ? &store_.enrollments[e.value() - 1]
                             : nullptr;
  if (en == nullptr) {
    return Error(ErrorCode::kNotFound, e.ToString() + " does not exist");
  }
  return EnrollmentView{en->id,  en->program, en->step,      en->profiles,
                        en->mpn, en->partner, Requirements()};
}

Status PartnerCenter::EnrollSignIn(EnrollmentId e, std::string_view upn,
                                   std::string_view password) {
  Status status = [&]() -> Status {
    TIERSIM_ASSIGN_OR_RETURN(Enrollment * en, OpenEnrollment(e));
    TIERSIM_ASSIGN_OR_RETURN(DirectoryUser u, identity_.SignIn(upn, password));
    if (u.role != DirectoryRole::kGlobalAdmin) {  // R5
      return Error(ErrorCode::kNotGlobalAdmin,
                   u.upn +
                       " is not a global admin of its work account; only "
                       "a global admin can enroll the organisation");
    }
    en->user = u.id;
    en->tenant = u.tenant;
    en->step = EnrollmentStep::kSignedIn;
    en->profiles.clear();
    en->mpn = MpnId();
    return OkStatus();
  }();
  Record("enrollment.sign_in", Ref(), e, Ref(), status, std::string(upn));
  return status;
}

Status PartnerCenter::EnrollCreateWorkAccount(EnrollmentId e,
                                              const WorkAccountSpec& spec) {
  Status status = [&]() -> Status {
    TIERSIM_ASSIGN_OR_RETURN(Enrollment * en, OpenEnrollment(e));
    if (spec.organization.empty() || spec.admin_name.empty()) {
      return Error(ErrorCode::kInvalidArgument,
                   "the organisation name and the admin's name are required");
    }
    TIERSIM_ASSIGN_OR_RETURN(
        NewTenant created,
        CreateTenantWithAdmin(spec.organization, spec.domain_prefix,
                              spec.country, spec.admin_name,
                              spec.admin_password, PasswordKind::kPermanent));
    en->user = created.admin;
    en->tenant = created.tenant;
    en->step = EnrollmentStep::kSignedIn;
    en->profiles.clear();
    en->mpn = MpnId();
    return OkStatus();
  }();
  Record("enrollment.create_work_account", Ref(), e, Ref(), status,
         spec.domain_prefix);
  return status;
}

Result<std::vector<MpnProfile>> PartnerCenter::EnrollSignInPmc(
    EnrollmentId e, std::string_view user_name, std::string_view password) {
  auto result = [&]() -> Result<std::vector<MpnProfile>> {
    TIERSIM_ASSIGN_OR_RETURN(Enrollment * en, OpenEnrollment(e));
    if (en->step == EnrollmentStep::kWelcome) {
      return OutOfOrder("no work account is signed in",
                        "sign in with the work account's global admin first");
    }
    // R6: a failed PMC sign-in leaves the earlier profile list in place.
    TIERSIM_ASSIGN_OR_RETURN(PmcAccountId account,
                             membership_.SignIn(user_name, password));
    TIERSIM_ASSIGN_OR_RETURN(std::vector<MpnProfile> profiles,
                             membership_.Profiles(account));
    en->pmc = account;
    en->profiles = profiles;
    en->mpn = MpnId();
    en->step = EnrollmentStep::kPmcSignedIn;
    return profiles;
  }();
  Record("enrollment.pmc_sign_in", Ref(), e, Ref(), result.status(),
         std::string(user_name));
  return result;
}

Status PartnerCenter::EnrollChooseProfile(EnrollmentId e, MpnId mpn) {
  Status status = [&]() -> Status {
    TIERSIM_ASSIGN_OR_RETURN(Enrollment * en, OpenEnrollment(e));
    if (en->step == EnrollmentStep::kWelcome ||
        en->step == EnrollmentStep::kSignedIn) {  // R6
      return Error(ErrorCode::kPmcSignInRequired,
                   "sign in to the Partner Membership Center before choosing "
                   "an organisation profile");
    }
    const MpnProfile* chosen = nullptr;
    for (const MpnProfile& p : en->profiles) {
      if (p.mpn == mpn) chosen = &p;
    }
    if (chosen == nullptr) {
      return Error(ErrorCode::kMpnNotListed,
                   "MPN ID " + std::to_string(mpn.value()) +
                       " is not listed for this PMC account; choose Cancel "
                       "and sign in to PMC with other credentials");
    }
    if (!chosen->active) {  // R2
      return Error(ErrorCode::kMpnProfileInactive,
                   "the organisation profile with MPN ID " +
                       std::to_string(mpn.value()) +
                       " is not active; choose an active profile");
    }
    TIERSIM_ASSIGN_OR_RETURN(TenantInfo tenant,
                             identity_.GetTenant(en->tenant));
    if (chosen->country != tenant.country) {  // R2
      return Error(ErrorCode::kMpnCountryMismatch,
                   "the profile with MPN ID " + std::to_string(mpn.value()) +
                       " is in " + chosen->country +
                       " but the Azure AD tenant is in " + tenant.country +
                       "; choose a profile in the tenant's country/region");
    }
    TIERSIM_RETURN_IF_ERROR(MpnFree(mpn));  // R8
    en->mpn = mpn;
    en->step = EnrollmentStep::kProfileChosen;
    return OkStatus();
  }();
  Record("enrollment.choose_profile", Ref(), e, mpn, status);
  return status;
}

Result<PartnerId> PartnerCenter::EnrollSubmit(
    EnrollmentId e, const EnrollmentDetails& details) {
  auto result = [&]() -> Result<PartnerId> {
    TIERSIM_ASSIGN_OR_RETURN(Enrollment * en, OpenEnrollment(e));
    if (en->step == EnrollmentStep::kWelcome ||
        en->step == EnrollmentStep::kSignedIn) {
      return Error(ErrorCode::kPmcSignInRequired,
                   "sign in to the Partner Membership Center and choose a "
                   "profile before enrolling");
    }
    if (en->step != EnrollmentStep::kProfileChosen) {
      return OutOfOrder("no organisation profile was chosen",
                        "choose the MPN profile, then Enroll now");
    }
    if (details.legal_name.empty()) {
      return Error(ErrorCode::kInvalidArgument,
                   "the legal business name is empty; it is required");
    }
    if (details.primary_contact.name.empty()) {
      return Error(ErrorCode::kInvalidArgument,
                   "the primary contact's name is empty; it is required");
    }
    TIERSIM_RETURN_IF_ERROR(
        CheckEmail(details.primary_contact.email, "the primary contact email"));
    if (const auto webmail =
            FindConsumerWebmail(details.primary_contact.email)) {  // R1
      return Error(ErrorCode::kConsumerEmailDomain,
                   "the primary contact email " +
                       details.primary_contact.email +
                       " is on a consumer webmail domain (" +
                       std::string(webmail->domain) + ", " +
                       std::string(webmail->service) +
                       "); use an address of the organisation");
    }
    TIERSIM_RETURN_IF_ERROR(CheckEmail(details.support_contact.email,
                                       "the customer support email"));
    TIERSIM_RETURN_IF_ERROR(TenantFree(en->tenant));  // R8
    TIERSIM_RETURN_IF_ERROR(MpnFree(en->mpn));
    TIERSIM_ASSIGN_OR_RETURN(TenantInfo tenant,
                             identity_.GetTenant(en->tenant));
    const PartnerId id(store_.partners.size() + 1);
    Partner p;
    p.id = id;
    p.tenant = en->tenant;
    p.mpn = en->mpn;
    p.domain = tenant.domain;
    p.country = tenant.country;
    p.provider = en->program == Program::kIndirectProvider;
    p.reseller = en->program == Program::kIndirectReseller;
    p.enrolled_by = en->user;
    p.enrollment = en->id;
    p.legal_name = details.legal_name;
    p.address = details.address;
    p.primary_contact = details.primary_contact;
    p.support_contact = details.support_contact;
    // F1 step 7: "so we can move this information to your Partner Center
    // account": the chosen profile's incentives, benefits, competencies.
    for (const MpnProfile& profile : en->profiles) {
      if (profile.mpn != en->mpn) continue;
      p.incentives = profile.incentives;
      p.benefits = profile.benefits;
      p.competencies = profile.competencies;
    }
    p.enrolled_at = kernel_.Now();
    // The partner must exist for the email's text; drop it if mail fails.
    store_.partners.push_back(std::move(p));
    auto sent = IssueInvitation(InvitationKind::kContactVerification, nullptr,
                                id, PartnerId(), details.primary_contact.email,
                                {}, options_.verification_ttl);
    if (!sent.ok()) {
      store_.partners.pop_back();
      return sent.status();
    }
    // A rejected or abandoned application's entries give way (R8).
    store_.partner_by_tenant.insert_or_assign(en->tenant, id);
    store_.partner_by_mpn.insert_or_assign(en->mpn, id);
    en->partner = id;
    en->step = EnrollmentStep::kSubmitted;
    return id;
  }();
  Record("enrollment.submit", Ref(), e, result.ok() ? Ref(*result) : Ref(),
         result.status(), details.legal_name);
  return result;
}

Status PartnerCenter::VerifyContact(std::string_view link,
                                    ContactAnswer answer) {
  PartnerId partner_id;
  std::string note = answer == ContactAnswer::kNotMe ? "not me" : "";
  Status status = [&]() -> Status {
    TIERSIM_ASSIGN_OR_RETURN(
        Invitation * inv,
        OpenInvitation(link, {InvitationKind::kContactVerification}));
    Partner& p = *store_.partner(inv->sender);
    partner_id = p.id;
    if (p.state != EnrollmentState::kPendingVerification) {  // R8
      return Error(ErrorCode::kFailedPrecondition,
                   "the enrollment of " + p.legal_name + " is " +
                       EnrollmentStateInWords(p) +
                       "; this verification link no longer applies");
    }
    inv->used = true;
    inv->used_at = kernel_.Now();
    if (answer == ContactAnswer::kNotMe) {
      p.state = EnrollmentState::kRejected;
      (void)SendMail(
          p.primary_contact.email,
          "Partner Center enrollment of " + p.legal_name + " cancelled",
          "You said you did not sign up. The enrollment of " + p.legal_name +
              " was cancelled.\nStatus: Rejected\n",
          {}, "enrollment-status");
      return OkStatus();
    }
    // R3: review starts only now; R4: it takes days of virtual time.
    p.state = EnrollmentState::kInReview;
    const Duration review =
        kernel_.rng().UniformDuration(options_.review_min, options_.review_max);
    const PartnerId id = p.id;
    kernel_.scheduler().ScheduleAfter(review, "enrollment review",
                                      [this, id] { FinishReview(id); });
    // The verification has taken effect; a lost status email does not undo
    // it (the journal notes it), as with the review's outcome email.
    Status mailed = SendMail(
        p.primary_contact.email,
        "Partner Center enrollment of " + p.legal_name + " is in review",
        "Thank you for verifying. Microsoft is reviewing the "
        "enrollment of " +
            p.legal_name + "; this takes several days.\nStatus: InReview\n",
        {}, "enrollment-status");
    if (!mailed.ok()) note = "status email failed: " + mailed.message();
    return OkStatus();
  }();
  Record("enrollment.verify_contact", Ref(), partner_id, Ref(), status, note);
  return status;
}

void PartnerCenter::FinishReview(PartnerId id) {
  Partner& p = *store_.partner(id);
  if (p.state != EnrollmentState::kInReview) return;
  const bool reject =
      kernel_.faults().Fire(fault_points::kReviewReject, p.domain).has_value();
  if (reject) {
    p.state = EnrollmentState::kRejected;
  } else {
    ActivatePartner(p, p.enrolled_by);
  }
  const std::string state(EnrollmentStateName(p.state));
  Status mailed = SendMail(
      p.primary_contact.email,
      "Partner Center enrollment of " + p.legal_name + ": " + state,
      reject ? "Microsoft could not approve the enrollment of " + p.legal_name +
                   ".\nStatus: Rejected\n"
             : "The enrollment of " + p.legal_name +
                   " was approved. Sign in to Partner Center and finish "
                   "account set-up (Admin agent role).\nStatus: Approved\n" +
                   options_.portal_url + "\n",
      {}, "enrollment-status");
  Record("enrollment.review", Ref(), id, Ref(), OkStatus(),
         state + (mailed.ok() ? "" : ", status email failed"));
}

void PartnerCenter::ActivatePartner(Partner& p, DirectoryUserId admin) {
  p.state = EnrollmentState::kApproved;
  if (p.provider && p.listing.company_name.empty()) {
    p.listing.company_name = p.legal_name;
    p.listing.targets.push_back({p.country, "https://" + p.domain});
  }
  if (admin.valid() && !store_.user_by_directory_user.contains(admin)) {
    auto dir = identity_.GetUser(admin);
    const UserId uid(store_.users.size() + 1);
    User u{uid,
           admin,
           p.id,
           dir.ok() ? dir->display_name : "Global admin",
           dir.ok() ? dir->upn : "",
           AgentRole::kNone,
           AdminRole::kGlobalAdmin};
    store_.user_by_email.emplace(AsciiLower(u.email), uid);
    store_.user_by_directory_user.emplace(admin, uid);
    store_.users.push_back(std::move(u));
    p.users.push_back(uid);
  }
  // F4: customers this organisation already served appear now.
  if (auto it = store_.pending_relationships.find(p.tenant);
      it != store_.pending_relationships.end()) {
    for (const Store::PendingRelationship& r : it->second) {
      AddRelationship(*store_.customer(r.customer), p.id, r.kind);
    }
    store_.pending_relationships.erase(it);
  }
}

Result<EnrollmentState> PartnerCenter::EnrollmentStatus(
    PartnerId partner) const {
  if (!partner.valid() || partner.value() > store_.partners.size()) {
    return Error(ErrorCode::kNotFound, partner.ToString() + " does not exist");
  }
  return store_.partners[partner.value() - 1].state;
}

Status PartnerCenter::CompleteAccountSetup(const Session& s) {
  Status status = [&]() -> Status {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kCompleteAccountSetup));
    // R7: the signed-in global admin joins the admin-agent group.
    User& u = *store_.user(a.user);
    u.agent = AgentRole::kAdminAgent;
    store_.partner(a.partner)->setup_complete = true;
    return OkStatus();
  }();
  Record("enrollment.complete_setup", s.directory_user(), Ref(), Ref(), status);
  return status;
}

Status PartnerCenter::AddResellerAccount(const Session& s,
                                         const Contact& support_contact) {
  Status status = [&]() -> Status {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kCompleteAccountSetup));
    Partner& p = *store_.partner(a.partner);
    if (p.reseller) {
      return Error(ErrorCode::kAlreadyEnrolled,
                   p.legal_name + " already has an indirect reseller account");
    }
    TIERSIM_RETURN_IF_ERROR(
        CheckEmail(support_contact.email, "the customer support email"));
    p.reseller = true;
    p.support_contact = support_contact;
    return OkStatus();
  }();
  Record("enrollment.add_reseller_account", s.directory_user(), Ref(), Ref(),
         status);
  return status;
}

}  // namespace tiersim::sim
