// F7-F9 as a provider's (or reseller's) people perform them: the Add new
// customer wizard page by page or in one go, adding subscriptions, license
// changes, the designated support contact, and support requests.
#include "harness/vocabulary/spec_helpers.h"
#include "harness/vocabulary/stage.h"

namespace tiersim::harness {
namespace {

namespace ops = sim::ops;

using spec::Optional;
using spec::Required;
using ParamList = std::vector<ParamSpec>;

const std::vector<sim::LineItem> kDefaultItems = {
    {.offer_id = "o365-e3", .licenses = 10}};

sim::CustomerDetails DetailsOf(const Stage::Character& customer) {
  const CastMember& m = *customer.member;
  return {.company_name = m.legal_name,
          .domain_prefix = m.domain,
          .country = m.country,
          .contact = {.name = m.admin_name, .email = customer.contact_email},
          .address = {.line1 = "1 Main Street",
                      .city = "Seattle",
                      .postal_code = "98101",
                      .country = m.country}};
}

sim::PartnerId ResellerArg(StepContext& ctx) {
  return ctx.Has("reseller") ? ctx.Cast("reseller").partner : sim::PartnerId();
}

// The confirmation page: the admin's user name and the temporary password,
// shown once (R23). The person who sees it hands both to the customer.
sim::Status Confirm(StepContext& ctx, sim::SessionRef session,
                    Stage::Character& customer,
                    const std::vector<sim::LineItem>& items,
                    const sim::CustomerCreated& created) {
  TIERSIM_ASSIGN_OR_RETURN(
      std::string password,
      ctx.client().Call<ops::RevealPassword>(session, {created.password}));
  sim::Person& person = customer.actor.person();
  person.upn = created.admin_user_name;
  person.password = password;
  person.next_password = customer.member->password;
  customer.temporary_password = password;
  customer.confirmation = created;
  customer.tenant_domain =
      created.admin_user_name.substr(created.admin_user_name.find('@') + 1);
  customer.tenant = created.tenant;
  customer.secret = created.password;
  customer.secret_holder = ctx.actor().member->name;
  ctx.stage().NameCustomer(customer.member->name, created.customer);
  ctx.stage().NameSubscriptions(customer.member->name, items,
                                created.subscriptions);
  ctx.Detail(created.customer.ToString() + ", admin " +
             created.admin_user_name + ", " +
             std::to_string(created.subscriptions.size()) + " subscription(s)");
  return sim::OkStatus();
}

sim::Status AddCustomer(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  Stage::Character& customer = ctx.Cast("customer");
  const std::vector<sim::LineItem> items =
      ctx.Items("subscriptions", kDefaultItems);
  sim::Status status = sim::OkStatus();
  // The wizard page by page, as a person clicks through it.
  sim::Client& client = ctx.client();
  TIERSIM_ASSIGN_OR_RETURN(
      sim::DraftId draft,
      client.Call<ops::BeginDraft>(session, {ResellerArg(ctx)}));
  status =
      client.Call<ops::SetDraftDetails>(session, {draft, DetailsOf(customer)})
          .status();
  if (status.ok()) {
    status = client.Call<ops::SetDraftSubscriptions>(session, {draft, items})
                 .status();
  }
  if (status.ok())
    status = client.Call<ops::ReviewDraft>(session, {draft}).status();
  if (!status.ok()) {
    (void)client.Call<ops::CancelDraft>(session, {draft});  // abandon it
    return status;
  }
  sim::Result<sim::CustomerCreated> created =
      client.Call<ops::SubmitDraft>(session, {draft});
  if (!created.ok()) {
    (void)client.Call<ops::CancelDraft>(session, {draft});
    return created.status();
  }
  return Confirm(ctx, session, customer, items, *created);
}

sim::Status BeginAddCustomer(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  Stage::Character& c = ctx.actor();
  TIERSIM_ASSIGN_OR_RETURN(
      c.draft, ctx.client().Call<ops::BeginDraft>(session, {ResellerArg(ctx)}));
  c.draft_customer.clear();
  c.draft_items.clear();
  ctx.Detail(c.draft.ToString());
  return sim::OkStatus();
}

sim::Status EnterCustomerDetails(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  Stage::Character& c = ctx.actor();
  Stage::Character& customer = ctx.Cast("customer");
  TIERSIM_RETURN_IF_ERROR(ctx.client().Call<ops::SetDraftDetails>(
      session, {c.draft, DetailsOf(customer)}));
  c.draft_customer = customer.member->name;
  return sim::OkStatus();
}

sim::Status ChooseSubscriptions(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  Stage::Character& c = ctx.actor();
  const std::vector<sim::LineItem> items =
      ctx.Items("subscriptions", kDefaultItems);
  TIERSIM_RETURN_IF_ERROR(
      ctx.client().Call<ops::SetDraftSubscriptions>(session, {c.draft, items}));
  c.draft_items = items;
  return sim::OkStatus();
}

sim::Status ReviewCustomer(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  Stage::Character& c = ctx.actor();
  TIERSIM_ASSIGN_OR_RETURN(
      sim::DraftReview review,
      ctx.client().Call<ops::ReviewDraft>(session, {c.draft}));
  ctx.Detail("will create " + review.domain + " with " +
             std::to_string(review.items.size()) + " subscription(s)");
  return sim::OkStatus();
}

sim::Status SubmitCustomer(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  Stage::Character& c = ctx.actor();
  TIERSIM_ASSIGN_OR_RETURN(
      sim::CustomerCreated created,
      ctx.client().Call<ops::SubmitDraft>(session, {c.draft}));
  return Confirm(ctx, session, ctx.stage().Get(c.draft_customer), c.draft_items,
                 created);
}

sim::Status CancelCustomer(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  Stage::Character& c = ctx.actor();
  // The wizard's ID is kept: a later step on it asks Partner Center, which
  // says the wizard is no longer open.
  return ctx.client().Call<ops::CancelDraft>(session, {c.draft}).status();
}

sim::Status AddSubscriptions(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  Stage::Character& customer = ctx.Cast("customer");
  const std::vector<sim::LineItem> items =
      ctx.Items("subscriptions", kDefaultItems);
  const sim::PartnerId reseller = ResellerArg(ctx);
  TIERSIM_ASSIGN_OR_RETURN(
      sim::ops::OrderResource receipt,
      ctx.client().Call<ops::PlaceOrder>(
          session,
          {.customer = customer.customer,
           .lines = {.items = items,
                     .partner_on_record =
                         reseller.valid() ? reseller.ToString() : ""}}));
  ctx.stage().NameSubscriptions(customer.member->name, items,
                                receipt.subscriptions);
  ctx.Detail(receipt.id.ToString() + ", " +
             std::to_string(receipt.subscriptions.size()) + " subscription(s)");
  return sim::OkStatus();
}

sim::Status ChangeLicenses(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(sim::SubscriptionId sub,
                           ctx.Subscription("subscription"));
  return ctx.client()
      .Call<ops::ChangeLicenses>(session, {sub, ctx.Int("licenses")})
      .status();
}

sim::Status AddLicenses(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(sim::SubscriptionId sub,
                           ctx.Subscription("subscription"));
  return ctx.client()
      .Call<ops::AddLicenses>(session, {sub, ctx.Int("licenses")})
      .status();
}

sim::Status UpgradeSubscription(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(sim::SubscriptionId sub,
                           ctx.Subscription("subscription"));
  return ctx.client()
      .Call<ops::UpgradeSubscription>(session, {sub, ctx.Str("offer")})
      .status();
}

sim::Status AssociateReseller(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(sim::SubscriptionId sub,
                           ctx.Subscription("subscription"));
  return ctx.client()
      .Call<ops::SetSubscriptionReseller>(session,
                                          {sub, ctx.Cast("reseller").partner})
      .status();
}

sim::Status SetSupportContact(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(sim::SubscriptionId sub,
                           ctx.Subscription("subscription"));
  return ctx.client()
      .Call<ops::SetSupportContact>(session, {sub, ctx.Cast("contact").partner})
      .status();
}

// Files a support request on the subscription, as the customer's partner
// (on_behalf: an agent for the customer, R41), with `text` unless the step
// gives one.
sim::Status FileSupport(StepContext& ctx, std::string_view text,
                        bool on_behalf) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(sim::SubscriptionId sub,
                           ctx.Subscription("subscription"));
  TIERSIM_ASSIGN_OR_RETURN(
      sim::SupportRequestId id,
      ctx.client().Call<ops::FileSupportRequest>(
          session, {sub, ctx.Str("text", text), on_behalf}));
  ctx.Detail(id.ToString());
  return sim::OkStatus();
}

sim::Status FileSupportRequest(StepContext& ctx) {
  return FileSupport(ctx, "Users cannot sign in to Outlook", false);
}

sim::Status FileSupportRequestOnBehalf(StepContext& ctx) {
  return FileSupport(ctx, "The customer reports an outage", true);
}

const ParamSpec kReseller =
    Optional("reseller", ParamType::kCast,
             "the reseller the customer is for (preselected)",
             "none: the provider's own customer", spec::kPartners);
const ParamSpec kCustomer = Required(
    "customer", ParamType::kCast,
    "the customer (its company details come from the cast)", spec::kCustomers);
const ParamSpec kItems = Optional(
    "subscriptions", ParamType::kLineItems,
    "offers and license counts: [{\"offer\": \"o365-e3\", \"licenses\": 10}]",
    "one line of o365-e3 with 10 licenses");
const ParamSpec kSubscription =
    Required("subscription", ParamType::kSubscription,
             "\"<customer>/<offer>\" as created earlier in the scenario");

}  // namespace

