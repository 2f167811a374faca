#include "mocks/common/form_encoding.h"

#include "sim/text.h"

namespace tiersim::mocks {
namespace {

bool IsUnreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
}

}  // namespace

const std::string* FormFields::Find(std::string_view name) const {
  for (const auto& [key, value] : fields_) {
    if (key == name) return &value;
  }
  return nullptr;
}

std::string_view FormFields::Get(std::string_view name) const {
  const std::string* v = Find(name);
  return v ? std::string_view(*v) : std::string_view();
}

std::optional<std::string> PercentDecode(std::string_view text,
                                         bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int hi = sim::HexDigitValue(text[i + 1]);
      const int lo = sim::HexDigitValue(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi << 4 | lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

sim::Result<FormFields> ParseForm(std::string_view text) {
  FormFields form;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('&', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view pair = text.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    const std::string_view raw_name = pair.substr(0, eq);
    const std::string_view raw_value =
        eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    auto name = PercentDecode(raw_name, /*plus_is_space=*/true);
    auto value = PercentDecode(raw_value, /*plus_is_space=*/true);
    if (!name || !value) {
      return sim::Status(sim::ErrorCode::kInvalidArgument,
                         "malformed percent-escape in \"" +
                             std::string(pair.substr(0, 64)) + "\"");
    }
    if (!sim::IsValidUtf8(*name) || !sim::IsValidUtf8(*value)) {
      return sim::Status(sim::ErrorCode::kInvalidArgument,
                         "the form field \"" + std::string(pair.substr(0, 64)) +
                             "\" decodes to bytes that are not UTF-8 text");
    }
    if (form.Has(*name)) {
      return sim::Status(
          sim::ErrorCode::kInvalidArgument,
          "the parameter '" + *name + "' is given more than once");
    }
    form.Add(std::move(*name), std::move(*value));
  }
  return form;
}

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (IsUnreserved(c)) {
      out += c;
    } else {
      const auto v = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[v >> 4];
      out += kHex[v & 15];
    }
  }
  return out;
}

std::string EncodeForm(const FormFields& fields) {
  std::string out;
  for (const auto& [name, value] : fields.fields()) {
    if (!out.empty()) out += '&';
    out += PercentEncode(name);
    out += '=';
    out += PercentEncode(value);
  }
  return out;
}

}  // namespace tiersim::mocks
