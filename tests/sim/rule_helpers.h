// Helpers shared by the rule tests (tests/sim/*_test.cc, R1-R30):
// - Snapshot: everything an unhappy path must leave unchanged (the core's
//   entity counts, the mail store, the directory's tenants and users).
// - Mentions: asserts that an error message names what was wrong.
// - An F1 driver that enrolls a partner the long way, the way a person does,
//   for tests that need one still pending verification, in review, or
//   approved without having finished account set-up (F1 step 8).
// Header-only.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <ostream>
#include <string>
#include <string_view>

#include "mocks/world/in_process_world.h"
#include "sim/links.h"
#include "sim/partner_center.h"
#include "tests/sim/fixture.h"

namespace tiersim::sim::testing {

struct Snapshot {
  PartnerCenter::Counts counts;
  std::size_t mail = 0;
  std::size_t tenants = 0;
  std::size_t directory_users = 0;
  friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

inline Snapshot TakeSnapshot(mocks::InProcessWorld& w) {
  return {w.pc().counts(), w.mail().size(), w.directory().tenant_count(),
          w.directory().user_count()};
}

inline void PrintTo(const Snapshot& s, std::ostream* os) {
  const PartnerCenter::Counts& c = s.counts;
  *os << "{partners " << c.partners << ", users " << c.users << ", customers "
      << c.customers << ", subscriptions " << c.subscriptions << ", orders "
      << c.orders << ", invitations " << c.invitations << ", drafts "
      << c.drafts << ", secrets " << c.secrets << ", support requests "
      << c.support_requests << ", mail " << s.mail << ", tenants " << s.tenants
      << ", directory users " << s.directory_users << "}";
}

// Whether `text` (an error message, an email) contains `needle`.
inline ::testing::AssertionResult Mentions(std::string_view text,
                                           std::string_view needle) {
  if (text.find(needle) != std::string_view::npos) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure()
         << "'" << text << "' does not mention '" << needle << "'";
}

struct EnrollSpec {
  Program program = Program::kIndirectReseller;
  std::string prefix;  // work-account domain prefix, PMC user name, names
  std::uint64_t mpn = 0;
  std::string country = "US";
  // Step 2: sign in with this existing global admin (password kPassword)
  // instead of creating the work account `prefix`.onmicrosoft.com.
  std::string existing_admin_upn;
};

struct Enrolled {
  EnrollmentId enrollment;
  PartnerId partner;
  std::string admin_upn;  // the work account's global admin
  std::string contact;    // the primary contact's email
};

namespace enrollment_internal {
inline void Must(bool ok, const std::string& what, const Status& status) {
  if (!ok) {
    ADD_FAILURE() << what << ": " << status.ToString();
    std::abort();
  }
}
}  // namespace enrollment_internal

// The PMC account `prefix`-pmc with one active profile in spec.country.
inline void AddPmcProfile(mocks::InProcessWorld& w, const EnrollSpec& spec) {
  auto account = w.pmc().AddAccount(spec.prefix + "-pmc", kPassword);
  enrollment_internal::Must(account.ok(), "AddAccount", account.status());
  Status added =
      w.pmc().AddProfile(*account, {.mpn = MpnId(spec.mpn),
                                    .legal_name = spec.prefix,
                                    .country = spec.country,
                                    .active = true,
                                    .incentives = {"CSP incentive"},
                                    .benefits = {"Internal use"},
                                    .competencies = {"Modern Work"}});
  enrollment_internal::Must(added.ok(), "AddProfile", added);
}

inline EnrollmentDetails DetailsFor(const std::string& prefix,
                                    const std::string& contact_email) {
  return {.legal_name = prefix + " Ltd",
          .address = {.line1 = "1 Main St", .city = "Seattle", .country = "US"},
          .primary_contact = {.name = "Dana " + prefix, .email = contact_email},
          .support_contact = {.name = "Help",
                              .email = "help@" + prefix + ".example"}};
}

// Steps 1-5: a new work account, PMC sign-in, the profile, Enroll now. The
// partner is then PendingVerification.
inline Enrolled SubmitEnrollment(mocks::InProcessWorld& w,
                                 const EnrollSpec& spec) {
  using enrollment_internal::Must;
  PartnerCenter& pc = w.pc();
  AddPmcProfile(w, spec);
  Enrolled out;
  out.enrollment = pc.StartEnrollment(spec.program).id;
  if (spec.existing_admin_upn.empty()) {
    Status created = pc.EnrollCreateWorkAccount(
        out.enrollment, {.organization = spec.prefix,
                         .domain_prefix = spec.prefix,
                         .country = spec.country,
                         .admin_name = "Dana " + spec.prefix,
                         .admin_password = kPassword});
    Must(created.ok(), "EnrollCreateWorkAccount", created);
    out.admin_upn = "admin@" + spec.prefix + ".onmicrosoft.com";
  } else {
    Status signed_in =
        pc.EnrollSignIn(out.enrollment, spec.existing_admin_upn, kPassword);
    Must(signed_in.ok(), "EnrollSignIn", signed_in);
    out.admin_upn = spec.existing_admin_upn;
  }
  auto profiles =
      pc.EnrollSignInPmc(out.enrollment, spec.prefix + "-pmc", kPassword);
  Must(profiles.ok(), "EnrollSignInPmc", profiles.status());
  Status chosen = pc.EnrollChooseProfile(out.enrollment, MpnId(spec.mpn));
  Must(chosen.ok(), "EnrollChooseProfile", chosen);
  out.contact = "dana@" + spec.prefix + ".example";
  auto partner =
      pc.EnrollSubmit(out.enrollment, DetailsFor(spec.prefix, out.contact));
  Must(partner.ok(), "EnrollSubmit", partner.status());
  out.partner = *partner;
  return out;
}

// The link in the newest email to `address`, read from its text.
inline std::string NewestLink(mocks::InProcessWorld& w,
                              const std::string& address) {
  const mocks::StoredMessage* m = w.mail().Latest(address);
  if (m == nullptr) return "";
  auto links = sim::ExtractLinks(m->email.text);
  return links.empty() ? "" : links.front();
}

// Step 6: the primary contact follows the verification link ("it was me").
// The partner is then InReview.
inline void VerifyPrimaryContact(mocks::InProcessWorld& w, const Enrolled& e) {
  Status verified =
      w.pc().VerifyContact(NewestLink(w, e.contact), ContactAnswer::kItWasMe);
  enrollment_internal::Must(verified.ok(), "VerifyContact", verified);
}

// Steps 1-7: enrolled and approved, but account set-up (step 8) not done.
inline Enrolled EnrollApproved(mocks::InProcessWorld& w,
                               const EnrollSpec& spec) {
  Enrolled e = SubmitEnrollment(w, spec);
  VerifyPrimaryContact(w, e);
  w.kernel().scheduler().AdvanceBy(w.pc().options().review_max);
  auto state = w.pc().EnrollmentStatus(e.partner);
  enrollment_internal::Must(
      state.ok() && *state == EnrollmentState::kApproved,
      "enrollment of " + spec.prefix + " was not approved", state.status());
  return e;
}

}  // namespace tiersim::sim::testing
