// Typed reads of scenario values and of action/query parameters, each
// reporting what was expected where.
#include <algorithm>

#include "harness/format/did_you_mean.h"
#include "harness/format/loader_internal.h"

namespace tiersim::harness::internal {

bool ScenarioReader::CastRef(const Json& j, const std::string& ptr,
                             const std::string& what,
                             const std::vector<CastRole>& roles,
                             std::string& out) {
  if (!String(j, ptr, what, out)) return false;
  const CastMember* m = scenario_ == nullptr ? nullptr : scenario_->Member(out);
  if (m == nullptr) {
    std::vector<std::string> names;
    if (scenario_ != nullptr) {
      for (const CastMember& c : scenario_->cast) names.push_back(c.name);
    }
    ErrorValue(ptr, "unknown-cast",
               "\"" + out + "\" is not in the cast (" + what + ")." +
                   DidYouMean(out, names));
    return false;
  }
  if (!roles.empty() &&
      std::find(roles.begin(), roles.end(), m->role) == roles.end()) {
    std::vector<std::string> allowed;
    for (CastRole r : roles) allowed.push_back(CastRoleName(r));
    const std::string role = CastRoleName(m->role);
    ErrorValue(ptr, "wrong-role",
               what + " must name " + std::string(Article(allowed.front())) +
                   " " + QuotedList(allowed) + "; \"" + out + "\" is " +
                   std::string(Article(role)) + " " + role + ".");
    return false;
  }
  return true;
}

bool ScenarioReader::Param(const Json& j, const std::string& ptr,
                           const ParamSpec& spec, Arg& out) {
  const std::string what = "\"" + spec.name + "\"";
  out.pos = PosOf(ptr);
  switch (spec.type) {
    case ParamType::kString:
    case ParamType::kInt:
    case ParamType::kBool:
    case ParamType::kNumber:
    case ParamType::kDuration:
    case ParamType::kEnum:
      return ScalarParam(j, ptr, what, spec, out);
    case ParamType::kCast:
    case ParamType::kCastList:
    case ParamType::kSubscription:
      return CastParam(j, ptr, what, spec, out);
    case ParamType::kLineItems:
      return LineItemsParam(j, ptr, what, out);
    case ParamType::kLocationUrls:
      return LocationUrlsParam(j, ptr, what, out);
    case ParamType::kStringList:
    case ParamType::kProfiles: {
      std::vector<std::string> list;
      if (!StringList(j, ptr, what, list)) return false;
      out.value = list;
      return true;
    }
  }
  return false;
}

bool ScenarioReader::ScalarParam(const Json& j, const std::string& ptr,
                                 const std::string& what, const ParamSpec& spec,
                                 Arg& out) {
  if (spec.type == ParamType::kString) {
    std::string s;
    if (!String(j, ptr, what, s)) return false;
    out.value = s;
    return true;
  }
  if (spec.type == ParamType::kInt) {
    std::int64_t v = 0;
    if (!Integer(j, ptr, what, v)) return false;
    out.value = v;
    return true;
  }
  if (spec.type == ParamType::kBool) {
    bool b = false;
    if (!Boolean(j, ptr, what, b)) return false;
    out.value = b;
    return true;
  }
  if (spec.type == ParamType::kNumber) {
    if (!j.is_number()) {
      ErrorValue(ptr, "wrong-type", what + " must be a number.");
      return false;
    }
    out.value = j.get<double>();
    return true;
  }
  if (spec.type == ParamType::kDuration) {
    sim::Duration d{};
    if (!Duration(j, ptr, what, d)) return false;
    out.value = j.get<std::string>();
    return true;
  }
  std::string s;  // kEnum
  if (!String(j, ptr, what, s) || !OneOf(s, ptr, what, spec.values)) {
    return false;
  }
  out.value = s;
  return true;
}

bool ScenarioReader::CastParam(const Json& j, const std::string& ptr,
                               const std::string& what, const ParamSpec& spec,
                               Arg& out) {
  if (spec.type == ParamType::kCast) {
    std::string s;
    if (!CastRef(j, ptr, what, spec.roles, s)) return false;
    out.value = s;
    return true;
  }
  if (spec.type == ParamType::kCastList) {
    if (!Array(j, ptr, what)) return false;
    std::vector<std::string> names;
    bool ok = true;
    for (std::size_t i = 0; i < j.size(); ++i) {
      std::string s;
      ok = CastRef(j[i], JoinPointer(ptr, i), what, spec.roles, s) && ok;
      names.push_back(s);
    }
    out.value = names;
    return ok;
  }
  std::string s;  // kSubscription
  if (!String(j, ptr, what, s)) return false;
  const std::size_t slash = s.find('/');
  if (slash == std::string::npos || slash + 1 == s.size()) {
    ErrorValue(ptr, "bad-value",
               what + " \"" + s +
                   "\" must name \"<customer>/<offer>\", such as "
                   "\"adatum/o365-e3\".");
    return false;
  }
  std::string customer;
  if (!CastRef(Json(s.substr(0, slash)), ptr, "the customer of " + what,
               {CastRole::kCustomer}, customer)) {
    return false;
  }
  out.value = s;
  return true;
}

bool ScenarioReader::LineItemsParam(const Json& j, const std::string& ptr,
                                    const std::string& what, Arg& out) {
  if (!Array(j, ptr, what)) return false;
  std::vector<sim::LineItem> items;
  bool ok = true;
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string item_ptr = JoinPointer(ptr, i);
    if (!Object(j[i], item_ptr, "each item of " + what)) {
      ok = false;
      continue;
    }
    sim::LineItem item;
    ok = ReadLineItem(j[i], item_ptr, item) && ok;
    items.push_back(item);
  }
  out.value = items;
  return ok;
}

