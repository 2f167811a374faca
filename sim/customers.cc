// F7: a provider adds a new customer on a reseller's behalf through the
// "Add new customer" wizard. Nothing exists until Submit; Submit is
// all-or-nothing (R22); the admin's temporary password is shown once (R23).
#include <algorithm>
#include <cctype>

#include "sim/email_address.h"
#include "sim/partner_center_internal.h"

namespace tiersim::sim {
namespace {

Status CheckDetails(const CustomerDetails& d) {
  if (d.company_name.empty()) {
    return Error(ErrorCode::kInvalidArgument,
                 "the customer's company name is empty; it is required");
  }
  const bool prefix_ok =
      !d.domain_prefix.empty() && d.domain_prefix.size() <= 27 &&
      std::all_of(d.domain_prefix.begin(), d.domain_prefix.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0;
      });
  if (!prefix_ok) {
    return Error(ErrorCode::kInvalidArgument,
                 "the domain prefix '" + d.domain_prefix +
                     "' must be 1 to 27 letters or digits (it becomes "
                     "<prefix>.onmicrosoft.com)");
  }
  const bool country_ok =
      d.country.size() == 2 &&
      std::isupper(static_cast<unsigned char>(d.country[0])) &&
      std::isupper(static_cast<unsigned char>(d.country[1]));
  if (!country_ok) {
    return Error(ErrorCode::kInvalidArgument,
                 "the country '" + d.country +
                     "' must be a two-letter ISO code such as US or DE");
  }
  if (d.contact.name.empty()) {
    return Error(ErrorCode::kInvalidArgument,
                 "the customer's contact name is empty; it is required");
  }
  return CheckEmail(d.contact.email, "the customer's contact email");
}

std::string DomainOf(const CustomerDetails& d) {
  return AsciiLower(d.domain_prefix) + ".onmicrosoft.com";
}

}  // namespace

Status PartnerCenter::CheckCanAddCustomer(const Actor& a,
                                          PartnerId reseller) const {
  TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kManageCustomers));
  const Partner& p = store_.partners[a.partner.value() - 1];
  if (!p.provider) {
    return Error(ErrorCode::kNotAProvider,
                 p.legal_name +
                     " is not an indirect provider; resellers "
                     "invite customers instead");
  }
  if (reseller.valid() && !store_.Partnered(p.id, reseller)) {  // R10
    return Error(ErrorCode::kNotPartnered,
                 p.legal_name + " has no accepted partnership with " +
                     NameOf(reseller) +
                     "; the reseller must accept a partnership first");
  }
  return OkStatus();
}

Status PartnerCenter::CheckCustomerDetails(
    const CustomerDetails& details) const {
  TIERSIM_RETURN_IF_ERROR(CheckDetails(details));
  if (identity_.FindTenantByDomain(DomainOf(details))) {
    return Error(ErrorCode::kDuplicateDomain,
                 "the domain " + DomainOf(details) +
                     " is already used by another tenant; choose another "
                     "prefix");
  }
  return OkStatus();
}

Result<CustomerDraft*> PartnerCenter::OwnDraft(const Actor& a, DraftId d) {
  auto it = store_.drafts.find(d);
  if (it != store_.drafts.end() && it->second.owner == a.user) {
    return &it->second;
  }
  if (!d.valid()) {
    return Error(ErrorCode::kNotFound,
                 "no Add new customer wizard is open; begin one first");
  }
  return Error(ErrorCode::kNotFound,
               "the Add new customer wizard " + d.ToString() +
                   " is not open: it was submitted or cancelled, or is not "
                   "yours; begin a new one");
}

Result<DraftId> PartnerCenter::BeginAddCustomer(const Session& s,
                                                PartnerId reseller) {
  auto result = [&]() -> Result<DraftId> {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_RETURN_IF_ERROR(CheckCanAddCustomer(a, reseller));
    const DraftId id(store_.next_draft++);
    store_.drafts.emplace(id, CustomerDraft{.id = id,
                                            .owner = a.user,
                                            .provider = a.partner,
                                            .reseller = reseller});
    return id;
  }();
  Record("customer.begin_add", s.directory_user(),
         result.ok() ? Ref(*result) : Ref(), reseller, result.status());
  return result;
}

Status PartnerCenter::SetCustomerDetails(const Session& s, DraftId d,
                                         const CustomerDetails& details) {
  Status status = [&]() -> Status {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_ASSIGN_OR_RETURN(CustomerDraft * draft, OwnDraft(a, d));
    TIERSIM_RETURN_IF_ERROR(CheckCustomerDetails(details));
    draft->details = details;
    return OkStatus();
  }();
  Record("customer.set_details", s.directory_user(), d, Ref(), status,
         details.domain_prefix);
  return status;
}

Status PartnerCenter::SetDraftSubscriptions(
    const Session& s, DraftId d, const std::vector<LineItem>& items) {
  Status status = [&]() -> Status {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_ASSIGN_OR_RETURN(CustomerDraft * draft, OwnDraft(a, d));
    if (!draft->details) {
      return Error(ErrorCode::kWizardIncomplete,
                   "enter the customer details before the subscriptions");
    }
    TIERSIM_RETURN_IF_ERROR(CheckLineItems(items));
    draft->items = items;
    return OkStatus();
  }();
  Record("customer.set_subscriptions", s.directory_user(), d, Ref(), status);
  return status;
}

