// Loader diagnostics, golden: the exact text a QA engineer reads for each
// kind of mistake (file:line:column, what was expected, did you mean).
#include "harness/format/loader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/common/status_matchers.h"

namespace tiersim::harness {
namespace {

using ::tiersim::testing::IsOk;

using ::testing::ElementsAre;

std::vector<std::string> Errors(std::string_view text) {
  LoadResult r = LoadScenarioText("s.json", text);
  std::vector<std::string> out;
  for (const Diagnostic& d : r.errors) out.push_back(FormatDiagnostic(d));
  return out;
}

// A valid scenario with one step line replaced by `step`.
std::string WithStep(const std::string& step) {
  return R"({
  "name": "n",
  "cast": {"contoso": {"role": "provider"},
           "fabrikam": {"role": "reseller"},
           "adatum": {"role": "customer"}},
  "steps": [
)" + step +
         R"(
  ]
})";
}

TEST(LoaderTest, ValidScenarioLoadsWithDefaultsFromCastNames) {
  LoadResult r = LoadScenarioText("s.json", R"(// a comment
{
  "name": "Partners", /* block comment */ "tags": ["F3"], "seed": 9,
  "cast": {"contoso": {"role": "provider"},
           "fabrikam": {"role": "reseller", "partners": ["contoso"]}},
  "steps": [
    {"actor": "contoso", "action": "request_partnership", "reseller": "fabrikam",
     "expect": {"error": "AlreadyPartnered"}},
    {"wait": "1d12h"},
    {"actor": "contoso", "sees": "indirect_resellers", "count": 1}
  ]
})");
  ASSERT_THAT(r, IsOk()) << FormatDiagnostic(r.errors.front());
  ASSERT_EQ(r.scenarios.size(), 1u);
  const Scenario& s = r.scenarios.front();
  EXPECT_EQ(s.seed, 9u);
  EXPECT_EQ(s.cast[0].legal_name, "Contoso");
  EXPECT_EQ(s.cast[0].domain, "contoso");
  EXPECT_EQ(s.cast[1].partners, std::vector<std::string>{"contoso"});
  ASSERT_EQ(s.steps.size(), 3u);
  EXPECT_EQ(s.steps[0].pos.line, 7);
  EXPECT_EQ(s.steps[0].pos.column, 5);
  EXPECT_EQ(s.steps[0].expect.errors,
            std::vector<sim::ErrorCode>{sim::ErrorCode::kAlreadyPartnered});
  EXPECT_EQ(s.steps[1].wait, sim::Days(1) + std::chrono::hours(12));
  EXPECT_EQ(s.steps[2].matcher.kind, Matcher::Kind::kCount);
}

TEST(LoaderTest, ArrayOfScenariosLoadsEach) {
  LoadResult r = LoadScenarioText("s.json", R"([
  {"name": "a", "cast": {"c": {"role": "provider"}}, "steps": []},
  {"name": "b", "cast": {"c": {"role": "reseller"}}, "steps": []}
])");
  ASSERT_THAT(r, IsOk());
  ASSERT_EQ(r.scenarios.size(), 2u);
  EXPECT_EQ(r.scenarios[1].name, "b");
}

TEST(LoaderTest, SyntaxErrorNamesLineAndColumn) {
  EXPECT_THAT(Errors("{\n  \"name\": \"x\",\n  \"cast\": {,}\n}"),
              ElementsAre("s.json:3:12: error: not valid JSON: while parsing "
                          "object key - unexpected ','; expected string "
                          "literal. [syntax]"));
}

TEST(LoaderTest, MisspeltTopLevelFieldSuggestsTheRightOne) {
  EXPECT_THAT(
      Errors(R"({"name": "n", "cast": {"c": {"role": "provider"}}, "steps": [],
 "tgas": []})"),
      ElementsAre(
          "s.json:2:2: error: \"tgas\" is not a scenario field; "
          "expected \"$schema\", \"name\", \"description\", \"tags\", "
          "\"seed\", \"soft\", \"cast\" or \"steps\". Did you mean \"tags\"? "
          "[unknown-field]"));
}

