// Operation declarations (see sim/op.h): the /_tiersim control routes a
// test harness uses (like Azurite's, unauthenticated: bind to loopback).
// Each runs sim::WorldControl's in-process implementation, so the server
// and the in-process transport do exactly the same thing. Time and resets
// are the plumbing's (/_tiersim/clock, /_tiersim/reset on every server).
#pragma once

#include <string>

#include "sim/op.h"
#include "sim/ops_accounts.h"
#include "sim/world_control.h"

namespace tiersim::sim::ops {

struct SeedPartner {
  static constexpr OpInfo kInfo{.name = "seed.partner",
                                .method = HttpMethod::kPost,
                                .path = "/_tiersim/seed/partner",
                                .access = Access::kControl,
                                .status = 201,
                                .summary = "an enrolled, approved partner"};
  struct Request {
    PartnerCenter::PartnerSeed seed;
  };
  using Response = PartnerCenter::SeededPartner;
  static constexpr auto kFields = Fields(WholeBody(&Request::seed));
  static Result<Response> Run(WorldControl& w, const Request& r) {
    return w.SeedPartner(r.seed);
  }
};

struct SeedCustomer {
  static constexpr OpInfo kInfo{.name = "seed.customer",
                                .method = HttpMethod::kPost,
                                .path = "/_tiersim/seed/customer",
                                .access = Access::kControl,
                                .status = 201,
                                .summary = "a customer tenant with its admin"};
  struct Request {
    PartnerCenter::CustomerSeed seed;
  };
  using Response = PartnerCenter::SeededCustomer;
  static constexpr auto kFields = Fields(WholeBody(&Request::seed));
  static Result<Response> Run(WorldControl& w, const Request& r) {
    return w.SeedCustomerTenant(r.seed);
  }
};

struct SeedPartnership {
  static constexpr OpInfo kInfo{.name = "seed.partnership",
                                .method = HttpMethod::kPost,
                                .path = "/_tiersim/seed/partnership",
                                .access = Access::kControl,
                                .reply = ReplyShape::kEmpty,
                                .summary = "a provider-reseller partnership"};
  struct Request {
    PartnerId provider;
    PartnerId reseller;
  };
  using Response = Empty;
  static constexpr auto kFields =
      Fields(Body("providerId", &Request::provider),
             Body("resellerId", &Request::reseller));
  static Result<Response> Run(WorldControl& w, const Request& r) {
    return Done(w.SeedPartnership(r.provider, r.reseller));
  }
};

// Microsoft refers a customer to a partner (a customer lead).
struct SeedLead {
  static constexpr OpInfo kInfo{.name = "seed.lead",
                                .method = HttpMethod::kPost,
                                .path = "/_tiersim/seed/lead",
                                .access = Access::kControl,
                                .reply = ReplyShape::kMember,
                                .reply_member = "leadId",
                                .summary = "a Microsoft referral to a partner"};
  struct Request {
    PartnerId partner;
    LeadSpec lead;
  };
  using Response = LeadId;
  static constexpr auto kFields = Fields(Body("partnerId", &Request::partner),
                                         Body("lead", &Request::lead));
  static Result<Response> Run(WorldControl& w, const Request& r) {
    return w.ReferCustomer(r.partner, r.lead);
  }
};

struct SeedPmcAccount {
  static constexpr OpInfo kInfo{
      .name = "seed.pmc_account",
      .method = HttpMethod::kPost,
      .path = "/_tiersim/seed/pmc-account",
      .access = Access::kControl,
      .reply = ReplyShape::kMember,
      .reply_member = "accountId",
      .status = 201,
      .summary = "a Partner Membership Center account"};
  struct Request {
    std::string user_name;
    std::string password;
  };
  using Response = PmcAccountId;
  static constexpr auto kFields = Fields(Body("userName", &Request::user_name),
                                         Body("password", &Request::password));
  static Result<Response> Run(WorldControl& w, const Request& r) {
    return w.SeedPmcAccount(r.user_name, r.password);
  }
};

struct SeedPmcProfile {
  static constexpr OpInfo kInfo{.name = "seed.pmc_profile",
                                .method = HttpMethod::kPost,
                                .path = "/_tiersim/seed/pmc-profile",
                                .access = Access::kControl,
                                .reply = ReplyShape::kEmpty,
                                .summary = "an MPN profile of a PMC account"};
  struct Request {
    PmcAccountId account;
    MpnProfile profile;
  };
  using Response = Empty;
  static constexpr auto kFields = Fields(Body("accountId", &Request::account),
                                         Body("profile", &Request::profile));
  static Result<Response> Run(WorldControl& w, const Request& r) {
    return Done(w.SeedPmcProfile(r.account, r.profile));
  }
};

struct ArmFault {
  static constexpr OpInfo kInfo{
      .name = "faults.arm",
      .method = HttpMethod::kPost,
      .path = "/_tiersim/faults",
      .access = Access::kControl,
      .reply = ReplyShape::kEmpty,
      .summary = "arm a fault point (mail.drop, ...)"};
  struct Request {
    std::string point;
    FaultSpec spec;
  };
  using Response = Empty;
  static constexpr auto kFields =
      Fields(Body("point", &Request::point), Body("spec", &Request::spec));
  static Result<Response> Run(WorldControl& w, const Request& r) {
    if (r.point.empty()) {
      return Error(ErrorCode::kInvalidArgument,
                   "give the fault \"point\", e.g. mail.drop");
    }
    return Done(w.ArmFault(r.point, r.spec));
  }
};

struct ReadJournal {
  static constexpr OpInfo kInfo{.name = "journal",
                                .method = HttpMethod::kGet,
                                .path = "/_tiersim/journal",
                                .access = Access::kControl,
                                .summary = "the journal from an index on"};
  struct Request {
    std::uint64_t from = 0;  // beyond the end: no lines, just the size
  };
  using Response = WorldControl::JournalPage;
  static constexpr auto kFields = Fields(Query("from", &Request::from));
  static Result<Response> Run(WorldControl& w, const Request& r) {
    return w.Journal(static_cast<std::size_t>(r.from));
  }
};

struct ReadTime {
  static constexpr OpInfo kInfo{.name = "world",
                                .method = HttpMethod::kGet,
                                .path = "/_tiersim/world",
                                .access = Access::kControl,
                                .summary = "virtual now, origin and seed"};
  struct Request {};
  using Response = WorldControl::WorldTime;
  static constexpr auto kFields = Fields();
  static Result<Response> Run(WorldControl& w, const Request&) {
    return w.Time();
  }
};

struct ReadCounts {
  static constexpr OpInfo kInfo{
      .name = "counts",
      .method = HttpMethod::kGet,
      .path = "/_tiersim/counts",
      .access = Access::kControl,
      .summary = "entity counts (nothing-changed checks)"};
  struct Request {};
  using Response = WorldControl::WorldCounts;
  static constexpr auto kFields = Fields();
  static Result<Response> Run(WorldControl& w, const Request&) {
    return w.Counts();
  }
};

}  // namespace tiersim::sim::ops
