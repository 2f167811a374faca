// Salted password hashes and Azure AD's password policy, for the mocks that
// keep passwords (aad, pmc). A PasswordHash is a plain value its owner stores
// inline; nothing here keeps state. Salts come from the injected sim::Rng, so
// the same seed gives the same hashes. SHA-256 (OpenSSL) is used only in the
// .cc: a mock needs real checks, not a slow KDF.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "sim/rng.h"
#include "sim/status.h"

namespace tiersim::mocks {

struct PasswordHash {
  std::array<std::uint8_t, 16> salt{};
  std::array<std::uint8_t, 32> digest{};  // SHA-256(salt || password)

  friend bool operator==(const PasswordHash&, const PasswordHash&) = default;
};

// Draws a fresh 16-byte salt from `rng` and hashes `password` with it.
PasswordHash HashPassword(std::string_view password, sim::Rng& rng);
// True when `password` hashes to `hash.digest` with `hash.salt`. The digests
// are compared in constant time.
bool Verify(const PasswordHash& hash, std::string_view password);

inline constexpr std::size_t kMinPasswordLength = 8;
inline constexpr std::size_t kMaxPasswordLength = 256;

// Azure AD's policy: 8 to 256 characters, printable ASCII (letters, digits,
// symbols and spaces), and at least 3 of: lowercase letters, uppercase
// letters, digits, symbols. kWeakPassword with what is expected otherwise.
sim::Status CheckPasswordPolicy(std::string_view password);

// The answer to a wrong user name or a wrong password alike, so a caller
// cannot probe which accounts exist.
inline constexpr std::string_view kBadCredentials =
    "the user name or password is incorrect";

// Verified against when the account is unknown, so a miss costs what a
// wrong password costs. No password hashes to all zeros.
inline const PasswordHash kNobody{};

}  // namespace tiersim::mocks
