#include "mocks/common/json_text.h"

#include <nlohmann/json.hpp>
#include <unordered_set>
#include <vector>

#include "sim/text.h"

namespace tiersim::mocks {
namespace {

using nlohmann::json;
using DomParser = nlohmann::detail::json_sax_dom_parser<json>;

// nlohmann's own DOM builder (iterative), with the depth and duplicate
// checks on the way in. sax_parse calls these members by name.
class CheckedSax : public DomParser {
 public:
  CheckedSax(json& out, const JsonParseOptions& options)
      : DomParser(out, /*allow_exceptions=*/false), options_(options) {}

  bool start_object(std::size_t n) {
    if (!Enter()) return false;
    keys_.emplace_back();
    return DomParser::start_object(n);
  }
  bool end_object() {
    --depth_;
    keys_.pop_back();
    return DomParser::end_object();
  }
  bool start_array(std::size_t n) {
    if (!Enter()) return false;
    return DomParser::start_array(n);
  }
  bool end_array() {
    --depth_;
    return DomParser::end_array();
  }
  bool key(std::string& k) {
    if (options_.lower_keys) k = sim::AsciiLower(k);
    if (!keys_.back().insert(k).second) {
      error_ =
          "the object names \"" + k.substr(0, 64) + "\" twice" +
          (options_.lower_keys ? " (keys are compared ignoring case)" : "") +
          "; give each key once";
      return false;
    }
    return DomParser::key(k);
  }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception& e) {
    std::string what = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, ..."
    if (const std::size_t at = what.find("] "); at != std::string::npos) {
      what = what.substr(at + 2);
    }
    error_ = "the body is not valid JSON: " + what;
    return false;
  }

  const std::string& error() const { return error_; }

 private:
  bool Enter() {
    if (++depth_ > options_.max_depth) {
      error_ = "the JSON is nested deeper than " +
               std::to_string(options_.max_depth) + " levels";
      return false;
    }
    return true;
  }

  const JsonParseOptions& options_;
  std::size_t depth_ = 0;
  std::vector<std::unordered_set<std::string>> keys_;
  std::string error_;
};

}  // namespace

sim::Result<json> ParseJson(std::string_view text, JsonParseOptions options) {
  json out;
  CheckedSax sax(out, options);
  const bool ok = json::sax_parse(text.begin(), text.end(), &sax,
                                  json::input_format_t::json, /*strict=*/true);
  if (!ok || out.is_discarded()) {
    return sim::Error(
        sim::ErrorCode::kInvalidArgument,
        sax.error().empty() ? "the body is not valid JSON" : sax.error());
  }
  return out;
}

std::string DumpJson(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace tiersim::mocks
