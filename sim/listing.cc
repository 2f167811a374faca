// F2: the official indirect-providers list, and listing changes through a
// Partner Center support request that go live 2-3 weeks later (R27).
#include "sim/email_address.h"
#include "sim/partner_center_internal.h"

namespace tiersim::sim {
namespace {

// Applies a requested change: empty fields stay as they are; each target
// replaces the URL of its location or adds the location.
void ApplyListingChange(ProviderListing& listing,
                        const ProviderListing& change) {
  if (!change.company_name.empty()) listing.company_name = change.company_name;
  if (!change.logo_url.empty()) listing.logo_url = change.logo_url;
  for (const LocationTarget& t : change.targets) {
    bool replaced = false;
    for (LocationTarget& existing : listing.targets) {
      if (EqualsIgnoreCase(existing.location, t.location)) {
        existing.url = t.url;
        replaced = true;
      }
    }
    if (!replaced) listing.targets.push_back(t);
  }
}

}  // namespace

std::vector<ProviderListing> PartnerCenter::SearchProviders(
    std::string_view query, std::string_view location) {
  const std::string q = AsciiLower(query);
  std::vector<ProviderListing> out;
  for (const Partner& p : store_.partners) {
    if (!p.provider || p.state != EnrollmentState::kApproved) continue;
    if (!q.empty() &&
        AsciiLower(p.listing.company_name).find(q) == std::string::npos) {
      continue;
    }
    bool serves = location.empty();
    for (const LocationTarget& t : p.listing.targets) {
      serves = serves || EqualsIgnoreCase(t.location, location);
    }
    if (serves) out.push_back(p.listing);
  }
  return out;
}

Result<ProviderListing> PartnerCenter::Listing(const Session& s) {
  TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
  const Partner& p = *store_.partner(a.partner);
  if (!p.provider) {
    return Error(ErrorCode::kNotAProvider,
                 p.legal_name +
                     " is not an indirect provider and has no "
                     "listing");
  }
  return p.listing;
}

Result<SupportRequestId> PartnerCenter::RequestListingChange(
    const Session& s, const ListingChange& change) {
  auto result = [&]() -> Result<SupportRequestId> {
    TIERSIM_ASSIGN_OR_RETURN(Actor a, ResolveActor(s));
    TIERSIM_RETURN_IF_ERROR(Require(a, Permission::kFilePartnerSupportRequest));
    const Partner& p = *store_.partner(a.partner);
    if (!p.provider) {
      return Error(ErrorCode::kNotAProvider,
                   p.legal_name +
                       " is not an indirect provider and has no "
                       "listing to change");
    }
    if (change.company_name.empty() && change.logo_url.empty() &&
        change.targets.empty()) {
      return Error(ErrorCode::kInvalidArgument,
                   "the listing change names nothing to change; give a "
                   "company name, a logo or a target URL per location");
    }
    auto https = [](std::string_view url) {
      return url.rfind("https://", 0) == 0 && url.size() > 8;
    };
    if (!change.logo_url.empty() && !https(change.logo_url)) {
      return Error(
          ErrorCode::kInvalidArgument,
          "the logo URL '" + change.logo_url + "' must be an https:// URL");
    }
    for (std::size_t i = 0; i < change.targets.size(); ++i) {
      const LocationTarget& t = change.targets[i];
      if (t.location.empty() || !https(t.url)) {
        return Error(ErrorCode::kInvalidArgument,
                     "each target needs a location and an https:// URL; got '" +
                         t.location + "' -> '" + t.url + "'");
      }
      for (std::size_t j = 0; j < i; ++j) {
        if (EqualsIgnoreCase(change.targets[j].location, t.location)) {
          return Error(ErrorCode::kInvalidArgument,
                       "the location '" + t.location +
                           "' is given twice in one listing change; give "
                           "one target URL per location");
        }
      }
    }
    const SupportRequestId id(store_.support_requests.size() + 1);
    const Duration delay = kernel_.rng().UniformDuration(options_.listing_min,
                                                         options_.listing_max);
    store_.support_requests.push_back(SupportRequest{
        .id = id,
        .kind = SupportKind::kListingChange,
        .filed_by_partner = a.partner,
        .text = "Change of indirect-provider listing",
        // The change itself, applied to the listing as it is when the
        // change goes live: a change filed earlier but live later must
        // not undo one that went live in between.
        .requested_listing = {change.company_name, change.logo_url,
                              change.targets},
        .created_at = kernel_.Now(),
        .resolves_at = kernel_.Now() + delay});
    kernel_.scheduler().ScheduleAfter(delay, "listing change", [this, id] {
      SupportRequest& r = *store_.support_request(id);
      Partner& provider = *store_.partner(r.filed_by_partner);
      ApplyListingChange(provider.listing, r.requested_listing);
      r.state = SupportState::kResolved;
      Record("listing.change_live", Ref(), id, provider.id, OkStatus());
    });
    return id;
  }();
  Record("listing.request_change", s.directory_user(),
         result.ok() ? Ref(*result) : Ref(), Ref(), result.status());
  return result;
}

}  // namespace tiersim::sim
