// Operation declarations (see sim/op.h): the add-customer wizard (F7),
// subscriptions, orders and support (F8, F9), as tiersim's pages and as
// the real API's /v1/customers resources.
#pragma once

#include <string>
#include <vector>

#include "sim/op.h"
#include "sim/ops_accounts.h"
#include "sim/partner_center.h"

namespace tiersim::sim::ops {

// ---- F7 the add-customer wizard ----

struct BeginDraft {
  static constexpr OpInfo kInfo{
      .name = "drafts.begin",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/customer-drafts",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kMember,
      .reply_member = "draftId",
      .status = 201,
      .permission = Permission::kManageCustomers,
      .summary = "open the add-customer wizard for a reseller"};
  struct Request {
    PartnerId reseller;
  };
  using Response = DraftId;
  static constexpr auto kFields =
      Fields(Body("resellerId", &Request::reseller));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.BeginAddCustomer(s, r.reseller);
  }
};

struct SetDraftDetails {
  static constexpr OpInfo kInfo{
      .name = "drafts.set_details",
      .method = HttpMethod::kPut,
      .path = "/v1/tiersim/customer-drafts/{draft}/details",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kEmpty,
      .summary = "the wizard's customer details page"};
  struct Request {
    DraftId draft;
    CustomerDetails details;
  };
  using Response = Empty;
  static constexpr auto kFields =
      Fields(Path("draft", &Request::draft), WholeBody(&Request::details));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return Done(pc.SetCustomerDetails(s, r.draft, r.details));
  }
};

struct SetDraftSubscriptions {
  static constexpr OpInfo kInfo{
      .name = "drafts.set_subscriptions",
      .method = HttpMethod::kPut,
      .path = "/v1/tiersim/customer-drafts/{draft}/subscriptions",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kEmpty,
      .summary = "the wizard's subscriptions page"};
  struct Request {
    DraftId draft;
    std::vector<LineItem> items;
  };
  using Response = Empty;
  static constexpr auto kFields = Fields(Path("draft", &Request::draft),
                                         Body("lineItems", &Request::items));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return Done(pc.SetDraftSubscriptions(s, r.draft, r.items));
  }
};

struct DraftOnly {
  DraftId draft;
};

struct ReviewDraft {
  static constexpr OpInfo kInfo{
      .name = "drafts.review",
      .method = HttpMethod::kGet,
      .path = "/v1/tiersim/customer-drafts/{draft}/review",
      .access = Access::kSignedIn,
      .summary = "the wizard's review page"};
  using Request = DraftOnly;
  using Response = DraftReview;
  static constexpr auto kFields = Fields(Path("draft", &Request::draft));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.ReviewDraft(s, r.draft);
  }
};

struct SubmitDraft {
  static constexpr OpInfo kInfo{
      .name = "drafts.submit",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/customer-drafts/{draft}/submit",
      .access = Access::kSignedIn,
      .status = 201,
      .summary = "create tenant, admin and subscriptions, all or nothing"};
  using Request = DraftOnly;
  using Response = CustomerCreated;
  static constexpr auto kFields = Fields(Path("draft", &Request::draft));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.SubmitDraft(s, r.draft);
  }
};

struct CancelDraft {
  static constexpr OpInfo kInfo{.name = "drafts.cancel",
                                .method = HttpMethod::kDelete,
                                .path = "/v1/tiersim/customer-drafts/{draft}",
                                .access = Access::kSignedIn,
                                .reply = ReplyShape::kEmpty,
                                .summary = "leave the wizard"};
  using Request = DraftOnly;
  using Response = Empty;
  static constexpr auto kFields = Fields(Path("draft", &Request::draft));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return Done(pc.CancelDraft(s, r.draft));
  }
};

// ---- F8, F9 on tiersim's pages (by subscription alone) ----

// The requests that name a subscription and a license count, or a
// subscription and a partner.
struct SubscriptionQuantity {
  SubscriptionId subscription;
  std::int64_t quantity = 0;
};
inline constexpr auto kSubscriptionQuantityFields =
    Fields(Path("subscription", &SubscriptionQuantity::subscription),
           Body("quantity", &SubscriptionQuantity::quantity));
struct SubscriptionPartner {
  SubscriptionId subscription;
  PartnerId partner;
};
inline constexpr auto kSubscriptionPartnerFields =
    Fields(Path("subscription", &SubscriptionPartner::subscription),
           Body("partnerId", &SubscriptionPartner::partner));

