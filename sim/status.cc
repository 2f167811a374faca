#include "sim/status.h"

#include <vector>

namespace tiersim::sim {
namespace {

struct CodeInfo {
  ErrorCode code;
  std::string_view name;
  std::string_view meaning;
};

constexpr CodeInfo kCodes[] = {
#define X(name, number, meaning) {ErrorCode::k##name, #name, meaning},
#include "sim/error_codes.inc"
#undef X
};

const CodeInfo* Find(ErrorCode code) {
  for (const CodeInfo& info : kCodes) {
    if (info.code == code) return &info;
  }
  return nullptr;
}

}  // namespace

std::string_view ErrorCodeName(ErrorCode code) {
  if (code == ErrorCode::kOk) return "Ok";
  const CodeInfo* info = Find(code);
  return info ? info->name : "Unknown";
}

std::string_view ErrorCodeMeaning(ErrorCode code) {
  if (code == ErrorCode::kOk) return "success";
  const CodeInfo* info = Find(code);
  return info ? info->meaning : "unknown error code";
}

std::optional<ErrorCode> ErrorCodeFromName(std::string_view name) {
  if (name == "Ok") return ErrorCode::kOk;
  for (const CodeInfo& info : kCodes) {
    if (info.name == name) return info.code;
  }
  return std::nullopt;
}

const std::vector<ErrorCode>& AllErrorCodes() {
  static const std::vector<ErrorCode> codes = [] {
    std::vector<ErrorCode> all;
    for (const CodeInfo& info : kCodes) all.push_back(info.code);
    return all;
  }();
  return codes;
}

std::string Status::ToString() const {
  if (ok()) return "Ok";
  std::string out(ErrorCodeName(code_));
  out += ": ";
  out += message_;
  return out;
}

}  // namespace tiersim::sim
