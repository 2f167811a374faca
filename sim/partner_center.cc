// PartnerCenter: construction and the internals every flow shares: who is
// acting and what they may do, the journal, one-time secrets, outgoing mail.
#include "sim/partner_center.h"

#include "sim/email_address.h"
#include "sim/partner_center_internal.h"
#include "sim/text.h"

namespace tiersim::sim {

std::string_view ProgramName(Program p) {
  return p == Program::kIndirectProvider ? "indirect provider"
                                         : "indirect reseller";
}

std::string_view EnrollmentStateName(EnrollmentState s) {
  switch (s) {
    case EnrollmentState::kPendingVerification:
      return "PendingVerification";
    case EnrollmentState::kInReview:
      return "InReview";
    case EnrollmentState::kApproved:
      return "Approved";
    case EnrollmentState::kRejected:
      return "Rejected";
    case EnrollmentState::kAbandoned:
      return "Abandoned";
  }
  return "?";
}

std::string_view InvitationKindName(InvitationKind k) {
  switch (k) {
    case InvitationKind::kContactVerification:
      return "contact verification";
    case InvitationKind::kPartnership:
      return "partnership request";
    case InvitationKind::kResellerRelationship:
      return "reseller relationship request";
    case InvitationKind::kJointRelationship:
      return "joint reseller and provider invitation";
    case InvitationKind::kDelegatedAdmin:
      return "delegated admin request";
  }
  return "?";
}

std::string Token::ToHex() const {
  // By hand: snprintf was an eighth of an invitation round trip's work.
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 0; i < 16; ++i) {
    out[15 - i] = kDigits[(hi >> (4 * i)) & 0xf];
    out[31 - i] = kDigits[(lo >> (4 * i)) & 0xf];
  }
  return out;
}

std::optional<Token> Token::FromHex(std::string_view hex) {
  if (hex.size() != 32) return std::nullopt;
  Token t;
  for (std::size_t i = 0; i < 32; ++i) {
    const char c = hex[i];
    const int v = HexDigitValue(c);
    if (v < 0) return std::nullopt;
    std::uint64_t& word = i < 16 ? t.hi : t.lo;
    word = (word << 4) | static_cast<std::uint64_t>(v);
  }
  return t;
}

PartnerCenter::PartnerCenter(Kernel& kernel, IdentityPort& identity,
                             MembershipPort& membership, MailPort& mail,
                             Catalog catalog, PartnerCenterOptions options)
    : kernel_(kernel),
      identity_(identity),
      membership_(membership),
      mail_(mail),
      catalog_(std::move(catalog)),
      options_(std::move(options)) {}

PartnerCenter::~PartnerCenter() = default;

PartnerCenter::Counts PartnerCenter::counts() const {
  return Counts{store_.partners.size(),        store_.users.size(),
                store_.customers.size(),       store_.subscriptions.size(),
                store_.orders.size(),          store_.invitations.size(),
                store_.drafts.size(),          store_.secrets.size(),
                store_.support_requests.size()};
}

void PartnerCenter::Record(std::string_view action, Ref actor, Ref subject,
                           Ref object, const Status& outcome,
                           std::string note) {
  kernel_.journal().Record(
      JournalEntry{.at = kernel_.Now(),
                   .action = action,
                   .actor = actor,
                   .subject = subject,
                   .object = object,
                   .outcome = outcome.code(),
                   .note = outcome.ok() ? std::move(note) : outcome.message()});
}

Result<PartnerCenter::Actor> PartnerCenter::ResolveActor(const Session& s) {
  auto it = store_.user_by_directory_user.find(s.directory_user());
  if (it == store_.user_by_directory_user.end()) {
    auto p = store_.partner_by_tenant.find(s.tenant());
    if (p != store_.partner_by_tenant.end()) {
      const Partner& partner = *store_.partner(p->second);
      return Error(ErrorCode::kPartnerNotActive,
                   "the partner account of '" + partner.legal_name +
                       "' is not active: its enrollment is " +
                       EnrollmentStateInWords(partner) + " (state " +
                       std::string(EnrollmentStateName(partner.state)) + ")");
    }
    return Error(ErrorCode::kPermissionDenied,
                 "the signed-in account is not a Partner Center user of an "
                 "enrolled partner");
  }
  const User& u = *store_.user(it->second);
  const Partner& p = *store_.partner(u.partner);
  TIERSIM_RETURN_IF_ERROR(RequireActivePartner(p));
  return Actor{u.id, u.partner, u.directory_user, u.agent, u.admin};
}