struct ChangeLicenses {
  static constexpr OpInfo kInfo{
      .name = "subscriptions.change_licenses",
      .method = HttpMethod::kPatch,
      .path = "/v1/tiersim/subscriptions/{subscription}",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kEmpty,
      .summary = "change a subscription's number of licenses"};
  using Request = SubscriptionQuantity;
  using Response = Empty;
  static constexpr auto kFields = kSubscriptionQuantityFields;
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return Done(pc.ChangeLicenses(s, r.subscription, r.quantity));
  }
};

struct AddLicenses {
  static constexpr OpInfo kInfo{
      .name = "subscriptions.add_licenses",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/subscriptions/{subscription}/licenses",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kEmpty,
      .summary = "F8: buy additional licenses"};
  using Request = SubscriptionQuantity;
  using Response = Empty;
  static constexpr auto kFields = kSubscriptionQuantityFields;
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return Done(pc.AddLicenses(s, r.subscription, r.quantity));
  }
};

struct UpgradeSubscription {
  static constexpr OpInfo kInfo{
      .name = "subscriptions.upgrade",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/subscriptions/{subscription}/upgrade",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kEmpty,
      .summary = "F8: upgrade to a higher offer"};
  struct Request {
    SubscriptionId subscription;
    std::string offer;
  };
  using Response = Empty;
  static constexpr auto kFields =
      Fields(Path("subscription", &Request::subscription),
             Body("offerId", &Request::offer));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return Done(pc.UpgradeSubscription(s, r.subscription, r.offer));
  }
};

struct SetSubscriptionReseller {
  static constexpr OpInfo kInfo{
      .name = "subscriptions.set_reseller",
      .method = HttpMethod::kPut,
      .path = "/v1/tiersim/subscriptions/{subscription}/reseller",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kEmpty,
      .summary = "F8: associate a reseller with an existing subscription"};
  using Request = SubscriptionPartner;
  using Response = Empty;
  static constexpr auto kFields = kSubscriptionPartnerFields;
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return Done(pc.SetSubscriptionReseller(s, r.subscription, r.partner));
  }
};

struct SetSupportContact {
  static constexpr OpInfo kInfo{
      .name = "subscriptions.set_support_contact",
      .method = HttpMethod::kPut,
      .path = "/v1/tiersim/subscriptions/{subscription}/supportcontact",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kEmpty,
      .summary = "F9: who answers the customer's support requests"};
  using Request = SubscriptionPartner;
  using Response = Empty;
  static constexpr auto kFields = kSubscriptionPartnerFields;
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return Done(pc.SetSupportContact(s, r.subscription, r.partner));
  }
};

struct FileSupportRequest {
  static constexpr OpInfo kInfo{
      .name = "support.file",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/subscriptions/{subscription}/support-requests",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kMember,
      .reply_member = "supportRequestId",
      .status = 201,
      .summary = "a customer's (or, on behalf, a partner's) support request"};
  struct Request {
    SubscriptionId subscription;
    std::string text;
    bool on_behalf = false;  // a partner agent for the customer (R41)
  };
  using Response = SupportRequestId;
  static constexpr auto kFields = Fields(
      Path("subscription", &Request::subscription),
      Body("text", &Request::text), Body("onBehalf", &Request::on_behalf));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return r.on_behalf
               ? pc.FileSupportRequestOnBehalf(s, r.subscription, r.text)
               : pc.FileCustomerSupportRequest(s, r.subscription, r.text);
  }
};

struct SupportQueue {
  static constexpr OpInfo kInfo{
      .name = "support.queue",
      .method = HttpMethod::kGet,
      .path = "/v1/tiersim/support-queue",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kCollection,
      .summary = "the support requests assigned here"};
  struct Request {};
  using Response = std::vector<SupportRequestView>;
  static constexpr auto kFields = Fields();
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request&) {
    return pc.SupportQueue(s);
  }
};

struct GetServiceHealth {
  static constexpr OpInfo kInfo{
      .name = "service_health",
      .method = HttpMethod::kGet,
      .path = "/v1/tiersim/service-health",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kCollection,
      .permission = Permission::kServiceHealth,
      .summary = "R40/R41: Microsoft services and the customers using them"};
  struct Request {};
  using Response = std::vector<ServiceHealthView>;
  static constexpr auto kFields = Fields();
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request&) {
    return pc.ServiceHealth(s);
  }
};

}  // namespace tiersim::sim::ops
