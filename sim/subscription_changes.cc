// F8's changes to an existing subscription (seed 003: "upgrade existing
// ones, or buy additional licenses"; "associate the reseller to the
// subscription (new or existing)"), under R24, R28 and R41.
#include <algorithm>
#include <string>

#include "sim/partner_center_internal.h"

namespace tiersim::sim {

Status PartnerCenter::AddLicenses(const Session& s, SubscriptionId sub,
                                  std::int64_t more) {
  Status status = [&]() -> Status {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_ASSIGN_OR_RETURN(Subscription * subscription,
                             ManagedSubscription(a, sub, Standing::kReseller));
    if (more <= 0) {
      return Error(ErrorCode::kInvalidArgument,
                   "buy at least one additional license; " +
                       std::to_string(more) + " was asked for");
    }
    const std::int64_t total = subscription->licenses + more;
    if (Status limits = catalog_.CheckLicenses(subscription->offer, total);
        !limits.ok()) {  // R24
      return Error(limits.code(), std::to_string(more) + " more than " +
                                      std::to_string(subscription->licenses) +
                                      ": " + limits.message());
    }
    subscription->licenses = static_cast<std::int32_t>(total);
    return OkStatus();
  }();
  Record("subscription.add_licenses", s.directory_user(), sub, Ref(), status,
         std::to_string(more));
  return status;
}

Status PartnerCenter::UpgradeSubscription(const Session& s, SubscriptionId sub,
                                          std::string_view offer_id) {
  Status status = [&]() -> Status {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_ASSIGN_OR_RETURN(Subscription * subscription,
                             ManagedSubscription(a, sub, Standing::kReseller));
    TIERSIM_ASSIGN_OR_RETURN(OfferIndex target, catalog_.Find(offer_id));
    const Offer& from = catalog_.at(subscription->offer);
    const Offer& to = catalog_.at(target);
    if (std::find(from.upgrades.begin(), from.upgrades.end(), to.id) ==
        from.upgrades.end()) {
      std::string paths;
      for (const std::string& u : from.upgrades) {
        paths += (paths.empty() ? "" : ", ") + u;
      }
      return Error(ErrorCode::kUpgradeNotAvailable,
                   from.name + " cannot be upgraded to " + to.name +
                       (paths.empty() ? "; it has no upgrades"
                                      : "; it upgrades to " + paths));
    }
    if (to.family == ProductFamily::kOffice365) {  // R41, as for managing
      TIERSIM_RETURN_IF_ERROR(
          Require(a, Permission::kManageOffice365Subscriptions));
    }
    TIERSIM_RETURN_IF_ERROR(
        catalog_.CheckLicenses(target, subscription->licenses));  // R24
    // The users' licences move with the subscription they came from.
    MoveAssignedLicenses(*subscription, target);
    subscription->offer = target;
    return OkStatus();
  }();
  Record("subscription.upgrade", s.directory_user(), sub, Ref(), status,
         std::string(offer_id));
  return status;
}

Status PartnerCenter::SetSubscriptionReseller(const Session& s,
                                              SubscriptionId sub,
                                              PartnerId reseller) {
  Status status = [&]() -> Status {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_ASSIGN_OR_RETURN(Subscription * subscription,
                             ManagedSubscription(a, sub, Standing::kProvider));
    const Customer* customer = store_.customer(subscription->customer);
    const Partner& provider = *store_.partner(a.partner);
    if (!store_.Partnered(provider.id, reseller)) {  // R10
      return Error(ErrorCode::kNotPartnered,
                   provider.legal_name + " has no accepted partnership with " +
                       NameOf(reseller));
    }
    if (!HasResellerRelationship(*customer, reseller)) {
      return Error(ErrorCode::kResellerNotAssociated,
                   NameOf(reseller) + " is not associated with " +
                       customer->company_name +
                       "; choose a reseller of this customer");
    }
    subscription->reseller_of_record = reseller;
    return OkStatus();
  }();
  Record("subscription.set_reseller", s.directory_user(), sub, reseller,
         status);
  return status;
}

}  // namespace tiersim::sim
