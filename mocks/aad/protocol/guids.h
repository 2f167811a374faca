// GUID text for tiersim's numeric IDs, so tokens and URLs carry what Azure
// AD and Partner Center would: a tenant's `tid` and a user's `oid` are
// GUIDs, not "tenant-7".
//
//   tenant 7  <->  "00000000-0000-4000-8000-000000000007"
//   user 42   <->  "00000000-0000-4000-a000-00000000002a"
//
// The mapping is deterministic (the same world gives the same GUIDs on every
// run and both transports) and the two kinds never collide (the fourth
// group differs). Only IDs below 2^48 have a GUID, which dense IDs from 1
// never reach. Pure functions, safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sim/ids.h"

namespace tiersim::mocks {

std::string TenantGuid(sim::TenantId tenant);
std::string UserGuid(sim::DirectoryUserId user);

// The ID back from its GUID; nullopt for anything else (another shape, the
// other kind's GUID, ID 0). Hex digits are accepted in either case, as
// Microsoft's services accept GUIDs.
std::optional<sim::TenantId> ParseTenantGuid(std::string_view text);
std::optional<sim::DirectoryUserId> ParseUserGuid(std::string_view text);

}  // namespace tiersim::mocks
