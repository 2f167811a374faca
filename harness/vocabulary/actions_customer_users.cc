// F4/F5 as a reseller meets them after the customer said yes: "manage the
// customer's account, services, users and licences". Adding and removing
// users of the customer's tenant, assigning licences of its subscriptions,
// and what the partner then sees (the users, the licences per product).
#include <algorithm>

#include "harness/vocabulary/spec_helpers.h"
#include "harness/vocabulary/stage.h"
#include "sim/text.h"

namespace tiersim::harness {
namespace {

namespace ops = sim::ops;
using spec::Optional;
using spec::Required;
using ParamList = std::vector<ParamSpec>;

// "ada" -> "ada@adatum.onmicrosoft.com" (the customer's domain); a full
// sign-in name as it is.
std::string UserPrincipalName(StepContext& ctx) {
  const std::string name = ctx.Str("user");
  if (name.find('@') != std::string::npos) return name;
  const Stage::Character& c = ctx.Cast("customer");
  const std::string domain = c.tenant_domain.empty()
                                 ? c.member->domain + ".onmicrosoft.com"
                                 : c.tenant_domain;
  return name + "@" + domain;
}

// The step's user as Partner Center lists it: the step asks the product.
sim::Result<sim::CustomerUserView> FindUser(StepContext& ctx,
                                            const sim::SessionRef& session) {
  const std::string upn = UserPrincipalName(ctx);
  TIERSIM_ASSIGN_OR_RETURN(auto users,
                           ctx.client().Call<ops::ListCustomerUsers>(
                               session, {ctx.Cast("customer").customer}));
  for (sim::CustomerUserView& u : users) {
    if (sim::EqualsIgnoreCase(u.user_principal_name, upn)) return std::move(u);
  }
  return sim::Error(sim::ErrorCode::kNotFound,
                    ctx.Str("customer") + " has no user " + upn);
}

sim::Status AddCustomerUser(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  const std::string upn = UserPrincipalName(ctx);
  sim::CustomerUserSpec spec{
      .user_principal_name = upn,
      .display_name = ctx.Str("display_name", upn.substr(0, upn.find('@'))),
      .usage_location = ctx.Str("usage_location"),
      .password_profile = {.password = ctx.Str("password")}};
  TIERSIM_ASSIGN_OR_RETURN(sim::NewCustomerUser added,
                           ctx.client().Call<ops::CreateCustomerUser>(
                               session, {ctx.Cast("customer").customer, spec}));
  ctx.Detail(added.user.id.ToString() + " " + added.user.user_principal_name);
  return sim::OkStatus();
}

sim::Status RemoveCustomerUser(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(const sim::CustomerUserView user,
                           FindUser(ctx, session));
  return ctx.client()
      .Call<ops::DeleteCustomerUser>(session,
                                     {ctx.Cast("customer").customer, user.id})
      .status();
}

sim::Status AssignLicenses(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(const sim::CustomerUserView user,
                           FindUser(ctx, session));
  sim::LicenseUpdate update{.remove = ctx.List("remove")};
  for (const std::string& offer : ctx.List("assign")) {
    update.assign.push_back({offer});
  }
  return ctx.client()
      .Call<ops::UpdateCustomerUserLicenses>(
          session, {ctx.Cast("customer").customer, user.id, update})
      .status();
}

sim::Result<Observed> CustomerUsers(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(auto users,
                           ctx.client().Call<ops::ListCustomerUsers>(
                               session, {ctx.Cast("customer").customer}));
  Observed out;
  for (const sim::CustomerUserView& u : users) {
    out.items.push_back(ctx.stage().AddressOwner(u.user_principal_name));
  }
  return out;
}

sim::Result<Observed> CustomerUser(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(sim::CustomerUserView u, FindUser(ctx, session));
  std::sort(u.licenses.begin(), u.licenses.end());
  std::string list;
  for (const std::string& l : u.licenses) list += (list.empty() ? "" : ",") + l;
  return Observed{
      .fields = {{"display_name", u.display_name},
                 {"usage_location", u.usage_location},
                 {"global_admin", u.global_admin ? "true" : "false"},
                 {"licenses", list.empty() ? "none" : list}}};
}

sim::Result<Observed> CustomerLicenses(StepContext& ctx) {
  TIERSIM_ACTOR_SESSION(session, ctx);
  TIERSIM_ASSIGN_OR_RETURN(auto skus,
                           ctx.client().Call<ops::ListSubscribedSkus>(
                               session, {ctx.Cast("customer").customer}));
  Observed out;
  for (const sim::SubscribedSku& s : skus) {
    out.fields.push_back({"total_" + s.offer_id, std::to_string(s.total)});
    out.fields.push_back(
        {"assigned_" + s.offer_id, std::to_string(s.consumed)});
    out.fields.push_back(
        {"available_" + s.offer_id, std::to_string(s.total - s.consumed)});
  }
  return out;
}

const ParamSpec kCustomer =
    Required("customer", ParamType::kCast, "the customer", spec::kCustomers);
const ParamSpec kUser =
    Required("user", ParamType::kString,
             "the user's sign-in name, or its part before the @ (then in the "
             "customer's domain)");

}  // namespace

std::vector<ActionSpec> CustomerUserActions() {
  return {
      {"add_customer_user", "F4/F5",
       "Customers > the customer > Users: add a user to its tenant",
       Actors::kPartnerPeople,
       ParamList{kCustomer, kUser,
                 Optional("display_name", ParamType::kString, "shown name",
                          "the part before the @"),
                 Optional("usage_location", ParamType::kString,
                          "two-letter country", "the customer's country"),
                 Optional("password", ParamType::kString,
                          "a temporary password the partner chooses",
                          "one Partner Center makes, shown once (R23)")},
       AddCustomerUser},
      {"remove_customer_user", "F4/F5",
       "Remove a user of the customer's tenant; its licences are freed",
       Actors::kPartnerPeople, ParamList{kCustomer, kUser}, RemoveCustomerUser},
      {"assign_licenses", "F4/F5",
       "Assign and remove a customer user's licences (offer IDs)",
       Actors::kPartnerPeople,
       ParamList{kCustomer, kUser,
                 Optional("assign", ParamType::kStringList,
                          "offers to give a licence of", "none"),
                 Optional("remove", ParamType::kStringList,
                          "offers whose licence is taken back", "none")},
       AssignLicenses},
  };
}

std::vector<QuerySpec> CustomerUserQueries() {
  return {
      {"customer_users",
       "F4/F5",
       "The users of a customer's tenant (cast names where known)",
       QueryShape::kList,
       true,
       ParamList{kCustomer},
       {},
       CustomerUsers},
      {"customer_user",
       "F4/F5",
       "One user of a customer's tenant, with its licences",
       QueryShape::kRecord,
       true,
       ParamList{kCustomer, kUser},
       {"display_name", "usage_location", "global_admin", "licenses"},
       CustomerUser},
      {"customer_licenses",
       "F4/F5",
       "Licences per product the customer holds: total, assigned, available",
       QueryShape::kRecord,
       true,
       ParamList{kCustomer},
       {"total_<offer>", "assigned_<offer>", "available_<offer>"},
       CustomerLicenses},
  };
}

}  // namespace tiersim::harness
