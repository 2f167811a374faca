// Strong ID types: a PartnerId cannot be passed where a CustomerId is wanted.
//
// IDs are dense, assigned from 1 by the store that owns the entity; 0 is never
// a valid ID. They are internal handles: every lookup by a caller is access
// checked (R26), so knowing or guessing an ID reveals nothing.
#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <string>

namespace tiersim::sim {

template <typename Tag>
class StrongId {
 public:
  constexpr StrongId() = default;
  constexpr explicit StrongId(std::uint64_t value) : value_(value) {}

  constexpr std::uint64_t value() const { return value_; }
  constexpr bool valid() const { return value_ != 0; }
  friend constexpr auto operator<=>(StrongId, StrongId) = default;

  // "partner-7"; the prefix names the kind.
  std::string ToString() const {
    return std::string(Tag::kPrefix) + "-" + std::to_string(value_);
  }

 private:
  std::uint64_t value_ = 0;
};

#define TIERSIM_DEFINE_ID(Name, prefix)            \
  struct Name##Tag {                               \
    static constexpr const char* kPrefix = prefix; \
  };                                               \
  using Name = StrongId<Name##Tag>

TIERSIM_DEFINE_ID(TenantId, "tenant");
TIERSIM_DEFINE_ID(DirectoryUserId, "aaduser");
TIERSIM_DEFINE_ID(PartnerId, "partner");
TIERSIM_DEFINE_ID(UserId, "user");
TIERSIM_DEFINE_ID(CustomerId, "customer");
TIERSIM_DEFINE_ID(SubscriptionId, "subscription");
TIERSIM_DEFINE_ID(OrderId, "order");
TIERSIM_DEFINE_ID(InvitationId, "invitation");
TIERSIM_DEFINE_ID(EnrollmentId, "enrollment");
TIERSIM_DEFINE_ID(DraftId, "draft");
TIERSIM_DEFINE_ID(SecretId, "secret");
TIERSIM_DEFINE_ID(SupportRequestId, "support");
TIERSIM_DEFINE_ID(PmcAccountId, "pmc");
TIERSIM_DEFINE_ID(MessageId, "message");

#undef TIERSIM_DEFINE_ID

// MPN IDs are the Partner Membership Center's numbers, not ours.
struct MpnIdTag {
  static constexpr const char* kPrefix = "mpn";
};
using MpnId = StrongId<MpnIdTag>;

}  // namespace tiersim::sim

template <typename Tag>
struct std::hash<tiersim::sim::StrongId<Tag>> {
  std::size_t operator()(tiersim::sim::StrongId<Tag> id) const noexcept {
    return std::hash<std::uint64_t>()(id.value());
  }
};