bool ScenarioReader::LocationUrlsParam(const Json& j, const std::string& ptr,
                                       const std::string& what, Arg& out) {
  if (!Object(j, ptr, what)) return false;
  if (j.empty()) {
    ErrorValue(ptr, "bad-value",
               what +
                   " names no location; expected at least one, such as "
                   "{\"US\": \"https://contoso.com/us\"}.");
    return false;
  }
  std::vector<sim::LocationTarget> targets;
  bool ok = true;
  for (const auto& [location, url] : j.items()) {
    sim::LocationTarget t{.location = location};
    ok = String(url, JoinPointer(ptr, location),
                "the URL for " + location + " in " + what, t.url) &&
         ok;
    targets.push_back(std::move(t));
  }
  out.value = std::move(targets);
  return ok;
}

bool ScenarioReader::ReadLineItem(const Json& j, const std::string& ptr,
                                  sim::LineItem& out) {
  bool ok = true;
  for (const auto& [key, value] : j.items()) {
    const std::string kp = JoinPointer(ptr, key);
    if (key == "offer") {
      ok = String(value, kp, "\"offer\"", out.offer_id) && ok;
    } else if (key == "licenses") {
      ok = Integer(value, kp, "\"licenses\"", out.licenses) && ok;
    } else {
      ErrorKey(kp, "unknown-field",
               "\"" + key +
                   "\" is not a field of a subscription line; expected "
                   "\"offer\" and \"licenses\"." +
                   DidYouMean(key, {"offer", "licenses"}));
      ok = false;
    }
  }
  for (const char* required : {"offer", "licenses"}) {
    if (!j.contains(required)) {
      ErrorValue(
          ptr, "missing-field",
          "a subscription line needs \"" + std::string(required) + "\".");
      ok = false;
    }
  }
  return ok;
}

void ScenarioReader::ReadParams(const Json& j, const std::string& ptr,
                                const std::vector<ParamSpec>& params,
                                const std::vector<std::string>& reserved,
                                const std::string& owner, Args& out) {
  std::vector<std::string> names;
  for (const ParamSpec& p : params) names.push_back(p.name);
  for (const auto& [key, value] : j.items()) {
    if (std::find(reserved.begin(), reserved.end(), key) != reserved.end()) {
      continue;
    }
    const std::string kp = JoinPointer(ptr, key);
    auto spec = std::find_if(params.begin(), params.end(),
                             [&](const ParamSpec& p) { return p.name == key; });
    if (spec == params.end()) {
      std::vector<std::string> all = names;
      all.insert(all.end(), reserved.begin(), reserved.end());
      ErrorKey(kp, "unknown-field",
               "\"" + key + "\" is not a parameter of " + owner +
                   (names.empty() ? std::string("; it takes none.")
                                  : "; expected " + QuotedList(names) + ".") +
                   DidYouMean(key, all));
      continue;
    }
    Arg arg;
    if (Param(value, kp, *spec, arg)) out[key] = std::move(arg);
  }
  for (const ParamSpec& p : params) {
    if (p.required && !j.contains(p.name)) {
      ErrorValue(ptr, "missing-field",
                 owner + " needs \"" + p.name + "\" (" + p.help + ").");
    }
  }
}

}  // namespace tiersim::harness::internal
