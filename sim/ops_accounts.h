// Operation declarations (see sim/op.h): users (F10), enrollment (F1, F1b)
// and the provider listing (F2). One struct per operation.
#pragma once

#include <string>
#include <vector>

#include "sim/op.h"
#include "sim/partner_center.h"

namespace tiersim::sim::ops {

inline Result<Empty> Done(const Status& s) {
  if (!s.ok()) return s;
  return Empty{};
}

// The requests that name one customer or one partner in their path.
struct CustomerPath {
  CustomerId customer;
};
struct PartnerPath {
  PartnerId partner;
};

// ---- Users (F10, R23, R40-R47) ----

struct AddUser {
  static constexpr OpInfo kInfo{
      .name = "users.add",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/users",
      .access = Access::kSignedIn,
      .status = 201,
      .permission = Permission::kManageUsers,
      .summary = "add a user with roles; the temporary password is a secret"};
  struct Request {
    UserSpec user;
  };
  using Response = NewUser;
  static constexpr auto kFields = Fields(WholeBody(&Request::user));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.AddUser(s, r.user);
  }
};

struct ListUsers {
  static constexpr OpInfo kInfo{.name = "users.list",
                                .method = HttpMethod::kGet,
                                .path = "/v1/tiersim/users",
                                .access = Access::kSignedIn,
                                .reply = ReplyShape::kCollection,
                                .permission = Permission::kManageUsers,
                                .summary = "the organisation's users"};
  struct Request {};
  using Response = std::vector<UserView>;
  static constexpr auto kFields = Fields();
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request&) {
    return pc.Users(s);
  }
};

struct SetUserRoles {
  static constexpr OpInfo kInfo{.name = "users.set_roles",
                                .method = HttpMethod::kPut,
                                .path = "/v1/tiersim/users/{user}/roles",
                                .access = Access::kSignedIn,
                                .reply = ReplyShape::kEmpty,
                                .permission = Permission::kManageUsers,
                                .summary = "give a user agent and admin roles"};
  struct Request {
    UserId user;
    AgentRole agent = AgentRole::kNone;
    AdminRole admin = AdminRole::kNone;
  };
  using Response = Empty;
  static constexpr auto kFields =
      Fields(Path("user", &Request::user), Body("agentRole", &Request::agent),
             Body("adminRole", &Request::admin));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return Done(pc.SetUserRoles(s, r.user, r.agent, r.admin));
  }
};

struct RevealPassword {
  static constexpr OpInfo kInfo{
      .name = "secrets.reveal",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/secrets/{secret}/reveal",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kMember,
      .reply_member = "password",
      .summary = "show a temporary password, once (R23)"};
  struct Request {
    SecretId secret;
  };
  using Response = std::string;
  static constexpr auto kFields = Fields(Path("secret", &Request::secret));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.RevealPassword(s, r.secret);
  }
};

struct Navigation {
  static constexpr OpInfo kInfo{
      .name = "navigation",
      .method = HttpMethod::kGet,
      .path = "/v1/tiersim/navigation",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kMember,
      .reply_member = "sections",
      .summary = "the sections this user's roles show (R45)"};
  struct Request {};
  using Response = std::vector<Section>;
  static constexpr auto kFields = Fields();
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request&) {
    return pc.Navigation(s);
  }
};

struct PartnerProfile {
  static constexpr OpInfo kInfo{.name = "profile",
                                .method = HttpMethod::kGet,
                                .path = "/v1/tiersim/profile",
                                .access = Access::kSignedIn,
                                .permission = Permission::kViewPartnerProfile,
                                .summary = "the signed-in partner's profile"};
  struct Request {};
  using Response = PartnerProfileView;
  static constexpr auto kFields = Fields();
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request&) {
    return pc.PartnerProfile(s);
  }
};

// ---- F1 enrollment (public: its second step is the sign-in) ----

struct StartEnrollment {
  static constexpr OpInfo kInfo{.name = "enrollment.start",
                                .method = HttpMethod::kPost,
                                .path = "/v1/tiersim/enrollments",
                                .access = Access::kPublic,
                                .status = 201,
                                .summary = "open the enrollment welcome page"};
  struct Request {
    Program program = Program::kIndirectReseller;
  };
  using Response = EnrollmentView;
  static constexpr auto kFields = Fields(Body("program", &Request::program));
  static Result<Response> Run(PartnerCenter& pc, const Request& r) {
    return pc.StartEnrollment(r.program);
  }
};