std::string PartnerCenter::NameOf(PartnerId p) const {
  if (!p.valid() || p.value() > store_.partners.size()) {
    return p.ToString() + " (no such partner)";
  }
  return store_.partners[p.value() - 1].legal_name;
}

Status PartnerCenter::RequireActivePartner(const Partner& p) const {
  if (p.state != EnrollmentState::kApproved) {
    return Error(ErrorCode::kPartnerNotActive,
                 "'" + p.legal_name +
                     "' is not an approved CSP partner (enrollment state " +
                     std::string(EnrollmentStateName(p.state)) + ")");
  }
  return OkStatus();
}

Status PartnerCenter::Require(const Actor& a, Permission p) const {
  if (Allows(a.agent, a.admin, p)) return OkStatus();
  // R47: name the missing permission and who has it.
  return Error(ErrorCode::kPermissionDenied,
               store_.users[a.user.value() - 1].email + " (" +
                   std::string(AgentRoleName(a.agent)) + ", " +
                   std::string(AdminRoleName(a.admin)) + ") lacks the '" +
                   std::string(Info(p).name) + "' permission; it needs " +
                   RolesGranting(p));
}

Result<DirectoryUser> PartnerCenter::RequireGlobalAdminOfTenant(
    const Session& s) const {
  TIERSIM_ASSIGN_OR_RETURN(DirectoryUser u,
                           identity_.GetUser(s.directory_user()));
  if (u.role != DirectoryRole::kGlobalAdmin) {
    return Error(ErrorCode::kNotGlobalAdmin,
                 u.upn +
                     " is not a global admin of its organisation's "
                     "Azure AD tenant; sign in with a global admin");
  }
  return u;
}

Result<PartnerCenter::NewTenant> PartnerCenter::CreateTenantWithAdmin(
    std::string_view display_name, std::string_view domain_prefix,
    std::string_view country, std::string_view admin_name,
    std::string_view password, PasswordKind kind) {
  const std::string domain = AsciiLower(domain_prefix) + ".onmicrosoft.com";
  TIERSIM_ASSIGN_OR_RETURN(
      TenantId tenant,
      identity_.CreateTenant({.display_name = std::string(display_name),
                              .domain = domain,
                              .country = std::string(country)}));
  std::string upn = "admin@" + domain;
  auto admin =
      identity_.CreateUser(tenant, {.upn = upn,
                                    .display_name = std::string(admin_name),
                                    .password = std::string(password),
                                    .password_kind = kind,
                                    .role = DirectoryRole::kGlobalAdmin});
  if (!admin.ok()) {
    (void)identity_.DeleteTenant(tenant);
    return admin.status();
  }
  return NewTenant{tenant, *admin, std::move(upn)};
}

SecretId PartnerCenter::StoreSecret(UserId owner, std::string value) {
  store_.secret_owners.push_back(owner);
  const SecretId id(store_.secret_owners.size());
  store_.secrets.emplace(id, std::move(value));
  return id;
}

std::string PartnerCenter::NewTemporaryPassword() {
  // Twelve letters and digits, then one of each class, so the result always
  // meets the Azure AD policy. 71+ bits from the seeded Rng.
  Rng& rng = kernel_.rng();
  std::string pw = rng.String(
      12, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789");
  pw += rng.String(1, "ABCDEFGHJKLMNPQRSTUVWXYZ");
  pw += rng.String(1, "abcdefghijkmnopqrstuvwxyz");
  pw += rng.String(1, "23456789");
  pw += rng.String(1, "!#$%&*+-=?@");
  return pw;
}

Status PartnerCenter::SendMail(std::string_view to, std::string subject,
                               std::string text, std::vector<std::string> links,
                               std::string kind) {
  Email email;
  email.from = options_.sender;
  email.to.emplace_back(to);
  email.subject = std::move(subject);
  email.text = std::move(text);
  email.links = std::move(links);
  email.kind = std::move(kind);
  email.sent_at = kernel_.Now();
  return mail_.Send(std::move(email));
}

std::string PartnerCenter::LinkFor(const Token& t) const {
  return options_.portal_url + "/invitations/" + t.ToHex();
}

PartnerSummary PartnerCenter::Summarize(const Partner& p) const {
  return PartnerSummary{p.id,     p.legal_name, p.mpn,      p.country,
                        p.domain, p.provider,   p.reseller, p.state};
}

}  // namespace tiersim::sim
