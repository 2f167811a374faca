#include "harness/load/flows.h"

#include <atomic>

#include "harness/format/loader.h"
#include "harness/load/flow_catalog.h"
#include "harness/runner/runner.h"
#include "sim/links.h"
#include "sim/ops.h"

namespace tiersim::harness::load {
namespace {

using sim::ErrorCode;
namespace ops = sim::ops;

// co_await Call<Op>(...): one declared operation, recorded under its name.
template <typename Op>
struct OpCall {
  LoadTransport& transport;
  Recorder& recorder;
  std::size_t metric;
  bool measured;
  WallTime intended;
  sim::SessionRef session;
  typename Op::Request request;
  sim::Result<typename Op::Response> result = sim::Error(
      ErrorCode::kInternal, std::string(Op::kInfo.name) + " was not answered");
  WallTime start{};

  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<> h) {
    start = WallClock::now();
    constexpr std::size_t kIndex = ops::PartnerCenterOps::IndexOf<Op>();
    return !transport.Start(kIndex, session, &request, &result, h);
  }
  sim::Result<typename Op::Response> await_resume() {
    recorder.Op(metric, measured, std::min(intended, start), start,
                WallClock::now(), result.status().code());
    return std::move(result);
  }
};

// co_await Mail(...): the newest message in a mailbox, its first link.
struct MailCall {
  LoadTransport& transport;
  Recorder& recorder;
  std::size_t metric;
  bool measured;
  std::string address;
  sim::Result<std::vector<sim::MailView>> inbox =
      sim::Error(ErrorCode::kInternal, "the mailbox was not read");
  WallTime start{};

  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<> h) {
    start = WallClock::now();
    return !transport.StartInbox(address, "", &inbox, h);
  }
  // The newest message's first link.
  sim::Result<std::string> await_resume() {
    sim::Result<std::string> link =
        sim::Error(ErrorCode::kNotFound, "no email to " + address);
    if (!inbox.ok()) {
      link = inbox.status();
    } else if (!inbox->empty()) {
      std::vector<std::string> links = sim::ExtractLinks(inbox->back().text);
      if (links.empty()) {
        link = sim::Error(ErrorCode::kNotFound,
                          "the newest email to " + address + " has no link");
      } else {
        link = std::move(links.front());
      }
    }
    recorder.Op(metric, measured, start, start, WallClock::now(),
                link.status().code());
    return link;
  }
};

// The parts every built-in flow uses.
class BuiltInFlow : public Flow {
 public:
  BuiltInFlow(FlowEnv& env, const FlowSpec& spec) : Flow(env, spec) {
    for (const std::string& op : OperationsOf(spec.kind)) {
      metrics_.push_back(env.recorder.Operation(op));
    }
  }

 protected:
  // Step `n` of the flow (OperationsOf's order). The first step of an
  // iteration is measured from the iteration's intended start.
  template <typename Op>
  OpCall<Op> Call(const IterationInfo& it, std::size_t n, sim::SessionRef s,
                  typename Op::Request request) {
    return OpCall<Op>{env_.transport,
                      env_.recorder,
                      metrics_[n],
                      it.measured,
                      n == 0 ? it.intended : WallTime::max(),
                      s,
                      std::move(request)};
  }
  MailCall Mail(const IterationInfo& it, std::size_t n, std::string address) {
    return MailCall{env_.transport, env_.recorder, metrics_[n], it.measured,
                    std::move(address)};
  }
  void Done(const IterationInfo& it, ErrorCode code) {
    env_.recorder.Iteration(metric_, it.measured, it.intended, it.start,
                            WallClock::now(), code);
  }
  const Population& pop() const { return env_.population; }
  std::uint64_t Draw(std::uint64_t n) { return env_.rng.Uniform(n); }
  // A reseller (p, r) drawn uniformly.
  std::pair<std::int64_t, std::int64_t> DrawReseller() {
    const auto i = static_cast<std::int64_t>(
        Draw(static_cast<std::uint64_t>(pop().plan.resellers())));
    return {i / pop().plan.resellers_per_provider,
            i % pop().plan.resellers_per_provider};
  }
  // The next unused member of a queue (invitees, prospects) for this
  // shard, or nullptr when they are all used (the run is told once).
  const Person* Next(const std::vector<Person>& queue, const char* what,
                     std::uint64_t& taken) {
    const std::uint64_t i = taken;  // the shard's own queue
    if (i >= queue.size()) {
      if (!told_) env_.exhausted(what);
      told_ = true;
      return nullptr;
    }
    ++taken;
    return &queue[i];
  }
  std::vector<sim::LineItem> Lines(std::int64_t n) {
    std::vector<sim::LineItem> items;
    for (std::int64_t i = 0; i < n; ++i) {
      const std::string& offer = pop().PickOffer(
          Draw(static_cast<std::uint64_t>(pop().offer_weight())));
      items.push_back({.offer_id = offer,
                       .licenses = static_cast<std::int32_t>(
                           env_.profile.population.licenses)});
    }
    return items;
  }

