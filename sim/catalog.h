// The offer catalog: what can be ordered, with license limits (R24), and
// which product family an offer belongs to (Office 365 offers need an Admin
// agent to manage, R41). The default catalog is data in catalog.cc.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sim/status.h"

namespace tiersim::sim {

enum class ProductFamily : std::uint8_t {
  kOffice365,
  kMicrosoft365,
  kDynamics365,
  kEnterpriseMobility,
  kAzure,
  kWindows,
};
std::string_view ProductFamilyName(ProductFamily f);
inline constexpr ProductFamily kProductFamilies[] = {
    ProductFamily::kOffice365,   ProductFamily::kMicrosoft365,
    ProductFamily::kDynamics365, ProductFamily::kEnterpriseMobility,
    ProductFamily::kAzure,       ProductFamily::kWindows};

struct Offer {
  std::string id;  // "o365-e3"
  std::string name;
  ProductFamily family;
  std::int32_t min_licenses;
  std::int32_t max_licenses;
  // The offers a subscription of this one may be upgraded to (F8).
  std::vector<std::string> upgrades = {};
};

using OfferIndex = std::uint32_t;

class Catalog {
 public:
  explicit Catalog(std::vector<Offer> offers);
  static Catalog Default();

  // kUnknownOffer, naming the offer and a few known ones.
  Result<OfferIndex> Find(std::string_view offer_id) const;
  const Offer& at(OfferIndex i) const { return offers_[i]; }
  const std::vector<Offer>& offers() const { return offers_; }
  // kLicenseOutOfRange naming the offer and its limits.
  Status CheckLicenses(OfferIndex i, std::int64_t licenses) const;

 private:
  std::vector<Offer> offers_;
  std::unordered_map<std::string, OfferIndex> by_id_;
};

}  // namespace tiersim::sim