struct GetEnrollment {
  static constexpr OpInfo kInfo{.name = "enrollment.get",
                                .method = HttpMethod::kGet,
                                .path = "/v1/tiersim/enrollments/{enrollment}",
                                .access = Access::kPublic,
                                .summary = "where an enrollment stands"};
  struct Request {
    EnrollmentId enrollment;
  };
  using Response = EnrollmentView;
  static constexpr auto kFields =
      Fields(Path("enrollment", &Request::enrollment));
  static Result<Response> Run(PartnerCenter& pc, const Request& r) {
    return pc.GetEnrollment(r.enrollment);
  }
};

// The enrollment steps that take a user name and password.
struct Credentials {
  EnrollmentId enrollment;
  std::string user_name;
  std::string password;
};

struct EnrollSignIn {
  static constexpr OpInfo kInfo{
      .name = "enrollment.sign_in",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/enrollments/{enrollment}/signin",
      .access = Access::kPublic,
      .reply = ReplyShape::kEmpty,
      .summary = "sign in with an existing work account"};
  using Request = Credentials;
  using Response = Empty;
  static constexpr auto kFields =
      Fields(Path("enrollment", &Request::enrollment),
             Body("userName", &Request::user_name),
             Body("password", &Request::password));
  static Result<Response> Run(PartnerCenter& pc, const Request& r) {
    return Done(pc.EnrollSignIn(r.enrollment, r.user_name, r.password));
  }
};

struct EnrollCreateWorkAccount {
  static constexpr OpInfo kInfo{
      .name = "enrollment.create_work_account",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/enrollments/{enrollment}/work-account",
      .access = Access::kPublic,
      .reply = ReplyShape::kEmpty,
      .summary = "create the work account (tenant and global admin)"};
  struct Request {
    EnrollmentId enrollment;
    WorkAccountSpec account;
  };
  using Response = Empty;
  static constexpr auto kFields = Fields(
      Path("enrollment", &Request::enrollment), WholeBody(&Request::account));
  static Result<Response> Run(PartnerCenter& pc, const Request& r) {
    return Done(pc.EnrollCreateWorkAccount(r.enrollment, r.account));
  }
};

struct EnrollSignInPmc {
  static constexpr OpInfo kInfo{
      .name = "enrollment.sign_in_pmc",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/enrollments/{enrollment}/pmc-signin",
      .access = Access::kPublic,
      .reply = ReplyShape::kCollection,
      .summary = "sign in to the Partner Membership Center; its profiles"};
  using Request = Credentials;
  using Response = std::vector<MpnProfile>;
  static constexpr auto kFields =
      Fields(Path("enrollment", &Request::enrollment),
             Body("userName", &Request::user_name),
             Body("password", &Request::password));
  static Result<Response> Run(PartnerCenter& pc, const Request& r) {
    return pc.EnrollSignInPmc(r.enrollment, r.user_name, r.password);
  }
};

struct EnrollChooseProfile {
  static constexpr OpInfo kInfo{
      .name = "enrollment.choose_profile",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/enrollments/{enrollment}/profile",
      .access = Access::kPublic,
      .reply = ReplyShape::kEmpty,
      .summary = "choose the MPN profile to enroll"};
  struct Request {
    EnrollmentId enrollment;
    MpnId mpn;
  };
  using Response = Empty;
  static constexpr auto kFields = Fields(
      Path("enrollment", &Request::enrollment), Body("mpnId", &Request::mpn));
  static Result<Response> Run(PartnerCenter& pc, const Request& r) {
    return Done(pc.EnrollChooseProfile(r.enrollment, r.mpn));
  }
};

struct EnrollSubmit {
  static constexpr OpInfo kInfo{
      .name = "enrollment.submit",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/enrollments/{enrollment}/submit",
      .access = Access::kPublic,
      .reply = ReplyShape::kMember,
      .reply_member = "partnerId",
      .status = 201,
      .summary = "submit the company details; verification email follows"};
  struct Request {
    EnrollmentId enrollment;
    EnrollmentDetails details;
  };
  using Response = PartnerId;
  static constexpr auto kFields = Fields(
      Path("enrollment", &Request::enrollment), WholeBody(&Request::details));
  static Result<Response> Run(PartnerCenter& pc, const Request& r) {
    return pc.EnrollSubmit(r.enrollment, r.details);
  }
};

struct VerifyContact {
  static constexpr OpInfo kInfo{
      .name = "enrollment.verify_contact",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/verifications",
      .access = Access::kPublic,
      .reply = ReplyShape::kEmpty,
      .summary = "the primary contact answers the verification email"};
  struct Request {
    std::string link;
    ContactAnswer answer = ContactAnswer::kItWasMe;
  };
  using Response = Empty;
  static constexpr auto kFields =
      Fields(Body("link", &Request::link), Body("answer", &Request::answer));
  static Result<Response> Run(PartnerCenter& pc, const Request& r) {
    return Done(pc.VerifyContact(r.link, r.answer));
  }
};