std::vector<ActionSpec> CustomerActions() {
  return {
      {"add_customer", "F7/R22",
       "The whole Add new customer wizard: details, subscriptions, review, "
       "Submit; shows the admin password once",
       Actors::kPartnerPeople, ParamList{kReseller, kCustomer, kItems},
       AddCustomer},
      {"begin_add_customer", "F7",
       "Indirect resellers > pick reseller > Add new customer (reseller "
       "preselected)",
       Actors::kPartnerPeople, ParamList{kReseller}, BeginAddCustomer},
      {"enter_customer_details", "F7",
       "Wizard page 1: the customer's company details (from the cast)",
       Actors::kPartnerPeople, ParamList{kCustomer}, EnterCustomerDetails},
      {"choose_subscriptions", "F7/R24",
       "Wizard page 2: offers and license counts", Actors::kPartnerPeople,
       ParamList{kItems}, ChooseSubscriptions},
      {"review_customer", "F7", "Wizard page 3: review what will be created",
       Actors::kPartnerPeople, ParamList{}, ReviewCustomer},
      {"submit_customer", "F7/R23",
       "Submit the wizard: creates tenant, admin, subscriptions; shows the "
       "password once",
       Actors::kPartnerPeople, ParamList{}, SubmitCustomer},
      {"cancel_customer", "F7/R22", "Cancel the wizard: nothing is created",
       Actors::kPartnerPeople, ParamList{}, CancelCustomer},
      {"add_subscriptions", "F8/R21",
       "Customers > customer > Add subscription: offers, licenses, reseller "
       "credited",
       Actors::kPartnerPeople,
       ParamList{Required("customer", ParamType::kCast, "the customer",
                          spec::kCustomers),
                 kItems,
                 Optional("reseller", ParamType::kCast,
                          "the reseller on record (credited for incentives)",
                          "none", spec::kPartners)},
       AddSubscriptions},
      {"change_licenses", "F8/R24", "Change a subscription's license count",
       Actors::kPartnerPeople,
       ParamList{kSubscription,
                 Required("licenses", ParamType::kInt, "the new count")},
       ChangeLicenses},
      {"add_licenses", "F8/R24", "Buy additional licenses for a subscription",
       Actors::kPartnerPeople,
       ParamList{kSubscription,
                 Required("licenses", ParamType::kInt, "how many more")},
       AddLicenses},
      {"upgrade_subscription", "F8/R28",
       "Upgrade a subscription to a higher offer (Office 365 E1 to E3, "
       "E3 to Microsoft 365 E3, ...)",
       Actors::kPartnerPeople,
       ParamList{kSubscription,
                 Required("offer", ParamType::kString, "the offer to become")},
       UpgradeSubscription},
      {"associate_reseller", "F8/R10",
       "The provider associates a reseller with an existing subscription "
       "(credits it for incentives)",
       Actors::kPartnerPeople,
       ParamList{kSubscription, Required("reseller", ParamType::kCast,
                                         "a partnered reseller of the customer",
                                         spec::kPartners)},
       AssociateReseller},
      {"set_support_contact", "F9/R25",
       "Pick the subscription's designated support contact and Submit",
       Actors::kPartnerPeople,
       ParamList{kSubscription, Required("contact", ParamType::kCast,
                                         "the provider or a partnered reseller",
                                         spec::kPartners)},
       SetSupportContact},
      {"file_support_request", "F9",
       "A customer's admin files a support request on a subscription",
       Actors::kCustomers,
       ParamList{kSubscription, Optional("text", ParamType::kString,
                                         "what is wrong", "a sample problem")},
       FileSupportRequest},
      {"file_support_request_on_behalf", "F9/R41",
       "A partner agent files a support request for a customer",
       Actors::kPartnerPeople,
       ParamList{kSubscription, Optional("text", ParamType::kString,
                                         "what is wrong", "a sample problem")},
       FileSupportRequestOnBehalf},
  };
}

}  // namespace tiersim::harness
