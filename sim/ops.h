// Every operation, in the order servers match their routes (a literal path
// before a pattern that would also match it: relationshiprequests before
// /v1/customers/{customer}). PartnerCenterOps are what people do (the
// sim::Client's Call<Op>); ControlOps what a test harness does. Iterate
// them with ForEach (the server's routes, the network client's table,
// `tiersim list operations`, the load engine and the web UI).
#pragma once

#include "sim/op.h"
#include "sim/ops_accounts.h"
#include "sim/ops_commerce.h"
#include "sim/ops_control.h"
#include "sim/ops_customer_users.h"
#include "sim/ops_customers_api.h"
#include "sim/ops_leads.h"
#include "sim/ops_partners.h"

namespace tiersim::sim::ops {

using PartnerCenterOps = OpList<
    // The real API (orders first: the load tests' hot path).
    PlaceOrder, RequestCustomerRelationship, ListRelationships,
    LookUpMpnProfile, ListCustomers, CreateCustomer, GetCustomer,
    ListSubscriptions, GetSubscription, PatchSubscription, GetSupportContact,
    PutSupportContact, ListCustomerUsers, CreateCustomerUser,
    DeleteCustomerUser, UpdateCustomerUserLicenses, ListSubscribedSkus,
    // tiersim's pages for a signed-in person.
    AddUser, ListUsers, SetUserRoles, RevealPassword, Navigation,
    PartnerProfile, CompleteAccountSetup, AddResellerAccount, GetListing,
    RequestListingChange, RequestPartnership, AcceptPartnership,
    AdministerReseller, EndPartnership, RequestDelegatedAdmin, InviteCustomer,
    InviteJointly, AcceptCustomerInvitation, SharedCustomers,
    AdministerCustomer, EndCustomerRelationship, ListPartnerRelationships,
    RemovePartnerRelationship, BeginDraft, SetDraftDetails,
    SetDraftSubscriptions, ReviewDraft, SubmitDraft, CancelDraft,
    ChangeLicenses, AddLicenses, UpgradeSubscription, SetSubscriptionReseller,
    SetSupportContact, FileSupportRequest, SupportQueue, GetServiceHealth,
    ListLeads, AcceptLead, DeclineLead,
    // Pages anyone may open.
    StartEnrollment, GetEnrollment, EnrollSignIn, EnrollCreateWorkAccount,
    EnrollSignInPmc, EnrollChooseProfile, EnrollSubmit, VerifyContact,
    ResendVerification, AbandonEnrollment, EnrollmentStatus, SearchProviders>;

using ControlOps = OpList<SeedPartner, SeedCustomer, SeedPartnership,
                          SeedPmcAccount, SeedPmcProfile, SeedLead, ArmFault,
                          ReadJournal, ReadTime, ReadCounts>;

}  // namespace tiersim::sim::ops