  std::vector<std::size_t> metrics_;
  bool told_ = false;
};

// F3: the provider requests a partnership; the invitee reads the email,
// opens the link and accepts.
class InvitationFlow final : public BuiltInFlow {
 public:
  using BuiltInFlow::BuiltInFlow;
  Iteration Run(IterationInfo it) override {
    const Person* invitee = Next(pop().invitees, "invitees", taken_);
    if (invitee == nullptr) co_return;
    const std::size_t provider_index = (taken_ - 1) % pop().providers.size();
    const Person& provider =
        pop().Acting(pop().providers[provider_index], spec_.as);
    ops::RequestPartnership::Request request{.reseller_email = invitee->upn};
    auto sent = co_await Call<ops::RequestPartnership>(it, 0, provider.session,
                                                       std::move(request));
    if (!sent.ok()) co_return Done(it, sent.status().code());
    auto link = co_await Mail(it, 1, invitee->upn);
    if (!link.ok()) co_return Done(it, link.status().code());
    ops::AcceptPartnership::Request acceptance{.link = *link,
                                               .consent = sim::Consent::kGiven};
    auto accepted = co_await Call<ops::AcceptPartnership>(
        it, 2, invitee->session, std::move(acceptance));
    Done(it, accepted.status().code());
  }

 private:
  std::uint64_t taken_ = 0;
};

// F7: the provider adds a customer for one of its resellers through the
// wizard, and the confirmation page shows the admin's password once.
class CustomerCreationFlow final : public BuiltInFlow {
 public:
  using BuiltInFlow::BuiltInFlow;
  Iteration Run(IterationInfo it) override {
    const std::pair<std::int64_t, std::int64_t> pr = DrawReseller();
    const std::int64_t p = pr.first, r = pr.second;
    const Person& provider = pop().Acting(pop().providers[p], spec_.as);
    const sim::PartnerId reseller =
        pop().resellers[pop().ResellerIndex(p, r)].id;
    const std::string prefix = "newcustomer" + std::to_string(it.index);
    std::vector<sim::LineItem> items = Lines(1);
    ops::BeginDraft::Request begin{.reseller = reseller};
    auto draft = co_await Call<ops::BeginDraft>(it, 0, provider.session,
                                                std::move(begin));
    if (!draft.ok()) co_return Done(it, draft.status().code());
    ops::SetDraftDetails::Request detail_request;
    detail_request.draft = *draft;
    detail_request.details.company_name =
        "New Customer " + std::to_string(it.index);
    detail_request.details.domain_prefix = prefix;
    detail_request.details.country = "US";
    detail_request.details.contact.name = "Pat Admin";
    detail_request.details.contact.email = "pat@" + prefix + ".example";
    auto details = co_await Call<ops::SetDraftDetails>(
        it, 1, provider.session, std::move(detail_request));
    if (!details.ok()) co_return Done(it, details.status().code());
    ops::SetDraftSubscriptions::Request sub_request;
    sub_request.draft = *draft;
    sub_request.items = std::move(items);
    auto subs = co_await Call<ops::SetDraftSubscriptions>(
        it, 2, provider.session, std::move(sub_request));
    if (!subs.ok()) co_return Done(it, subs.status().code());
    ops::ReviewDraft::Request review_request{.draft = *draft};
    auto review = co_await Call<ops::ReviewDraft>(it, 3, provider.session,
                                                  std::move(review_request));
    if (!review.ok()) co_return Done(it, review.status().code());
    ops::SubmitDraft::Request submit_request{.draft = *draft};
    auto created = co_await Call<ops::SubmitDraft>(it, 4, provider.session,
                                                   std::move(submit_request));
    if (!created.ok()) co_return Done(it, created.status().code());
    ops::RevealPassword::Request reveal{.secret = created->password};
    env_.created.push_back(
        {created->customer, static_cast<std::uint32_t>(p), reseller});
    env_.order_ids.push_back(created->order.value());
    auto shown = co_await Call<ops::RevealPassword>(it, 5, provider.session,
                                                    std::move(reveal));
    Done(it, shown.status().code());
  }
};

