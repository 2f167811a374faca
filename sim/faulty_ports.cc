#include "sim/faulty_ports.h"

#include <memory>

namespace tiersim::sim {
namespace {

namespace fp = fault_points;

Status Unavailable(std::string_view service, std::string_view point) {
  return Error(ErrorCode::kUnavailable,
               std::string(service) + " is temporarily unavailable (fault '" +
                   std::string(point) + "'); try again later");
}

}  // namespace

Status FaultyMail::Send(Email email) {
  const std::string_view to =
      email.to.empty() ? std::string_view() : std::string_view(email.to[0]);
  Faults& faults = kernel_.faults();
  if (faults.Fire(fp::kMailReject, to)) {
    return Unavailable("The mail service", fp::kMailReject);
  }
  if (faults.Fire(fp::kMailDrop, to)) {
    kernel_.journal().Record(
        {.at = kernel_.Now(),
         .action = "fault.mail_drop",
         .outcome = ErrorCode::kOk,
         .note = email.subject + " -> " + std::string(to)});
    return OkStatus();
  }
  if (auto delay = faults.Fire(fp::kMailDelay, to)) {
    auto held = std::make_shared<Email>(std::move(email));
    kernel_.scheduler().ScheduleAfter(delay->delay, "delayed mail",
                                      [this, held] {
                                        held->sent_at = kernel_.Now();
                                        (void)inner_.Send(std::move(*held));
                                      });
    return OkStatus();
  }
  return inner_.Send(std::move(email));
}

Result<PmcAccountId> FaultyMembership::SignIn(std::string_view user_name,
                                              std::string_view password) {
  if (kernel_.faults().Fire(fp::kPmcUnavailable, user_name)) {
    return Unavailable("The Partner Membership Center", fp::kPmcUnavailable);
  }
  return inner_.SignIn(user_name, password);
}

Result<std::vector<MpnProfile>> FaultyMembership::Profiles(
    PmcAccountId account) {
  if (kernel_.faults().Fire(fp::kPmcUnavailable)) {
    return Unavailable("The Partner Membership Center", fp::kPmcUnavailable);
  }
  return inner_.Profiles(account);
}

Result<MpnProfile> FaultyMembership::Profile(MpnId mpn) {
  if (kernel_.faults().Fire(fp::kPmcUnavailable)) {
    return Unavailable("The Partner Membership Center", fp::kPmcUnavailable);
  }
  return inner_.Profile(mpn);
}

Result<TenantId> FaultyIdentity::CreateTenant(const TenantSpec& spec) {
  Faults& faults = kernel_.faults();
  if (faults.Fire(fp::kAadUnavailable, spec.domain)) {
    return Unavailable("Azure AD", fp::kAadUnavailable);
  }
  if (faults.Fire(fp::kAadCreateTenant, spec.domain)) {
    return Unavailable("Azure AD tenant creation", fp::kAadCreateTenant);
  }
  return inner_.CreateTenant(spec);
}

Result<DirectoryUserId> FaultyIdentity::CreateUser(
    TenantId tenant, const DirectoryUserSpec& spec) {
  Faults& faults = kernel_.faults();
  if (faults.Fire(fp::kAadUnavailable, spec.upn)) {
    return Unavailable("Azure AD", fp::kAadUnavailable);
  }
  if (faults.Fire(fp::kAadCreateUser, spec.upn)) {
    return Unavailable("Azure AD user creation", fp::kAadCreateUser);
  }
  return inner_.CreateUser(tenant, spec);
}

Result<DirectoryUser> FaultyIdentity::SignIn(std::string_view upn,
                                             std::string_view password) {
  if (kernel_.faults().Fire(fp::kAadUnavailable, upn)) {
    return Unavailable("Azure AD", fp::kAadUnavailable);
  }
  return inner_.SignIn(upn, password);
}

Status FaultyIdentity::ChangePassword(std::string_view upn,
                                      std::string_view current_password,
                                      std::string_view new_password) {
  if (kernel_.faults().Fire(fp::kAadUnavailable, upn)) {
    return Unavailable("Azure AD", fp::kAadUnavailable);
  }
  return inner_.ChangePassword(upn, current_password, new_password);
}

}  // namespace tiersim::sim
