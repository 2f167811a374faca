// JsonReader's typed reads, each reporting what was expected where.
#include "harness/format/json_reader.h"

#include <algorithm>

#include "harness/format/did_you_mean.h"
#include "sim/time.h"

namespace tiersim::harness {

std::string JsonReader::TypeOf(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "a list";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::boolean:
      return "true/false";
    case Json::value_t::number_float:
      return "a decimal number";
    default:
      return "a number";
  }
}

void JsonReader::ErrorAt(SourcePos pos, std::string code, std::string message) {
  errors_.push_back(
      {file_, pos.line, pos.column, std::move(code), std::move(message)});
}

bool JsonReader::String(const Json& j, const std::string& ptr,
                        const std::string& what, std::string& out) {
  if (!j.is_string()) {
    ErrorValue(ptr, "wrong-type",
               what + " must be a string, not " + TypeOf(j) + ".");
    return false;
  }
  out = j.get<std::string>();
  return true;
}

bool JsonReader::Integer(const Json& j, const std::string& ptr,
                         const std::string& what, std::int64_t& out) {
  if (!j.is_number_integer()) {
    ErrorValue(ptr, "wrong-type",
               what + " must be a whole number, not " + TypeOf(j) + ".");
    return false;
  }
  out = j.get<std::int64_t>();
  return true;
}

bool JsonReader::Boolean(const Json& j, const std::string& ptr,
                         const std::string& what, bool& out) {
  if (!j.is_boolean()) {
    ErrorValue(ptr, "wrong-type",
               what + " must be true or false, not " + TypeOf(j) + ".");
    return false;
  }
  out = j.get<bool>();
  return true;
}

bool JsonReader::Object(const Json& j, const std::string& ptr,
                        const std::string& what) {
  if (j.is_object()) return true;
  ErrorValue(ptr, "wrong-type",
             what + " must be an object {...}, not " + TypeOf(j) + ".");
  return false;
}

bool JsonReader::Array(const Json& j, const std::string& ptr,
                       const std::string& what) {
  if (j.is_array()) return true;
  ErrorValue(ptr, "wrong-type",
             what + " must be a list [...], not " + TypeOf(j) + ".");
  return false;
}

bool JsonReader::StringList(const Json& j, const std::string& ptr,
                            const std::string& what,
                            std::vector<std::string>& out) {
  if (!Array(j, ptr, what)) return false;
  bool ok = true;
  for (std::size_t i = 0; i < j.size(); ++i) {
    std::string s;
    if (String(j[i], JoinPointer(ptr, i), "each item of " + what, s)) {
      out.push_back(s);
    } else {
      ok = false;
    }
  }
  return ok;
}

bool JsonReader::OneOf(const std::string& value, const std::string& ptr,
                       const std::string& what,
                       const std::vector<std::string>& values) {
  if (std::find(values.begin(), values.end(), value) != values.end()) {
    return true;
  }
  ErrorValue(ptr, "unknown-value",
             "\"" + value + "\" is not a valid " + what + "; expected " +
                 QuotedList(values) + "." + DidYouMean(value, values));
  return false;
}

bool JsonReader::Duration(const Json& j, const std::string& ptr,
                          const std::string& what, sim::Duration& out) {
  std::string text;
  if (!String(j, ptr, what, text)) return false;
  auto d = sim::ParseDuration(text);
  if (!d || d->count() < 0) {
    ErrorValue(ptr, "bad-value",
               "\"" + text + "\" is not a duration (" + what +
                   "); expected a number and a unit, "
                   "such as \"250ms\", \"30s\", \"15m\", \"2h\", \"3d\", "
                   "\"2w\" or \"1d12h\".");
    return false;
  }
  out = *d;
  return true;
}

}  // namespace tiersim::harness