namespace {

Status CheckComplete(const CustomerDraft& draft) {
  if (draft.details && draft.items) return OkStatus();
  return Error(ErrorCode::kWizardIncomplete,
               draft.details ? "choose the subscriptions before the review"
                             : "enter the customer details before the review");
}

}  // namespace

Result<DraftReview> PartnerCenter::ReviewDraft(const Session& s, DraftId d) {
  TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
  TIERSIM_ASSIGN_OR_RETURN(CustomerDraft * draft, OwnDraft(a, d));
  TIERSIM_RETURN_IF_ERROR(CheckComplete(*draft));
  return DraftReview{draft->reseller, *draft->details, *draft->items,
                     DomainOf(*draft->details)};
}

Result<CustomerCreated> PartnerCenter::SubmitDraft(const Session& s,
                                                   DraftId d) {
  auto result = [&]() -> Result<CustomerCreated> {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_ASSIGN_OR_RETURN(CustomerDraft * draft, OwnDraft(a, d));
    TIERSIM_RETURN_IF_ERROR(CheckComplete(*draft));
    TIERSIM_ASSIGN_OR_RETURN(CustomerCreated created, Commit(a, *draft));
    store_.drafts.erase(d);
    return created;
  }();
  Record("customer.submit", s.directory_user(), d,
         result.ok() ? Ref(result->customer) : Ref(), result.status());
  return result;
}

Status PartnerCenter::CancelDraft(const Session& s, DraftId d) {
  Status status = [&]() -> Status {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_RETURN_IF_ERROR(OwnDraft(a, d).status());
    store_.drafts.erase(d);
    return OkStatus();
  }();
  Record("customer.cancel", s.directory_user(), d, Ref(), status);
  return status;
}

Result<CustomerCreated> PartnerCenter::CreateCustomer(
    const Session& s, PartnerId reseller, const CustomerDetails& details,
    const std::vector<LineItem>& items) {
  // Every wizard page's checks, then Submit, as one journaled operation.
  auto result = [&]() -> Result<CustomerCreated> {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_RETURN_IF_ERROR(CheckCanAddCustomer(a, reseller));
    // The domain is checked by Azure AD when the tenant is created; no
    // separate look-up first (the wizard's details page does one).
    TIERSIM_RETURN_IF_ERROR(CheckDetails(details));
    TIERSIM_RETURN_IF_ERROR(CheckLineItems(items));
    return Commit(a, CustomerDraft{.owner = a.user,
                                   .provider = a.partner,
                                   .reseller = reseller,
                                   .details = details,
                                   .items = items});
  }();
  Record("customer.create", s.directory_user(),
         result.ok() ? Ref(result->customer) : Ref(), reseller,
         result.status());
  return result;
}

Result<CustomerCreated> PartnerCenter::CreateCustomerByApi(
    const Session& s, PartnerId reseller, const CustomerDetails& details) {
  auto result = [&]() -> Result<CustomerCreated> {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_RETURN_IF_ERROR(CheckCanAddCustomer(a, reseller));
    TIERSIM_RETURN_IF_ERROR(CheckDetails(details));
    return Commit(a, CustomerDraft{.owner = a.user,
                                   .provider = a.partner,
                                   .reseller = reseller,
                                   .details = details,
                                   .items = std::vector<LineItem>{}});
  }();
  Record("customer.create_api", s.directory_user(),
         result.ok() ? Ref(result->customer) : Ref(), reseller,
         result.status());
  return result;
}

Result<CustomerCreated> PartnerCenter::Commit(const Actor& a,
                                              const CustomerDraft& d) {
  const CustomerDetails& details = *d.details;
  if (d.reseller.valid()) {  // the partnership may have changed meanwhile
    if (!store_.Partnered(a.partner, d.reseller)) {
      return Error(
          ErrorCode::kNotPartnered,
          "the partnership with " + NameOf(d.reseller) + " no longer exists");
    }
  }
  // Side effects outside the core first, each undone if a later one fails;
  // the core's own records last, where nothing can fail.
  std::string password = NewTemporaryPassword();
  TIERSIM_ASSIGN_OR_RETURN(
      NewTenant created,
      CreateTenantWithAdmin(details.company_name, details.domain_prefix,
                            details.country, details.contact.name, password,
                            PasswordKind::kTemporary));
  const TenantId tenant = created.tenant;
  Customer& c = store_.AddCustomer(tenant, details.company_name,
                                   details.country, kernel_.Now());
  const CustomerId id = c.id;
  AddRelationship(c, a.partner, RelationshipKind::kReseller);
  if (d.reseller.valid()) {
    AddRelationship(c, d.reseller, RelationshipKind::kReseller);
  }
  OrderReceipt receipt;  // none when created through the API without items
  if (!d.items->empty()) {
    receipt = CreateOrder(c, a.partner, d.reseller, *d.items);
  }
  return CustomerCreated{id,
                         tenant,
                         std::move(created.admin_upn),
                         StoreSecret(a.user, std::move(password)),
                         receipt.order,
                         std::move(receipt.subscriptions)};
}

}  // namespace tiersim::sim
