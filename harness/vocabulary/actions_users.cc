// F10 and the roles (R40-R47) as people meet them: signing in (and the
// forced password change), adding users, the once-only temporary password,
// changing someone's roles.
#include "harness/vocabulary/spec_helpers.h"
#include "harness/vocabulary/stage.h"

namespace tiersim::harness {
namespace {

namespace ops = sim::ops;

using spec::Enum;
using spec::Optional;
using spec::Required;
using ParamList = std::vector<ParamSpec>;

constexpr char kTemporaryPassword[] = "{temporary}";

const std::vector<std::string> kAgentRoles = {"none", "admin_agent",
                                              "helpdesk_agent"};
const std::vector<std::string> kAdminRoles = {"none", "global_admin",
                                              "user_management_admin"};

// The password typed: the person's current one unless the step names one;
// "{temporary}" is the temporary password they were shown (R23).
sim::Result<std::string> TypedPassword(StepContext& ctx) {
  Stage::Character& c = ctx.actor();
  const std::string typed = ctx.Str("password", c.actor.person().password);
  if (typed != kTemporaryPassword) return typed;
  if (c.temporary_password.empty()) {
    return sim::Error(sim::ErrorCode::kScenarioError,
                      c.member->name +
                          " was shown no temporary password in this "
                          "scenario (add_user or add_customer shows one)");
  }
  return c.temporary_password;
}

sim::Status SignIn(StepContext& ctx) {
  sim::Actor& actor = ctx.actor().actor;
  TIERSIM_ASSIGN_OR_RETURN(const std::string password, TypedPassword(ctx));
  TIERSIM_ASSIGN_OR_RETURN(sim::SessionRef session, actor.SignIn(password));
  (void)session;
  ctx.Detail("signed in as " + actor.person().upn);
  return sim::OkStatus();
}

sim::Status ChangePassword(StepContext& ctx) {
  return ctx.actor().actor.ChangePassword(ctx.Str("new_password"));
}

sim::Status SignOut(StepContext& ctx) {
  ctx.actor().actor.SignOut();
  return sim::OkStatus();
}

sim::Status AddUser(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  Stage::Character& user = ctx.Cast("user");
  const CastMember& m = *user.member;
  if (m.of != ctx.actor().org) {
    return sim::Error(sim::ErrorCode::kScenarioError,
                      "the cast says " + m.name + " works for " + m.of +
                          ", but " + ctx.actor().member->name + " (of " +
                          ctx.actor().org + ") is adding them");
  }
  TIERSIM_ASSIGN_OR_RETURN(
      sim::NewUser added,
      ctx.client().Call<ops::AddUser>(session, {{.full_name = m.admin_name,
                                                 .email = m.email,
                                                 .agent = m.agent,
                                                 .admin = m.admin}}));
  // The confirmation shows the sign-in name and temporary password once;
  // the admin hands them over.
  TIERSIM_ASSIGN_OR_RETURN(
      std::string password,
      ctx.client().Call<ops::RevealPassword>(session, {added.password}));
  sim::Person& person = user.actor.person();
  person.upn = added.sign_in_name;
  person.password = password;
  person.next_password = m.password;
  user.temporary_password = password;
  user.user = added.id;
  user.partner = ctx.org().partner;
  user.tenant = ctx.org().tenant;
  user.secret = added.password;
  user.secret_holder = ctx.actor().member->name;
  ctx.Detail(added.id.ToString() + ", sign-in name " + added.sign_in_name);
  return sim::OkStatus();
}

sim::Status RevealPassword(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  Stage::Character& of = ctx.Cast("of");
  if (!of.secret) {
    return sim::Error(sim::ErrorCode::kScenarioError,
                      "no temporary password was issued for " +
                          of.member->name + " in this scenario");
  }
  TIERSIM_ASSIGN_OR_RETURN(
      std::string password,
      ctx.client().Call<ops::RevealPassword>(session, {*of.secret}));
  ctx.Detail("shown (" + std::to_string(password.size()) + " characters)");
  return sim::OkStatus();
}

sim::Status SetUserRoles(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  Stage::Character& user = ctx.Cast("user");
  return ctx.client()
      .Call<ops::SetUserRoles>(
          session, {user.user, *sim::ParseAgentRole(ctx.Str("agent", "none")),
                    *sim::ParseAdminRole(ctx.Str("admin", "none"))})
      .status();
}

}  // namespace

std::vector<ActionSpec> UserActions() {
  return {
      {"sign_in", "F10",
       "Sign in to Partner Center; a temporary password is refused until "
       "changed",
       Actors::kAnyone,
       ParamList{Optional("password", ParamType::kString,
                          "the password typed; \"{temporary}\" is the "
                          "temporary one shown at add_user/add_customer",
                          "the person's current one")},
       SignIn},
      {"change_password", "F10",
       "Change the password (forced at first sign-in)", Actors::kAnyone,
       ParamList{Optional("new_password", ParamType::kString, "the new one",
                          "the cast's password")},
       ChangePassword},
      {"sign_out", "F10", "Sign out; the next step signs in again",
       Actors::kAnyone, ParamList{}, SignOut},
      {"add_user", "F10/R43",
       "Account settings > User management > Add user (from the cast); "
       "shows the password once",
       Actors::kPartnerPeople,
       ParamList{Required("user", ParamType::kCast,
                          "the new user (cast role user, exists: false)",
                          spec::kUsers)},
       AddUser},
      {"reveal_password", "R23",
       "Ask to see a temporary password again (refused: shown once only)",
       Actors::kPartnerPeople,
       ParamList{Required("of", ParamType::kCast,
                          "the user or customer whose password was shown",
                          {CastRole::kUser, CastRole::kCustomer})},
       RevealPassword},
      {"set_user_roles", "F10/R44", "Change a user's agent and admin roles",
       Actors::kPartnerPeople,
       ParamList{Required("user", ParamType::kCast, "the user", spec::kUsers),
                 Enum("agent", kAgentRoles, "agent role", "none"),
                 Enum("admin", kAdminRoles, "admin role", "none")},
       SetUserRoles},
  };
}

}  // namespace tiersim::harness
