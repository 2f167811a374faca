// The real API's customer resources over the core (sim/ops_customers_api.h).
#include "sim/ops_customers_api.h"

#include <algorithm>

#include "sim/ids.h"
#include "sim/text.h"

namespace tiersim::sim::ops {
namespace {

Result<PartnerId> PartnerNamed(const PartnerCenter& pc, std::string_view what,
                               std::string_view text, ErrorCode code) {
  auto id = pc.FindPartner(text);
  if (!id) {
    return Error(code, std::string(what) + " \"" + std::string(text) +
                           "\" is not a known partner (use its id or MPN "
                           "ID)");
  }
  return *id;
}

}  // namespace

Result<CustomerPage> ListCustomerPage(PartnerCenter& pc, const Session& s,
                                      std::int64_t size,
                                      std::string_view continuation,
                                      const CustomerQuery& query) {
  if (size < 0 || size > static_cast<std::int64_t>(kMaxCustomerPage)) {
    return Error(ErrorCode::kInvalidArgument,
                 "size must be a whole number from 1 to " +
                     std::to_string(kMaxCustomerPage) + "; got " +
                     std::to_string(size));
  }
  CustomerPage page;
  page.size = size == 0 ? kDefaultCustomerPage : static_cast<std::size_t>(size);
  std::size_t offset = 0;
  if (!continuation.empty()) {
    const auto parsed =
        continuation.size() <= 12 ? ParseDecimal(continuation) : std::nullopt;
    if (!parsed) {
      return Error(ErrorCode::kInvalidArgument,
                   "MS-ContinuationToken must be the value from the previous "
                   "page's links.next");
    }
    offset = static_cast<std::size_t>(*parsed);
  }
  CustomerFilter filter;
  const bool by_name = EqualsIgnoreCase(query.field, "CompanyName");
  const bool by_domain = EqualsIgnoreCase(query.field, "Domain");
  if (by_name) filter.name_prefix = query.value;
  if (by_domain) filter.domain_prefix = query.value;
  if (EqualsIgnoreCase(query.field, "IndirectReseller")) {
    auto reseller = pc.FindPartner(query.value);
    if (!reseller) {
      return Error(ErrorCode::kNotFound,
                   "no indirect reseller \"" + query.value + "\"");
    }
    filter.reseller = *reseller;
  } else if (!query.field.empty() && !by_name && !by_domain) {
    return Error(ErrorCode::kInvalidArgument,
                 "filter Field must be IndirectReseller, CompanyName or "
                 "Domain; got \"" +
                     query.field + "\"");
  } else if (!query.op.empty() && !EqualsIgnoreCase(query.op, "starts_with")) {
    return Error(ErrorCode::kInvalidArgument,
                 "filter Operator must be starts_with");
  }
  TIERSIM_ASSIGN_OR_RETURN(CustomerSlice slice,
                           pc.CustomerRange(s, filter, offset, page.size));
  page.items = std::move(slice.items);
  page.total = slice.total;
  const std::size_t next = offset + page.items.size();
  if (next < page.total) page.continuation = std::to_string(next);
  return page;
}

Result<CreatedCustomer> CreateCustomerResource(PartnerCenter& pc,
                                               const Session& s,
                                               const NewCustomer& c) {
  PartnerId reseller;
  if (!c.associated_partner.empty()) {
    TIERSIM_ASSIGN_OR_RETURN(
        reseller, PartnerNamed(pc, "associatedPartnerId", c.associated_partner,
                               ErrorCode::kNotFound));
  }
  TIERSIM_ASSIGN_OR_RETURN(CustomerCreated created,
                           pc.CreateCustomerByApi(s, reseller, c.details));
  TIERSIM_ASSIGN_OR_RETURN(CustomerSummary summary,
                           pc.GetCustomer(s, created.customer));
  auto password = pc.RevealPassword(s, created.password);
  return CreatedCustomer{.customer = std::move(summary),
                         .user_name = created.admin_user_name,
                         .password = password.ok() ? *password : ""};
}

Result<SubscriptionView> SubscriptionOf(PartnerCenter& pc, const Session& s,
                                        CustomerId customer,
                                        SubscriptionId sub) {
  return pc.GetSubscription(s, customer, sub);
}

Result<SupportContactResource> SupportContactOf(PartnerCenter& pc,
                                                const Session& s,
                                                CustomerId customer,
                                                SubscriptionId sub) {
  TIERSIM_ASSIGN_OR_RETURN(SubscriptionView v,
                           SubscriptionOf(pc, s, customer, sub));
  SupportContactResource out;
  if (auto card = pc.Card(v.support_contact); card.ok()) out.card = *card;
  return out;
}

Result<SupportContactResource> DesignateSupportContact(
    PartnerCenter& pc, const Session& s, CustomerId customer,
    SubscriptionId sub, std::string_view mpn_or_id) {
  TIERSIM_ASSIGN_OR_RETURN(SubscriptionView v,
                           SubscriptionOf(pc, s, customer, sub));
  if (mpn_or_id.empty()) {
    return Error(ErrorCode::kInvalidArgument,
                 "give supportMpnId (or supportPartnerId) of the provider or "
                 "an associated reseller");
  }
  TIERSIM_ASSIGN_OR_RETURN(PartnerId partner,
                           PartnerNamed(pc, "support contact", mpn_or_id,
                                        ErrorCode::kInvalidSupportContact));
  TIERSIM_RETURN_IF_ERROR(pc.SetSupportContact(s, v.id, partner));
  TIERSIM_ASSIGN_OR_RETURN(PartnerCard card, pc.Card(partner));
  return SupportContactResource{std::move(card)};
}

Result<OrderResource> PlaceOrderResource(PartnerCenter& pc, const Session& s,
                                         CustomerId customer,
                                         const OrderLines& lines) {
  PartnerId reseller;
  if (!lines.partner_on_record.empty()) {
    TIERSIM_ASSIGN_OR_RETURN(
        reseller, PartnerNamed(pc, "partnerIdOnRecord", lines.partner_on_record,
                               ErrorCode::kNotFound));
  }
  TIERSIM_ASSIGN_OR_RETURN(OrderReceipt receipt,
                           pc.PlaceOrder(s, customer, lines.items, reseller));
  return OrderResource{.id = receipt.order,
                       .customer = customer,
                       .lines = lines,
                       .subscriptions = std::move(receipt.subscriptions),
                       .created = pc.kernel().Now()};
}

}  // namespace tiersim::sim::ops
