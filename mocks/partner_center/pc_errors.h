// How the core's error codes appear at the Partner Center REST edge: an HTTP
// status and Partner Center's numeric code where the real service has one
// (see its "REST error codes" page), otherwise ours as "TS<number>". The
// error body is Partner Center's {code, description, data, source}; `data`
// holds our stable code name so clients (our network transport, scripts) can
// tell errors apart without parsing text.
#pragma once

#include <string>
#include <string_view>

#include "sim/status.h"

namespace tiersim::mocks {

struct PcError {
  int http_status;
  std::string code;  // "2032", "TS600"
};

PcError PcErrorFor(sim::ErrorCode code);

// The JSON error body for a failed status.
std::string PcErrorBody(const sim::Status& status);

// The JSON error body for a request the server refuses before reaching the
// core (bad JSON, unknown route...). `name` is our code name
// ("MalformedJson"); `pc_code` Partner Center's code.
std::string PcRequestErrorBody(std::string_view pc_code, std::string_view name,
                               std::string_view description);

}  // namespace tiersim::mocks
