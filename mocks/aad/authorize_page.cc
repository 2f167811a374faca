// GET|POST /{tenant}/oauth2/v2.0/authorize: the authorization code flow's
// browser half. GET checks the request and shows a sign-in form; POST
// checks the password, shows the change-password form for a temporary
// password (then completes), and redirects to the client with `code` and
// `state` (response_mode query, or form_post's self-submitting form).
//
// Errors before the client and its redirect URI are trusted show an HTML
// error page; later ones are sent to the redirect URI, as OAuth 2.0 §4.1.2.1
// requires. The pages carry the authorize parameters in hidden fields; no
// session is kept between requests.
#include <string>

#include "mocks/aad/aad_service.h"
#include "mocks/common/base64.h"
#include "mocks/common/form_encoding.h"
#include "mocks/common/text.h"

namespace tiersim::mocks {
namespace {

// The authorize request's parameters, carried from page to page.
constexpr const char* kCarried[] = {
    "client_id",     "redirect_uri",   "response_type",
    "response_mode", "scope",          "state",
    "nonce",         "code_challenge", "code_challenge_method",
    "login_hint"};

struct Authorize {
  TenantRef tenant;
  std::shared_ptr<const AppRegistration> app;
  FormFields form;
  ScopeSet scopes;
  std::string action_url;  // "/<tenant>/oauth2/v2.0/authorize"

