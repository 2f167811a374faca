// Operation declarations (see sim/op.h): partnerships (F3), customer
// relationships (F4-F6), and the real API's relationship resources
// (/v1/relationships, /v1/customers/relationshiprequests, /v1/profiles/mpn).
#pragma once

#include <string>
#include <vector>

#include "sim/op.h"
#include "sim/ops_accounts.h"
#include "sim/partner_center.h"

namespace tiersim::sim::ops {

// ---- F3 partnership ----

struct RequestPartnership {
  static constexpr OpInfo kInfo{
      .name = "partnership.request",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/partnership-requests",
      .access = Access::kSignedIn,
      .status = 201,
      .permission = Permission::kManagePartnerships,
      .summary = "a provider invites a reseller (a personal link, R12)"};
  struct Request {
    std::string reseller_email;
    std::string message;
  };
  using Response = SentInvitation;
  static constexpr auto kFields =
      Fields(Body("resellerEmail", &Request::reseller_email),
             Body("message", &Request::message));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.RequestPartnership(s, r.reseller_email, r.message);
  }
};

// The acceptances: a link from an email and the consent box.
struct Acceptance {
  std::string link;
  Consent consent = Consent::kNotGiven;
};

struct AcceptPartnership {
  static constexpr OpInfo kInfo{
      .name = "partnership.accept",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/partnership-requests/accept",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kMember,
      .reply_member = "providerId",
      .permission = Permission::kAcceptPartnership,
      .summary = "the reseller accepts the provider's invitation"};
  using Request = Acceptance;
  using Response = PartnerId;
  static constexpr auto kFields =
      Fields(Body("link", &Request::link), Body("consent", &Request::consent));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.AcceptPartnership(s, r.link, r.consent);
  }
};

struct AdministerReseller {
  static constexpr OpInfo kInfo{
      .name = "resellers.administer",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/resellers/{reseller}/administer",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kMember,
      .reply_member = "tenantId",
      .summary = "R13: the provider opens its reseller's tenant"};
  struct Request {
    PartnerId reseller;
  };
  using Response = TenantId;
  static constexpr auto kFields = Fields(Path("reseller", &Request::reseller));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.AdministerResellerTenant(s, r.reseller);
  }
};

struct EndPartnership {
  static constexpr OpInfo kInfo{
      .name = "partnership.end",
      .method = HttpMethod::kDelete,
      .path = "/v1/tiersim/partnerships/{partner}",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kEmpty,
      .summary = "R14: either side ends the partnership"};
  using Request = PartnerPath;
  using Response = Empty;
  static constexpr auto kFields = Fields(Path("partner", &Request::partner));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return Done(pc.EndPartnership(s, r.partner));
  }
};

// GET /v1/relationships?relationship_type=...
enum class RelationshipType : std::uint8_t {
  kUnspecified,  // refused: the real API requires the type
  // the caller (a provider) is the provider of these resellers
  kIsIndirectCloudSolutionProviderOf,
  // the caller (a reseller) resells for these providers
  kIsIndirectResellerOf,
};

struct PartnerRelationship {
  PartnerSummary partner;
  RelationshipType type;
};

struct ListRelationships {
  static constexpr OpInfo kInfo{
      .name = "relationships.list",
      .method = HttpMethod::kGet,
      .path = "/v1/relationships",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kCollection,
      .summary = "a provider's indirect resellers, or a reseller's providers"};
  struct Request {
    RelationshipType type = RelationshipType::kUnspecified;
  };
  using Response = std::vector<PartnerRelationship>;
  static constexpr auto kFields =
      Fields(Query("relationship_type", &Request::type));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    if (r.type == RelationshipType::kUnspecified) {
      return Error(ErrorCode::kInvalidArgument,
                   "relationship_type must be "
                   "IsIndirectCloudSolutionProviderOf or "
                   "IsIndirectResellerOf");
    }
    const bool resellers =
        r.type == RelationshipType::kIsIndirectCloudSolutionProviderOf;
    TIERSIM_ASSIGN_OR_RETURN(
        std::vector<PartnerSummary> partners,
        resellers ? pc.IndirectResellers(s) : pc.IndirectProviders(s));
    Response out;
    for (PartnerSummary& p : partners) out.push_back({std::move(p), r.type});
    return out;
  }
};

