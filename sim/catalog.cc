#include "sim/catalog.h"

namespace tiersim::sim {

std::string_view ProductFamilyName(ProductFamily f) {
  switch (f) {
    case ProductFamily::kOffice365:
      return "Office 365";
    case ProductFamily::kMicrosoft365:
      return "Microsoft 365";
    case ProductFamily::kDynamics365:
      return "Dynamics 365";
    case ProductFamily::kEnterpriseMobility:
      return "Enterprise Mobility";
    case ProductFamily::kAzure:
      return "Azure";
    case ProductFamily::kWindows:
      return "Windows";
  }
  return "?";
}

Catalog::Catalog(std::vector<Offer> offers) : offers_(std::move(offers)) {
  for (OfferIndex i = 0; i < offers_.size(); ++i) by_id_[offers_[i].id] = i;
}

Catalog Catalog::Default() {
  using F = ProductFamily;
  // clang-format off
  return Catalog({
      // The upgrade paths (F8) follow Microsoft's: to a higher plan of the
      // same suite, or from Office 365 to the Microsoft 365 plan above it.
      {"o365-e1",  "Office 365 E1",                F::kOffice365,          1, 300,
       {"o365-e3", "o365-e5", "m365-e3", "m365-e5"}},
      {"o365-e3",  "Office 365 E3",                F::kOffice365,          1, 300,
       {"o365-e5", "m365-e3", "m365-e5"}},
      {"o365-e5",  "Office 365 E5",                F::kOffice365,          1, 300,
       {"m365-e5"}},
      {"m365-bp",  "Microsoft 365 Business Premium", F::kMicrosoft365,     1, 300,
       {"m365-e3", "m365-e5"}},
      {"m365-e3",  "Microsoft 365 E3",             F::kMicrosoft365,       1, 10000,
       {"m365-e5"}},
      {"m365-e5",  "Microsoft 365 E5",             F::kMicrosoft365,       1, 10000},
      {"d365-sales", "Dynamics 365 Sales Enterprise", F::kDynamics365,     1, 5000},
      {"ems-e3",   "Enterprise Mobility + Security E3", F::kEnterpriseMobility, 1, 5000},
      {"azure-plan", "Azure plan",                 F::kAzure,              1, 1},
      {"win-e3",   "Windows 10/11 Enterprise E3",  F::kWindows,            5, 5000},
  });
  // clang-format on
}

Result<OfferIndex> Catalog::Find(std::string_view offer_id) const {
  auto it = by_id_.find(std::string(offer_id));
  if (it != by_id_.end()) return it->second;
  std::string known;
  for (std::size_t i = 0; i < offers_.size() && i < 5; ++i) {
    known += (i ? ", " : "") + offers_[i].id;
  }
  return Error(ErrorCode::kUnknownOffer,
               "offer '" + std::string(offer_id) +
                   "' is not in the catalog (known offers include " + known +
                   ")");
}

Status Catalog::CheckLicenses(OfferIndex i, std::int64_t licenses) const {
  const Offer& o = offers_[i];
  if (licenses < o.min_licenses || licenses > o.max_licenses) {
    return Error(ErrorCode::kLicenseOutOfRange,
                 std::to_string(licenses) + " licenses of '" + o.id +
                     "' is outside the offer's limits of " +
                     std::to_string(o.min_licenses) + " to " +
                     std::to_string(o.max_licenses));
  }
  return OkStatus();
}

}  // namespace tiersim::sim
