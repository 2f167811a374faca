// application/x-www-form-urlencoded (the token endpoint's bodies, the
// authorize endpoint's query and sign-in forms), percent-encoding for the
// redirects the server builds. (HTML escaping is sim/text.h's HtmlEscape.)
// I/O free; pure functions, safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/status.h"

namespace tiersim::mocks {

// Fields in the order they came. Names are unique (see ParseForm).
class FormFields {
 public:
  FormFields() = default;
  explicit FormFields(std::vector<std::pair<std::string, std::string>> fields)
      : fields_(std::move(fields)) {}

  // The value of `name`, or null when absent.
  const std::string* Find(std::string_view name) const;
  // The value, or "" when absent.
  std::string_view Get(std::string_view name) const;
  bool Has(std::string_view name) const { return Find(name) != nullptr; }
  void Add(std::string name, std::string value) {
    fields_.emplace_back(std::move(name), std::move(value));
  }
  const std::vector<std::pair<std::string, std::string>>& fields() const {
    return fields_;
  }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

// Parses "a=1&b=x+y%21". '+' is a space; empty pairs ("a=1&&b=2") are
// skipped; a name without '=' has an empty value. kInvalidArgument on a
// malformed escape ("%4", "%zz") or a name given twice (OAuth 2.0 §3.1:
// parameters must not be included more than once), naming which.
sim::Result<FormFields> ParseForm(
    std::string_view text);  // also refuses non-UTF-8 fields
// Decodes %XX escapes (and '+' as a space when `plus_is_space`); nullopt
// on a malformed escape.
std::optional<std::string> PercentDecode(std::string_view text,
                                         bool plus_is_space);
// Encodes everything but RFC 3986 unreserved characters.
std::string PercentEncode(std::string_view text);
// "a=1&b=x%20y" from the fields, in order.
std::string EncodeForm(const FormFields& fields);

}  // namespace tiersim::mocks
