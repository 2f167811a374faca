#!/usr/bin/env python3
"""Real OAuth 2.0 / OpenID Connect clients against tiersim's Azure AD over
HTTPS: MSAL for Python (client credentials, username/password, refresh,
authorization code + PKCE) and Authlib (authorization code + PKCE through
the sign-in page with the forced password change, ID token verified against
the JWKS). The browser's part is played with requests and html.parser.

Usage: aad_clients_test.py AAD_TEST_SERVER
Needs Debian's python3-msal, python3-authlib and python3-requests."""

import hashlib
import html.parser
import json
import os
import subprocess
import sys
import time
import unittest
import urllib.parse

# requests lets REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE override a Session's
# `verify` (psf/requests#3829), and MSAL passes its `verify` that way; some
# environments set them, which would hide the CA every client is given.
for _var in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
    os.environ.pop(_var, None)

import msal  # noqa: E402
import requests  # noqa: E402
from authlib.integrations.requests_client import OAuth2Session  # noqa: E402
from authlib.jose import JsonWebKey, jwt  # noqa: E402

SERVER_BINARY = sys.argv[1] if len(sys.argv) > 1 else None
PC = "https://api.partnercenter.microsoft.com"
REDIRECT = "http://localhost:8400/callback"
INFO = {}
_server = None


def setUpModule():
    global _server
    # Idle keep-alive connections (MSAL keeps its own) hold the server's
    # Stop() for the keep-alive timeout: keep it short.
    _server = subprocess.Popen([SERVER_BINARY, "--keep-alive", "2"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               text=True)
    INFO.update(json.loads(_server.stdout.readline()))
    # MSAL 1.21 drops the authority's port when it asks for the user realm
    # (AzureAD/microsoft-authentication-library-for-python#259); this is
    # MSAL's own record of "no realm discovery for this host".
    msal.authority.Authority._domains_without_user_realm_discovery.add(
        "localhost")


def tearDownModule():
    _server.stdin.close()  # the server exits on end of file
    _server.wait(timeout=10)


def authority(tenant=None):
    return INFO["url"] + "/" + (tenant or INFO["domain"])


def jwks():
    r = requests.get(authority() + "/discovery/v2.0/keys", verify=INFO["ca"])
    r.raise_for_status()
    return JsonWebKey.import_key_set(r.json())


def verified_claims(token, audience):
    """Decodes with Authlib, checking the RS256 signature against the JWKS,
    the issuer, audience and times (the server's clock follows the wall
    clock)."""
    claims = jwt.decode(token, jwks(), claims_options={
        "iss": {"essential": True,
                "value": INFO["url"] + "/" + INFO["tenant"] + "/v2.0"},
        "aud": {"essential": True, "value": audience},
    })
    claims.validate(now=int(time.time()), leeway=300)
    return claims


class Forms(html.parser.HTMLParser):
    """The forms of a page: [{"action", "fields": {name: value}}]."""

    def __init__(self, page):
        super().__init__()
        self.forms = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action", ""), "fields": {}})
        elif tag == "input" and self.forms and a.get("name"):
            self.forms[-1]["fields"][a["name"]] = a.get("value") or ""


class Browser:
    """Follows the authorize page as a person with a browser would."""

    def __init__(self):
        self.session = requests.Session()
        self.session.verify = INFO["ca"]

    def open(self, url):
        r = self.session.get(url, allow_redirects=False)
        if r.status_code != 200:
            raise AssertionError("authorize page: %d %s" %
                                 (r.status_code, r.text[:300]))
        return r

    def submit(self, page, **fields):
        forms = Forms(page.text).forms
        if len(forms) != 1:
            raise AssertionError("expected one form in: " + page.text[:500])
        data = dict(forms[0]["fields"])
        data.update(fields)
        target = urllib.parse.urljoin(page.url, forms[0]["action"])
        return self.session.post(target, data=data, allow_redirects=False)


def redirect_query(response):
    if response.status_code != 302:
        raise AssertionError("expected a redirect, got %d: %s" %
                             (response.status_code, response.text[:500]))
    location = response.headers["Location"]
    assert location.startswith(REDIRECT + "?"), location
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(location).query))


