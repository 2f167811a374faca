// F2-F6 as people perform them: the provider listing, partnership requests
// and their acceptance, reseller-relationship and joint invitations to
// customers, and the admin access those relationships grant (R13, R46).
// Following a link means opening the newest email of the right kind in the
// person's mailbox (or someone else's, to try a foreign link: R12).
#include "harness/vocabulary/spec_helpers.h"
#include "harness/vocabulary/stage.h"

namespace tiersim::harness {
namespace {

namespace ops = sim::ops;

using spec::Enum;
using spec::Optional;
using spec::Required;
using ParamList = std::vector<ParamSpec>;

constexpr std::string_view kPartnershipMail = "partnership-invitation";
constexpr std::string_view kRelationshipMail = "reseller-relationship";
constexpr std::string_view kJointMail = "joint-invitation";
constexpr std::string_view kDelegatedAdminMail = "delegated-admin-request";

// The link the actor follows: a literal one, the one opened by open_email,
// or the newest of `kinds` in the actor's (or link_from's) mailbox.
sim::Result<std::string> LinkToFollow(
    StepContext& ctx, const std::vector<std::string_view>& kinds) {
  Stage::Character& c = ctx.actor();
  if (ctx.Has("link")) return ctx.Str("link");
  if (!ctx.Has("link_from") && !c.opened_link.empty()) {
    return std::exchange(c.opened_link, std::string());
  }
  const std::string mailbox =
      ctx.Has("link_from") ? ctx.Cast("link_from").actor.person().upn : "";
  return c.actor.FollowLatestLink(kinds, mailbox);
}

// Where an invitation goes: the "email" given, else the invitee's sign-in
// address (the cast member named by `invitee`).
std::string InviteeEmail(StepContext& ctx, std::string_view invitee) {
  return ctx.Has("email") ? ctx.Str("email")
                          : ctx.Cast(invitee).actor.person().upn;
}

sim::Consent Ticked(StepContext& ctx) {
  return ctx.Bool("tick", true) ? sim::Consent::kGiven
                                : sim::Consent::kNotGiven;
}

sim::Status OpenEmail(StepContext& ctx) {
  Stage::Character& c = ctx.actor();
  std::vector<std::string_view> kinds;
  const std::string kind = ctx.Str("kind");
  if (!kind.empty()) kinds.push_back(kind);
  std::string mailbox;
  if (ctx.Has("mailbox_of"))
    mailbox = ctx.Cast("mailbox_of").actor.person().upn;
  if (ctx.Has("contact_of")) mailbox = ctx.Cast("contact_of").contact_email;
  TIERSIM_ASSIGN_OR_RETURN(
      c.opened_link,
      c.actor.FollowLatestLink(kinds, mailbox, ctx.Str("query"),
                               static_cast<int>(ctx.Int("nth", 1))));
  ctx.Detail("link " + c.opened_link);
  return sim::OkStatus();
}

sim::Status RequestPartnership(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  const std::string email = InviteeEmail(ctx, "reseller");
  TIERSIM_ASSIGN_OR_RETURN(sim::SentInvitation sent,
                           ctx.client().Call<ops::RequestPartnership>(
                               session, {email, ctx.Str("message")}));
  ctx.Detail(sent.id.ToString() + " emailed to " + email);
  return sim::OkStatus();
}

sim::Status AcceptPartnership(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(std::string link,
                           LinkToFollow(ctx, {kPartnershipMail}));
  TIERSIM_ASSIGN_OR_RETURN(
      sim::PartnerId provider,
      ctx.client().Call<ops::AcceptPartnership>(session, {link, Ticked(ctx)}));
  ctx.Detail("authorized " + ctx.stage().PartnerName(provider));
  return sim::OkStatus();
}

sim::Status AdministerResellerTenant(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(sim::TenantId tenant,
                           ctx.client().Call<ops::AdministerReseller>(
                               session, {ctx.Cast("reseller").partner}));
  ctx.Detail("opened " + tenant.ToString());
  return sim::OkStatus();
}

sim::Status EndPartnership(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  return ctx.client()
      .Call<ops::EndPartnership>(session, {ctx.Cast("with").partner})
      .status();
}

// An email with a personal link to the customer: `Op` says what it asks
// for (a reseller relationship, delegated admin privileges).
template <typename Op>
sim::Status EmailCustomer(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  const std::string email = InviteeEmail(ctx, "customer");
  TIERSIM_ASSIGN_OR_RETURN(
      sim::SentInvitation sent,
      ctx.client().Call<Op>(session, {email, ctx.Str("message")}));
  ctx.Detail(sent.id.ToString() + " emailed to " + email);
  return sim::OkStatus();
}

sim::Status InviteCustomerWithProvider(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  const std::string email = InviteeEmail(ctx, "customer");
  TIERSIM_ASSIGN_OR_RETURN(
      sim::SentInvitation sent,
      ctx.client().Call<ops::InviteJointly>(
          session, {ctx.Cast("provider").partner, email, ctx.Str("message")}));
  ctx.Detail(sent.id.ToString() + " emailed to " + email);
  return sim::OkStatus();
}

sim::Status AcceptResellerInvitation(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  const std::string which = ctx.Str("invitation");
  std::vector<std::string_view> kinds = {kRelationshipMail, kJointMail,
                                         kDelegatedAdminMail};
  if (which == "reseller") kinds = {kRelationshipMail};
  if (which == "joint") kinds = {kJointMail};
  if (which == "delegated_admin") kinds = {kDelegatedAdminMail};
  TIERSIM_ASSIGN_OR_RETURN(std::string link, LinkToFollow(ctx, kinds));
  TIERSIM_ASSIGN_OR_RETURN(sim::CustomerId customer,
                           ctx.client().Call<ops::AcceptCustomerInvitation>(
                               session, {link, Ticked(ctx)}));
  ctx.stage().NameCustomer(ctx.actor().org, customer);
  ctx.Detail("authorized; " + customer.ToString());
  return sim::OkStatus();
}

sim::Status AdministerCustomer(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(sim::TenantId tenant,
                           ctx.client().Call<ops::AdministerCustomer>(
                               session, {ctx.Cast("customer").customer}));
  ctx.Detail("opened " + tenant.ToString());
  return sim::OkStatus();
}

sim::Status EndResellerRelationship(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  return ctx.client()
      .Call<ops::EndCustomerRelationship>(session,
                                          {ctx.Cast("customer").customer})
      .status();
}

// The customer's side: its admin removes a partner on Partner relationships.
sim::Status RemovePartnerRelationship(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  return ctx.client()
      .Call<ops::RemovePartnerRelationship>(session,
                                            {ctx.Cast("partner").partner})
      .status();
}

sim::Status RequestListingChange(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  sim::ListingChange change{.company_name = ctx.Str("company_name"),
                            .logo_url = ctx.Str("logo_url")};
  if (ctx.Has("url")) {
    change.targets.push_back(
        {.location = ctx.Str("location", "US"), .url = ctx.Str("url")});
  }
  for (sim::LocationTarget& t : ctx.Targets("target_urls")) {
    change.targets.push_back(std::move(t));
  }
  TIERSIM_ASSIGN_OR_RETURN(
      sim::SupportRequestId id,
      ctx.client().Call<ops::RequestListingChange>(session, {change}));
  ctx.Detail("support request " + id.ToString());
  return sim::OkStatus();
}

const ParamSpec kLink = Optional("link", ParamType::kString,
                                 "a literal link to follow (a guessed one)",
                                 "the newest invitation email's");
const ParamSpec kLinkFrom =
    Optional("link_from", ParamType::kCast,
             "take the link from this cast member's mailbox (R12: foreign)",
             "the actor's own mailbox");
const ParamSpec kTick =
    Optional("tick", ParamType::kBool, "tick the authorisation box", "true");
const ParamSpec kMessage =
    Optional("message", ParamType::kString,
             "edited email text; must keep {link}", "the default text");

}  // namespace

std::vector<ActionSpec> PartnershipActions() {
  return {
      {"remove_partner_relationship", "R14",
       "The customer's admin removes a partner (reseller or delegated "
       "admin) on its Partner relationships page; the partner is emailed",
       Actors::kCustomers,
       ParamList{Required("partner", ParamType::kCast, "the partner to remove",
                          spec::kPartners)},
       RemovePartnerRelationship},
      {"request_listing_change", "F2/R27",
       "File a support request to change the provider's listing; live 2-3 "
       "weeks later",
       Actors::kPartnerPeople,
       ParamList{
           Optional("company_name", ParamType::kString, "new name",
                    "unchanged"),
           Optional("logo_url", ParamType::kString, "new logo", "unchanged"),
           Optional("location", ParamType::kString,
                    "location of the target URL", "US"),
           Optional("url", ParamType::kString, "target URL there", "unchanged"),
           Optional("target_urls", ParamType::kLocationUrls,
                    "a target URL for each of several locations, in one "
                    "request: {\"US\": \"https://...\", \"DE\": ...}",
                    "none")},
       RequestListingChange},
      {"open_email", "F3-F5",
       "Open the newest email (of a kind) and keep its link for the next "
       "accept step",
       Actors::kAnyone,
       ParamList{
           Optional("kind", ParamType::kString,
                    "partnership-invitation, reseller-relationship, "
                    "joint-invitation, ...",
                    "any"),
           Optional("mailbox_of", ParamType::kCast,
                    "read someone else's mailbox (a forwarded email)",
                    "the actor's own"),
           Optional("contact_of", ParamType::kCast,
                    "read the primary contact's mailbox of this "
                    "organisation or applicant",
                    "the actor's own"),
           Optional("query", ParamType::kString,
                    "only emails matching this mail search "
                    "(subject:WORD, is:unread, WORD)",
                    "any"),
           Optional("nth", ParamType::kInt,
                    "the nth newest matching email (1 = the newest)", "1")},
       OpenEmail},
      {"request_partnership", "F3",
       "Indirect resellers > Request a partnership: email the reseller a "
       "personalised link",
       Actors::kPartnerPeople,
       ParamList{
           Required("reseller", ParamType::kCast, "the reseller",
                    spec::kPartners),
           Optional("email", ParamType::kString, "send to this address instead",
                    "the reseller's global admin"),
           kMessage},
       RequestPartnership},
      {"accept_partnership", "F3/R12",
       "Follow the partnership link, tick the box, Authorize indirect "
       "provider",
       Actors::kPartnerPeople, ParamList{kTick, kLinkFrom, kLink},
       AcceptPartnership},
      {"administer_reseller_tenant", "F3/R13",
       "A provider opens a partnered reseller's Azure AD tenant as admin",
       Actors::kPartnerPeople,
       ParamList{Required("reseller", ParamType::kCast, "the reseller",
                          spec::kPartners)},
       AdministerResellerTenant},
      {"end_partnership", "F3/R14",
       "End the partnership (either side): the provider can no longer act "
       "for the reseller; subscriptions keep their history",
       Actors::kPartnerPeople,
       ParamList{Required("with", ParamType::kCast,
                          "the other side: the provider or the reseller",
                          spec::kPartners)},
       EndPartnership},
      {"request_reseller_relationship", "F4/R15",
       "Customers > Request a reseller relationship: email the customer a "
       "personalised link (resellers, direct partners and providers)",
       Actors::kPartnerPeople,
       ParamList{
           Required("customer", ParamType::kCast, "the customer",
                    spec::kCustomers),
           Optional("email", ParamType::kString, "send to this address instead",
                    "the customer's global admin"),
           kMessage},
       EmailCustomer<ops::InviteCustomer>},
      {"request_delegated_admin", "R40/R46",
       "Customers > Request delegated admin privileges: email the customer a "
       "personalised link (admin rights outside CSP, not a reseller)",
       Actors::kPartnerPeople,
       ParamList{
           Required("customer", ParamType::kCast, "the customer",
                    spec::kCustomers),
           Optional("email", ParamType::kString, "send to this address instead",
                    "the customer's global admin"),
           kMessage},
       EmailCustomer<ops::RequestDelegatedAdmin>},
      {"invite_customer_with_provider", "F5",
       "Indirect providers > Invite new customers: one link naming the "
       "reseller and a provider",
       Actors::kPartnerPeople,
       ParamList{
           Required("provider", ParamType::kCast, "the provider",
                    spec::kPartners),
           Required("customer", ParamType::kCast, "the customer",
                    spec::kCustomers),
           Optional("email", ParamType::kString, "send to this address instead",
                    "the customer's global admin"),
           kMessage},
       InviteCustomerWithProvider},
      {"accept_reseller_invitation", "F4/F5",
       "The customer's global admin follows the link and authorises the "
       "reseller (and provider)",
       Actors::kCustomers,
       ParamList{Enum("invitation", {"reseller", "joint", "delegated_admin"},
                      "which kind of invitation email", "the newest of any"),
                 kTick, kLinkFrom, kLink},
       AcceptResellerInvitation},
      {"administer_customer", "R46",
       "Open a customer's admin portal (delegated admin)",
       Actors::kPartnerPeople,
       ParamList{Required("customer", ParamType::kCast, "the customer",
                          spec::kCustomers)},
       AdministerCustomer},
      {"end_reseller_relationship", "F4/R14",
       "End the reseller relationship with a customer: it leaves the "
       "Customers list; its subscriptions keep their history",
       Actors::kPartnerPeople,
       ParamList{Required("customer", ParamType::kCast, "the customer",
                          spec::kCustomers)},
       EndResellerRelationship},
  };
}

}  // namespace tiersim::harness
