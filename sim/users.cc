// Sign-in, users and roles (F10, R23, R40-R45).
#include "sim/email_address.h"
#include "sim/partner_center_internal.h"

namespace tiersim::sim {

Result<Session> PartnerCenter::SignIn(std::string_view upn,
                                      std::string_view password) {
  auto user = identity_.SignIn(upn, password);
  if (!user.ok()) {
    RecordFailedCredential("user.sign_in", user.status(), upn);
    return user.status();
  }
  Record("user.sign_in", Ref(), Ref(), Ref(), user.status(), std::string(upn));
  return Session(user->id, user->tenant);
}

Result<Session> PartnerCenter::ResumeSession(DirectoryUserId user,
                                             std::string_view upn) {
  auto found = identity_.GetUser(user);
  if (!found.ok() || !EqualsIgnoreCase(found->upn, upn)) {
    return Error(ErrorCode::kNotFound,
                 "the signed-in user " + user.ToString() + " no longer exists");
  }
  return Session(found->id, found->tenant);
}

Status PartnerCenter::ChangePassword(std::string_view upn,
                                     std::string_view current,
                                     std::string_view new_password) {
  Status s = identity_.ChangePassword(upn, current, new_password);
  if (s.ok()) {
    Record("user.change_password", Ref(), Ref(), Ref(), s, std::string(upn));
  } else {
    RecordFailedCredential("user.change_password", s, upn);
  }
  return s;
}

void PartnerCenter::RecordFailedCredential(std::string_view action,
                                           const Status& outcome,
                                           std::string_view upn) {
  if (++failed_sign_ins_ <= kMaxJournaledFailedSignIns) {
    Record(action, Ref(), Ref(), Ref(), outcome, std::string(upn));
  } else if (failed_sign_ins_ == kMaxJournaledFailedSignIns + 1) {
    Record("user.sign_in.not_journaled", Ref(), Ref(), Ref(), OkStatus(),
           "more than " + std::to_string(kMaxJournaledFailedSignIns) +
               " failed sign-ins and password changes: later ones are "
               "counted, not journaled");
  }
}

Result<NewUser> PartnerCenter::AddUser(const Session& s, const UserSpec& spec) {
  auto result = [&]() -> Result<NewUser> {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kManageUsers));
    if (spec.admin == AdminRole::kGlobalAdmin) {  // R48
      TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kManageGlobalAdmins));
    }
    // Seed 000, step 9: "to finish setting up your account, including
    // adding other users, you must have admin agent permissions" (R7).
    if (const Partner& p = *store_.partner(a.partner); !p.setup_complete) {
      return Error(ErrorCode::kAccountSetupIncomplete,
                   p.legal_name +
                       " has not finished account set-up; adding other users "
                       "is part of it, after the Admin agent role is checked "
                       "(complete account set-up first)");
    }
    if (spec.full_name.empty()) {
      return Error(ErrorCode::kInvalidArgument,
                   "the new user's full name is empty; a name is required");
    }
    TIERSIM_RETURN_IF_ERROR(CheckEmail(spec.email, "the new user's email"));
    const std::string key = AsciiLower(spec.email);
    if (store_.user_by_email.contains(key)) {
      return Error(ErrorCode::kDuplicateEmail,
                   "a user with the email " + spec.email +
                       " already exists; every user needs a unique email");
    }
    const Partner& p = *store_.partner(a.partner);
    std::string password = NewTemporaryPassword();
    TIERSIM_ASSIGN_OR_RETURN(
        DirectoryUserId dir,
        identity_.CreateUser(p.tenant,
                             {.upn = spec.email,
                              .display_name = spec.full_name,
                              .password = password,
                              .password_kind = PasswordKind::kTemporary,
                              .role = spec.admin == AdminRole::kGlobalAdmin
                                          ? DirectoryRole::kGlobalAdmin
                                          : DirectoryRole::kMember}));
    // R30: the welcome email carries the sign-in name, never the password.
    Status mailed = SendMail(
        spec.email, "Your Partner Center account at " + p.legal_name,
        "Hello " + spec.full_name + ",\n\nAn account was created for you in " +
            p.legal_name + "'s Partner Center.\nSign-in name: " + spec.email +
            "\nYour administrator will give you a temporary password; you "
            "must change it at first sign-in.\n" +
            options_.portal_url + "\n",
        {options_.portal_url}, "user-welcome");
    if (!mailed.ok()) {
      (void)identity_.DeleteUser(dir);
      return mailed;
    }
    const UserId id(store_.users.size() + 1);
    store_.users.push_back(User{id, dir, a.partner, spec.full_name, spec.email,
                                spec.agent, spec.admin});
    store_.user_by_directory_user.emplace(dir, id);
    store_.user_by_email.emplace(key, id);
    store_.partner(a.partner)->users.push_back(id);
    return NewUser{id, spec.email, StoreSecret(a.user, std::move(password))};
  }();
  Record("user.add", s.directory_user(), result.ok() ? Ref(result->id) : Ref(),
         Ref(), result.status(), spec.email);
  return result;
}