  std::string_view Param(std::string_view name) const { return form.Get(name); }
};

std::string Page(std::string_view title, std::string_view body) {
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width\">"
      "<title>";
  html += HtmlEscape(title);
  html +=
      " - tiersim Azure AD</title><style>"
      "body{font-family:system-ui,sans-serif;background:#f2f2f2}"
      "main{max-width:24rem;margin:4rem auto;background:#fff;padding:2rem;"
      "box-shadow:0 2px 6px rgba(0,0,0,.2)}"
      "label{display:block;margin-top:1rem}input{width:100%;padding:.4rem;"
      "box-sizing:border-box}button{margin-top:1.5rem;padding:.5rem 2rem;"
      "background:#0067b8;color:#fff;border:0}"
      ".error{color:#e81123}.info{color:#444}"
      "</style></head><body><main><h1>";
  html += HtmlEscape(title);
  html += "</h1>\n";
  html += body;
  html += "\n</main></body></html>\n";
  return html;
}

void ReplyHtml(Response& res, int status, std::string html) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Frame-Options", "DENY");
  res.set_content(std::move(html), "text/html; charset=utf-8");
}

std::string Hidden(std::string_view name, std::string_view value) {
  return "<input type=\"hidden\" name=\"" + HtmlEscape(name) + "\" value=\"" +
         HtmlEscape(value) + "\">\n";
}

std::string CarriedFields(const Authorize& a) {
  std::string out;
  for (const char* name : kCarried) {
    if (const std::string* v = a.form.Find(name); v && !v->empty()) {
      out += Hidden(name, *v);
    }
  }
  return out;
}

std::string Message(std::string_view css, std::string_view text) {
  if (text.empty()) return {};
  return "<p class=\"" + std::string(css) + "\" role=\"alert\">" +
         HtmlEscape(text) + "</p>\n";
}

void SignInPage(Response& res, const Authorize& a, std::string_view login,
                std::string_view error) {
  std::string body = "<p>Sign in to continue to " +
                     HtmlEscape(a.app->display_name) + ".</p>\n";
  body += Message("error", error);
  body += "<form method=\"post\" action=\"" + HtmlEscape(a.action_url) +
          "\">\n" + CarriedFields(a) + Hidden("action", "signin");
  body +=
      "<label>Email, phone, or Skype<input type=\"email\" name=\"login\" "
      "autocomplete=\"username\" required value=\"" +
      HtmlEscape(login) + "\"></label>\n";
  body +=
      "<label>Password<input type=\"password\" name=\"passwd\" "
      "autocomplete=\"current-password\" required></label>\n"
      "<button type=\"submit\">Sign in</button>\n</form>";
  ReplyHtml(res, 200, Page("Sign in", body));
}

void ChangePasswordPage(Response& res, const Authorize& a,
                        std::string_view login, std::string_view error) {
  std::string body = Message(
      "info",
      "You need to update your password because this is the first time you "
      "are signing in, or because your password has expired.");
  body += Message("error", error);
  body += "<form method=\"post\" action=\"" + HtmlEscape(a.action_url) +
          "\">\n" + CarriedFields(a) + Hidden("action", "change_password") +
          Hidden("login", login);
  body += "<p>" + HtmlEscape(login) + "</p>\n";
  body +=
      "<label>Current password<input type=\"password\" name=\"passwd\" "
      "autocomplete=\"current-password\" required></label>\n"
      "<label>New password<input type=\"password\" name=\"new_passwd\" "
      "autocomplete=\"new-password\" required></label>\n"
      "<label>Confirm password<input type=\"password\" "
      "name=\"confirm_passwd\" autocomplete=\"new-password\" "
      "required></label>\n"
      "<button type=\"submit\">Sign in</button>\n</form>";
  ReplyHtml(res, 200, Page("Update your password", body));
}

void ErrorPage(AadService& s, const Request& req, Response& res,
               const AadError& error) {
  const ErrorContext context = s.NewErrorContext(req);
  std::string body = Message("error", error.Description());
  body += "<p class=\"info\">Trace ID: " + HtmlEscape(context.trace_id) +
          "<br>Correlation ID: " + HtmlEscape(context.correlation_id) +
          "<br>Timestamp: " + HtmlEscape(AadTimestamp(context.now)) + "</p>";
  ReplyHtml(res, error.http_status,
            Page("Sorry, but we're having trouble "
                 "signing you in",
                 body));
}

// Sends `fields` (+ state) to the client's redirect URI.
void RespondToClient(Response& res, const Authorize& a, FormFields fields) {
  if (!a.Param("state").empty()) {
    fields.Add("state", std::string(a.Param("state")));
  }
  const std::string_view redirect_uri = a.Param("redirect_uri");
  if (a.Param("response_mode") == "form_post") {
    std::string body =
        "<form method=\"post\" action=\"" + HtmlEscape(redirect_uri) + "\">\n";
    for (const auto& [name, value] : fields.fields()) {
      body += Hidden(name, value);
    }
    body +=
        "<noscript><button type=\"submit\">Continue</button></noscript>"
        "</form>\n<script>document.forms[0].submit()</script>";
    ReplyHtml(res, 200, Page("Working...", body));
    return;
  }
  std::string location(redirect_uri);
  location += location.find('?') == std::string::npos ? '?' : '&';
  location += EncodeForm(fields);
  res.status = 302;
  res.set_header("Location", location);
  res.set_header("Cache-Control", "no-store");
}

void RedirectError(AadService& s, const Request& req, Response& res,
                   const Authorize& a, const AadError& error) {
  const ErrorContext context = s.NewErrorContext(req);
  FormFields fields;
  fields.Add("error", error.error);
  fields.Add("error_description",
             error.Description() + "\r\nTrace ID: " + context.trace_id +
                 "\r\nCorrelation ID: " + context.correlation_id +
                 "\r\nTimestamp: " + AadTimestamp(context.now));
  if (error.code != 0) {
    fields.Add("error_uri", "https://login.microsoftonline.com/error?code=" +
                                std::to_string(error.code));
  }
  RespondToClient(res, a, std::move(fields));
}

// An S256 code_challenge is the unpadded base64url of a SHA-256 digest.
bool IsBase64UrlText(std::string_view v) {
  return Base64UrlDecode(v).has_value();
}

// Checks what goes back to the client (after its redirect URI is trusted).
std::optional<AadError> CheckRequest(AadService& s, Authorize& a) {
  const std::string_view response_type = a.Param("response_type");
  if (response_type.empty()) return aadsts::MissingParameter("response_type");
  if (response_type != "code") {
    return aadsts::UnsupportedResponseType(response_type);
  }
  const std::string_view mode = a.Param("response_mode");
  if (!mode.empty() && mode != "query" && mode != "form_post") {
    return aadsts::MalformedRequest("response_mode '" + std::string(mode) +
                                    "' is not supported; use query or "
                                    "form_post");
  }
  const std::string_view scope = a.Param("scope");
  if (scope.empty()) return aadsts::MissingParameter("scope");
  auto scopes = ParseScopes(scope, s.resources, a.tenant.name);
  if (!scopes.ok()) return scopes.error();
  a.scopes = std::move(*scopes);
  const std::string_view challenge = a.Param("code_challenge");
  const std::string_view method = a.Param("code_challenge_method");
  if (!method.empty() && method != "S256" && method != "plain") {
    return aadsts::MalformedRequest(
        "code_challenge_method must be S256 or "
        "plain");
  }
  if (!method.empty() && challenge.empty()) {
    return aadsts::MissingParameter("code_challenge");
  }
  if (!challenge.empty() &&
      (challenge.size() < 43 || challenge.size() > 128 ||
       (method == "S256" && !IsBase64UrlText(challenge)))) {
    return aadsts::MalformedRequest(
        "code_challenge must have 43 to 128 characters (S256: the unpadded "
        "base64url SHA-256 of the code_verifier)");
  }
  return std::nullopt;
}

// The user signed in: hand out a code.
void Complete(AadService& s, Response& res, const Authorize& a,
              const sim::DirectoryUser& user) {
  if ((a.tenant.specific() && user.tenant != *a.tenant.id) ||
      (a.app->tenant && user.tenant != *a.app->tenant)) {
    return SignInPage(
        res, a, user.upn,
        aadsts::UserNotInTenant(user.upn, a.tenant.name).Description());
  }
  const std::string challenge(a.Param("code_challenge"));
  std::string method(a.Param("code_challenge_method"));
  if (!challenge.empty() && method.empty()) method = "plain";  // RFC 7636
  const sim::SimTime now = s.backend.Now();
  std::string code = s.grants.IssueCode(
      CodeGrant{.client_id = a.app->client_id,
                .redirect_uri = std::string(a.Param("redirect_uri")),
                .user = user.id,
                .tenant = user.tenant,
                .scope = a.scopes.Granted(),
                .nonce = std::string(a.Param("nonce")),
                .code_challenge = challenge,
                .code_challenge_method = method,
                .expires_at = now + s.options().code_lifetime},
      now);
  FormFields fields;
  fields.Add("code", std::move(code));
  RespondToClient(res, a, std::move(fields));
}

void SignIn(AadService& s, Response& res, const Authorize& a) {
  const std::string login(a.Param("login"));
  const std::string password(a.Param("passwd"));
  if (login.empty() || password.empty()) {
    return SignInPage(res, a, login, "Enter your user name and password.");
  }
  auto user = s.backend.SignIn(login, password);
  if (user.ok()) return Complete(s, res, a, *user);
  if (user.code() == sim::ErrorCode::kPasswordChangeRequired) {
    return ChangePasswordPage(res, a, login, "");
  }
  SignInPage(res, a, login, FromStatus(user.status()).Description());
}

void ChangePassword(AadService& s, Response& res, const Authorize& a) {
  const std::string login(a.Param("login"));
  const std::string current(a.Param("passwd"));
  const std::string next(a.Param("new_passwd"));
  if (login.empty() || current.empty() || next.empty()) {
    return ChangePasswordPage(res, a, login,
                              "Enter your current and new password.");
  }
  if (next != a.Param("confirm_passwd")) {
    return ChangePasswordPage(res, a, login, "The passwords don't match.");
  }
  sim::Status status = s.backend.ChangePassword(login, current, next);
  if (status.code() == sim::ErrorCode::kInvalidCredentials) {
    return ChangePasswordPage(res, a, login,
                              aadsts::WrongCurrentPassword().Description());
  }
  if (!status.ok()) {
    return ChangePasswordPage(res, a, login, FromStatus(status).Description());
  }
  auto user = s.backend.SignIn(login, next);
  if (!user.ok()) {
    return SignInPage(res, a, login, FromStatus(user.status()).Description());
  }
  Complete(s, res, a, *user);
}

void HandleAuthorize(AadService& s, const Request& req, Response& res,
                     bool post) {
  std::string_view text;
  if (post) {
    const std::string type = HeaderValue(req, "Content-Type");
    if (!EqualsIgnoreCase(std::string_view(type).substr(0, 33),
                          "application/x-www-form-urlencoded")) {
      return ErrorPage(s, req, res,
                       aadsts::MalformedRequest("the form must be application/"
                                                "x-www-form-urlencoded"));
    }
    text = req.body;
  } else if (const std::size_t q = req.target.find('?');
             q != std::string::npos) {
    text = std::string_view(req.target).substr(q + 1);
  }
  auto form = ParseForm(text);
  if (!form.ok()) {
    return ErrorPage(s, req, res,
                     aadsts::MalformedRequest(form.status().message()));
  }
  auto tenant = s.ResolveTenant(req.matches[1]);
  if (!tenant.ok()) return ErrorPage(s, req, res, tenant.error());
  Authorize a{.tenant = std::move(*tenant),
              .app = nullptr,
              .form = std::move(*form),
              .scopes = {},
              .action_url = {}};
  a.action_url = "/" + a.tenant.segment + "/oauth2/v2.0/authorize";

  const std::string client_id(a.Param("client_id"));
  if (client_id.empty()) {
    return ErrorPage(s, req, res, aadsts::MissingParameter("client_id"));
  }
  a.app = s.apps.Find(client_id);
  if (a.app == nullptr || (a.app->tenant && a.tenant.specific() &&
                           *a.app->tenant != *a.tenant.id)) {
    return ErrorPage(s, req, res,
                     aadsts::UnknownApplication(client_id, a.tenant.name));
  }
  const std::string_view redirect_uri = a.Param("redirect_uri");
  if (redirect_uri.empty()) {
    return ErrorPage(s, req, res, aadsts::MissingParameter("redirect_uri"));
  }
  if (!AllowsRedirectUri(*a.app, redirect_uri)) {
    return ErrorPage(s, req, res,
                     aadsts::RedirectUriMismatch(redirect_uri, client_id));
  }
  if (auto error = CheckRequest(s, a)) {
    return RedirectError(s, req, res, a, *error);
  }
  if (!post) return SignInPage(res, a, a.Param("login_hint"), "");
  if (a.Param("action") == "change_password") return ChangePassword(s, res, a);
  SignIn(s, res, a);
}

}  // namespace

void AddAuthorizeRoutes(AadService& s) {
  Router& r = s.http.routes();
  const std::string path =
      std::string(kTenantPattern) + R"(/oauth2/v2\.0/authorize)";
  r.Get(path, [&s](const Request& req, Response& res) {
    HandleAuthorize(s, req, res, /*post=*/false);
  });
  r.Post(path, [&s](const Request& req, Response& res) {
    HandleAuthorize(s, req, res, /*post=*/true);
  });
}

}  // namespace tiersim::mocks
