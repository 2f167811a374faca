// World seeding: partners, customer tenants and partnerships that exist
// before a scenario starts (scenario casts, fixtures, benchmarks). Seeding
// goes through the same ports as the flows, and is journaled as such.
#include "sim/email_address.h"
#include "sim/partner_center_internal.h"

namespace tiersim::sim {

Result<PartnerCenter::SeededPartner> PartnerCenter::SeedPartner(
    const PartnerSeed& seed) {
  auto result = [&]() -> Result<SeededPartner> {
    if (seed.legal_name.empty()) {
      return Error(ErrorCode::kInvalidArgument,
                   "a seeded partner needs a legal name");
    }
    if (seed.mpn.valid()) TIERSIM_RETURN_IF_ERROR(MpnFree(seed.mpn));  // R8
    TIERSIM_ASSIGN_OR_RETURN(
        NewTenant created,
        CreateTenantWithAdmin(seed.legal_name, seed.domain_prefix, seed.country,
                              seed.admin_name, seed.admin_password,
                              PasswordKind::kPermanent));
    const TenantId tenant = created.tenant;
    const std::string& upn = created.admin_upn;
    const std::string domain = EmailDomain(upn);
    const PartnerId id(store_.partners.size() + 1);
    Partner p;
    p.id = id;
    p.tenant = tenant;
    p.mpn = seed.mpn;
    p.domain = domain;
    p.country = seed.country;
    p.provider = !seed.direct && seed.program == Program::kIndirectProvider;
    p.reseller = !seed.direct && seed.program == Program::kIndirectReseller;
    p.direct = seed.direct;
    p.setup_complete = true;
    p.enrolled_by = created.admin;
    p.legal_name = seed.legal_name;
    p.address.country = seed.country;
    p.primary_contact = seed.primary_contact;
    if (p.primary_contact.email.empty()) {
      p.primary_contact = {seed.admin_name, upn, ""};
    }
    p.support_contact = p.primary_contact;
    p.enrolled_at = kernel_.Now();
    store_.partners.push_back(std::move(p));
    store_.partner_by_tenant.insert_or_assign(tenant, id);
    if (seed.mpn.valid()) store_.partner_by_mpn.insert_or_assign(seed.mpn, id);
    Partner& stored = store_.partners.back();
    ActivatePartner(stored, created.admin);
    // Seeded partners have finished set-up: the admin is an Admin agent too.
    store_.user(stored.users.back())->agent = AgentRole::kAdminAgent;
    return SeededPartner{id, tenant, upn};
  }();
  Record("seed.partner", Ref(), result.ok() ? Ref(result->partner) : Ref(),
         Ref(), result.status(), seed.legal_name);
  return result;
}

Result<PartnerCenter::SeededCustomer> PartnerCenter::SeedCustomerTenant(
    const CustomerSeed& seed) {
  auto result = [&]() -> Result<SeededCustomer> {
    if (seed.company_name.empty()) {
      return Error(ErrorCode::kInvalidArgument,
                   "a seeded customer needs a company name");
    }
    for (TenantId t : seed.served_by) {
      if (!identity_.GetTenant(t).ok()) {
        return Error(ErrorCode::kUnknownTenant,
                     t.ToString() +
                         " (a serving partner's tenant) does not "
                         "exist");
      }
    }
    TIERSIM_ASSIGN_OR_RETURN(
        NewTenant created,
        CreateTenantWithAdmin(seed.company_name, seed.domain_prefix,
                              seed.country, seed.company_name + " admin",
                              seed.admin_password, PasswordKind::kPermanent));
    const TenantId tenant = created.tenant;
    // The customer's record exists from the start, with no relationship
    // until a partner's is accepted: a partner that asks for it by ID is
    // told it was not found (R26), as for any customer it does not serve.
    const CustomerId id =
        store_
            .AddCustomer(tenant, seed.company_name, seed.country, kernel_.Now())
            .id;
    for (TenantId t : seed.served_by) {
      auto partner = store_.partner_by_tenant.find(t);
      if (partner != store_.partner_by_tenant.end() &&
          store_.partner(partner->second)->state ==
              EnrollmentState::kApproved) {
        AddRelationship(*store_.customer(id), partner->second, seed.kind);
      } else {  // F4: shows up once that organisation enrolls
        store_.pending_relationships[t].push_back({id, seed.kind});
      }
    }
    return SeededCustomer{tenant, created.admin_upn, id};
  }();
  Record("seed.customer", Ref(), result.ok() ? Ref(result->tenant) : Ref(),
         result.ok() ? Ref(result->customer) : Ref(), result.status(),
         seed.company_name);
  return result;
}

Status PartnerCenter::SeedPartnership(PartnerId provider_id,
                                      PartnerId reseller_id) {
  Status status = [&]() -> Status {
    Partner* provider = store_.partner(provider_id);
    Partner* reseller = store_.partner(reseller_id);
    if (provider == nullptr || !provider->provider) {
      return Error(ErrorCode::kNotAProvider,
                   provider_id.ToString() + " is not an indirect provider");
    }
    if (reseller == nullptr || !reseller->reseller) {
      return Error(ErrorCode::kNotAReseller,
                   reseller_id.ToString() + " is not an indirect reseller");
    }
    if (store_.Partnered(provider_id, reseller_id)) {
      return Error(ErrorCode::kAlreadyPartnered,
                   provider->legal_name + " and " + reseller->legal_name +
                       " are already partners");
    }
    store_.AddPartnership(provider_id, reseller_id);
    return OkStatus();
  }();
  Record("seed.partnership", Ref(), provider_id, reseller_id, status);
  return status;
}

}  // namespace tiersim::sim