// F8: the provider orders for one of its customers, the customer's
// reseller on record.
class OrderFlow final : public BuiltInFlow {
 public:
  using BuiltInFlow::BuiltInFlow;
  Iteration Run(IterationInfo it) override {
    const auto k = static_cast<std::int64_t>(
        Draw(static_cast<std::uint64_t>(pop().plan.customers())));
    const std::int64_t per_provider =
        pop().plan.resellers_per_provider * pop().plan.customers_per_reseller;
    const std::int64_t p = k / per_provider;
    const std::int64_t r = (k / pop().plan.customers_per_reseller) %
                           pop().plan.resellers_per_provider;
    const Person& provider = pop().Acting(pop().providers[p], spec_.as);
    ops::PlaceOrder::Request request{
        .customer = pop().customers[k].id,
        .lines = {
            .items = Lines(spec_.lines),
            .partner_on_record =
                pop().resellers[pop().ResellerIndex(p, r)].id.ToString()}};
    auto order = co_await Call<ops::PlaceOrder>(it, 0, provider.session,
                                                std::move(request));
    if (order.ok()) env_.order_ids.push_back(order->id.value());
    Done(it, order.status().code());
  }
};

// F9: the provider makes a customer's reseller the support contact of one
// of its subscriptions.
class SupportContactFlow final : public BuiltInFlow {
 public:
  using BuiltInFlow::BuiltInFlow;
  Iteration Run(IterationInfo it) override {
    const auto k = static_cast<std::int64_t>(
        Draw(static_cast<std::uint64_t>(pop().plan.customers())));
    const std::int64_t per_provider =
        pop().plan.resellers_per_provider * pop().plan.customers_per_reseller;
    const std::int64_t p = k / per_provider;
    const std::int64_t r = (k / pop().plan.customers_per_reseller) %
                           pop().plan.resellers_per_provider;
    const Person& provider = pop().Acting(pop().providers[p], spec_.as);
    ops::SetSupportContact::Request request{
        .subscription = pop().customers[k].subscription,
        .partner = pop().resellers[pop().ResellerIndex(p, r)].id};
    auto set = co_await Call<ops::SetSupportContact>(it, 0, provider.session,
                                                     std::move(request));
    Done(it, set.status().code());
  }
};

// F5: a reseller invites a prospect jointly with its provider; the
// prospect's admin reads the email and authorises both.
class JointInvitationFlow final : public BuiltInFlow {
 public:
  using BuiltInFlow::BuiltInFlow;
  Iteration Run(IterationInfo it) override {
    const std::pair<std::int64_t, std::int64_t> pr = DrawReseller();
    const std::int64_t p = pr.first, r = pr.second;
    const Person* prospect = Next(pop().prospects, "prospects", taken_);
    if (prospect == nullptr) co_return;
    const Person& reseller =
        pop().Acting(pop().resellers[pop().ResellerIndex(p, r)], spec_.as);
    ops::InviteJointly::Request request{.provider = pop().providers[p].id,
                                        .customer_email = prospect->upn};
    auto sent = co_await Call<ops::InviteJointly>(it, 0, reseller.session,
                                                  std::move(request));
    if (!sent.ok()) co_return Done(it, sent.status().code());
    auto link = co_await Mail(it, 1, prospect->upn);
    if (!link.ok()) co_return Done(it, link.status().code());
    ops::AcceptCustomerInvitation::Request acceptance{
        .link = *link, .consent = sim::Consent::kGiven};
    auto accepted = co_await Call<ops::AcceptCustomerInvitation>(
        it, 2, prospect->session, std::move(acceptance));
    Done(it, accepted.status().code());
  }

