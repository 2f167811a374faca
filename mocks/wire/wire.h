// The JSON wire format of the operations' values (sim/ops.h), shared by
// the server and the network client so both sides agree by construction.
// The real API's resources are in resources.h; requests and replies are
// put together from the declarations by op_wire.h.
//
// Out: camelCase keys. In: keys are matched case-insensitively — Lowered()
// folds every key of a document to lowercase first, and the from_json
// functions read lowercase keys. IDs are our "partner-7" strings, MPN IDs
// plain digits, times ISO 8601 UTC with microseconds when not zero, enums
// their display names ("Admin agent"). A value of the wrong type or an
// unknown enum name throws WireError (caught at the HTTP boundary, where it
// becomes a 400 naming the field).
//
// Included only by .cc files of the server and the network client.
#pragma once

#include <array>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

#include "sim/partner_center.h"
#include "sim/world_control.h"

namespace tiersim::mocks::wire {

using nlohmann::json;

// Input that does not fit the wire format. `name` is the error's code name
// in the 400 reply ("InvalidArgument", "MissingField", ...).
class WireError : public std::runtime_error {
 public:
  explicit WireError(const std::string& message,
                     std::string name = "InvalidArgument")
      : std::runtime_error(message), name_(std::move(name)) {}
  const std::string& name() const { return name_; }

 private:
  std::string name_;
};

// An enum as one of its display names, matched ignoring ASCII case.
void EnumNameOut(json& j, std::size_t index, const std::string_view* names,
                 std::size_t count);
std::size_t EnumNameIn(const json& j, const std::string_view* names,
                       std::size_t count);  // throws WireError
template <typename E, std::size_t N>
void EnumOut(json& j, E v, const std::array<std::string_view, N>& names) {
  EnumNameOut(j, static_cast<std::size_t>(v), names.data(), N);
}
template <typename E, std::size_t N>
void EnumIn(const json& j, E& v, const std::array<std::string_view, N>& names) {
  v = static_cast<E>(EnumNameIn(j, names.data(), N));
}

// `j` with every object key, at any depth, in lowercase (taken by value:
// pass an rvalue and the values are moved, not copied).
json Lowered(json j);

std::string LowerKey(const char* key);

// Reads member `key` (camelCase; looked up in lowercase, see Lowered) of
// object `j` into `out` when present and not null; throws WireError naming
// the key when its type is wrong.
template <typename T>
void Read(const json& j, const char* key, T& out) {
  if (!j.is_object()) throw WireError("expected a JSON object");
  auto it = j.find(LowerKey(key));
  if (it == j.end() || it->is_null()) return;
  try {
    it->get_to(out);
  } catch (const WireError& e) {
    throw WireError(std::string(key) + ": " + e.what());
  } catch (const nlohmann::json::exception& e) {
    throw WireError(std::string(key) + ": wrong type (" +
                    std::string(it->type_name()) + ")");
  }
}

std::string TimeText(sim::SimTime t);
sim::SimTime ParseTime(const std::string& text);  // throws WireError

}  // namespace tiersim::mocks::wire

// ADL hooks for nlohmann, next to the types they convert.
namespace tiersim::sim {

using nlohmann::json;

template <typename Tag>
void to_json(json& j, const StrongId<Tag>& id) {
  j = id.valid() ? id.ToString() : std::string();
}
template <typename Tag>
void from_json(const json& j, StrongId<Tag>& id) {
  const std::string text = j.get<std::string>();
  if (text.empty()) {
    id = StrongId<Tag>();
    return;
  }
  auto parsed = ParseId<StrongId<Tag>>(text);
  if (!parsed) {
    throw mocks::wire::WireError("\"" + text + "\" is not an id like \"" +
                                 std::string(Tag::kPrefix) + "-7\"");
  }
  id = *parsed;
}
void to_json(json& j, const MpnId& id);
void from_json(const json& j, MpnId& id);
void to_json(json& j, const SimTime& t);
void from_json(const json& j, SimTime& t);

#define TIERSIM_WIRE(Type)              \
  void to_json(json& j, const Type& v); \
  void from_json(const json& j, Type& v)

TIERSIM_WIRE(Program);
TIERSIM_WIRE(EnrollmentState);
TIERSIM_WIRE(EnrollmentStep);
TIERSIM_WIRE(InvitationKind);
TIERSIM_WIRE(ProductFamily);
TIERSIM_WIRE(AgentRole);
TIERSIM_WIRE(AdminRole);
TIERSIM_WIRE(Section);
TIERSIM_WIRE(SupportKind);
TIERSIM_WIRE(SupportState);
TIERSIM_WIRE(RelationshipKind);
TIERSIM_WIRE(Consent);
TIERSIM_WIRE(LeadState);
TIERSIM_WIRE(ContactAnswer);
TIERSIM_WIRE(ErrorCode);

TIERSIM_WIRE(Address);
TIERSIM_WIRE(Contact);
TIERSIM_WIRE(LocationTarget);
TIERSIM_WIRE(ProviderListing);
TIERSIM_WIRE(MpnProfile);
TIERSIM_WIRE(LineItem);
TIERSIM_WIRE(CustomerDetails);
TIERSIM_WIRE(PartnerCard);
TIERSIM_WIRE(LeadSpec);
TIERSIM_WIRE(ServiceHealthView);
TIERSIM_WIRE(LeadView);
TIERSIM_WIRE(CustomerPartnerView);
TIERSIM_WIRE(PartnerSummary);
TIERSIM_WIRE(PartnerProfileView);
TIERSIM_WIRE(UserView);
TIERSIM_WIRE(SupportRequestView);
TIERSIM_WIRE(EnrollmentView);
TIERSIM_WIRE(WorkAccountSpec);
TIERSIM_WIRE(EnrollmentDetails);
TIERSIM_WIRE(ListingChange);
TIERSIM_WIRE(UserSpec);
TIERSIM_WIRE(NewUser);
TIERSIM_WIRE(CustomerCreated);
TIERSIM_WIRE(DraftReview);
TIERSIM_WIRE(SentInvitation);
TIERSIM_WIRE(FaultSpec);
TIERSIM_WIRE(PartnerCenter::PartnerSeed);
TIERSIM_WIRE(PartnerCenter::SeededPartner);
TIERSIM_WIRE(PartnerCenter::CustomerSeed);
TIERSIM_WIRE(PartnerCenter::SeededCustomer);
TIERSIM_WIRE(PartnerCenter::Counts);
TIERSIM_WIRE(WorldControl::WorldCounts);
TIERSIM_WIRE(WorldControl::JournalLine);
TIERSIM_WIRE(WorldControl::JournalPage);
TIERSIM_WIRE(WorldControl::WorldTime);
TIERSIM_WIRE(MailView);

#undef TIERSIM_WIRE

}  // namespace tiersim::sim
