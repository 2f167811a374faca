#include "sim/client.h"

#include <utility>

namespace tiersim::sim {

Result<std::vector<CustomerSummary>> AllCustomers(Client& client, SessionRef s,
                                                  CustomerFilter filter) {
  ops::ListCustomers::Request request{
      .size = static_cast<std::int64_t>(ops::kMaxCustomerPage)};
  if (filter.reseller.valid()) {
    request.filter = {.field = "IndirectReseller",
                      .value = filter.reseller.ToString(),
                      .op = "starts_with"};
  }
  std::vector<CustomerSummary> out;
  while (true) {
    TIERSIM_ASSIGN_OR_RETURN(ops::CustomerPage page,
                             client.Call<ops::ListCustomers>(s, request));
    for (CustomerSummary& c : page.items) out.push_back(std::move(c));
    if (page.continuation.empty() || page.items.empty()) break;
    request.continuation = std::move(page.continuation);
  }
  return out;
}

}  // namespace tiersim::sim
