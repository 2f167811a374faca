#include "mocks/aad/protocol/guids.h"

#include <cstdint>
#include <cstdio>

#include "mocks/common/text.h"

namespace tiersim::mocks {
namespace {

constexpr std::string_view kTenantPrefix = "00000000-0000-4000-8000-";
constexpr std::string_view kUserPrefix = "00000000-0000-4000-a000-";
constexpr std::uint64_t kMaxValue = (std::uint64_t{1} << 48) - 1;

std::string Format(std::string_view prefix, std::uint64_t value) {
  char tail[13];
  std::snprintf(tail, sizeof(tail), "%012llx",
                static_cast<unsigned long long>(value & kMaxValue));
  std::string out(prefix);
  out += tail;
  return out;
}

std::optional<std::uint64_t> Parse(std::string_view prefix,
                                   std::string_view text) {
  if (text.size() != prefix.size() + 12) return std::nullopt;
  if (!EqualsIgnoreCase(text.substr(0, prefix.size()), prefix)) {
    return std::nullopt;
  }
  std::uint64_t value = 0;
  for (char c : text.substr(prefix.size())) {
    const char l = AsciiToLower(c);
    int digit = 0;
    if (l >= '0' && l <= '9') {
      digit = l - '0';
    } else if (l >= 'a' && l <= 'f') {
      digit = l - 'a' + 10;
    } else {
      return std::nullopt;
    }
    value = value << 4 | static_cast<std::uint64_t>(digit);
  }
  if (value == 0) return std::nullopt;
  return value;
}

}  // namespace

std::string TenantGuid(sim::TenantId tenant) {
  return Format(kTenantPrefix, tenant.value());
}

std::string UserGuid(sim::DirectoryUserId user) {
  return Format(kUserPrefix, user.value());
}

std::optional<sim::TenantId> ParseTenantGuid(std::string_view text) {
  auto v = Parse(kTenantPrefix, text);
  if (!v) return std::nullopt;
  return sim::TenantId(*v);
}

std::optional<sim::DirectoryUserId> ParseUserGuid(std::string_view text) {
  auto v = Parse(kUserPrefix, text);
  if (!v) return std::nullopt;
  return sim::DirectoryUserId(*v);
}

}  // namespace tiersim::mocks
