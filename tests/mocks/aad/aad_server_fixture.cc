#include "tests/mocks/aad/aad_server_fixture.h"

#include <regex>

#include "mocks/common/crypto_util.h"

namespace tiersim::mocks {

nlohmann::json AadServerTest::Payload(const std::string& jwt) {
  const std::size_t a = jwt.find('.');
  const std::size_t b = jwt.find('.', a + 1);
  if (a == std::string::npos || b == std::string::npos) return {};
  auto text = Base64UrlDecode(jwt.substr(a + 1, b - a - 1));
  if (!text) return {};
  return nlohmann::json::parse(*text, nullptr, false);
}

nlohmann::json AadServerTest::ExpectAadError(const httplib::Result& r,
                                             int status, std::string_view error,
                                             int code) {
  EXPECT_TRUE(r) << "no response: " << httplib::to_string(r.error());
  if (!r) return {};
  EXPECT_EQ(r->status, status) << r->body;
  const nlohmann::json body = Json(r);
  EXPECT_TRUE(body.is_object()) << r->body;
  if (!body.is_object()) return body;
  EXPECT_EQ(body.value("error", ""), error) << r->body;
  const std::string description = body.value("error_description", "");
  const std::string prefix =
      code == 0 ? "" : "AADSTS" + std::to_string(code) + ": ";
  EXPECT_EQ(description.rfind(prefix, 0), 0u) << description;
  EXPECT_NE(description.find("\r\nTrace ID: "), std::string::npos);
  EXPECT_NE(description.find("\r\nCorrelation ID: "), std::string::npos);
  EXPECT_NE(description.find("\r\nTimestamp: "), std::string::npos);
  if (code != 0) {
    EXPECT_EQ(body["error_codes"], nlohmann::json::array({code}));
  }
  const std::regex guid(
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  EXPECT_TRUE(std::regex_match(body.value("trace_id", ""), guid)) << r->body;
  EXPECT_FALSE(body.value("correlation_id", "").empty());
  const std::regex timestamp(R"(\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ)");
  EXPECT_TRUE(std::regex_match(body.value("timestamp", ""), timestamp))
      << r->body;
  return body;
}

}  // namespace tiersim::mocks
