// The real Partner Center API's CustomerUser, LicenseUpdate and
// SubscribedSku resources (F4/F5, sim/ops_customer_users.h), camelCase out
// and read from lowercased keys in (see wire.h).
#include "mocks/wire/resources.h"

namespace tiersim::sim {

using mocks::wire::Attributes;
using mocks::wire::Read;
using mocks::wire::WireError;

void to_json(json& j, const PasswordProfile& v) {
  j = json{{"password", v.password},
           {"forceChangePassword", v.force_change_password}};
}
void from_json(const json& j, PasswordProfile& v) {
  if (!j.is_object()) throw WireError("expected an object");
  Read(j, "password", v.password);
  Read(j, "forceChangePassword", v.force_change_password);
}

void to_json(json& j, const CustomerUserSpec& v) {
  j = json{{"userPrincipalName", v.user_principal_name},
           {"displayName", v.display_name},
           {"firstName", v.first_name},
           {"lastName", v.last_name},
           {"usageLocation", v.usage_location},
           {"passwordProfile", v.password_profile},
           {"attributes", Attributes("CustomerUser")}};
}
void from_json(const json& j, CustomerUserSpec& v) {
  if (!j.is_object()) throw WireError("expected an object");
  Read(j, "userPrincipalName", v.user_principal_name);
  Read(j, "displayName", v.display_name);
  Read(j, "firstName", v.first_name);
  Read(j, "lastName", v.last_name);
  Read(j, "usageLocation", v.usage_location);
  Read(j, "passwordProfile", v.password_profile);
}

void to_json(json& j, const CustomerUserView& v) {
  j = json{{"id", v.id},
           {"userPrincipalName", v.user_principal_name},
           {"displayName", v.display_name},
           {"firstName", v.first_name},
           {"lastName", v.last_name},
           {"usageLocation", v.usage_location},
           {"userDomainType", "none"},
           {"state", "active"},
           {"isGlobalAdmin", v.global_admin},
           {"licenses", v.licenses},
           {"attributes", Attributes("CustomerUser")}};
}
void from_json(const json& j, CustomerUserView& v) {
  if (!j.is_object()) throw WireError("expected an object");
  Read(j, "id", v.id);
  Read(j, "userPrincipalName", v.user_principal_name);
  Read(j, "displayName", v.display_name);
  Read(j, "firstName", v.first_name);
  Read(j, "lastName", v.last_name);
  Read(j, "usageLocation", v.usage_location);
  Read(j, "isGlobalAdmin", v.global_admin);
  Read(j, "licenses", v.licenses);
}

// The created user, with the one-time secret of a password Partner Center
// made (R23; absent when the caller chose it).
void to_json(json& j, const NewCustomerUser& v) {
  to_json(j, v.user);
  if (v.password.valid()) j["passwordSecretId"] = v.password;
}
void from_json(const json& j, NewCustomerUser& v) {
  from_json(j, v.user);
  Read(j, "passwordSecretId", v.password);
}

void to_json(json& j, const LicenseAssignment& v) {
  j = json{{"skuId", v.sku_id}, {"excludedPlans", json::array()}};
}
void from_json(const json& j, LicenseAssignment& v) {
  if (!j.is_object()) throw WireError("expected an object");
  Read(j, "skuId", v.sku_id);
}

void to_json(json& j, const LicenseUpdate& v) {
  j = json{{"licensesToAssign", v.assign},
           {"licensesToRemove", v.remove},
           {"licenseWarnings", json::array()},
           {"attributes", Attributes("LicenseUpdate")}};
}
void from_json(const json& j, LicenseUpdate& v) {
  if (!j.is_object()) throw WireError("expected an object");
  Read(j, "licensesToAssign", v.assign);
  Read(j, "licensesToRemove", v.remove);
}

void to_json(json& j, const SubscribedSku& v) {
  j = json{{"productSku", {{"id", v.offer_id}, {"name", v.name}}},
           {"totalUnits", v.total},
           {"activeUnits", v.total},
           {"consumedUnits", v.consumed},
           {"availableUnits", v.total - v.consumed},
           {"suspendedUnits", 0},
           {"warningUnits", 0},
           {"capabilityStatus", "Enabled"},
           {"attributes", Attributes("SubscribedSku")}};
}
void from_json(const json& j, SubscribedSku& v) {
  if (!j.is_object()) throw WireError("expected an object");
  json product = json::object();
  Read(j, "productSku", product);
  if (!product.is_object()) throw WireError("productSku: expected an object");
  Read(product, "id", v.offer_id);
  Read(product, "name", v.name);
  Read(j, "totalUnits", v.total);
  Read(j, "consumedUnits", v.consumed);
}

}  // namespace tiersim::sim