// The requests that name an enrollment and nothing else (R8's ways out).
struct EnrollmentOnly {
  EnrollmentId enrollment;
};
inline constexpr auto kEnrollmentOnlyFields =
    Fields(Path("enrollment", &EnrollmentOnly::enrollment));

struct ResendVerification {
  static constexpr OpInfo kInfo{
      .name = "enrollment.resend_verification",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/enrollments/{enrollment}/verification-email",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kEmpty,
      .status = 202,
      .summary = "send the primary contact a new verification email (R8)"};
  using Request = EnrollmentOnly;
  using Response = Empty;
  static constexpr auto kFields = kEnrollmentOnlyFields;
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return Done(pc.ResendVerification(s, r.enrollment));
  }
};

struct AbandonEnrollment {
  static constexpr OpInfo kInfo{
      .name = "enrollment.abandon",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/enrollments/{enrollment}/abandon",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kEmpty,
      .summary =
          "give up an unverified or rejected application; frees its "
          "tenant and MPN ID (R8)"};
  using Request = EnrollmentOnly;
  using Response = Empty;
  static constexpr auto kFields = kEnrollmentOnlyFields;
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return Done(pc.AbandonEnrollment(s, r.enrollment));
  }
};

struct EnrollmentStatus {
  static constexpr OpInfo kInfo{
      .name = "enrollment.status",
      .method = HttpMethod::kGet,
      .path = "/v1/tiersim/partners/{partner}/enrollment-status",
      .access = Access::kPublic,
      .reply = ReplyShape::kMember,
      .reply_member = "state",
      .summary = "pending verification, in review, approved or rejected"};
  using Request = PartnerPath;
  using Response = EnrollmentState;
  static constexpr auto kFields = Fields(Path("partner", &Request::partner));
  static Result<Response> Run(PartnerCenter& pc, const Request& r) {
    return pc.EnrollmentStatus(r.partner);
  }
};

struct CompleteAccountSetup {
  static constexpr OpInfo kInfo{
      .name = "account.complete_setup",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/account/setup",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kEmpty,
      .permission = Permission::kCompleteAccountSetup,
      .summary = "F1 step 8: the Admin agent role for the global admin"};
  struct Request {};
  using Response = Empty;
  static constexpr auto kFields = Fields();
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request&) {
    return Done(pc.CompleteAccountSetup(s));
  }
};

struct AddResellerAccount {
  static constexpr OpInfo kInfo{
      .name = "account.add_reseller",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/account/reseller",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kEmpty,
      .summary = "F1b: a direct CSP partner adds a reseller account"};
  struct Request {
    Contact support_contact;
  };
  using Response = Empty;
  static constexpr auto kFields =
      Fields(Body("supportContact", &Request::support_contact));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return Done(pc.AddResellerAccount(s, r.support_contact));
  }
};

// ---- F2 the provider listing ----

struct SearchProviders {
  static constexpr OpInfo kInfo{
      .name = "providers.search",
      .method = HttpMethod::kGet,
      .path = "/v1/tiersim/providers",
      .access = Access::kPublic,
      .reply = ReplyShape::kCollection,
      .summary = "the public list of indirect providers"};
  struct Request {
    std::string query;
    std::string location;
  };
  using Response = std::vector<ProviderListing>;
  static constexpr auto kFields = Fields(Query("query", &Request::query),
                                         Query("location", &Request::location));
  static Result<Response> Run(PartnerCenter& pc, const Request& r) {
    return pc.SearchProviders(r.query, r.location);
  }
};

struct GetListing {
  static constexpr OpInfo kInfo{.name = "listing.get",
                                .method = HttpMethod::kGet,
                                .path = "/v1/tiersim/listing",
                                .access = Access::kSignedIn,
                                .summary = "the provider's own listing"};
  struct Request {};
  using Response = ProviderListing;
  static constexpr auto kFields = Fields();
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request&) {
    return pc.Listing(s);
  }
};

struct RequestListingChange {
  static constexpr OpInfo kInfo{
      .name = "listing.request_change",
      .method = HttpMethod::kPost,
      .path = "/v1/tiersim/listing/changes",
      .access = Access::kSignedIn,
      .reply = ReplyShape::kMember,
      .reply_member = "supportRequestId",
      .status = 201,
      .summary = "ask support to change the listing (live in 14-21 days)"};
  struct Request {
    ListingChange change;
  };
  using Response = SupportRequestId;
  static constexpr auto kFields = Fields(WholeBody(&Request::change));
  static Result<Response> Run(PartnerCenter& pc, const Session& s,
                              const Request& r) {
    return pc.RequestListingChange(s, r.change);
  }
};

}  // namespace tiersim::sim::ops