class MsalTest(unittest.TestCase):
    def public_app(self):
        return msal.PublicClientApplication(
            INFO["publicClientId"], authority=authority("organizations"),
            verify=INFO["ca"], instance_discovery=False)

    def test_confidential_client_gets_an_app_token(self):
        app = msal.ConfidentialClientApplication(
            INFO["clientId"], client_credential=INFO["clientSecret"],
            authority=authority(), verify=INFO["ca"],
            instance_discovery=False)
        result = app.acquire_token_for_client(scopes=[PC + "/.default"])
        self.assertIn("access_token", result, result)
        claims = verified_claims(result["access_token"], PC)
        self.assertEqual(claims["tid"], INFO["tenant"])
        self.assertEqual(claims["appid"], INFO["clientId"])
        self.assertEqual(claims["roles"], ["Orders.ReadWrite"])
        self.assertEqual(claims["idtyp"], "app")

    def test_confidential_client_with_a_wrong_secret_is_refused(self):
        app = msal.ConfidentialClientApplication(
            INFO["clientId"], client_credential="not-the-secret",
            authority=authority(), verify=INFO["ca"],
            instance_discovery=False)
        result = app.acquire_token_for_client(scopes=[PC + "/.default"])
        self.assertEqual(result.get("error"), "invalid_client", result)
        self.assertIn(7000215, result.get("error_codes", []))

    def test_public_client_username_password_then_silent_refresh(self):
        app = self.public_app()
        admin = INFO["admin"]
        result = app.acquire_token_by_username_password(
            admin["userName"], admin["password"],
            scopes=[PC + "/user_impersonation"])
        self.assertIn("access_token", result, result)
        # MSAL validated the ID token (aud, nonce-less, times) itself.
        self.assertEqual(result["id_token_claims"]["preferred_username"],
                         admin["userName"])
        claims = verified_claims(result["access_token"], PC)
        self.assertEqual(claims["upn"], admin["userName"])
        self.assertIn("GlobalAdmin", claims["roles"])
        self.assertIn("AdminAgent", claims["roles"])
        self.assertEqual(claims["scp"], "user_impersonation")

        accounts = app.get_accounts(username=admin["userName"])
        self.assertEqual(len(accounts), 1)
        self.assertEqual(accounts[0]["home_account_id"],
                         claims["oid"] + "." + INFO["tenant"])
        cached = app.acquire_token_silent(
            [PC + "/user_impersonation"], account=accounts[0])
        self.assertEqual(cached["access_token"], result["access_token"])
        refreshed = app.acquire_token_silent(
            [PC + "/user_impersonation"], account=accounts[0],
            force_refresh=True)
        self.assertIn("access_token", refreshed, refreshed)
        self.assertNotEqual(refreshed["access_token"], result["access_token"])

    def test_temporary_password_then_programmatic_change(self):
        app = self.public_app()
        newbie = INFO["newbie"]
        scopes = [PC + "/user_impersonation"]
        result = app.acquire_token_by_username_password(
            newbie["userName"], newbie["password"], scopes=scopes)
        self.assertEqual(result.get("error"), "invalid_grant", result)
        self.assertIn(50055, result["error_codes"])
        self.assertTrue(result["error_description"].startswith("AADSTS50055:"))

        r = requests.post(
            authority() + "/tiersim/v1/password", verify=INFO["ca"],
            json={"userName": newbie["userName"],
                  "currentPassword": newbie["password"],
                  "newPassword": "Brand-New-Pass-9"})
        self.assertEqual(r.status_code, 200, r.text)
        result = app.acquire_token_by_username_password(
            newbie["userName"], "Brand-New-Pass-9", scopes=scopes)
        self.assertIn("access_token", result, result)

    def test_wrong_password_is_aadsts50126(self):
        result = self.public_app().acquire_token_by_username_password(
            INFO["admin"]["userName"], "Wrong-Pass-1",
            scopes=[PC + "/user_impersonation"])
        self.assertEqual(result.get("error"), "invalid_grant")
        self.assertEqual(result["error_codes"], [50126])
        for key in ("timestamp", "trace_id", "correlation_id"):
            self.assertIn(key, result)

    def test_auth_code_flow_with_pkce(self):
        app = self.public_app()
        flow = app.initiate_auth_code_flow(
            [PC + "/user_impersonation"], redirect_uri=REDIRECT)
        self.assertIn("code_challenge", flow["auth_uri"])
        browser = Browser()
        page = browser.open(flow["auth_uri"])
        admin = INFO["admin"]
        done = browser.submit(page, login=admin["userName"],
                              passwd=admin["password"])
        # MSAL checks state, nonce and sends the PKCE verifier.
        result = app.acquire_token_by_auth_code_flow(flow,
                                                     redirect_query(done))
        self.assertIn("access_token", result, result)
        # MSAL sends the SHA-256 of its nonce and checks what comes back.
        self.assertEqual(result["id_token_claims"]["nonce"],
                         hashlib.sha256(flow["nonce"].encode()).hexdigest())
        self.assertEqual(verified_claims(result["access_token"], PC)["upn"],
                         admin["userName"])


