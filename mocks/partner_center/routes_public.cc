// Pages anyone may open without a token, and the world's control panel.
//
// /v1/tiersim/enrollments...   F1: the enrollment wizard (its second step
//                              is the sign-in, so it cannot need a token)
// /v1/tiersim/verifications    F1 step 6: the primary contact's email link
// /v1/tiersim/partners/{id}/enrollment-status
// /v1/tiersim/providers        F2: the public list of indirect providers
// /_tiersim/seed/..., /_tiersim/faults, /_tiersim/counts, /_tiersim/journal
//                              seeding, faults and introspection for test
//                              harnesses (like Azurite's, unauthenticated:
//                              bind to loopback)
#include "mocks/partner_center/pc_call.h"
#include "mocks/partner_center/pc_routes.h"
#include "mocks/partner_center/wire.h"
#include "mocks/partner_center/wire_reply.h"

namespace tiersim::mocks::pc {
namespace {

sim::EnrollmentId EnrollmentIn(PublicCall& c) {
  sim::EnrollmentId id;
  from_json(json(c.request.matches[1].str()), id);
  return id;
}

// ---- F1 ----
Reply StartEnrollment(PublicCall& c) {
  auto program = Field<sim::Program>(c.body, "program");
  json j = c.pc().StartEnrollment(program);
  return Ok(201, j);
}
Reply GetEnrollment(PublicCall& c) {
  return Value(c.pc().GetEnrollment(EnrollmentIn(c)));
}
Reply EnrollSignIn(PublicCall& c) {
  auto user = Field<std::string>(c.body, "userName");
  auto password = Field<std::string>(c.body, "password");
  return OkEmpty(c.pc().EnrollSignIn(EnrollmentIn(c), user, password));
}
Reply EnrollWorkAccount(PublicCall& c) {
  auto spec = c.body.get<sim::WorkAccountSpec>();
  return OkEmpty(c.pc().EnrollCreateWorkAccount(EnrollmentIn(c), spec));
}
Reply EnrollPmc(PublicCall& c) {
  auto user = Field<std::string>(c.body, "userName");
  auto password = Field<std::string>(c.body, "password");
  auto profiles = c.pc().EnrollSignInPmc(EnrollmentIn(c), user, password);
  if (!profiles.ok()) return FailOf(profiles);
  return Ok(200, Collection(json(*profiles)));
}
Reply EnrollProfile(PublicCall& c) {
  auto mpn = Field<sim::MpnId>(c.body, "mpnId");
  return OkEmpty(c.pc().EnrollChooseProfile(EnrollmentIn(c), mpn));
}
Reply EnrollSubmit(PublicCall& c) {
  auto details = c.body.get<sim::EnrollmentDetails>();
  auto partner = c.pc().EnrollSubmit(EnrollmentIn(c), details);
  if (!partner.ok()) return FailOf(partner);
  return Ok(201, json{{"partnerId", *partner}});
}
Reply Verify(PublicCall& c) {
  auto link = Field<std::string>(c.body, "link");
  auto answer = Field<sim::ContactAnswer>(c.body, "answer");
  return OkEmpty(c.pc().VerifyContact(link, answer));
}
Reply EnrollmentStatus(PublicCall& c) {
  sim::PartnerId id;
  from_json(json(c.request.matches[1].str()), id);
  auto state = c.pc().EnrollmentStatus(id);
  if (!state.ok()) return FailOf(state);
  return Ok(200, json{{"state", *state}});
}

// ---- F2 ----
Reply SearchProviders(PublicCall& c) {
  json items = c.pc().SearchProviders(c.request.get_param_value("query"),
                                      c.request.get_param_value("location"));
  return Ok(200, Collection(std::move(items)));
}

// ---- Control ----
Reply SeedPartner(PublicCall& c) {
  auto seed = c.body.get<sim::PartnerCenter::PartnerSeed>();
  return Value(c.pc().SeedPartner(seed), 201);
}
Reply SeedCustomer(PublicCall& c) {
  auto seed = c.body.get<sim::PartnerCenter::CustomerSeed>();
  return Value(c.pc().SeedCustomerTenant(seed), 201);
}
Reply SeedPartnership(PublicCall& c) {
  auto provider = Field<sim::PartnerId>(c.body, "providerId");
  auto reseller = Field<sim::PartnerId>(c.body, "resellerId");
  return OkEmpty(c.pc().SeedPartnership(provider, reseller));
}
Reply SeedPmcAccount(PublicCall& c) {
  auto user = Field<std::string>(c.body, "userName");
  auto password = Field<std::string>(c.body, "password");
  auto account = c.world.pmc().AddAccount(std::move(user), password);
  if (!account.ok()) return FailOf(account);
  return Ok(201, json{{"accountId", *account}});
}
Reply SeedPmcProfile(PublicCall& c) {
  auto account = Field<sim::PmcAccountId>(c.body, "accountId");
  auto profile = Field<sim::MpnProfile>(c.body, "profile");
  return OkEmpty(c.world.pmc().AddProfile(account, std::move(profile)));
}
Reply ArmFault(PublicCall& c) {
  auto point = Field<std::string>(c.body, "point");
  auto spec = Field<sim::FaultSpec>(c.body, "spec");
  if (point.empty()) {
    return BadInput("MissingField", "give the fault \"point\", e.g. mail.drop");
  }
  c.world.kernel().faults().Arm(point, std::move(spec));
  return Ok(200, json::object());
}
Reply Journal(PublicCall& c) {
  const std::string from_text = c.request.get_param_value("from");
  std::size_t from = 0;
  for (char ch : from_text) {
    if (ch < '0' || ch > '9' || from > 1'000'000'000'000) {
      return BadInput("InvalidArgument", "from must be a journal index (>= 0)");
    }
    from = from * 10 + static_cast<std::size_t>(ch - '0');
  }
  const sim::Journal& journal = c.world.kernel().journal();
  json lines = json::array();
  for (std::size_t i = from; i < journal.size(); ++i) {
    const sim::JournalEntry& e = journal.entries()[i];
    lines.push_back(
        sim::WorldControl::JournalLine{.at = e.at,
                                       .by_microsoft = e.actor.empty(),
                                       .action = std::string(e.action),
                                       .outcome = e.outcome,
                                       .text = journal.Render(e)});
  }
  return Ok(200, json{{"size", journal.size()}, {"lines", std::move(lines)}});
}
Reply WorldInfo(PublicCall& c) {
  return Ok(200, json{{"now", c.world.kernel().Now()},
                      {"origin", c.world.kernel().journal().origin()},
                      {"seed", c.world.kernel().seed()}});
}

}  // namespace

void AddPublicRoutes(httplib::Server& r, Context& ctx,
                     std::function<std::size_t()> email_count) {
  auto route = [&ctx](bool has_body, Reply (*fn)(PublicCall&)) {
    return [&ctx, has_body, fn](const httplib::Request& req,
                                httplib::Response& res) {
      ServePublic(ctx, req, res, has_body, fn);
    };
  };
  const std::string e = R"(/v1/tiersim/enrollments/(enrollment-[0-9]+))";
  r.Post("/v1/tiersim/enrollments", route(true, StartEnrollment));
  r.Get(e, route(false, GetEnrollment));
  r.Post(e + "/signin", route(true, EnrollSignIn));
  r.Post(e + "/work-account", route(true, EnrollWorkAccount));
  r.Post(e + "/pmc-signin", route(true, EnrollPmc));
  r.Post(e + "/profile", route(true, EnrollProfile));
  r.Post(e + "/submit", route(true, EnrollSubmit));
  r.Post("/v1/tiersim/verifications", route(true, Verify));
  r.Get(R"(/v1/tiersim/partners/(partner-[0-9]+)/enrollment-status)",
        route(false, EnrollmentStatus));
  r.Get("/v1/tiersim/providers", route(false, SearchProviders));

  r.Post("/_tiersim/seed/partner", route(true, SeedPartner));
  r.Post("/_tiersim/seed/customer", route(true, SeedCustomer));
  r.Post("/_tiersim/seed/partnership", route(true, SeedPartnership));
  r.Post("/_tiersim/seed/pmc-account", route(true, SeedPmcAccount));
  r.Post("/_tiersim/seed/pmc-profile", route(true, SeedPmcProfile));
  r.Post("/_tiersim/faults", route(true, ArmFault));
  r.Get("/_tiersim/journal", route(false, Journal));
  r.Get("/_tiersim/world", route(false, WorldInfo));
  r.Get("/_tiersim/counts", [&ctx, email_count](const httplib::Request& req,
                                                httplib::Response& res) {
    ServePublic(ctx, req, res, false, [&](PublicCall& c) {
      sim::WorldControl::WorldCounts counts{
          .core = c.pc().counts(),
          .tenants = c.world.directory().tenant_count(),
          .directory_users = c.world.directory().user_count(),
          .emails = email_count ? email_count() : c.world.mail().size()};
      return Ok(200, json(counts));
    });
  });
}

}  // namespace tiersim::mocks::pc
