#include "mocks/partner_center/pc_errors.h"

#include <nlohmann/json.hpp>

#include "mocks/common/json_text.h"

namespace tiersim::mocks {

using sim::ErrorCode;

PcError PcErrorFor(ErrorCode code) {
  auto ours = [code](int http) {
    return PcError{http, "TS" + std::to_string(static_cast<int>(code))};
  };
  switch (code) {
    case ErrorCode::kOk:
      return {200, "0"};
    // Partner Center's own codes.
    case ErrorCode::kInvalidToken:
      return {401, "400"};  // "Access denied" (401)
    case ErrorCode::kPermissionDenied:
    case ErrorCode::kNotGlobalAdmin:
      return {403, "2032"};  // "Access denied" (403)
    case ErrorCode::kNotFound:
    case ErrorCode::kUnknownTenant:
      return {404, "1000"};  // "Not found"
    case ErrorCode::kNoResellerRelationship:
    case ErrorCode::kProviderNoRelationship:
    case ErrorCode::kResellerNotAssociated:
      return {403, "20002"};  // "no commerce relationship with customer"
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kInvalidEmail:
    case ErrorCode::kLicenseOutOfRange:
    case ErrorCode::kEmptyOrder:
      return {400, "400056"};  // "Invalid input"
    case ErrorCode::kUnknownOffer:
    case ErrorCode::kUpgradeNotAvailable:
      return {400, "3000"};  // "Invalid property"
    // Ours, with the status that fits.
    case ErrorCode::kUnavailable:
      return ours(503);
    case ErrorCode::kInternal:
      return ours(500);
    case ErrorCode::kInvalidCredentials:
    case ErrorCode::kPasswordChangeRequired:
      return ours(401);
    case ErrorCode::kUnknownInvitation:
    case ErrorCode::kUnknownMpnId:
      return ours(404);
    case ErrorCode::kDuplicateDomain:
    case ErrorCode::kDuplicateEmail:
    case ErrorCode::kMpnAlreadyEnrolled:
    case ErrorCode::kEnrollmentPending:
    case ErrorCode::kAlreadyEnrolled:
    case ErrorCode::kAlreadyPartnered:
    case ErrorCode::kAlreadyRelated:
    case ErrorCode::kInvitationUsed:
    case ErrorCode::kSecretAlreadyShown:
      return ours(409);
    case ErrorCode::kInvitationExpired:
      return ours(410);
    case ErrorCode::kPmcSignInRequired:
    case ErrorCode::kEnrollmentOutOfOrder:
    case ErrorCode::kPartnerNotActive:
    case ErrorCode::kAccountSetupIncomplete:
    case ErrorCode::kWizardIncomplete:
    case ErrorCode::kNotPartnered:
    case ErrorCode::kFailedPrecondition:
      return ours(412);
    case ErrorCode::kNotAProvider:
    case ErrorCode::kNotAReseller:
    case ErrorCode::kNotSubscriptionSeller:
    case ErrorCode::kInvitationForeign:
      return ours(403);
    default:
      return ours(400);
  }
}

std::string PcErrorBody(const sim::Status& status) {
  const PcError e = PcErrorFor(status.code());
  return DumpJson(nlohmann::json{{"code", e.code},
                                 {"description", status.message()},
                                 {"data", {sim::ErrorCodeName(status.code())}},
                                 {"source", "PartnerCenter"}});
}

std::string PcRequestErrorBody(std::string_view pc_code, std::string_view name,
                               std::string_view description) {
  return DumpJson(nlohmann::json{{"code", pc_code},
                                 {"description", description},
                                 {"data", {name}},
                                 {"source", "PartnerCenter"}});
}

}  // namespace tiersim::mocks
