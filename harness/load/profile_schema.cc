#include "harness/load/profile_schema.h"

#include <nlohmann/json.hpp>

#include "harness/format/schema.h"
#include "harness/load/flow_catalog.h"
#include "harness/load/profile.h"

namespace tiersim::harness::load {
namespace {

using Json = nlohmann::ordered_json;

const char kDurationPattern[] = "^([0-9]+(ms|us|s|m|h|d|w))+$";
const char kRatePattern[] =
    "^\\s*[0-9]+(\\.[0-9]+)?\\s*(/s|/m|/min|/ms|/h)?\\s*$";

Json Described(Json schema, const std::string& text) {
  schema["description"] = text;
  return schema;
}

Json Count(int minimum, const std::string& text) {
  return Described({{"type", "integer"}, {"minimum", minimum}}, text);
}

Json Duration(const std::string& text) {
  return Described({{"type", "string"}, {"pattern", kDurationPattern}}, text);
}

Json Rate(const std::string& text) {
  return Described({{"oneOf",
                     {{{"type", "number"}, {"minimum", 0}},
                      {{"type", "string"}, {"pattern", kRatePattern}}}}},
                   text);
}

Json Weights(const std::vector<std::string>& names, const std::string& text) {
  Json props = Json::object();
  for (const std::string& n : names) {
    props[n] = {{"type", "integer"}, {"minimum", 0}};
  }
  return Described({{"type", "object"},
                    {"additionalProperties", false},
                    {"properties", props}},
                   text);
}

Json PopulationSchema() {
  return {
      {"type", "object"},
      {"additionalProperties", false},
      {"properties",
       {{"providers", Count(1, "indirect providers (provider-P)")},
        {"resellers_per_provider",
         Count(0, "partnered resellers per provider (reseller-P-R)")},
        {"customers_per_reseller",
         Count(0,
               "customers per reseller, each with one subscription "
               "(customer-P-R-C)")},
        {"users", Weights(PopulationRoleNames(),
                          "each partner's users besides its global admin, by "
                          "role")},
        {"offers", Weights(CatalogOfferIds(),
                           "offer id -> weight: the first subscriptions and "
                           "the order lines")},
        {"licenses", Count(1, "licenses per subscription and order line")},
        {"invitees",
         Count(0,
               "enrolled, unpartnered resellers the invitation flow "
               "invites (default: sized from the model)")},
        {"prospects",
         Count(0,
               "customer tenants nobody serves, for the joint invitation "
               "flow (default: sized from the model)")}}}};
}

Json FlowSchema() {
  Json kinds = Json::array();
  for (const std::string& k : FlowKindNames()) kinds.push_back(k);
  Json roles = Json::array();
  for (const std::string& r : PopulationRoleNames()) roles.push_back(r);
  const Json as = {{"enum", roles}};
  return {{"type", "object"},
          {"required", {"flow"}},
          {"additionalProperties", false},
          {"properties",
           {{"flow", Described({{"enum", kinds}}, "what one iteration does")},
            {"weight", Count(0, "share of the iterations (default 1)")},
            {"lines",
             Described({{"type", "integer"}, {"minimum", 1}, {"maximum", 100}},
                       "order: lines per order (default 1)")},
            {"as", Described(as,
                             "the acting partner user's role (default: its "
                             "global admin)")},
            {"file", Described({{"type", "string"}},
                               "scenario: a scenario file used as a template, "
                               "relative to the profile; ${i} and ${vu} are "
                               "substituted")},
            {"message_bytes",
             Count(1, "smtp: the body size of each message (default 4096)")}}}};
}

Json StageSchema() {
  return {{"type", "object"},
          {"additionalProperties", false},
          {"properties",
           {{"rate", Rate("open: the arrival rate reached at the stage's "
                          "end (1000/s)")},
            {"vus", Count(1, "closed: virtual users during the stage")},
            {"duration", Duration("the stage's length")}}}};
}

Json ModelSchema() {
  return {
      {"type", "object"},
      {"additionalProperties", false},
      {"properties",
       {{"type", Described({{"enum", {"open", "closed"}}},
                           "open: arrivals on a timetable (k6's "
                           "arrival-rate executors); closed: virtual users "
                           "looping (constant-vus). Default open")},
        {"rate", Rate("open: a constant arrival rate (with duration)")},
        {"start_rate", Rate("open: the rate the first stage starts from")},
        {"vus", Count(1, "closed: virtual users (with duration)")},
        {"duration", Duration("one stage of this length")},
        {"iterations", Count(1, "closed: stop after this many iterations")},
        {"think_time", Duration("closed: pause between a user's iterations")},
        {"warmup", Duration("measured first but left out of the results")},
        {"max_vus", Count(1,
                          "open: the most iterations in flight; later "
                          "arrivals are counted as dropped (default "
                          "1000)")},
        {"stages",
         {{"type", "array"},
          {"minItems", 1},
          {"items", {{"$ref", "#/$defs/loadStage"}}}}}}}};
}

Json ThresholdSchema() {
  Json text = Described({{"type", "string"}},
                        "a bound on the key's statistic, \"< 5ms\", "
                        "\"< 0.1%\", \">= 1000/s\", or k6's \"p(95)<200\"");
  return {{"oneOf",
           {text,
            {{"type", "array"}, {"items", text}},
            {{"type", "object"},
             {"required", {"threshold"}},
             {"additionalProperties", false},
             {"properties",
              {{"threshold", text},
               {"abort_on_fail", {{"type", "boolean"}}},
               {"delay_abort_eval",
                Duration("how long into the run before a failure may "
                         "abort it")}}}}}}};
}

Json ProfileSchema() {
  return {
      {"type", "object"},
      {"required", {"name", "flows", "model"}},
      {"additionalProperties", false},
      {"properties",
       {{"$schema", {{"type", "string"}}},
        {"name", {{"type", "string"}, {"minLength", 1}}},
        {"description", {{"type", "string"}}},
        {"tags", {{"type", "array"}, {"items", {{"type", "string"}}}}},
        {"seed", {{"type", "integer"}, {"minimum", 0}}},
        {"population", {{"$ref", "#/$defs/loadPopulation"}}},
        {"flows",
         {{"type", "object"},
          {"minProperties", 1},
          {"additionalProperties", {{"$ref", "#/$defs/loadFlow"}}}}},
        {"model", {{"$ref", "#/$defs/loadModel"}}},
        {"thresholds", Described({{"type", "object"},
                                  {"additionalProperties",
                                   {{"$ref", "#/$defs/loadThreshold"}}}},
                                 "metric.statistic -> bound: \"order.p99\", "
                                 "\"orders.create.p99.9\", \"errors.rate\", "
                                 "\"iterations.rate\", \"dropped.count\"")}}}};
}

}  // namespace

std::string FileSchemaJson() {
  Json schema = Json::parse(ScenarioSchemaJson());
  schema["title"] = "tiersim scenario or load profile";
  schema["description"] =
      "A scenario file: one scenario, or a list of them, or a load profile "
      "(tiersim load). Generated by `tiersim schema`; see README.md, "
      "\"Writing a scenario\" and \"Load testing\".";
  schema["oneOf"].push_back({{"$ref", "#/$defs/loadProfile"}});
  Json& defs = schema["$defs"];
  defs["loadProfile"] = ProfileSchema();
  defs["loadPopulation"] = PopulationSchema();
  defs["loadFlow"] = FlowSchema();
  defs["loadModel"] = ModelSchema();
  defs["loadStage"] = StageSchema();
  defs["loadThreshold"] = ThresholdSchema();
  return schema.dump(2) + "\n";
}

}  // namespace tiersim::harness::load
