#include "mocks/world/in_process_client.h"

namespace tiersim::mocks {

// Every session-taking call looks its Session up first; an unknown reference
// is refused the way a forged token would be.
#define TIERSIM_SESSION(var, ref) \
  TIERSIM_ASSIGN_OR_RETURN(const sim::Session* var, SessionOf(ref))

using sim::Result;
using sim::SessionRef;
using sim::Status;

Result<const sim::Session*> InProcessClient::SessionOf(SessionRef s) const {
  if (s.value == 0 || s.value > sessions_.size()) {
    return sim::Error(sim::ErrorCode::kNotFound,
                      "not signed in (unknown session)");
  }
  return &sessions_[s.value - 1];
}

// ---- Sign-in and users ----

Result<SessionRef> InProcessClient::SignIn(std::string_view upn,
                                           std::string_view password) {
  TIERSIM_ASSIGN_OR_RETURN(sim::Session session,
                           world_.pc().SignIn(upn, password));
  sessions_.push_back(session);
  return SessionRef{sessions_.size()};
}

Status InProcessClient::ChangePassword(std::string_view upn,
                                       std::string_view current,
                                       std::string_view new_password) {
  return world_.pc().ChangePassword(upn, current, new_password);
}

Result<sim::NewUser> InProcessClient::AddUser(SessionRef s,
                                              const sim::UserSpec& spec) {
  TIERSIM_SESSION(session, s);
  return world_.pc().AddUser(*session, spec);
}

Status InProcessClient::SetUserRoles(SessionRef s, sim::UserId user,
                                     sim::AgentRole agent,
                                     sim::AdminRole admin) {
  TIERSIM_SESSION(session, s);
  return world_.pc().SetUserRoles(*session, user, agent, admin);
}

Result<std::vector<sim::UserView>> InProcessClient::Users(SessionRef s) {
  TIERSIM_SESSION(session, s);
  return world_.pc().Users(*session);
}

Result<std::string> InProcessClient::RevealPassword(SessionRef s,
                                                    sim::SecretId id) {
  TIERSIM_SESSION(session, s);
  return world_.pc().RevealPassword(*session, id);
}

Result<std::vector<sim::Section>> InProcessClient::Navigation(SessionRef s) {
  TIERSIM_SESSION(session, s);
  return world_.pc().Navigation(*session);
}

// ---- F1 enrollment ----

Result<sim::EnrollmentView> InProcessClient::StartEnrollment(
    sim::Program program) {
  return world_.pc().StartEnrollment(program);
}

Status InProcessClient::EnrollSignIn(sim::EnrollmentId e, std::string_view upn,
                                     std::string_view password) {
  return world_.pc().EnrollSignIn(e, upn, password);
}

Status InProcessClient::EnrollCreateWorkAccount(
    sim::EnrollmentId e, const sim::WorkAccountSpec& spec) {
  return world_.pc().EnrollCreateWorkAccount(e, spec);
}

Result<std::vector<sim::MpnProfile>> InProcessClient::EnrollSignInPmc(
    sim::EnrollmentId e, std::string_view user_name,
    std::string_view password) {
  return world_.pc().EnrollSignInPmc(e, user_name, password);
}

Status InProcessClient::EnrollChooseProfile(sim::EnrollmentId e,
                                            sim::MpnId mpn) {
  return world_.pc().EnrollChooseProfile(e, mpn);
}

Result<sim::PartnerId> InProcessClient::EnrollSubmit(
    sim::EnrollmentId e, const sim::EnrollmentDetails& details) {
  return world_.pc().EnrollSubmit(e, details);
}

Status InProcessClient::VerifyContact(std::string_view link,
                                      sim::ContactAnswer answer) {
  return world_.pc().VerifyContact(link, answer);
}

Result<sim::EnrollmentState> InProcessClient::EnrollmentStatus(
    sim::PartnerId partner) {
  return world_.pc().EnrollmentStatus(partner);
}

Status InProcessClient::CompleteAccountSetup(SessionRef s) {
  TIERSIM_SESSION(session, s);
  return world_.pc().CompleteAccountSetup(*session);
}

Status InProcessClient::AddResellerAccount(SessionRef s,
                                           const sim::Contact& support) {
  TIERSIM_SESSION(session, s);
  return world_.pc().AddResellerAccount(*session, support);
}

// ---- F2 listing ----

Result<std::vector<sim::ProviderListing>> InProcessClient::SearchProviders(
    std::string_view query, std::string_view location) {
  return world_.pc().SearchProviders(query, location);
}

Result<sim::SupportRequestId> InProcessClient::RequestListingChange(
    SessionRef s, const sim::ListingChange& change) {
  TIERSIM_SESSION(session, s);
  return world_.pc().RequestListingChange(*session, change);
}

// ---- F3 partnership ----

Result<sim::SentInvitation> InProcessClient::RequestPartnership(
    SessionRef s, std::string_view reseller_email, std::string_view message) {
  TIERSIM_SESSION(session, s);
  return world_.pc().RequestPartnership(*session, reseller_email, message);
}

Result<sim::PartnerId> InProcessClient::AcceptPartnership(
    SessionRef s, std::string_view link, sim::Consent consent) {
  TIERSIM_SESSION(session, s);
  return world_.pc().AcceptPartnership(*session, link, consent);
}

Result<std::vector<sim::PartnerSummary>> InProcessClient::IndirectResellers(
    SessionRef s) {
  TIERSIM_SESSION(session, s);
  return world_.pc().IndirectResellers(*session);
}

Result<std::vector<sim::PartnerSummary>> InProcessClient::IndirectProviders(
    SessionRef s) {
  TIERSIM_SESSION(session, s);
  return world_.pc().IndirectProviders(*session);
}

Result<sim::TenantId> InProcessClient::AdministerResellerTenant(
    SessionRef s, sim::PartnerId reseller) {
  TIERSIM_SESSION(session, s);
  return world_.pc().AdministerResellerTenant(*session, reseller);
}

// ---- F4-F6 ----

Result<sim::SentInvitation> InProcessClient::RequestResellerRelationship(
    SessionRef s, std::string_view customer_email, std::string_view message) {
  TIERSIM_SESSION(session, s);
  return world_.pc().RequestResellerRelationship(*session, customer_email,
                                                 message);
}

Result<sim::SentInvitation> InProcessClient::InviteCustomerWithProvider(
    SessionRef s, sim::PartnerId provider, std::string_view customer_email,
    std::string_view message) {
  TIERSIM_SESSION(session, s);
  return world_.pc().InviteCustomerWithProvider(*session, provider,
                                                customer_email, message);
}

Result<sim::CustomerId> InProcessClient::AcceptResellerInvitation(
    SessionRef s, std::string_view link, sim::Consent consent) {
  TIERSIM_SESSION(session, s);
  return world_.pc().AcceptResellerInvitation(*session, link, consent);
}

Result<std::vector<sim::CustomerSummary>> InProcessClient::SharedCustomers(
    SessionRef s, sim::PartnerId provider) {
  TIERSIM_SESSION(session, s);
  return world_.pc().SharedCustomers(*session, provider);
}

Result<sim::TenantId> InProcessClient::AdministerCustomer(
    SessionRef s, sim::CustomerId customer) {
  TIERSIM_SESSION(session, s);
  return world_.pc().AdministerCustomer(*session, customer);
}

// ---- F7 ----

Result<sim::DraftId> InProcessClient::BeginAddCustomer(
    SessionRef s, sim::PartnerId reseller) {
  TIERSIM_SESSION(session, s);
  return world_.pc().BeginAddCustomer(*session, reseller);
}

Status InProcessClient::SetCustomerDetails(
    SessionRef s, sim::DraftId d, const sim::CustomerDetails& details) {
  TIERSIM_SESSION(session, s);
  return world_.pc().SetCustomerDetails(*session, d, details);
}

Status InProcessClient::SetDraftSubscriptions(
    SessionRef s, sim::DraftId d, const std::vector<sim::LineItem>& items) {
  TIERSIM_SESSION(session, s);
  return world_.pc().SetDraftSubscriptions(*session, d, items);
}

Result<sim::DraftReview> InProcessClient::ReviewDraft(SessionRef s,
                                                      sim::DraftId d) {
  TIERSIM_SESSION(session, s);
  return world_.pc().ReviewDraft(*session, d);
}

Result<sim::CustomerCreated> InProcessClient::SubmitDraft(SessionRef s,
                                                          sim::DraftId d) {
  TIERSIM_SESSION(session, s);
  return world_.pc().SubmitDraft(*session, d);
}

Status InProcessClient::CancelDraft(SessionRef s, sim::DraftId d) {
  TIERSIM_SESSION(session, s);
  return world_.pc().CancelDraft(*session, d);
}

// ---- F8, F9 ----

Result<sim::OrderReceipt> InProcessClient::PlaceOrder(
    SessionRef s, sim::CustomerId customer,
    const std::vector<sim::LineItem>& items, sim::PartnerId reseller) {
  TIERSIM_SESSION(session, s);
  return world_.pc().PlaceOrder(*session, customer, items, reseller);
}

Status InProcessClient::ChangeLicenses(SessionRef s, sim::SubscriptionId sub,
                                       std::int64_t licenses) {
  TIERSIM_SESSION(session, s);
  return world_.pc().ChangeLicenses(*session, sub, licenses);
}

Status InProcessClient::SetSupportContact(SessionRef s, sim::SubscriptionId sub,
                                          sim::PartnerId contact) {
  TIERSIM_SESSION(session, s);
  return world_.pc().SetSupportContact(*session, sub, contact);
}

Result<sim::SupportRequestId> InProcessClient::FileCustomerSupportRequest(
    SessionRef s, sim::SubscriptionId sub, std::string_view text) {
  TIERSIM_SESSION(session, s);
  return world_.pc().FileCustomerSupportRequest(*session, sub, text);
}

Result<sim::SupportRequestId> InProcessClient::FileSupportRequestOnBehalf(
    SessionRef s, sim::SubscriptionId sub, std::string_view text) {
  TIERSIM_SESSION(session, s);
  return world_.pc().FileSupportRequestOnBehalf(*session, sub, text);
}

Result<std::vector<sim::SupportRequestView>> InProcessClient::SupportQueue(
    SessionRef s) {
  TIERSIM_SESSION(session, s);
  return world_.pc().SupportQueue(*session);
}

// ---- Views ----

Result<std::vector<sim::CustomerSummary>> InProcessClient::Customers(
    SessionRef s, sim::CustomerFilter filter) {
  TIERSIM_SESSION(session, s);
  return world_.pc().Customers(*session, filter);
}

Result<std::vector<sim::SubscriptionView>> InProcessClient::Subscriptions(
    SessionRef s, sim::CustomerId customer) {
  TIERSIM_SESSION(session, s);
  return world_.pc().Subscriptions(*session, customer);
}

Result<sim::PartnerSummary> InProcessClient::PartnerProfile(SessionRef s) {
  TIERSIM_SESSION(session, s);
  return world_.pc().PartnerProfile(*session);
}

Result<sim::ProviderListing> InProcessClient::Listing(SessionRef s) {
  TIERSIM_SESSION(session, s);
  return world_.pc().Listing(*session);
}

// ---- Mailbox ----

namespace {
sim::MailView ViewOf(const StoredMessage& m) {
  std::string to;
  for (const std::string& address : m.email.to) {
    if (!to.empty()) to += ", ";
    to += address;
  }
  return {.id = m.id,
          .from = m.email.from,
          .to = std::move(to),
          .subject = m.email.subject,
          .text = m.email.text,
          .kind = m.email.kind,
          .sent_at = m.email.sent_at,
          .read = m.read};
}
}  // namespace

Result<std::vector<sim::MailView>> InProcessClient::Inbox(
    std::string_view address, std::string_view query) {
  std::vector<sim::MailView> out;
  MemoryMailStore& mail = world_.mail();
  if (query.empty()) {
    for (sim::MessageId id : mail.To(address))
      out.push_back(ViewOf(*mail.Get(id)));
    return out;
  }
  std::string q = "to:" + std::string(address) + " " + std::string(query);
  for (sim::MessageId id : mail.Search(q)) out.push_back(ViewOf(*mail.Get(id)));
  return out;
}

Status InProcessClient::MarkRead(sim::MessageId id) {
  if (world_.mail().Get(id) == nullptr) {
    return sim::Error(sim::ErrorCode::kNotFound, "no message " + id.ToString());
  }
  world_.mail().MarkRead(id);
  return sim::OkStatus();
}

// ---- WorldControl ----

Result<sim::PartnerCenter::SeededPartner> InProcessClient::SeedPartner(
    const sim::PartnerCenter::PartnerSeed& seed) {
  return world_.pc().SeedPartner(seed);
}

Result<sim::PartnerCenter::SeededCustomer> InProcessClient::SeedCustomerTenant(
    const sim::PartnerCenter::CustomerSeed& seed) {
  return world_.pc().SeedCustomerTenant(seed);
}

Status InProcessClient::SeedPartnership(sim::PartnerId provider,
                                        sim::PartnerId reseller) {
  return world_.pc().SeedPartnership(provider, reseller);
}

Result<sim::PmcAccountId> InProcessClient::SeedPmcAccount(
    std::string user_name, std::string_view password) {
  return world_.pmc().AddAccount(std::move(user_name), password);
}

Status InProcessClient::SeedPmcProfile(sim::PmcAccountId account,
                                       sim::MpnProfile profile) {
  return world_.pmc().AddProfile(account, std::move(profile));
}

sim::SimTime InProcessClient::Now() { return world_.kernel().Now(); }

sim::SimTime InProcessClient::Origin() {
  return world_.kernel().journal().origin();
}

void InProcessClient::Advance(sim::Duration d) {
  world_.kernel().scheduler().AdvanceBy(d);
}

void InProcessClient::ArmFault(std::string_view point, sim::FaultSpec spec) {
  world_.kernel().faults().Arm(point, std::move(spec));
}

sim::WorldControl::WorldCounts InProcessClient::Counts() {
  return {.core = world_.pc().counts(),
          .tenants = world_.directory().tenant_count(),
          .directory_users = world_.directory().user_count(),
          .emails = world_.mail().size()};
}

std::size_t InProcessClient::JournalSize() {
  return world_.kernel().journal().size();
}

std::vector<sim::WorldControl::JournalLine> InProcessClient::JournalSince(
    std::size_t from) {
  const sim::Journal& journal = world_.kernel().journal();
  std::vector<JournalLine> out;
  for (std::size_t i = from; i < journal.size(); ++i) {
    const sim::JournalEntry& e = journal.entries()[i];
    out.push_back({.at = e.at,
                   .by_microsoft = e.actor.empty(),
                   .action = std::string(e.action),
                   .outcome = e.outcome,
                   .text = journal.Render(e)});
  }
  return out;
}

std::vector<sim::MailView> InProcessClient::MailSince(sim::MessageId after) {
  std::vector<sim::MailView> out;
  for (sim::MessageId id : world_.mail().Search("")) {
    if (id.value() > after.value())
      out.push_back(ViewOf(*world_.mail().Get(id)));
  }
  return out;
}

}  // namespace tiersim::mocks