TEST(LoaderTest, MissingRequiredFieldsAreEachNamed) {
  EXPECT_THAT(Errors(R"({"name": "n"})"),
              ElementsAre("s.json:1:1: error: a scenario needs \"cast\". "
                          "[missing-field]",
                          "s.json:1:1: error: a scenario needs \"steps\". "
                          "[missing-field]"));
}

TEST(LoaderTest, MisspeltActionSuggestsTheAction) {
  EXPECT_THAT(
      Errors(WithStep(
          R"(    {"actor": "fabrikam", "action": "acept_partnership"})")),
      ElementsAre("s.json:7:37: error: \"acept_partnership\" is not an "
                  "action. Did you mean \"accept_partnership\"? (`tiersim "
                  "list` shows them all.) [unknown-action]"));
}

TEST(LoaderTest, QueryWrittenAsActionIsExplained) {
  EXPECT_THAT(
      Errors(WithStep(
          R"(    {"actor": "contoso", "action": "indirect_resellers"})")),
      ElementsAre("s.json:7:36: error: \"indirect_resellers\" is not an "
                  "action. \"indirect_resellers\" is a query: write \"sees\": "
                  "\"indirect_resellers\". (`tiersim list` shows them all.) "
                  "[unknown-action]"));
}

TEST(LoaderTest, MisspeltParameterSuggestsAndRequiredOneIsMissing) {
  EXPECT_THAT(
      Errors(WithStep(
          R"(    {"actor": "contoso", "action": "request_partnership", "reseler": "fabrikam"})")),
      ElementsAre(
          "s.json:7:5: error: \"request_partnership\" needs \"reseller\" (the "
          "reseller). [missing-field]",
          "s.json:7:59: error: \"reseler\" is not a parameter of "
          "\"request_partnership\"; expected \"reseller\", \"email\" or "
          "\"message\". Did you mean \"reseller\"? [unknown-field]"));
}

TEST(LoaderTest, MisspeltCastNameSuggestsTheMember) {
  EXPECT_THAT(
      Errors(WithStep(
          R"(    {"actor": "contoso", "action": "request_partnership", "reseller": "fabrikm"})")),
      ElementsAre("s.json:7:71: error: \"fabrikm\" is not in the cast "
                  "(\"reseller\"). Did you mean \"fabrikam\"? [unknown-cast]"));
}

TEST(LoaderTest, CastMemberOfTheWrongRoleIsRefused) {
  EXPECT_THAT(
      Errors(WithStep(
          R"(    {"actor": "contoso", "action": "add_customer", "customer": "fabrikam"})")),
      ElementsAre("s.json:7:64: error: \"customer\" must name a "
                  "\"customer\"; \"fabrikam\" is a reseller. [wrong-role]"));
}

TEST(LoaderTest, ActionByTheWrongKindOfActorIsRefused) {
  EXPECT_THAT(
      Errors(WithStep(
          R"(    {"actor": "contoso", "action": "accept_reseller_invitation"})")),
      ElementsAre("s.json:7:15: error: \"accept_reseller_invitation\" is "
                  "done by a \"customer\"; \"contoso\" is a provider. "
                  "[wrong-actor]"));
}

TEST(LoaderTest, RoleNamesTakeTheirArticle) {
  EXPECT_THAT(Errors(R"({
  "name": "n",
  "cast": {"adatum": {"role": "applicant", "program": "reseller"},
           "contoso": {"role": "provider"}},
  "steps": [
    {"actor": "adatum", "action": "accept_reseller_invitation"},
    {"actor": "contoso", "action": "start_enrollment"}
  ]
})"),
              ElementsAre("s.json:6:15: error: \"accept_reseller_invitation\" "
                          "is done by a \"customer\"; \"adatum\" is an "
                          "applicant. [wrong-actor]",
                          "s.json:7:15: error: \"start_enrollment\" is done "
                          "by an \"applicant\"; \"contoso\" is a provider. "
                          "[wrong-actor]"));
}

