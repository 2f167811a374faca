// F8 orders, F9 designated support contact, license changes and support
// requests (R20, R21, R24, R25, R41).
#include <algorithm>

#include "sim/partner_center_internal.h"

namespace tiersim::sim {
Status PartnerCenter::CheckLineItems(const std::vector<LineItem>& items) const {
  if (items.empty()) {
    return Error(ErrorCode::kEmptyOrder,
                 "the order has no line items; add at least one offer");
  }
  if (items.size() > kMaxOrderLineItems) {
    return Error(ErrorCode::kInvalidArgument,
                 "an order may have at most " +
                     std::to_string(kMaxOrderLineItems) +
                     " line items; this one has " +
                     std::to_string(items.size()) + " (place several orders)");
  }
  for (const LineItem& item : items) {
    TIERSIM_ASSIGN_OR_RETURN(OfferIndex offer, catalog_.Find(item.offer_id));
    TIERSIM_RETURN_IF_ERROR(catalog_.CheckLicenses(offer, item.licenses));
  }
  return OkStatus();
}

OrderReceipt PartnerCenter::CreateOrder(Customer& c, PartnerId placed_by,
                                        PartnerId reseller,
                                        const std::vector<LineItem>& items) {
  const OrderId order_id(store_.orders.size() + 1);
  const SubscriptionId first(store_.subscriptions.size() + 1);
  OrderReceipt receipt{order_id, {}};
  receipt.subscriptions.reserve(items.size());
  for (const LineItem& item : items) {
    const SubscriptionId id(store_.subscriptions.size() + 1);
    store_.subscriptions.push_back(
        Subscription{.id = id,
                     .customer = c.id,
                     .order = order_id,
                     .offer = *catalog_.Find(item.offer_id),
                     .licenses = static_cast<std::int32_t>(item.licenses),
                     .provider = placed_by,
                     .reseller_of_record = reseller,
                     .support_contact = placed_by,
                     .created_at = kernel_.Now()});
    c.subscriptions.push_back(id);
    receipt.subscriptions.push_back(id);
  }
  store_.orders.push_back(Order{order_id, c.id, placed_by, reseller, first,
                                static_cast<std::uint32_t>(items.size()),
                                kernel_.Now()});
  return receipt;
}

Result<OrderReceipt> PartnerCenter::PlaceOrder(
    const Session& s, CustomerId customer, const std::vector<LineItem>& items,
    PartnerId reseller_on_record) {
  auto result = [&]() -> Result<OrderReceipt> {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kPlaceOrders));
    const Partner& p = *store_.partner(a.partner);
    if (!p.provider) {
      return Error(ErrorCode::kNotAProvider,
                   p.legal_name +
                       " is not an indirect provider; indirect "
                       "resellers order through their provider");
    }
    TIERSIM_ASSIGN_OR_RETURN(Customer * c, VisibleCustomer(a, customer));
    if (!HasResellerRelationship(*c, a.partner)) {  // R21
      return Error(ErrorCode::kProviderNoRelationship,
                   p.legal_name + " has no reseller relationship with " +
                       c->company_name +
                       "; the customer must accept one first");
    }
    if (reseller_on_record.valid()) {
      if (!store_.Partnered(p.id, reseller_on_record)) {  // R10
        return Error(ErrorCode::kNotPartnered,
                     p.legal_name + " has no accepted partnership with " +
                         NameOf(reseller_on_record));
      }
      if (!HasResellerRelationship(*c, reseller_on_record)) {
        return Error(ErrorCode::kResellerNotAssociated,
                     store_.partner(reseller_on_record)->legal_name +
                         " is not associated with " + c->company_name +
                         "; choose a reseller of this customer");
      }
    }
    TIERSIM_RETURN_IF_ERROR(CheckLineItems(items));
    return CreateOrder(*c, a.partner, reseller_on_record, items);
  }();
  Record("order.place", s.directory_user(), customer,
         result.ok() ? Ref(result->order) : Ref(), result.status());
  return result;
}

Result<const Customer*> PartnerCenter::RequireSubscriptionAccess(
    const Actor& a, const Subscription& sub, Permission permission,
    Standing least) {
  const bool office =
      catalog_.at(sub.offer).family == ProductFamily::kOffice365;
  // R41. Managing an Office 365 subscription asks for the Office 365
  // permission in place of the general one (every role holding it holds
  // the general one too, so the refusal names what is really missing).
  if (office && permission == Permission::kManageSubscriptions) {
    permission = Permission::kManageOffice365Subscriptions;
  }
  TIERSIM_RETURN_IF_ERROR(Require(a, permission));
  if (office && permission != Permission::kManageOffice365Subscriptions) {
    TIERSIM_RETURN_IF_ERROR(
        Require(a, Permission::kManageOffice365Subscriptions));
  }
  const Customer* c = store_.customer(sub.customer);
  if (!HasResellerRelationship(*c, a.partner)) {  // R20
    return Error(ErrorCode::kNoResellerRelationship,
                 "your organisation has no reseller relationship with " +
                     c->company_name +
                     ", so it cannot manage its "
                     "subscriptions");
  }
  const Standing standing = StandingOn(a.partner, sub);
  if (standing < least) {  // R28
    const Partner& provider = *store_.partner(sub.provider);
    return Error(
        least == Standing::kProvider ? ErrorCode::kNotAProvider
                                     : ErrorCode::kNotSubscriptionSeller,
        least == Standing::kProvider
            ? "only " + provider.legal_name +
                  ", the indirect provider that sold " + sub.id.ToString() +
                  ", may do this"
            : store_.partner(a.partner)->legal_name +
                  (standing == Standing::kFormerReseller
                       ? " is no longer partnered with " + provider.legal_name +
                             ", which sold " + sub.id.ToString()
                       : " is the designated support contact of " +
                             sub.id.ToString() + ", not its reseller") +
                  "; only " + provider.legal_name +
                  " or a reseller associated with the subscription may " +
                  (least == Standing::kSupportContact
                       ? "file support requests for it, besides its "
                         "designated support contact"
                       : "change it"));
  }
  return c;
}

