#include "harness/format/schema.h"

#include <nlohmann/json.hpp>

#include "harness/vocabulary/specs.h"
#include "mocks/http/network_faults.h"
#include "sim/faults.h"
#include "sim/status.h"

namespace tiersim::harness {
namespace {

using Json = nlohmann::ordered_json;

const char kDurationPattern[] = "^([0-9]+(ms|us|s|m|h|d|w))+$";

Json Described(Json schema, const std::string& help,
               const std::string& default_help = {}) {
  std::string text = help;
  if (!default_help.empty()) text += " (default: " + default_help + ")";
  if (!text.empty()) schema["description"] = text;
  return schema;
}

Json StringArray() {
  return {{"type", "array"}, {"items", {{"type", "string"}}}};
}

Json TypeSchema(ParamType type, const std::vector<std::string>& values) {
  switch (type) {
    case ParamType::kString:
    case ParamType::kCast:
      return {{"type", "string"}};
    case ParamType::kInt:
      return {{"type", "integer"}};
    case ParamType::kBool:
      return {{"type", "boolean"}};
    case ParamType::kNumber:
      return {{"type", "number"}, {"minimum", 0}, {"maximum", 1}};
    case ParamType::kDuration:
      return {{"type", "string"}, {"pattern", kDurationPattern}};
    case ParamType::kEnum:
      return {{"enum", values}};
    case ParamType::kCastList:
    case ParamType::kStringList:
      return StringArray();
    case ParamType::kSubscription:
      return {{"type", "string"}, {"pattern", "^[^/]+/.+$"}};
    case ParamType::kLineItems:
      return {{"type", "array"},
              {"items",
               {{"type", "object"},
                {"required", {"offer", "licenses"}},
                {"additionalProperties", false},
                {"properties",
                 {{"offer", {{"type", "string"}}},
                  {"licenses", {{"type", "integer"}}}}}}}};
    case ParamType::kLocationUrls:
      return {{"type", "object"},
              {"minProperties", 1},
              {"additionalProperties", {{"type", "string"}}}};
    case ParamType::kProfiles:
      return {{"type", "array"},
              {"items",
               {{"type", "object"},
                {"required", {"mpn"}},
                {"additionalProperties", false},
                {"properties",
                 {{"mpn", {{"type", "integer"}, {"minimum", 1}}},
                  {"name", {{"type", "string"}}},
                  {"country", {{"type", "string"}}},
                  {"active", {{"type", "boolean"}}},
                  {"incentives", StringArray()},
                  {"benefits", StringArray()},
                  {"competencies", StringArray()}}}}}};
  }
  return Json::object();
}

Json Expect() {
  std::vector<std::string> codes;
  // ScenarioError is the runner's own: no step may expect it.
#define X(n, number, meaning) \
  if (std::string_view(#n) != "ScenarioError") codes.push_back(#n);
#include "sim/error_codes.inc"
#undef X
  Json code = {{"enum", codes}};
  std::vector<std::string> any_or_codes = codes;
  any_or_codes.insert(any_or_codes.begin(), "any");
  return {{"description",
           "\"ok\" (the default), \"error\" (any error), or the error code "
           "the step must fail with: one, one of a list, or \"any\""},
          {"oneOf",
           {{{"const", "ok"}},
            {{"const", "error"}},
            {{"type", "object"},
             {"required", {"error"}},
             {"additionalProperties", false},
             {"properties",
              {{"error",
                {{"oneOf",
                  {{{"enum", any_or_codes}},
                   {{"type", "array"}, {"minItems", 1}, {"items", code}}}}}},
               {"message_contains", {{"type", "string"}}}}}}}}};
}

Json Common() {
  return {{"actor", {{"type", "string"}, {"description", "a cast name"}}},
          {"note", {{"type", "string"}}},
          {"expect", {{"$ref", "#/$defs/expect"}}}};
}

Json Params(const std::vector<ParamSpec>& params, Json properties,
            Json& required) {
  for (const ParamSpec& p : params) {
    properties[p.name] =
        Described(TypeSchema(p.type, p.values), p.help, p.default_help);
    if (p.required) required.push_back(p.name);
  }
  return properties;
}

Json ActionStep() {
  Json all_of = Json::array();
  std::vector<std::string> names;
  for (const ActionSpec& a : ActionSpecs()) {
    names.push_back(a.name);
    Json properties = Common();
    properties["action"] = {{"const", a.name}};
    Json required = Json::array({"actor", "action"});
    all_of.push_back(
        {{"if", {{"properties", {{"action", {{"const", a.name}}}}}}},
         {"then",
          {{"description", a.help},
           {"properties", Params(a.params, properties, required)},
           {"required", required},
           {"additionalProperties", false}}}});
  }
  return {{"type", "object"},
          {"required", {"actor", "action"}},
          {"properties", {{"action", {{"enum", names}}}}},
          {"allOf", all_of}};
}

Json SeesStep() {
  Json all_of = Json::array();
  std::vector<std::string> names;
  for (const QuerySpec& q : QuerySpecs()) {
    names.push_back(q.name);
    Json properties = Common();
    properties["sees"] = {{"const", q.name}};
    Json required = Json::array({"sees"});
    if (q.needs_actor) required.push_back("actor");
    if (q.shape == QueryShape::kList) {
      properties["equals"] = StringArray();
      properties["includes"] = StringArray();
      properties["excludes"] = StringArray();
      properties["count"] = {{"type", "integer"}, {"minimum", 0}};
    } else {
      Json fields = Json::object();
      Json patterns = Json::object();
      const Json value = {{"type", {"string", "integer", "boolean"}}};
      for (const std::string& f : q.fields) {
        const std::size_t open = f.find("_<");
        if (open != std::string::npos && f.back() == '>') {
          patterns["^" + f.substr(0, open + 1) + "."] =
              value;  // url_<location>
        } else {
          fields[f] = value;
        }
      }
      properties["equals"] = {{"type", "object"},
                              {"properties", fields},
                              {"additionalProperties", false}};
      if (!patterns.empty()) {
        properties["equals"]["patternProperties"] = patterns;
      }
    }
    all_of.push_back({{"if", {{"properties", {{"sees", {{"const", q.name}}}}}}},
                      {"then",
                       {{"description", q.help},
                        {"properties", Params(q.params, properties, required)},
                        {"required", required},
                        {"additionalProperties", false}}}});
  }
  return {{"type", "object"},
          {"required", {"sees"}},
          {"properties", {{"sees", {{"enum", names}}}}},
          {"allOf", all_of}};
}

Json FaultStep() {
  std::vector<std::string> points;
  for (std::string_view p : sim::KnownFaultPoints()) points.emplace_back(p);
  for (std::string_view p : mocks::NetworkFaultPoints()) points.emplace_back(p);
  const Json duration = {{"type", "string"}, {"pattern", kDurationPattern}};
  return {
      {"type", "object"},
      {"required", {"fault"}},
      {"additionalProperties", false},
      {"properties",
       {{"fault", {{"enum", points}}},
        {"to",
         Described({{"type", "string"}},
                   "only for this cast member (or literal address/domain)")},
        {"times", {{"type", "integer"}, {"minimum", 1}}},
        {"for", duration},
        {"probability", {{"type", "number"}, {"minimum", 0}, {"maximum", 1}}},
        {"delay", duration},
        {"note", {{"type", "string"}}}}},
      {"if", {{"properties", {{"fault", {{"const", "mail.delay"}}}}}}},
      {"then", {{"required", {"delay"}}}}};
}

Json CastMemberSchema() {
  std::vector<std::string> roles;
  for (const CastFieldSpec& f : CastFieldSpecs()) {
    if (f.name == "role") roles = f.values;
  }
  Json all_of = Json::array();
  for (const std::string& role : roles) {
    const CastRole r = *ParseCastRole(role);
    Json properties = Json::object();
    for (const CastFieldSpec& f : CastFieldSpecs()) {
      if (std::find(f.roles.begin(), f.roles.end(), r) == f.roles.end()) {
        continue;
      }
      properties[f.name] = Described(TypeSchema(f.type, f.values), f.help);
    }
    Json then = {{"properties", properties}, {"additionalProperties", false}};
    if (r == CastRole::kUser) then["required"] = {"of"};
    if (r == CastRole::kApplicant) then["required"] = {"program"};
    all_of.push_back({{"if", {{"properties", {{"role", {{"const", role}}}}}}},
                      {"then", then}});
  }
  return {{"type", "object"},
          {"required", {"role"}},
          {"properties", {{"role", {{"enum", roles}}}}},
          {"allOf", all_of}};
}

}  // namespace

std::string ScenarioSchemaJson() {
  Json schema = {
      {"$schema", "https://json-schema.org/draft/2020-12/schema"},
      {"$id", "https://tiersim.test/schemas/scenario.json"},
      {"title", "tiersim scenario"},
      {"description",
       "A scenario file: one scenario, or a list of them. Generated by "
       "`tiersim schema`; see README.md, \"Writing a scenario\"."},
      {"oneOf",
       {{{"$ref", "#/$defs/scenario"}},
        {{"type", "array"},
         {"minItems", 1},
         {"items", {{"$ref", "#/$defs/scenario"}}}}}},
      {"$defs",
       {{"scenario",
         {{"type", "object"},
          {"required", {"name", "cast", "steps"}},
          {"additionalProperties", false},
          {"properties",
           {{"$schema", {{"type", "string"}}},
            {"name", {{"type", "string"}}},
            {"description", {{"type", "string"}}},
            {"tags", StringArray()},
            {"seed", {{"type", "integer"}, {"minimum", 0}}},
            {"soft",
             {{"type", "boolean"},
              {"description",
               "soft assertions: keep playing after a failed step and "
               "report every failure (run --soft does this for all)"}}},
            {"cast",
             {{"type", "object"},
              {"minProperties", 1},
              {"additionalProperties", {{"$ref", "#/$defs/castMember"}}}}},
            {"steps",
             {{"type", "array"}, {"items", {{"$ref", "#/$defs/step"}}}}}}}}},
        {"castMember", CastMemberSchema()},
        {"expect", Expect()},
        {"step",
         {{"oneOf",
           {{{"$ref", "#/$defs/actionStep"}},
            {{"$ref", "#/$defs/seesStep"}},
            {{"$ref", "#/$defs/waitStep"}},
            {{"$ref", "#/$defs/faultStep"}}}}}},
        {"actionStep", ActionStep()},
        {"seesStep", SeesStep()},
        {"waitStep",
         {{"type", "object"},
          {"required", {"wait"}},
          {"additionalProperties", false},
          {"properties",
           {{"wait", {{"type", "string"}, {"pattern", kDurationPattern}}},
            {"note", {{"type", "string"}}}}}}},
        {"faultStep", FaultStep()}}}};
  return schema.dump(2) + "\n";
}

}  // namespace tiersim::harness
