// Stage: one scenario's world while it plays — the cast as actors, the
// organisations they stand for, and the names the scenario uses for what the
// world creates (customers, subscriptions). Seeds the cast through
// WorldControl, then lends itself to each step through a StepContext.
//
// Owns the actors; borrows the Client and WorldControl (which must outlive
// it). Single-threaded.
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/scenario/scenario.h"
#include "sim/actor.h"
#include "sim/client.h"

namespace tiersim::harness {

inline constexpr char kDefaultPassword[] = "Sim-Passw0rd!";
inline constexpr char kChangedPassword[] = "Sim-Changed-Passw0rd!";

class Stage {
 public:
  struct Character {
    const CastMember* member = nullptr;
    sim::Actor actor;
    // The organisation it is (or, for a user, belongs to).
    std::string org;  // cast name; itself for organisations
    sim::PartnerId partner;
    sim::TenantId tenant;
    sim::CustomerId customer;
    std::string tenant_domain;  // contoso.onmicrosoft.com
    std::string contact_email;  // primary contact's mailbox
    sim::UserId user;
    // What the person holds between steps.
    sim::EnrollmentId enrollment;
    sim::EnrollmentId earlier_enrollment;  // the one before, if any (R8)
    std::vector<sim::MpnProfile> listed_profiles;
    sim::DraftId draft;
    std::string draft_customer;  // cast name entered in the wizard
    std::vector<sim::LineItem> draft_items;
    std::string opened_link;              // from open_email, used by accept_*
    std::optional<sim::SecretId> secret;  // their one-time password
    std::string secret_holder;            // who saw it (cast name)
    // The temporary password as shown (R23), for "password": "{temporary}"
    // once it has been changed.
    std::string temporary_password;
    // Customers made by the F7 wizard: the confirmation page as shown.
    std::optional<sim::CustomerCreated> confirmation;
  };

  Stage(const Scenario& scenario, sim::Client& client,
        sim::WorldControl& control);

  // Creates the cast in the world. A failure names the cast member.
  sim::Status SeedCast();

  Character* Find(std::string_view name);
  Character& Get(std::string_view name);  // the loader checked the name
  Character& OrgOf(Character& c) { return Get(c.org); }

  sim::Client& client() { return client_; }
  sim::WorldControl& control() { return control_; }
  const Scenario& scenario() const { return scenario_; }

  // Names for what the world reports by ID.
  std::string PartnerName(sim::PartnerId id) const;
  std::string CustomerName(sim::CustomerId id, std::string_view fallback) const;
  // The cast member whose sign-in name (else contact mailbox) is
  // `address`; the address itself when nobody in the cast has it.
  std::string AddressOwner(std::string_view address) const;
  std::string SubscriptionName(sim::SubscriptionId id) const;
  // "adatum/o365-e3" -> the subscription; kNotFound naming the known ones.
  sim::Result<sim::SubscriptionId> Subscription(std::string_view ref) const;
  void NameCustomer(std::string_view cast_name, sim::CustomerId id);
  void NameSubscriptions(std::string_view customer,
                         const std::vector<sim::LineItem>& items,
                         const std::vector<sim::SubscriptionId>& ids);

 private:
  sim::Status SeedOrganisation(Character& c, std::int64_t default_mpn);
  sim::Status SeedApplicant(Character& c, std::int64_t default_mpn);
  sim::Status SeedCustomer(Character& c);
  sim::Status SeedUser(Character& c);

  const Scenario& scenario_;
  sim::Client& client_;
  sim::WorldControl& control_;
  std::deque<Character> characters_;  // in cast order; never moves
  std::map<std::string, Character*, std::less<>> by_name_;
  std::map<sim::SubscriptionId, std::string> subscription_names_;
  std::map<std::string, sim::SubscriptionId, std::less<>> subscriptions_;
};

// What an action or query runs with: the stage, the step, the actor, and
// typed access to the step's arguments (the loader checked their types).
class StepContext {
 public:
  StepContext(Stage& stage, const Step& step)
      : stage_(stage),
        step_(step),
        actor_(step.actor.empty() ? nullptr : stage.Find(step.actor)) {}

  Stage& stage() { return stage_; }
  const Step& step() const { return step_; }
  Stage::Character& actor() { return *actor_; }
  Stage::Character& org() { return stage_.OrgOf(*actor_); }
  sim::Client& client() { return stage_.client(); }
  // The actor's session (signing in first if needed).
  sim::Result<sim::SessionRef> Session() { return actor_->actor.Session(); }

  bool Has(std::string_view name) const;
  std::string Str(std::string_view name, std::string_view fallback = {}) const;
  std::int64_t Int(std::string_view name, std::int64_t fallback = 0) const;
  bool Bool(std::string_view name, bool fallback) const;
  double Number(std::string_view name, double fallback) const;
  std::vector<std::string> List(std::string_view name) const;
  std::vector<sim::LineItem> Items(
      std::string_view name, std::vector<sim::LineItem> fallback = {}) const;
  std::vector<sim::LocationTarget> Targets(std::string_view name) const;
  // The cast member named by argument `name` (the loader checked it).
  Stage::Character& Cast(std::string_view name);
  sim::Result<sim::SubscriptionId> Subscription(std::string_view name);

  // A short note of what happened, for the report ("customer-3 created").
  void Detail(std::string text) { detail_ = std::move(text); }
  const std::string& detail() const { return detail_; }

 private:
  const Arg* Find(std::string_view name) const;

  Stage& stage_;
  const Step& step_;
  Stage::Character* actor_;
  std::string detail_;
};

}  // namespace tiersim::harness