TEST(LoaderTest, ExpectTakesAnyErrorOrAListOfCodes) {
  LoadResult r = LoadScenarioText(
      "s.json",
      WithStep(
          R"(    {"actor": "contoso", "action": "request_partnership", "reseller": "fabrikam", "expect": "error"},
    {"actor": "contoso", "action": "request_partnership", "reseller": "fabrikam", "expect": {"error": "any"}},
    {"actor": "contoso", "action": "request_partnership", "reseller": "fabrikam", "expect": {"error": ["NotFound", "NotPartnered"]}})"));
  ASSERT_THAT(r, IsOk()) << FormatDiagnostic(r.errors.front());
  const auto& steps = r.scenarios.front().steps;
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_FALSE(steps[0].expect.ok);
  EXPECT_TRUE(steps[0].expect.errors.empty());
  EXPECT_FALSE(steps[1].expect.ok);
  EXPECT_TRUE(steps[1].expect.errors.empty());
  EXPECT_EQ(steps[2].expect.errors,
            (std::vector<sim::ErrorCode>{sim::ErrorCode::kNotFound,
                                         sim::ErrorCode::kNotPartnered}));
  EXPECT_THAT(
      Errors(WithStep(
          R"(    {"actor": "contoso", "action": "request_partnership", "reseller": "fabrikam", "expect": {"error": []}})")),
      ElementsAre(::testing::HasSubstr("lists no codes")));
  EXPECT_THAT(
      Errors(WithStep(
          R"(    {"actor": "contoso", "action": "request_partnership", "reseller": "fabrikam", "expect": {"error": ["NotFound", "NotFund"]}})")),
      ElementsAre(::testing::HasSubstr("Did you mean \"NotFound\"")));
}

TEST(LoaderTest, UnknownErrorCodeSuggestsTheCode) {
  EXPECT_THAT(
      Errors(WithStep(
          R"(    {"actor": "fabrikam", "action": "accept_partnership", "expect": {"error": "InvitationUsd"}})")),
      ElementsAre("s.json:7:79: error: \"InvitationUsd\" is not an error "
                  "code (see `tiersim list errors`). Did you mean "
                  "\"InvitationUsed\"? [unknown-error-code]"));
}

TEST(LoaderTest, WrongTypeSaysWhatWasExpected) {
  EXPECT_THAT(
      Errors(WithStep(
          R"(    {"actor": "fabrikam", "action": "accept_partnership", "tick": "yes"})")),
      ElementsAre("s.json:7:67: error: \"tick\" must be true or false, not a "
                  "string. [wrong-type]"));
}

TEST(LoaderTest, BadDurationShowsTheAcceptedForms) {
  EXPECT_THAT(Errors(WithStep(R"(    {"wait": "3 days"})")),
              ElementsAre("s.json:7:14: error: \"3 days\" is not a duration "
                          "(\"wait\"); expected a number and a unit, such as "
                          "\"250ms\", \"30s\", \"15m\", \"2h\", \"3d\", \"2w\" "
                          "or \"1d12h\". [bad-value]"));
}

TEST(LoaderTest, UnknownFaultPointSuggestsTheNearest) {
  EXPECT_THAT(
      Errors(WithStep(R"(    {"fault": "mail.dorp", "to": "fabrikam"})")),
      ElementsAre("s.json:7:15: error: \"mail.dorp\" is not a fault point; "
                  "expected \"mail.drop\", \"mail.delay\", \"mail.reject\", "
                  "\"pmc.unavailable\", \"aad.unavailable\", "
                  "\"aad.create_tenant\", \"aad.create_user\", "
                  "\"enrollment.reject\", \"service.outage\", "
                  "\"http.latency\", \"http.429\", \"http.500\", "
                  "\"http.502\", \"http.503\", \"http.504\" or "
                  "\"http.reset\". Did you mean \"mail.drop\"? "
                  "[unknown-fault]"));
}

TEST(LoaderTest, AnOutageNamesAMicrosoftService) {
  EXPECT_THAT(
      Errors(WithStep(R"(    {"fault": "service.outage", "to": "Exchange"})")),
      ElementsAre("s.json:7:39: error: \"Exchange\" is not a Microsoft "
                  "service; expected \"Office 365\", \"Microsoft 365\", "
                  "\"Dynamics 365\", \"Enterprise Mobility\", \"Azure\" or "
                  "\"Windows\". [bad-value]"));
  EXPECT_THAT(Errors(WithStep(
                  R"(    {"fault": "service.outage", "to": "office 365"})")),
              ::testing::IsEmpty());
}

TEST(LoaderTest, ANetworkFaultNamesARouteAndNoVirtualTime) {
  EXPECT_THAT(
      Errors(WithStep(R"(    {"fault": "http.429", "to": "Partner Center"})")),
      ElementsAre(::testing::HasSubstr(
          "\"Partner\" is not a server name, an HTTP method or a "
          "path")));
  EXPECT_THAT(Errors(WithStep(
                  R"(    {"fault": "http.reset", "to": "pmc", "for": "1h"})")),
              ElementsAre(::testing::HasSubstr("the network runs on the wall "
                                               "clock")));
  EXPECT_THAT(Errors(WithStep(R"(    {"fault": "http.503",
      "to": "partner-center POST /v1/customers/*/orders", "times": 2,
      "delay": "1s"})")),
              ::testing::IsEmpty());
}

TEST(LoaderTest, StepWithTwoKindsIsRefused) {
  EXPECT_THAT(
      Errors(WithStep(
          R"(    {"actor": "contoso", "action": "sign_in", "wait": "1d"})")),
      ElementsAre("s.json:7:5: error: a step has exactly one of \"action\", "
                  "\"sees\", \"wait\" or \"fault\"; this one has \"action\" "
                  "and \"wait\". [step-kind]"));
}

TEST(LoaderTest, RecordQueryFieldIsChecked) {
  EXPECT_THAT(
      Errors(WithStep(R"(    {"sees": "counts", "equals": {"customer": 0}})")),
      ElementsAre("s.json:7:35: error: \"counts\" has no field \"customer\"; "
                  "it has \"partners\", \"users\", \"customers\", "
                  "\"subscriptions\", \"orders\", \"invitations\", "
                  "\"support_requests\", \"tenants\", \"directory_users\" and "
                  "\"emails\". Did you mean \"customers\"? [unknown-field]"));
}

TEST(LoaderTest, DuplicateKeyIsReported) {
  EXPECT_THAT(
      Errors(
          R"({"name": "a", "name": "b", "cast": {"c": {"role": "provider"}}, "steps": []})"),
      ElementsAre("s.json:1:15: error: \"name\" appears twice in the same "
                  "object; the second would silently replace the first. "
                  "[duplicate-key]"));
}

TEST(LoaderTest, CastFieldForAnotherRoleIsRefused) {
  EXPECT_THAT(
      Errors(
          R"({"name": "a", "cast": {"adatum": {"role": "customer", "mpn": 5}}, "steps": []})"),
      ElementsAre("s.json:1:55: error: \"mpn\" does not apply to a customer. "
                  "[unknown-field]"));
}

TEST(LoaderTest, ColumnsCountCharactersNotBytes) {
  // "é" is two bytes; the error must point at the character column.
  EXPECT_THAT(
      Errors("{\"name\": \"é\", \"cast\": {\"c\": {\"role\": \"provider\"}}, "
             "\"steps\": [], \"x\": 1}"),
      ElementsAre(::testing::StartsWith("s.json:1:65: error: \"x\" is not a "
                                        "scenario field")));
}

TEST(LoaderTest, MissingFileIsAnIoError) {
  LoadResult r = LoadScenarioFile("/nonexistent/scenario.json");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(FormatDiagnostic(r.errors[0]),
            "/nonexistent/scenario.json: error: cannot read the file. [io]");
}

}  // namespace
}  // namespace tiersim::harness