// ---- F4-F6 customer relationships ----

// An email with a personal link to a customer (edited text keeps {link}).
struct CustomerEmail {
  std::string customer_email;
  std::string message;
};

struct RequestDelegatedAdmin {
  static constexpr OpInfo kInfo{
      .name = "customers.request_delegated_admin",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/delegated-admin-requests",
      .access = Access::kSignedIn,
      .status = 201,
      .permission = Permission::kAdministerOnBehalf,
      .summary = "R40/R46: ask a customer for delegated admin privileges"};
  using Request = CustomerEmail;
  using Response = SentInvitation;
  static constexpr auto kFields =
      Fields(Body("customerEmail", &Request::customer_email),
             Body("message", &Request::message));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.RequestDelegatedAdmin(s, r.customer_email, r.message);
  }
};

struct InviteCustomer {
  static constexpr OpInfo kInfo{
      .name = "customers.invite",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/customer-invitations",
      .access = Access::kSignedIn,
      .status = 201,
      .permission = Permission::kRequestCustomerRelationship,
      .summary = "F4: a reseller invites a customer"};
  using Request = CustomerEmail;
  using Response = SentInvitation;
  static constexpr auto kFields =
      Fields(Body("customerEmail", &Request::customer_email),
             Body("message", &Request::message));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.RequestResellerRelationship(s, r.customer_email, r.message);
  }
};

// The real API's relationship request, with tiersim's personal links.
struct RelationshipRequestLink {
  std::string url;
  InvitationId invitation;
};

// GET /v1/customers/relationshiprequests?customerEmail=...: the real API
// returns one shared URL; in tiersim every invitation link is personal
// (R12), so the request names the customer's global admin and the
// invitation is mailed to them, as the web page does (F4).
struct RequestCustomerRelationship {
  static constexpr OpInfo kInfo{
      .name = "customers.relationship_request",
      .method = HttpMethod::kGet,
      .path = "/v1/customers/relationshiprequests",
      .access = Access::kSignedIn,
      .permission = Permission::kRequestCustomerRelationship,
      .summary = "the real API's relationship request (mailed, R12)"};
  using Request = CustomerEmail;
  using Response = RelationshipRequestLink;
  static constexpr auto kFields =
      Fields(Query("customerEmail", &Request::customer_email),
             Query("message", &Request::message));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    if (r.customer_email.empty()) {
      return Error(ErrorCode::kInvalidArgument,
                   "give customerEmail: tiersim's invitation links are "
                   "personal (R12), so the request names the customer's "
                   "global admin");
    }
    TIERSIM_ASSIGN_OR_RETURN(
        SentInvitation sent,
        pc.RequestResellerRelationship(s, r.customer_email, r.message));
    return RelationshipRequestLink{.url = sent.link, .invitation = sent.id};
  }
};

struct InviteJointly {
  static constexpr OpInfo kInfo{
      .name = "customers.invite_jointly",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/joint-invitations",
      .access = Access::kSignedIn,
      .status = 201,
      .permission = Permission::kRequestCustomerRelationship,
      .summary = "F5: a reseller invites a customer with its provider"};
  struct Request {
    PartnerId provider;
    std::string customer_email;
    std::string message;
  };
  using Response = SentInvitation;
  static constexpr auto kFields =
      Fields(Body("providerId", &Request::provider),
             Body("customerEmail", &Request::customer_email),
             Body("message", &Request::message));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.InviteCustomerWithProvider(s, r.provider, r.customer_email,
                                         r.message);
  }
};

