#include "mocks/common/password_hash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <cstdlib>
#include <memory>
#include <string>

namespace tiersim::mocks {
namespace {

// SHA-256 fetched once: the implicit fetch behind EVP_sha256() would repeat
// the provider lookup on every hash.
const EVP_MD* Sha256() {
  struct Holder {
    EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    ~Holder() { EVP_MD_free(md); }
  };
  static const Holder holder;
  return holder.md != nullptr ? holder.md : EVP_sha256();
}

struct MdCtxFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

std::array<std::uint8_t, 32> Digest(const std::array<std::uint8_t, 16>& salt,
                                    std::string_view password) {
  std::array<std::uint8_t, 32> out{};
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  unsigned int length = 0;
  const bool ok =
      ctx != nullptr && EVP_DigestInit_ex(ctx.get(), Sha256(), nullptr) == 1 &&
      EVP_DigestUpdate(ctx.get(), salt.data(), salt.size()) == 1 &&
      EVP_DigestUpdate(ctx.get(), password.data(), password.size()) == 1 &&
      EVP_DigestFinal_ex(ctx.get(), out.data(), &length) == 1 &&
      length == out.size();
  // Only allocation failure inside OpenSSL gets here; there is no sensible
  // way to go on without hashing, and no caller could handle it.
  if (!ok) std::abort();
  return out;
}

}  // namespace

PasswordHash HashPassword(std::string_view password, sim::Rng& rng) {
  PasswordHash hash;
  // Byte order spelled out so the salt is the same on every platform.
  for (std::size_t word = 0; word < 2; ++word) {
    std::uint64_t bits = rng.Next();
    for (std::size_t i = 0; i < 8; ++i) {
      hash.salt[word * 8 + i] = static_cast<std::uint8_t>(bits & 0xff);
      bits >>= 8;
    }
  }
  hash.digest = Digest(hash.salt, password);
  return hash;
}

bool Verify(const PasswordHash& hash, std::string_view password) {
  const std::array<std::uint8_t, 32> digest = Digest(hash.salt, password);
  return CRYPTO_memcmp(digest.data(), hash.digest.data(), digest.size()) == 0;
}

sim::Status CheckPasswordPolicy(std::string_view password) {
  if (password.size() < kMinPasswordLength ||
      password.size() > kMaxPasswordLength) {
    return sim::Error(sim::ErrorCode::kWeakPassword,
                      "the password must be 8 to 256 characters long; it has " +
                          std::to_string(password.size()));
  }
  bool lower = false, upper = false, digit = false, symbol = false;
  for (char c : password) {
    if (c >= 'a' && c <= 'z') {
      lower = true;
    } else if (c >= 'A' && c <= 'Z') {
      upper = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c >= ' ' && c <= '~') {
      symbol = true;
    } else {
      return sim::Error(sim::ErrorCode::kWeakPassword,
                        "the password may contain only ASCII letters, digits, "
                        "symbols and spaces; it has a control or non-ASCII "
                        "character");
    }
  }
  const int kinds = int{lower} + int{upper} + int{digit} + int{symbol};
  if (kinds < 3) {
    return sim::Error(sim::ErrorCode::kWeakPassword,
                      "the password must contain at least 3 of: lowercase "
                      "letters, uppercase letters, digits, symbols; it has " +
                          std::to_string(kinds));
  }
  return sim::OkStatus();
}

}  // namespace tiersim::mocks
