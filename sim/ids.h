// Strong ID types: a PartnerId cannot be passed where a CustomerId is wanted.
//
// IDs are dense, assigned from 1 by the store that owns the entity; 0 is never
// a valid ID. They are internal handles: every lookup by a caller is access
// checked (R26), so knowing or guessing an ID reveals nothing.
#pragma once

#include <charconv>
#include <compare>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace tiersim::sim {

template <typename TagType>
class StrongId {
 public:
  using Tag = TagType;

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
TIERSIM_DEFINE_ID(LeadId, "lead");

#undef TIERSIM_DEFINE_ID

// MPN IDs are the Partner Membership Center's numbers, not ours.
struct MpnIdTag {
  static constexpr const char* kPrefix = "mpn";
};
using MpnId = StrongId<MpnIdTag>;

// ---- Parsing (the one implementation; std::from_chars underneath) ----

// A plain decimal number: one or more ASCII digits and nothing else (no
// sign, blank, '+' or "0x"); leading zeros are allowed, as in any number.
// Nullopt when empty, malformed or above UINT64_MAX.
inline std::optional<std::uint64_t> ParseDecimal(std::string_view text) {
  if (text.empty() || text.front() < '0' || text.front() > '9') {
    return std::nullopt;  // from_chars would skip nothing but take a '-'
  }
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end) return std::nullopt;
  return value;
}

// The inverse of StrongId::ToString: "partner-7" -> PartnerId(7). Refuses
// another kind's prefix, a missing number, 0 (never a valid ID), signs,
// blanks, leading zeros ("partner-07": ToString never writes them, so each
// ID has one spelling) and numbers above UINT64_MAX.
template <typename Id>
std::optional<Id> ParseId(std::string_view text) {
  const std::string_view prefix = Id::Tag::kPrefix;
  if (text.size() < prefix.size() + 2 || !text.starts_with(prefix) ||
      text[prefix.size()] != '-' || text[prefix.size() + 1] == '0') {
    return std::nullopt;
  }
  const auto value = ParseDecimal(text.substr(prefix.size() + 1));
  if (!value) return std::nullopt;
  return Id(*value);
}

// An MPN ID as the PMC writes it: a plain decimal number ("4700001"), not
// 0. Nullopt otherwise.
inline std::optional<MpnId> ParseMpnId(std::string_view text) {
  const auto value = ParseDecimal(text);
  if (!value || *value == 0) return std::nullopt;
  return MpnId(*value);
}

}  // namespace tiersim::sim

template <typename Tag>
struct std::hash<tiersim::sim::StrongId<Tag>> {
  std::size_t operator()(tiersim::sim::StrongId<Tag> id) const noexcept {
    return std::hash<std::uint64_t>()(id.value());
  }
};