struct AcceptCustomerInvitation {
  static constexpr OpInfo kInfo{
      .name = "customers.accept_invitation",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/customer-invitations/accept",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kMember,
      .reply_member = "customerId",
      .summary = "the customer's global admin authorises the reseller"};
  using Request = Acceptance;
  using Response = CustomerId;
  static constexpr auto kFields =
      Fields(Body("link", &Request::link), Body("consent", &Request::consent));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.AcceptResellerInvitation(s, r.link, r.consent);
  }
};

struct SharedCustomers {
  static constexpr OpInfo kInfo{
      .name = "customers.shared",
      .method = HttpMethod::kGet,
      .path = "/v1/tiersim/providers/{provider}/shared-customers",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kCollection,
      .permission = Permission::kViewCustomers,
      .summary = "F6: the customers a reseller shares with a provider"};
  struct Request {
    PartnerId provider;
  };
  using Response = std::vector<CustomerSummary>;
  static constexpr auto kFields = Fields(Path("provider", &Request::provider));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.SharedCustomers(s, r.provider);
  }
};

struct AdministerCustomer {
  static constexpr OpInfo kInfo{
      .name = "customers.administer",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/customers/{customer}/administer",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kMember,
      .reply_member = "tenantId",
      .permission = Permission::kAdministerOnBehalf,
      .summary = "R46: open the customer's admin portal"};
  using Request = CustomerPath;
  using Response = TenantId;
  static constexpr auto kFields = Fields(Path("customer", &Request::customer));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.AdministerCustomer(s, r.customer);
  }
};

struct EndCustomerRelationship {
  static constexpr OpInfo kInfo{
      .name = "customers.end_relationship",
      .method = HttpMethod::kDelete,
      .path = "/v1/tiersim/customers/{customer}/relationship",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kEmpty,
      .permission = Permission::kRequestCustomerRelationship,
      .summary = "R14: end the reseller relationship with a customer"};
  using Request = CustomerPath;
  using Response = Empty;
  static constexpr auto kFields = Fields(Path("customer", &Request::customer));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return Done(pc.EndResellerRelationship(s, r.customer));
  }
};

// The customer's side: its global admin's Partner relationships page.
struct ListPartnerRelationships {
  static constexpr OpInfo kInfo{
      .name = "customer.partner_relationships",
      .method = HttpMethod::kGet,
      .path = "/v1/tiersim/customer/partners",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kCollection,
      .summary = "R14: a customer's admin sees its partners"};
  struct Request {};
  using Response = std::vector<CustomerPartnerView>;
  static constexpr auto kFields = Fields();
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request&) {
    return pc.PartnerRelationships(s);
  }
};

struct RemovePartnerRelationship {
  static constexpr OpInfo kInfo{
      .name = "customer.remove_partner",
      .method = HttpMethod::kDelete,
      .path = "/v1/tiersim/customer/partners/{partner}",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kEmpty,
      .summary = "R14: a customer's admin removes a partner relationship"};
  using Request = PartnerPath;
  using Response = Empty;
  static constexpr auto kFields = Fields(Path("partner", &Request::partner));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return Done(pc.RemovePartnerRelationship(s, r.partner));
  }
};

// The real API's MpnProfile resource.
struct MpnProfileResource {
  MpnProfile profile;
};

// GET /v1/profiles/mpn?mpnId=...: is this MPN ID a real, active profile?
struct LookUpMpnProfile {
  static constexpr OpInfo kInfo{
      .name = "profiles.mpn",
      .method = HttpMethod::kGet,
      .path = "/v1/profiles/mpn",
      .access = Access::kSignedIn,
      .summary = "the Partner Membership Center's profile of an MPN ID"};
  struct Request {
    MpnId mpn;
  };
  using Response = MpnProfileResource;
  static constexpr auto kFields = Fields(Query("mpnId", &Request::mpn));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    if (!r.mpn.valid()) {
      return Error(ErrorCode::kInvalidArgument,
                   "mpnId must be a number such as 4700001");
    }
    TIERSIM_ASSIGN_OR_RETURN(MpnProfile p, pc.LookUpMpnProfile(s, r.mpn));
    return MpnProfileResource{std::move(p)};
  }
};

}  // namespace tiersim::sim::ops
