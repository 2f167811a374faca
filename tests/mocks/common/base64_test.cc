// Table tests of mocks/common/base64.h: RFC 4648 vectors both ways, the
// strict decoders' refusals (what JWT verification, PKCE, HTTP Basic and
// SMTP AUTH rely on) and the forgiving MIME decoder.
#include "mocks/common/base64.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

namespace tiersim::mocks {
namespace {

using std::string_literals::operator""s;

struct Vector {
  std::string bytes;
  std::string_view standard;  // padded, standard alphabet
  std::string_view url;       // unpadded, URL alphabet
};

TEST(Base64Test, EncodesRfc4648Vectors) {
  const Vector vectors[] = {
      {"", "", ""},
      {"f", "Zg==", "Zg"},
      {"fo", "Zm8=", "Zm8"},
      {"foo", "Zm9v", "Zm9v"},
      {"foob", "Zm9vYg==", "Zm9vYg"},
      {"fooba", "Zm9vYmE=", "Zm9vYmE"},
      {"foobar", "Zm9vYmFy", "Zm9vYmFy"},
      {"\xfb\xff\xbf", "+/+/", "-_-_"},
      {"\0\0\0"s, "AAAA", "AAAA"},
      {"\xff", "/w==", "_w"},
      {"user:pass", "dXNlcjpwYXNz", "dXNlcjpwYXNz"},
  };
  for (const Vector& v : vectors) {
    EXPECT_EQ(Base64Encode(v.bytes), v.standard);
    EXPECT_EQ(Base64UrlEncode(v.bytes), v.url);
    EXPECT_EQ(Base64Decode(v.standard), v.bytes) << v.standard;
    EXPECT_EQ(Base64UrlDecode(v.url), v.bytes) << v.url;
    EXPECT_EQ(Base64DecodeMime(v.standard), v.bytes) << v.standard;
  }
}

struct Strict {
  std::string text;
  std::optional<std::string> standard;  // Base64Decode
  std::optional<std::string> url;       // Base64UrlDecode
};

TEST(Base64Test, StrictDecodersRefuseEveryOtherSpelling) {
  const std::nullopt_t no = std::nullopt;
  const Strict cases[] = {
      {"", "", ""},              // nothing encodes nothing
      {"Zm9vYg", no, "foob"},    // unpadded: only base64url
      {"Zm9vYg==", "foob", no},  // padded: only standard
      {"Zm8=", "fo", no},        // '8' leaves two zero bits
      {"Zm9=", no, no},          // '9' leaves bits 01: not canonical
      {"Zm9", no, no},           // the same without padding
      {"Zm9vYh", no, no},        // 'h' leaves bits 0001
      {"Zh==", no, no},          // 'h' leaves bits 0001 before "=="
      {"Zm9vYg=", no, no},       // half the padding
      {"Zm9vYg===", no, no},     // too much padding
      {"Zm=9", no, no},          // '=' inside
      {"=Zm9", no, no},          // '=' first
      {"====", no, no},          // padding only
      {"Z", no, no},             // 4n+1 characters
      {"Zm9vY", no, no},         // 4n+1 characters
      {"Zm+/", "fo\xbf", no},    // standard alphabet
      {"Zm-_", no, "fo\xbf"},    // URL alphabet
      {"Zm9v\n", no, no},        // whitespace is not base64
      {" Zm9v", no, no},         // nor a leading blank
      {"Zm9v*", no, no},         // outside both alphabets
      {"Zm\0v"s, no, no},        // a NUL
      {"Zm9\xc3\xa9", no, no},   // non-ASCII
  };
  for (const Strict& c : cases) {
    EXPECT_EQ(Base64Decode(c.text), c.standard) << "'" << c.text << "'";
    EXPECT_EQ(Base64UrlDecode(c.text), c.url) << "'" << c.text << "'";
  }
}

TEST(Base64Test, MimeDecoderSkipsLineBreaksAndStopsAtPadding) {
  struct Case {
    std::string_view text;
    std::string bytes;
  };
  const Case cases[] = {
      {"SGVsbG8s\r\nIHdvcmxk\r\nIQ==", "Hello, world!"},
      {"SGk", "Hi"},              // missing padding
      {"SGk=\r\nignored", "Hi"},  // stops at '='
      {"S", ""},                  // 6 bits: less than a byte
      {"SGVsbG8*!", "Hello"},     // junk skipped
      {"Zm9=", "fo"},             // leftover bits ignored
      {"-_-_", ""},               // URL characters are junk here
      {"", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Base64DecodeMime(c.text), c.bytes) << c.text;
  }
}

TEST(Base64Test, RoundTripsEveryByteValue) {
  std::string all;
  for (int i = 0; i < 256; ++i) all += static_cast<char>(i);
  for (std::size_t n = 0; n <= all.size(); n += 37) {
    const std::string part = all.substr(0, n);
    EXPECT_EQ(Base64UrlDecode(Base64UrlEncode(part)), part);
    EXPECT_EQ(Base64Decode(Base64Encode(part)), part);
  }
}

}  // namespace
}  // namespace tiersim::mocks
