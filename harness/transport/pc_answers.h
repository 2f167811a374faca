// How a client reads Partner Center's HTTP answers, whatever carries them
// (NetworkClient's httplib connections, the load engine's Beast pool):
// an error body back into the core's sim::Status, which answers are the
// network's (retried) rather than Partner Center's (final), Retry-After,
// and the MS-RequestId that makes a retried POST safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "sim/status.h"

namespace tiersim::harness {

// Partner Center's error body (`data[0]` the code, `description`) -> the
// core's Status; a throttle or failure without a core code -> kUnavailable.
sim::Status PcFailure(int http_status, const std::string& body);

// Whether an answer is the network's, not Partner Center's: 429 or 5xx
// whose body names no error code of the core (network faults, a proxy).
// Those are retried; the core's own answers stand.
bool TransportFailure(int http_status, const std::string& body);

// How long a Retry-After value asks to wait (whole seconds; an HTTP date
// counts as one second), at most 30 s; `fallback` when `value` is empty.
std::chrono::milliseconds RetryAfter(std::string_view value,
                                     std::chrono::milliseconds fallback);

// A GUID-shaped MS-RequestId: `prefix` (RequestIdPrefix), then `n`.
std::string RequestId(const std::string& prefix, std::uint64_t n);
// A random prefix, so that another client's ids never meet this one's in
// the server's idempotency cache.
std::string RequestIdPrefix();

}  // namespace tiersim::harness
