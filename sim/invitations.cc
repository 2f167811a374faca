// Personalised invitation links (R12): unguessable 128-bit tokens from the
// seeded Rng, bound to a sender and a purpose, single-use and expiring.
#include <algorithm>

#include "sim/email_address.h"
#include "sim/partner_center_internal.h"

namespace tiersim::sim {
namespace {

// Replaces every "{link}" in `text` with `link`.
std::string Substitute(std::string_view text, std::string_view link) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    const std::size_t at = text.find("{link}", pos);
    if (at == std::string_view::npos) break;
    out.append(text.substr(pos, at - pos));
    out.append(link);
    pos = at + 6;
  }
  out.append(text.substr(pos));
  return out;
}

std::string_view MailKind(InvitationKind k) {
  switch (k) {
    case InvitationKind::kContactVerification:
      return "contact-verification";
    case InvitationKind::kPartnership:
      return "partnership-invitation";
    case InvitationKind::kResellerRelationship:
      return "reseller-relationship";
    case InvitationKind::kJointRelationship:
      return "joint-invitation";
    case InvitationKind::kDelegatedAdmin:
      return "delegated-admin-request";
  }
  return "invitation";
}

}  // namespace

Result<SentInvitation> PartnerCenter::IssueInvitation(
    InvitationKind kind, const Actor* a, PartnerId sender, PartnerId co_sender,
    std::string_view recipient, std::string_view message, Duration ttl) {
  TIERSIM_RETURN_IF_ERROR(CheckEmail(recipient, "the recipient's email"));
  if (!message.empty() && message.find("{link}") == std::string_view::npos) {
    return Error(ErrorCode::kDraftLinkMissing,
                 "the edited email text must keep the personalised link; "
                 "put {link} where it should appear");
  }
  const Partner& from = *store_.partner(sender);
  std::string subject;
  std::string text;
  switch (kind) {
    case InvitationKind::kContactVerification:
      subject = "Verify your email for " + from.legal_name +
                "'s Partner Center enrollment";
      text = "Someone enrolled " + from.legal_name +
             " in the Microsoft Cloud Solution Provider program and named you "
             "as the primary contact.\nConfirm that it was you and that this "
             "address belongs to the organisation:\n{link}\n";
      break;
    case InvitationKind::kPartnership:
      subject = from.legal_name + " would like to be your indirect provider";
      text = from.legal_name +
             " invites you to a partnership as its indirect reseller in the "
             "Cloud Solution Provider program.\nTo accept, follow this link, "
             "sign in as a global admin, tick the box and choose Authorize "
             "indirect provider:\n{link}\n";
      break;
    case InvitationKind::kResellerRelationship:
      subject = from.legal_name + " requests to be your Microsoft reseller";
      text = from.legal_name +
             " would like to become your Cloud Solution Provider reseller and "
             "manage your Microsoft services, users and licenses.\nTo "
             "authorise it, follow this link and sign in as a global admin:\n"
             "{link}\n";
      break;
    case InvitationKind::kJointRelationship:
      subject = from.legal_name + " and " +
                store_.partner(co_sender)->legal_name +
                " invite you to be their customer";
      text = from.legal_name + " (reseller) and " +
             store_.partner(co_sender)->legal_name +
             " (indirect provider) invite you to authorise them as your "
             "resellers of record.\nFollow this link and sign in as a global "
             "admin:\n{link}\n";
      break;
    case InvitationKind::kDelegatedAdmin:
      subject = from.legal_name + " requests delegated admin privileges";
      text = from.legal_name +
             " asks for delegated admin privileges to administer your "
             "Microsoft services on your behalf (this does not make it your "
             "reseller).\nTo authorise it, follow this link and sign in as a "
             "global admin:\n{link}\n";
      break;
  }
  const Token token{kernel_.rng().Next(), kernel_.rng().Next()};
  const std::string link = LinkFor(token);
  const std::string body = Substitute(message.empty() ? text : message, link);
  TIERSIM_RETURN_IF_ERROR(SendMail(recipient, std::move(subject), body, {link},
                                   std::string(MailKind(kind))));
  const InvitationId id(store_.invitations.size() + 1);
  store_.invitations.push_back(Invitation{.id = id,
                                          .kind = kind,
                                          .sender = sender,
                                          .co_sender = co_sender,
                                          .sent_by = a ? a->user : UserId(),
                                          .recipient = AsciiLower(recipient),
                                          .token = token,
                                          .created_at = kernel_.Now(),
                                          .expires_at = kernel_.Now() + ttl});
  store_.invitation_by_token.emplace(token, id);
  return SentInvitation{id, link};
}

Result<Invitation*> PartnerCenter::OpenInvitation(
    std::string_view link, std::initializer_list<InvitationKind> expected) {
  std::string_view token_text = link;
  if (const auto slash = link.rfind('/'); slash != std::string_view::npos) {
    token_text = link.substr(slash + 1);
  }
  if (const auto q = token_text.find_first_of("?#");
      q != std::string_view::npos) {
    token_text = token_text.substr(0, q);
  }
  const auto token = Token::FromHex(token_text);
  auto it = token ? store_.invitation_by_token.find(*token)
                  : store_.invitation_by_token.end();
  if (it == store_.invitation_by_token.end()) {
    return Error(ErrorCode::kUnknownInvitation,
                 "the link '" + std::string(link) +
                     "' is not a valid Partner Center invitation link; use "
                     "the link exactly as it arrived in the email");
  }
  Invitation* inv = store_.invitation(it->second);
  if (std::find(expected.begin(), expected.end(), inv->kind) ==
      expected.end()) {
    return Error(ErrorCode::kInvitationWrongPurpose,
                 "this link is a " +
                     std::string(InvitationKindName(inv->kind)) + ", not a " +
                     std::string(InvitationKindName(*expected.begin())));
  }
  if (inv->used) {
    return Error(ErrorCode::kInvitationUsed,
                 "this " + std::string(InvitationKindName(inv->kind)) +
                     " link was already used on " +
                     FormatSimTime(inv->used_at) +
                     "; each link works once — ask the sender for a new one");
  }
  if (inv->withdrawn) {
    return Error(ErrorCode::kInvitationExpired,
                 "this " + std::string(InvitationKindName(inv->kind)) +
                     " link was withdrawn on " + FormatSimTime(inv->used_at) +
                     ", when the partnership it relied on ended; ask the "
                     "sender for a new one");
  }
  if (kernel_.Now() >= inv->expires_at) {
    std::string next = "; ask the sender for a new one";
    if (inv->kind == InvitationKind::kContactVerification) {
      const Partner& p = *store_.partner(inv->sender);
      next = p.state == EnrollmentState::kPendingVerification
                 ? "; the applicant can have a new verification email sent "
                   "from the enrollment (R8)"
                 : "; the enrollment of " + p.legal_name + " is " +
                       EnrollmentStateInWords(p);
    }
    return Error(ErrorCode::kInvitationExpired,
                 "this " + std::string(InvitationKindName(inv->kind)) +
                     " link expired on " + FormatSimTime(inv->expires_at) +
                     next);
  }
  return inv;
}

Result<std::vector<InvitationView>> PartnerCenter::SentInvitations(
    const Session& s) {
  TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
  std::vector<InvitationView> out;
  for (const Invitation& inv : store_.invitations) {
    if (inv.sender != a.partner) continue;
    out.push_back(InvitationView{inv.id, inv.kind, inv.recipient,
                                 LinkFor(inv.token), inv.expires_at, inv.used});
  }
  return out;
}

}  // namespace tiersim::sim
