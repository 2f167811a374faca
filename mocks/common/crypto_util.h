// Small crypto primitives the services build on (Azure AD, the PMC): SHA-256,
// unguessable random tokens and GUIDs from OpenSSL's CSPRNG, and a
// constant-time comparison for secrets.
//
// Pure functions over OpenSSL; they own nothing and are safe from any thread
// (OpenSSL 3's default random generator is per thread).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "mocks/common/base64.h"  // the codec every caller here also uses

namespace tiersim::mocks {

using Sha256Digest = std::array<std::uint8_t, 32>;
Sha256Digest Sha256(std::string_view bytes);

// `n` bytes from OpenSSL's CSPRNG. Aborts if the generator fails (it only
// does when the system has no entropy source, which nothing can recover).
std::string RandomBytes(std::size_t n);
// Base64url of `n` random bytes: opaque codes, refresh tokens, secrets.
std::string RandomToken(std::size_t n = 32);
// A random version-4 GUID in lowercase 8-4-4-4-12 form.
std::string RandomGuid();

// Equality that takes the same time wherever the first difference is (the
// length itself is not secret).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace tiersim::mocks