Status PartnerCenter::SetUserRoles(const Session& s, UserId user_id,
                                   AgentRole agent, AdminRole admin) {
  Status status = [&]() -> Status {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kManageUsers));
    User* u = store_.user(user_id);
    if (u == nullptr || u->partner != a.partner) {
      return Error(ErrorCode::kNotFound,
                   user_id.ToString() + " is not a user of your organisation");
    }
    const bool was_global = u->admin == AdminRole::kGlobalAdmin;
    const bool will_be_global = admin == AdminRole::kGlobalAdmin;
    if (was_global != will_be_global) {
      // R48: only a Global admin grants or removes Global admin (as in
      // Azure AD), so a User management admin cannot raise itself or
      // anyone else.
      TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kManageGlobalAdmins));
    }
    if (was_global && !will_be_global) {
      int global_admins = 0;
      for (UserId other : store_.partner(a.partner)->users) {
        if (store_.user(other)->admin == AdminRole::kGlobalAdmin) {
          ++global_admins;
        }
      }
      if (global_admins <= 1) {
        return Error(ErrorCode::kFailedPrecondition,
                     u->email +
                         " is the organisation's last Global admin; "
                         "make someone else Global admin first");
      }
    }
    if (was_global != will_be_global) {
      TIERSIM_RETURN_IF_ERROR(identity_.SetRole(
          u->directory_user, will_be_global ? DirectoryRole::kGlobalAdmin
                                            : DirectoryRole::kMember));
    }
    u->agent = agent;
    u->admin = admin;
    return OkStatus();
  }();
  Record("user.set_roles", s.directory_user(), user_id, Ref(), status,
         std::string(AgentRoleName(agent)) + ", " +
             std::string(AdminRoleName(admin)));
  return status;
}

Result<std::vector<UserView>> PartnerCenter::Users(const Session& s) {
  TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
  TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kManageUsers));
  std::vector<UserView> out;
  for (UserId id : store_.partner(a.partner)->users) {
    const User& u = *store_.user(id);
    out.push_back(UserView{u.id, u.full_name, u.email, u.agent, u.admin});
  }
  return out;
}

Result<std::string> PartnerCenter::RevealPassword(const Session& s,
                                                  SecretId secret) {
  auto result = [&]() -> Result<std::string> {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    const auto& owners = store_.secret_owners;
    if (!secret.valid() || secret.value() > owners.size() ||
        owners[secret.value() - 1] != a.user) {
      return Error(
          ErrorCode::kNotFound,
          "no temporary password " + secret.ToString() + " was issued to you");
    }
    auto it = store_.secrets.find(secret);
    if (it == store_.secrets.end()) {
      return Error(ErrorCode::kSecretAlreadyShown,
                   "the temporary password was shown once already and "
                   "cannot be shown again; reset the password instead");
    }
    std::string value = std::move(it->second);
    store_.secrets.erase(it);
    return value;
  }();
  Record("secret.reveal", s.directory_user(), secret, Ref(), result.status());
  return result;
}

Result<std::vector<Section>> PartnerCenter::Navigation(const Session& s) {
  TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
  return VisibleSections(a.agent, a.admin);
}

Result<UserView> PartnerCenter::Me(const Session& s) {
  TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
  const User& u = *store_.user(a.user);
  return UserView{u.id, u.full_name, u.email, u.agent, u.admin};
}

}  // namespace tiersim::sim
