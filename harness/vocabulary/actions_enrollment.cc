// F1 enrollment (and F1b) as the applicant's people perform it: the welcome
// page, the work account, the PMC sign-in, the MPN profile, the details,
// the contact's verification email, and account set-up after approval.
#include "harness/vocabulary/spec_helpers.h"
#include "harness/vocabulary/stage.h"

namespace tiersim::harness {
namespace {

namespace ops = sim::ops;
using spec::Enum;
using spec::Optional;
using ParamList = std::vector<ParamSpec>;

sim::Status NeedEnrollment(Stage::Character& c) {
  if (c.enrollment.valid()) return sim::OkStatus();
  return sim::Error(sim::ErrorCode::kScenarioError,
                    c.member->name +
                        " has not opened the enrollment's welcome page "
                        "(start_enrollment) yet");
}

sim::Status StartEnrollment(StepContext& ctx) {
  Stage::Character& c = ctx.actor();
  TIERSIM_ASSIGN_OR_RETURN(
      sim::EnrollmentView view,
      ctx.client().Call<ops::StartEnrollment>({c.member->program}));
  if (c.enrollment.valid()) c.earlier_enrollment = c.enrollment;
  c.enrollment = view.id;
  ctx.Detail(view.id.ToString() + ", " +
             std::to_string(view.requirements.size()) + " things needed");
  return sim::OkStatus();
}

sim::Status SignInWorkAccount(StepContext& ctx) {
  Stage::Character& c = ctx.actor();
  TIERSIM_RETURN_IF_ERROR(NeedEnrollment(c));
  const sim::Person& who =
      ctx.Has("as") ? ctx.Cast("as").actor.person() : c.actor.person();
  return ctx.client()
      .Call<ops::EnrollSignIn>(
          {c.enrollment, who.upn, ctx.Str("password", who.password)})
      .status();
}

sim::Status CreateWorkAccount(StepContext& ctx) {
  Stage::Character& c = ctx.actor();
  TIERSIM_RETURN_IF_ERROR(NeedEnrollment(c));
  const CastMember& m = *c.member;
  return ctx.client()
      .Call<ops::EnrollCreateWorkAccount>(
          {c.enrollment,
           {.organization = m.legal_name,
            .domain_prefix = ctx.Str("domain", m.domain),
            .country = ctx.Str("country", m.country),
            .admin_name = m.admin_name,
            .admin_password = m.password}})
      .status();
}

sim::Status SignInPmc(StepContext& ctx) {
  Stage::Character& c = ctx.actor();
  TIERSIM_RETURN_IF_ERROR(NeedEnrollment(c));
  TIERSIM_ASSIGN_OR_RETURN(
      c.listed_profiles, ctx.client().Call<ops::EnrollSignInPmc>(
                             {c.enrollment, ctx.Str("user", c.member->pmc_user),
                              ctx.Str("password", c.member->pmc_password)}));
  std::string listed;
  for (const sim::MpnProfile& p : c.listed_profiles) {
    listed += listed.empty() ? "" : ", ";
    listed += std::to_string(p.mpn.value()) + " (" + p.country +
              (p.active ? ")" : ", inactive)");
  }
  ctx.Detail("profiles: " + (listed.empty() ? "none" : listed));
  return sim::OkStatus();
}

sim::Status ChooseProfile(StepContext& ctx) {
  Stage::Character& c = ctx.actor();
  TIERSIM_RETURN_IF_ERROR(NeedEnrollment(c));
  std::int64_t mpn = c.member->mpn;
  if (mpn == 0 && !c.listed_profiles.empty()) {
    mpn = static_cast<std::int64_t>(c.listed_profiles.front().mpn.value());
  }
  mpn = ctx.Int("mpn", mpn);
  return ctx.client()
      .Call<ops::EnrollChooseProfile>(
          {c.enrollment, sim::MpnId(static_cast<std::uint64_t>(mpn))})
      .status();
}

sim::Status SubmitEnrollment(StepContext& ctx) {
  Stage::Character& c = ctx.actor();
  TIERSIM_RETURN_IF_ERROR(NeedEnrollment(c));
  const CastMember& m = *c.member;
  const std::string contact = ctx.Str("contact", c.contact_email);
  sim::EnrollmentDetails details{
      .legal_name = ctx.Str("legal_name", m.legal_name),
      .address = {.line1 = "1 Main Street",
                  .city = "Redmond",
                  .postal_code = "98052",
                  .country = m.country},
      .primary_contact = {.name = m.admin_name, .email = contact},
      .support_contact = {.name = m.admin_name + " (support)",
                          .email = contact}};
  TIERSIM_ASSIGN_OR_RETURN(
      c.partner, ctx.client().Call<ops::EnrollSubmit>({c.enrollment, details}));
  c.contact_email = contact;
  ctx.Detail(c.partner.ToString() + " pending verification by " + contact);
  return sim::OkStatus();
}

sim::Status VerifyContact(StepContext& ctx) {
  Stage::Character& c = ctx.actor();
  TIERSIM_ASSIGN_OR_RETURN(
      std::string link,
      c.actor.FollowLatestLink({"contact-verification"}, c.contact_email, {},
                               static_cast<int>(ctx.Int("nth", 1))));
  const bool me = ctx.Str("answer", "it_was_me") == "it_was_me";
  return ctx.client()
      .Call<ops::VerifyContact>({link, me ? sim::ContactAnswer::kItWasMe
                                          : sim::ContactAnswer::kNotMe})
      .status();
}

// The application a step names: the latest, or the one before it.
sim::Result<sim::EnrollmentId> Application(StepContext& ctx) {
  Stage::Character& c = ctx.actor();
  TIERSIM_RETURN_IF_ERROR(NeedEnrollment(c));
  if (ctx.Str("application", "latest") == "latest") return c.enrollment;
  if (!c.earlier_enrollment.valid()) {
    return sim::Error(sim::ErrorCode::kScenarioError,
                      c.member->name +
                          " has started only one enrollment; there is no "
                          "earlier application");
  }
  return c.earlier_enrollment;
}

// The applicant signs in with its work account's global admin for these.
sim::Status ResendVerification(StepContext& ctx) {
  TIERSIM_ASSIGN_OR_RETURN(sim::EnrollmentId e, Application(ctx));
  TIERSIM_ACTOR_SESSION(session, ctx);
  return ctx.client().Call<ops::ResendVerification>(session, {e}).status();
}

sim::Status AbandonEnrollment(StepContext& ctx) {
  TIERSIM_ASSIGN_OR_RETURN(sim::EnrollmentId e, Application(ctx));
  TIERSIM_ACTOR_SESSION(session, ctx);
  return ctx.client().Call<ops::AbandonEnrollment>(session, {e}).status();
}

sim::Status Enroll(StepContext& ctx) {
  TIERSIM_RETURN_IF_ERROR(StartEnrollment(ctx));
  TIERSIM_RETURN_IF_ERROR(ctx.actor().member->new_work_account
                              ? CreateWorkAccount(ctx)
                              : SignInWorkAccount(ctx));
  TIERSIM_RETURN_IF_ERROR(SignInPmc(ctx));
  TIERSIM_RETURN_IF_ERROR(ChooseProfile(ctx));
  TIERSIM_RETURN_IF_ERROR(SubmitEnrollment(ctx));
  TIERSIM_RETURN_IF_ERROR(VerifyContact(ctx));
  ctx.Detail(ctx.actor().partner.ToString() + " in review");
  return sim::OkStatus();
}

sim::Status CompleteAccountSetup(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  return ctx.client().Call<ops::CompleteAccountSetup>(session, {}).status();
}

sim::Status AddResellerAccount(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  Stage::Character& org = ctx.org();
  return ctx.client()
      .Call<ops::AddResellerAccount>(
          session, {{.name = org.member->admin_name + " (support)",
                     .email = ctx.Str("support_email", org.contact_email)}})
      .status();
}

}  // namespace

std::vector<ActionSpec> EnrollmentActions() {
  const ParamSpec password = Optional("password", ParamType::kString,
                                      "the password typed", "the person's own");
  const ParamSpec application =
      Enum("application", {"latest", "earlier"},
           "which of the applicant's enrollments: the latest started, or the "
           "one before it",
           "latest");
  return {
      {"start_enrollment", "F1",
       "Open the enrollment's welcome page (step 1), which lists what is "
       "needed",
       Actors::kApplicants, ParamList{}, StartEnrollment},
      {"sign_in_work_account", "F1/R5",
       "Sign in with the work account's global admin (step 2)",
       Actors::kApplicants,
       ParamList{Optional("as", ParamType::kCast,
                          "someone else signs in instead (R5: not a global "
                          "admin)",
                          "the applicant's global admin",
                          {CastRole::kUser, CastRole::kCustomer}),
                 password},
       SignInWorkAccount},
      {"create_work_account", "F1",
       "Create a work account: a new Azure AD tenant and its global admin "
       "(step 2)",
       Actors::kApplicants,
       ParamList{
           Optional("domain", ParamType::kString, "tenant domain prefix",
                    "the cast's domain"),
           Optional("country", ParamType::kString,
                    "tenant country (ISO alpha-2)", "the cast's country")},
       CreateWorkAccount},
      {"sign_in_pmc", "F1/R6",
       "Sign in to the Partner Membership Center (step 3); lists the "
       "organisation profiles",
       Actors::kApplicants,
       ParamList{Optional("user", ParamType::kString, "PMC user name",
                          "the cast's pmc_user"),
                 Optional("password", ParamType::kString, "PMC password",
                          "the cast's pmc_password")},
       SignInPmc},
      {"choose_profile", "F1/R2",
       "Pick the organisation profile whose MPN ID to link (step 4)",
       Actors::kApplicants,
       ParamList{Optional("mpn", ParamType::kInt, "the MPN ID",
                          "the cast's mpn, else the first listed")},
       ChooseProfile},
      {"submit_enrollment", "F1/R1",
       "Provide the legal business profile and contacts, then Enroll now "
       "(step 5)",
       Actors::kApplicants,
       ParamList{Optional("legal_name", ParamType::kString, "legal name",
                          "the cast's name"),
                 Optional("contact", ParamType::kString,
                          "primary contact email", "the cast's contact")},
       SubmitEnrollment},
      {"verify_contact", "F1/R3",
       "The primary contact opens the verification email and follows its "
       "link (step 6)",
       Actors::kApplicants,
       ParamList{Enum("answer", {"it_was_me", "not_me"},
                      "did they sign up for this?", "it_was_me"),
                 Optional("nth", ParamType::kInt,
                          "follow the nth newest verification email (1 = the "
                          "newest; 2 = the one a resend replaced)",
                          "1")},
       VerifyContact},
      {"resend_verification", "F1/R8",
       "Have a new verification email sent to the primary contact (while "
       "it has not verified)",
       Actors::kApplicants, ParamList{application}, ResendVerification},
      {"abandon_enrollment", "F1/R8",
       "Give up the application (not once in review or approved); its work "
       "account and MPN ID are free for a new enrollment",
       Actors::kApplicants, ParamList{application}, AbandonEnrollment},
      {"enroll", "F1",
       "Steps 1-6 in one go with the cast's data: welcome, work account, PMC, "
       "profile, details, verification",
       Actors::kApplicants, ParamList{}, Enroll},
      {"complete_account_setup", "F1/R7",
       "After approval: check the admin-agent group and add the Admin agent "
       "role (step 8)",
       Actors::kPartnerPeople, ParamList{}, CompleteAccountSetup},
      {"add_reseller_account", "F1b",
       "An enrolled CSP partner gets an indirect reseller account by giving "
       "support contact details",
       Actors::kPartnerPeople,
       ParamList{Optional("support_email", ParamType::kString,
                          "customer-support email", "the cast's contact")},
       AddResellerAccount},
  };
}

}  // namespace tiersim::harness
