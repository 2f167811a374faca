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

namespace tiersim::sim {

template <typename Tag>
class StrongId {
 public:
  using TagType = Tag;
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

// A positive decimal number of at most 18 digits (no sign, no blanks);
// nullopt otherwise.
inline std::optional<std::uint64_t> ParseDecimalId(std::string_view text) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::uint64_t v = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, v);
  if (ec != std::errc() || ptr != end || v == 0) return std::nullopt;
  return v;
}

// "partner-7" -> PartnerId(7); nullopt for another prefix, 0, or anything
// that is not exactly prefix, '-' and digits.
template <typename Id>
std::optional<Id> ParseId(std::string_view text) {
  using Tag = typename Id::TagType;
  const std::string_view prefix = Tag::kPrefix;
  if (text.size() <= prefix.size() + 1 ||
      text.substr(0, prefix.size()) != prefix || text[prefix.size()] != '-' ||
      text[prefix.size() + 1] == '+') {
    return std::nullopt;
  }
  auto v = ParseDecimalId(text.substr(prefix.size() + 1));
  if (!v) return std::nullopt;
  return Id(*v);
}

// An MPN ID: digits only ("4700001").
inline std::optional<MpnId> ParseMpnId(std::string_view text) {
  auto v = ParseDecimalId(text);
  if (!v || text[0] == '+') return std::nullopt;
  return MpnId(*v);
}

}  // namespace tiersim::sim

template <typename Tag>
struct std::hash<tiersim::sim::StrongId<Tag>> {
  std::size_t operator()(tiersim::sim::StrongId<Tag> id) const noexcept {
    return std::hash<std::uint64_t>()(id.value());
  }
};