Result<Subscription*> PartnerCenter::ManagedSubscription(const Actor& a,
                                                         SubscriptionId id,
                                                         Standing least) {
  TIERSIM_ASSIGN_OR_RETURN(Subscription * sub, VisibleSubscription(a, id));
  TIERSIM_RETURN_IF_ERROR(RequireSubscriptionAccess(
                              a, *sub, Permission::kManageSubscriptions, least)
                              .status());
  return sub;
}

Status PartnerCenter::ChangeLicenses(const Session& s, SubscriptionId sub,
                                     std::int64_t licenses) {
  Status status = [&]() -> Status {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_ASSIGN_OR_RETURN(Subscription * subscription,
                             ManagedSubscription(a, sub, Standing::kReseller));
    TIERSIM_RETURN_IF_ERROR(
        catalog_.CheckLicenses(subscription->offer, licenses));  // R24
    TIERSIM_RETURN_IF_ERROR(CheckAssignedLicenses(
        *subscription, static_cast<std::int32_t>(licenses)));
    subscription->licenses = static_cast<std::int32_t>(licenses);
    return OkStatus();
  }();
  Record("subscription.change_licenses", s.directory_user(), sub, Ref(), status,
         std::to_string(licenses));
  return status;
}

Status PartnerCenter::SetSupportContact(const Session& s, SubscriptionId sub,
                                        PartnerId contact) {
  Status status = [&]() -> Status {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_ASSIGN_OR_RETURN(Subscription * subscription,
                             ManagedSubscription(a, sub, Standing::kProvider));
    const Customer& c = *store_.customer(subscription->customer);  // F9
    const Partner& provider = *store_.partner(a.partner);
    const bool partnered = store_.Partnered(provider.id, contact);
    if (contact != provider.id &&
        !(partnered && HasResellerRelationship(c, contact))) {  // R25
      return Error(ErrorCode::kInvalidSupportContact,
                   NameOf(contact) +
                       " cannot be the support contact: choose the provider "
                       "or a reseller partnered with it and associated with " +
                       c.company_name);
    }
    subscription->support_contact = contact;
    return OkStatus();
  }();
  Record("subscription.set_support_contact", s.directory_user(), sub, contact,
         status);
  return status;
}

Result<SupportRequestId> PartnerCenter::AddCustomerIssue(
    PartnerId filed_by, const Subscription& sub, PartnerId assigned_to,
    std::string_view text) {
  if (text.empty()) {
    return Error(ErrorCode::kInvalidArgument,
                 "describe the problem; the support request text is empty");
  }
  const SupportRequestId id(store_.support_requests.size() + 1);
  store_.support_requests.push_back(
      SupportRequest{.id = id,
                     .kind = SupportKind::kCustomerIssue,
                     .filed_by_partner = filed_by,
                     .customer = sub.customer,
                     .subscription = sub.id,
                     .assigned_to = assigned_to,
                     .text = std::string(text),
                     .created_at = kernel_.Now()});
  return id;
}

Result<SupportRequestId> PartnerCenter::FileCustomerSupportRequest(
    const Session& s, SubscriptionId sub, std::string_view text) {
  auto result = [&]() -> Result<SupportRequestId> {
    const CustomerId customer = store_.CustomerOfTenant(s.tenant());
    Subscription* subscription = store_.subscription(sub);
    if (!customer.valid() || subscription == nullptr ||
        subscription->customer != customer) {
      return Error(ErrorCode::kNotFound, sub.ToString() +
                                             " is not a subscription of your "
                                             "organisation");
    }
    TIERSIM_ASSIGN_OR_RETURN(
        SupportRequestId id,
        AddCustomerIssue(PartnerId(), *subscription,
                         subscription->support_contact, text));
    store_.partner(subscription->support_contact)->support_queue.push_back(id);
    return id;
  }();
  Record("support.customer_request", s.directory_user(), sub,
         result.ok() ? Ref(*result) : Ref(), result.status());
  return result;
}

Result<SupportRequestId> PartnerCenter::FileSupportRequestOnBehalf(
    const Session& s, SubscriptionId sub, std::string_view text) {
  auto result = [&]() -> Result<SupportRequestId> {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_ASSIGN_OR_RETURN(Subscription * subscription,
                             VisibleSubscription(a, sub));
    TIERSIM_RETURN_IF_ERROR(
        RequireSubscriptionAccess(a, *subscription,
                                  Permission::kCustomerSupportRequests,
                                  Standing::kSupportContact)
            .status());
    return AddCustomerIssue(a.partner, *subscription, PartnerId(), text);
  }();
  Record("support.on_behalf", s.directory_user(), sub,
         result.ok() ? Ref(*result) : Ref(), result.status());
  return result;
}

Result<std::vector<SupportRequestView>> PartnerCenter::SupportQueue(
    const Session& s) {
  TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
  TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kCustomerSupportRequests));
  std::vector<SupportRequestView> out;
  for (SupportRequestId id : store_.partner(a.partner)->support_queue) {
    const SupportRequest& r = *store_.support_request(id);
    out.push_back(SupportRequestView{r.id, r.kind, r.state, r.customer,
                                     r.subscription, r.assigned_to, r.text,
                                     r.resolves_at});
  }
  return out;
}

}  // namespace tiersim::sim