class AuthlibTest(unittest.TestCase):
    def discovery(self):
        r = requests.get(authority() + "/v2.0/.well-known/openid-configuration",
                         verify=INFO["ca"])
        r.raise_for_status()
        return r.json()

    def test_code_flow_with_pkce_and_forced_password_change(self):
        config = self.discovery()
        client = OAuth2Session(
            INFO["publicClientId"], scope="openid profile " + PC +
            "/user_impersonation", redirect_uri=REDIRECT,
            code_challenge_method="S256", token_endpoint_auth_method="none")
        verifier = "v" * 20 + os.urandom(24).hex()
        url, state = client.create_authorization_url(
            config["authorization_endpoint"], code_verifier=verifier,
            nonce="authlib-nonce-1")
        browser = Browser()
        trainee = INFO["trainee"]
        page = browser.open(url)
        change = browser.submit(page, login=trainee["userName"],
                                passwd=trainee["password"])
        self.assertEqual(change.status_code, 200)
        self.assertIn("Update your password", change.text)
        done = browser.submit(change, passwd=trainee["password"],
                              new_passwd="Fresh-Pass-77",
                              confirm_passwd="Fresh-Pass-77")
        query = redirect_query(done)
        self.assertEqual(query["state"], state)

        token = client.fetch_token(
            config["token_endpoint"], code=query["code"],
            code_verifier=verifier, verify=INFO["ca"])
        id_claims = verified_claims(token["id_token"], INFO["publicClientId"])
        self.assertEqual(id_claims["nonce"], "authlib-nonce-1")
        self.assertEqual(id_claims["preferred_username"], trainee["userName"])
        self.assertEqual(verified_claims(token["access_token"], PC)["upn"],
                         trainee["userName"])

        # The code was spent: a second redemption is AADSTS54005.
        again = requests.post(config["token_endpoint"], verify=INFO["ca"],
                              data={"grant_type": "authorization_code",
                                    "client_id": INFO["publicClientId"],
                                    "code": query["code"],
                                    "redirect_uri": REDIRECT,
                                    "code_verifier": verifier})
        self.assertEqual(again.status_code, 400)
        self.assertEqual(again.json()["error_codes"], [54005])

    def test_pkce_mismatch_is_aadsts501481(self):
        config = self.discovery()
        client = OAuth2Session(
            INFO["publicClientId"], scope=PC + "/user_impersonation",
            redirect_uri=REDIRECT, code_challenge_method="S256",
            token_endpoint_auth_method="none")
        url, _ = client.create_authorization_url(
            config["authorization_endpoint"], code_verifier="a" * 64)
        browser = Browser()
        done = browser.submit(browser.open(url),
                              login=INFO["admin"]["userName"],
                              passwd=INFO["admin"]["password"])
        r = requests.post(config["token_endpoint"], verify=INFO["ca"],
                          data={"grant_type": "authorization_code",
                                "client_id": INFO["publicClientId"],
                                "code": redirect_query(done)["code"],
                                "redirect_uri": REDIRECT,
                                "code_verifier": "b" * 64})
        self.assertEqual(r.status_code, 400)
        body = r.json()
        self.assertEqual(body["error"], "invalid_grant")
        self.assertEqual(body["error_codes"], [501481])


if __name__ == "__main__":
    # ResourceWarnings about the clients' pooled sockets are not ours.
    unittest.main(argv=sys.argv[:1], verbosity=2, warnings="ignore")