 private:
  std::uint64_t taken_ = 0;
};

// MPN IDs for scenario templates' cast (a range no seeded partner uses).
constexpr std::uint64_t kTemplateMpnBase = 7'000'000;

// A QA scenario as a template: ${i} and ${vu} replaced, its cast seeded
// into the shared world, its steps played and each recorded under its
// action's name. Runs synchronously (in process).
class ScenarioFlow final : public Flow {
 public:
  using Flow::Flow;
  Iteration Run(IterationInfo it) override {
    const std::string text = Substitute(spec_.template_text, it.index, it.vu);
    LoadResult loaded = LoadScenarioText(spec_.file, text);
    ErrorCode code = ErrorCode::kOk;
    if (!loaded.ok() || loaded.scenarios.empty()) {
      code = ErrorCode::kScenarioError;
    } else {
      for (Scenario& s : loaded.scenarios) {
        // The cast's default MPN IDs count from the same number in every
        // scenario; in one shared world each iteration needs its own.
        for (std::size_t j = 0; j < s.cast.size(); ++j) {
          CastMember& c = s.cast[j];
          if (IsPartnerRole(c.role) && c.mpn == 0) {
            c.mpn = static_cast<std::int64_t>(kTemplateMpnBase +
                                              it.index * s.cast.size() + j);
          }
        }
        reports::ScenarioResult r =
            PlayScenario(s, env_.seed + it.index, env_.transport.client(),
                         env_.transport.control());
        RecordSteps(it, s, r);
        if (r.outcome != reports::Outcome::kPassed) {
          code = ErrorCode::kScenarioError;
        }
      }
    }
    env_.recorder.Iteration(metric_, it.measured, it.intended, it.start,
                            WallClock::now(), code);
    co_return;
  }

 private:
  void RecordSteps(const IterationInfo& it, const Scenario& s,
                   const reports::ScenarioResult& r) {
    for (const reports::StepResult& step : r.steps) {
      if (step.index < 1 ||
          static_cast<std::size_t>(step.index) > s.steps.size()) {
        continue;
      }
      const Step& declared = s.steps[static_cast<std::size_t>(step.index - 1)];
      if (declared.kind != StepKind::kAction) continue;
      if (step.outcome == reports::Outcome::kSkipped) continue;
      const std::size_t m = env_.recorder.Operation(declared.name);
      const WallTime end = WallClock::now();
      const WallTime start = end - std::chrono::nanoseconds(step.wall_ns);
      env_.recorder.Op(m, it.measured, start, start, end,
                       step.outcome == reports::Outcome::kPassed
                           ? ErrorCode::kOk
                           : ErrorCode::kScenarioError);
    }
  }
};

}  // namespace

Flow::Flow(FlowEnv& env, const FlowSpec& spec)
    : env_(env),
      spec_(spec),
      name_(spec.name),
      metric_(env.recorder.Flow(spec.name)) {}

sim::Result<std::unique_ptr<Flow>> MakeFlow(FlowEnv& env, const FlowSpec& spec,
                                            bool in_process) {
  switch (spec.kind) {
    case FlowKind::kInvitation:
      return std::unique_ptr<Flow>(new InvitationFlow(env, spec));
    case FlowKind::kCustomerCreation:
      return std::unique_ptr<Flow>(new CustomerCreationFlow(env, spec));
    case FlowKind::kOrder:
      return std::unique_ptr<Flow>(new OrderFlow(env, spec));
    case FlowKind::kSupportContact:
      return std::unique_ptr<Flow>(new SupportContactFlow(env, spec));
    case FlowKind::kJointInvitation:
      return std::unique_ptr<Flow>(new JointInvitationFlow(env, spec));
    case FlowKind::kScenario:
      return std::unique_ptr<Flow>(new ScenarioFlow(env, spec));
    case FlowKind::kSmtp:
      break;
  }
  (void)in_process;
  return sim::Error(ErrorCode::kInvalidArgument,
                    "flow \"" + spec.name +
                        "\": the smtp flow sends over real SMTP sessions; "
                        "run it with --transport http");
}

}  // namespace tiersim::harness::load
