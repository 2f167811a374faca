// JsonReader: typed reads of a JSON document with positions (json_source.h),
// each reporting a Diagnostic that names file, line and column and says what
// was expected. The scenario loader and the load profile loader build on
// it. Included only by the harness's .cc files (it brings nlohmann).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "harness/format/json_source.h"
#include "harness/format/loader.h"
#include "sim/time.h"

namespace tiersim::harness {

using Json = nlohmann::json;

class JsonReader {
 public:
  JsonReader(std::string_view file, const SourceMap& map,
             std::vector<Diagnostic>& errors)
      : file_(file), map_(map), errors_(errors) {}

  // ---- Diagnostics ----
  void ErrorAt(SourcePos pos, std::string code, std::string message);
  void ErrorValue(const std::string& ptr, std::string code,
                  std::string message) {
    ErrorAt(map_.Value(ptr), std::move(code), std::move(message));
  }
  void ErrorKey(const std::string& ptr, std::string code, std::string message) {
    ErrorAt(map_.Key(ptr), std::move(code), std::move(message));
  }
  Pos PosOf(const std::string& ptr) const {
    const SourcePos p = map_.Value(ptr);
    return {p.line, p.column};
  }
  Pos KeyPosOf(const std::string& ptr) const {
    const SourcePos p = map_.Key(ptr);
    return {p.line, p.column};
  }
  // "a string", "a list", ... for "must be X, not Y" messages.
  static std::string TypeOf(const Json& j);

  // ---- Typed reads: each reports a wrong-type error and returns false ----
  bool String(const Json& j, const std::string& ptr, const std::string& what,
              std::string& out);
  bool Integer(const Json& j, const std::string& ptr, const std::string& what,
               std::int64_t& out);
  bool Boolean(const Json& j, const std::string& ptr, const std::string& what,
               bool& out);
  bool Object(const Json& j, const std::string& ptr, const std::string& what);
  bool Array(const Json& j, const std::string& ptr, const std::string& what);
  bool StringList(const Json& j, const std::string& ptr,
                  const std::string& what, std::vector<std::string>& out);
  bool OneOf(const std::string& value, const std::string& ptr,
             const std::string& what, const std::vector<std::string>& values);
  bool Duration(const Json& j, const std::string& ptr, const std::string& what,
                sim::Duration& out);

 protected:
  std::string file_;
  const SourceMap& map_;
  std::vector<Diagnostic>& errors_;
};

}  // namespace tiersim::harness
