// How to reach a served world: the URLs of its servers and the built-in
// public client to sign in with. ServedWorld (mocks/serve) hands it out,
// the Partner Center server publishes it at GET /_tiersim/endpoints, and
// the network transport (harness/transport) reads it back; the document's
// keys are written here once, for both sides.
#pragma once

#include <string>
#include <string_view>

namespace tiersim::mocks {

struct NetworkTarget {
  std::string partner_center_url;  // "http://127.0.0.1:5080"
  std::string aad_url;             // "https://localhost:5443"
  std::string mail_api_url;        // "http://127.0.0.1:8025"
  std::string ca_file;             // PEM of the CA that signed AAD's cert
  // Azure AD's built-in public client and the Partner Center API scope.
  std::string client_id = "7e57a1d0-0000-4000-9000-000000000001";
  std::string scope = "https://api.partnercenter.microsoft.com/.default";
  std::string tenant = "organizations";
};

// GET kEndpointsPath on the Partner Center server answers a JSON object
// with these keys (URLs as text; "smtp" is host:port).
inline constexpr char kEndpointsPath[] = "/_tiersim/endpoints";
namespace endpoint_keys {
inline constexpr char kPartnerCenter[] = "partnerCenter";
inline constexpr char kAad[] = "aad";
inline constexpr char kMailApi[] = "mailApi";
inline constexpr char kSmtp[] = "smtp";
inline constexpr char kPmc[] = "pmc";
inline constexpr char kCaFile[] = "caFile";
}  // namespace endpoint_keys

}  // namespace tiersim::mocks
