"""Tests of the Authentik emulator, each against a live instance on a free loopback port.

Every request carries the headers nginx would send (``X-Forwarded-Proto: https``,
``Host: authentik.yourdomain.com``). Run with::

    python -m pytest -p no:cacheprovider tests/e2e/emulator
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import html
import json
import os
import re
import selectors
import socket
import subprocess
import sys
import time
import warnings
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
import requests
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding as asym_padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

HERE = Path(__file__).resolve().parent
EMULATOR = HERE / "authentik_emulator.py"
sys.path.insert(0, str(HERE))
import authentik_emulator  # noqa: E402  (for the RFC 7518 known-answer test only)

HOST = "authentik.yourdomain.com"
HEADERS = {"X-Forwarded-Proto": "https", "Host": HOST}
ISSUER = f"https://{HOST}/application/o/netbox/"
REDIRECT = "https://netbox.internaldomain.com/oauth/complete/oidc/"
SECRET = "the-client-secret"

# The reference deployment's blueprint (preprocessor/tests/reference-deployment/src/deployment.md)
# plus one regex entry.
MAIN_BLUEPRINT = r"""
version: 1
metadata:
  name: NetBox single sign-on
entries:
  - model: authentik_providers_oauth2.oauth2provider
    id: netbox-provider
    identifiers:
      name: NetBox
    attrs:
      authorization_flow: !Find [authentik_flows.flow, [slug, default-provider-authorization-implicit-consent]]
      invalidation_flow: !Find [authentik_flows.flow, [slug, default-provider-invalidation-flow]]
      client_type: confidential
      client_id: netbox
      client_secret: the-client-secret
      redirect_uris:
        - matching_mode: strict
          url: https://netbox.internaldomain.com/oauth/complete/oidc/
        - matching_mode: regex
          url: 'https://netbox-[a-z]+\.internaldomain\.com/oauth/complete/oidc/'
      signing_key: !Find [authentik_crypto.certificatekeypair, [name, authentik Self-signed Certificate]]
      property_mappings:
        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-openid]]
        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-email]]
        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-profile]]
  - model: authentik_core.application
    id: netbox-application
    identifiers:
      slug: netbox
    attrs:
      name: NetBox
      provider: !KeyOf netbox-provider
      meta_launch_url: https://netbox.internaldomain.com/
"""

# Custom scope mappings (!KeyOf and !Find by name), the entitlements and offline_access built-ins, no
# email mapping, the secret from the environment.
CUSTOM_BLUEPRINT = r"""
version: 1
entries:
  - model: authentik_providers_oauth2.scopemapping
    id: netbox-roles
    identifiers:
      name: NetBox roles
    attrs:
      scope_name: roles
      expression: |
        return {"groups": [group.name for group in request.user.groups.all()]}
  - model: authentik_providers_oauth2.scopemapping
    identifiers:
      name: NetBox site
    attrs:
      scope_name: site
      expression: 'return {"site": "hq"}'
  - model: authentik_providers_oauth2.oauth2provider
    id: netbox-provider
    identifiers:
      name: NetBox
    attrs:
      client_id: netbox
      client_secret: !Env NETBOX_TEST_OIDC_SECRET
      redirect_uris:
        - matching_mode: strict
          url: https://netbox.internaldomain.com/oauth/complete/oidc/
      signing_key: !Find [authentik_crypto.certificatekeypair, [name, authentik Self-signed Certificate]]
      property_mappings:
        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-openid]]
        - !Find [authentik_providers_oauth2.scopemapping, [name, "authentik default OAuth Mapping: OpenID 'profile'"]]
        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-entitlements]]
        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-offline_access]]
        - !KeyOf netbox-roles
        - !Find [authentik_providers_oauth2.scopemapping, [name, NetBox site]]
  - model: authentik_core.application
    identifiers:
      slug: netbox
    attrs:
      name: NetBox Custom
      provider: !KeyOf netbox-provider
"""

# No signing key (HS256) and the pre-2024.10.3 single-string redirect field (regex entries).
HS256_BLUEPRINT = r"""
version: 1
entries:
  - model: authentik_providers_oauth2.oauth2provider
    id: p
    identifiers:
      name: NetBox
    attrs:
      client_id: netbox
      client_secret: the-client-secret
      redirect_uris: "https://netbox\\.internaldomain\\.com/oauth/complete/oidc/\nhttps://netbox\\.example\\.org:8443/.*"
      property_mappings:
        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-openid]]
        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-email]]
        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-profile]]
  - model: authentik_core.application
    identifiers:
      slug: netbox
    attrs:
      provider: !KeyOf p
"""

# The guide's troubleshooting example: the same keypair for signing and encryption.
JWE_SAME_KEY_BLUEPRINT = r"""
version: 1
entries:
  - model: authentik_providers_oauth2.oauth2provider
    id: netbox-provider
    identifiers:
      name: NetBox
    attrs:
      client_id: netbox
      client_secret: the-client-secret
      redirect_uris:
        - matching_mode: strict
          url: https://netbox.internaldomain.com/oauth/complete/oidc/
      signing_key: !Find [authentik_crypto.certificatekeypair, [name, authentik Self-signed Certificate]]
      encryption_key: !Find [authentik_crypto.certificatekeypair, [name, authentik Self-signed Certificate]]
      property_mappings:
        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-openid]]
        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-email]]
        - !Find [authentik_providers_oauth2.scopemapping, [managed, goauthentik.io/providers/oauth2/scope-profile]]
  - model: authentik_core.application
    identifiers:
      slug: netbox
    attrs:
      provider: !KeyOf netbox-provider
"""

JWE_BLUEPRINT = JWE_SAME_KEY_BLUEPRINT.replace(
    "encryption_key: !Find [authentik_crypto.certificatekeypair, [name, authentik Self-signed Certificate]]",
    "encryption_key: !Find [authentik_crypto.certificatekeypair, [name, NetBox encryption]]",
)

# Old blank redirect field: the first redirect_uri used is learnt.
BLANK_LEGACY_BLUEPRINT = MAIN_BLUEPRINT.replace(
    """      redirect_uris:
        - matching_mode: strict
          url: https://netbox.internaldomain.com/oauth/complete/oidc/
        - matching_mode: regex
          url: 'https://netbox-[a-z]+\\.internaldomain\\.com/oauth/complete/oidc/'
""",
    '      redirect_uris: ""\n',
)
assert BLANK_LEGACY_BLUEPRINT != MAIN_BLUEPRINT


# --------------------------------------------------------------------------------------------------
# a live emulator


class Emulator:
    def __init__(self, base: str, stderr_path: Path, state_dir: Path, process: subprocess.Popen):
        self.base = base
        self.stderr_path = stderr_path
        self.state_dir = state_dir
        self.process = process

    def url(self, path: str) -> str:
        return self.base + path

    def get(self, path: str, session=None, headers=None, **kwargs) -> requests.Response:
        kwargs.setdefault("allow_redirects", False)
        return (session or requests).get(self.url(path), headers={**HEADERS, **(headers or {})}, timeout=10, **kwargs)

    def post(self, path: str, session=None, headers=None, **kwargs) -> requests.Response:
        kwargs.setdefault("allow_redirects", False)
        return (session or requests).post(self.url(path), headers={**HEADERS, **(headers or {})}, timeout=10, **kwargs)

    def mark(self) -> int:
        """Where the log ends now: pass it to stderr() to see only what a test's own requests log
        (the module's emulators are shared, and an earlier test's lines must not make one pass)."""
        return self.stderr_path.stat().st_size

    def stderr(self, since: int = 0) -> str:
        with open(self.stderr_path, "rb") as log:
            log.seek(since)
            return log.read().decode("utf-8")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def running(directory: Path, blueprint: str, *args: str, env: dict | None = None, state_dir: Path | None = None):
    directory.mkdir(parents=True, exist_ok=True)
    blueprint_path = directory / "blueprint.yaml"
    blueprint_path.write_text(blueprint, encoding="utf-8")
    state_dir = state_dir or directory / "state"
    stderr_path = directory / "stderr.log"
    port = free_port()
    with open(stderr_path, "wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, str(EMULATOR), "--blueprint", str(blueprint_path), "--listen", f"127.0.0.1:{port}",
             "--state-dir", str(state_dir), *args],
            stdout=subprocess.PIPE,
            stderr=stderr,
            env={**os.environ, **(env or {})},
        )
    try:
        selector = selectors.DefaultSelector()
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout=15):
            raise AssertionError("emulator did not print ready:\n" + stderr_path.read_text())
        line = process.stdout.readline()
        assert line == b"ready\n", (line, stderr_path.read_text())
        emulator = Emulator(f"http://127.0.0.1:{port}", stderr_path, state_dir, process)
        yield emulator
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    emulator.rest_of_stdout = process.stdout.read()
    process.stdout.close()


@pytest.fixture(scope="module")
def main(tmp_path_factory):
    with running(tmp_path_factory.mktemp("main"), MAIN_BLUEPRINT) as emulator:
        yield emulator


@pytest.fixture(scope="module")
def custom(tmp_path_factory):
    with running(tmp_path_factory.mktemp("custom"), CUSTOM_BLUEPRINT,
                 env={"NETBOX_TEST_OIDC_SECRET": "secret-from-env"}) as emulator:
        yield emulator


# --------------------------------------------------------------------------------------------------
# a relying party, as python-social-auth would act


def authorize_params(scope="openid profile email", redirect_uri=REDIRECT, **extra) -> dict:
    return {"client_id": "netbox", "redirect_uri": redirect_uri, "response_type": "code", "scope": scope,
            "state": "st4te", "nonce": "n0nce", **extra}


def log_in(emulator: Emulator, session: requests.Session, authorize: requests.Response,
           user="alice", password="secret") -> requests.Response:
    """Follow the redirect to the login form, submit it, return the response to the resumed /authorize/."""
    assert authorize.status_code == 302, authorize.text
    login_location = authorize.headers["Location"]
    assert login_location.startswith("/if/flow/default-authentication-flow/?next=")
    form = emulator.get(login_location, session)
    assert form.status_code == 200
    action = html.unescape(re.search(r'<form method="post" action="([^"]+)"', form.text).group(1))
    next_url = html.unescape(re.search(r'name="next" value="([^"]*)"', form.text).group(1))
    assert 'name="username"' in form.text and 'type="password"' in form.text
    logged_in = emulator.post(action, session, data={"username": user, "password": password, "next": next_url})
    assert logged_in.status_code == 302, logged_in.text
    assert "authentik_session=" in logged_in.headers.get("Set-Cookie", "")
    return emulator.get(logged_in.headers["Location"], session)


def get_code(emulator: Emulator, session: requests.Session | None = None, **params) -> tuple[dict, requests.Session]:
    session = session or requests.Session()
    response = emulator.get("/application/o/authorize/", session, params=authorize_params(**params))
    if response.headers.get("Location", "").startswith("/if/flow/"):
        response = log_in(emulator, session, response)
    assert response.status_code == 302, response.text
    location = response.headers["Location"]
    redirect_uri = params.get("redirect_uri", REDIRECT)
    assert location.startswith(redirect_uri + "?"), location
    return {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}, session


def exchange(emulator: Emulator, code: str, redirect_uri=REDIRECT, secret=SECRET, basic=False, **extra):
    data = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri, **extra}
    if basic:
        token = base64.b64encode(f"netbox:{secret}".encode()).decode()
        return emulator.post("/application/o/token/", headers={"Authorization": f"Basic {token}"}, data=data)
    return emulator.post("/application/o/token/", data={**data, "client_id": "netbox", "client_secret": secret})


def signing_jwk(emulator: Emulator) -> dict:
    keys = emulator.get("/application/o/netbox/jwks/").json()["keys"]
    return next(k for k in keys if k["use"] == "sig")


def verify_rs256(emulator: Emulator, token: str, issuer=ISSUER, audience="netbox", **options) -> dict:
    jwk = signing_jwk(emulator)
    assert jwt.get_unverified_header(token)["kid"] == jwk["kid"]
    return jwt.decode(token, jwt.PyJWK(jwk).key, algorithms=["RS256"], audience=audience, issuer=issuer, **options)


# --------------------------------------------------------------------------------------------------
# discovery, URL layout, proxy headers (facts §3.1, §2.1, §4)


def test_discovery_document(main):
    response = main.get("/application/o/netbox/.well-known/openid-configuration")
    assert response.status_code == 200
    info = response.json()
    assert info["issuer"] == ISSUER
    assert info["authorization_endpoint"] == f"https://{HOST}/application/o/authorize/"
    assert info["token_endpoint"] == f"https://{HOST}/application/o/token/"
    assert info["userinfo_endpoint"] == f"https://{HOST}/application/o/userinfo/"
    assert info["end_session_endpoint"] == f"https://{HOST}/application/o/netbox/end-session/"
    assert info["jwks_uri"] == f"https://{HOST}/application/o/netbox/jwks/"
    assert info["id_token_signing_alg_values_supported"] == ["RS256"]
    assert info["token_endpoint_auth_methods_supported"] == ["client_secret_post", "client_secret_basic"]
    assert info["subject_types_supported"] == ["public"]
    assert info["scopes_supported"] == ["openid", "email", "profile"]
    assert info["response_types_supported"] == ["code"]
    assert info["grant_types_supported"] == ["authorization_code", "refresh_token"]


def test_absolute_urls_follow_the_forwarded_headers(main):
    path = "/application/o/netbox/.well-known/openid-configuration"
    info = main.get(path, headers={"X-Forwarded-Host": "auth.example.org:8443"}).json()
    assert info["issuer"] == "https://auth.example.org:8443/application/o/netbox/"
    assert info["token_endpoint"] == "https://auth.example.org:8443/application/o/token/"
    # Django: https only when the FIRST comma-separated item of X-Forwarded-Proto is https
    assert main.get(path, headers={"X-Forwarded-Proto": "http"}).json()["issuer"] == f"http://{HOST}/application/o/netbox/"
    assert main.get(path, headers={"X-Forwarded-Proto": "http, https"}).json()["issuer"].startswith("http://")
    assert main.get(path, headers={"X-Forwarded-Proto": "https,http"}).json()["issuer"] == ISSUER
    no_proto = requests.get(main.url(path), headers={"Host": HOST}, timeout=10).json()
    assert no_proto["issuer"] == f"http://{HOST}/application/o/netbox/"


def test_slug_root_double_slash_and_unknown_slug(main):
    mark = main.mark()
    root = main.get("/application/o/netbox/")
    assert root.status_code == 302
    assert root.headers["Location"] == "/application/o/netbox/.well-known/openid-configuration"
    # social-core with a trailing-slash endpoint asks for …/netbox//.well-known/…: 301 to the clean path
    doubled = main.get("/application/o/netbox//.well-known/openid-configuration")
    assert doubled.status_code == 301
    assert doubled.headers["Location"] == "/application/o/netbox/.well-known/openid-configuration"
    followed = main.get("/application/o/netbox//.well-known/openid-configuration", allow_redirects=True)
    assert followed.status_code == 200 and followed.json()["issuer"] == ISSUER
    for path in ("/application/o/other/.well-known/openid-configuration", "/application/o/other/jwks/",
                 "/application/o/other/end-session/", "/application/o/other/"):
        assert main.get(path).status_code == 404, path
    assert "GET /application/o/other/jwks/ 404" in main.stderr(mark)


# --------------------------------------------------------------------------------------------------
# /authorize/ (facts §3.2)


@pytest.mark.parametrize(
    "used",
    [
        "http://netbox.internaldomain.com/oauth/complete/oidc/",  # X-Forwarded-Proto lost
        "https://netbox.internaldomain.com/oauth/complete/oidc",  # trailing slash
        "https://netbox.internaldomain.com:8443/oauth/complete/oidc/",  # port
        "https://127.0.0.1:8001/oauth/complete/oidc/",  # upstream address
        "https://netbox.internaldomain.com/netbox/oauth/complete/oidc/",  # BASE_PATH
        "",  # missing
    ],
)
def test_strict_redirect_uri_mismatch_is_a_400_page(main, used):
    mark = main.mark()
    response = main.get("/application/o/authorize/", params=authorize_params(redirect_uri=used))
    assert response.status_code == 400
    assert "<title>Redirect URI Error</title>" in response.text
    assert (
        "The request fails due to a missing, invalid, or mismatching redirection URI (redirect_uri)."
        in response.text
    )
    assert html.escape(used, quote=False) in response.text
    events = [json.loads(line.split("] ", 1)[1]) for line in main.stderr(mark).splitlines() if '"configuration_error"' in line]
    assert any(e.get("redirect_uri") == used for e in events)


def test_regex_redirect_uri_is_a_fullmatch(main):
    code, _ = get_code(main, redirect_uri="https://netbox-dev.internaldomain.com/oauth/complete/oidc/")
    assert code["state"] == "st4te"
    for used in (
        "https://netbox-dev.internaldomain.com/oauth/complete/oidc/extra",  # a match, not a fullmatch
        "xhttps://netbox-dev.internaldomain.com/oauth/complete/oidc/",
        "https://netbox-DEV.internaldomain.com/oauth/complete/oidc/",
    ):
        response = main.get("/application/o/authorize/", params=authorize_params(redirect_uri=used))
        assert response.status_code == 400, used
        assert "Redirect URI Error" in response.text


def test_unknown_client_id_is_an_error_page(main):
    response = main.get("/application/o/authorize/", params={**authorize_params(), "client_id": "nope"})
    assert response.status_code == 400
    assert "Client ID Error" in response.text
    assert "The client identifier (client_id) is missing or invalid." in response.text


def test_wrong_password_shows_the_form_again(main):
    session = requests.Session()
    response = main.get("/application/o/authorize/", session, params=authorize_params())
    form = main.get(response.headers["Location"], session)
    next_url = html.unescape(re.search(r'name="next" value="([^"]*)"', form.text).group(1))
    failed = main.post("/if/flow/default-authentication-flow/", session,
                       data={"username": "alice", "password": "wrong", "next": next_url})
    assert failed.status_code == 200
    assert "Invalid username or password." in failed.text
    assert "Set-Cookie" not in failed.headers


# --------------------------------------------------------------------------------------------------
# the code flow, the token endpoint, the id_token (facts §3.2, §2.1)


def test_full_code_flow_rs256(main):
    code, session = get_code(main)
    assert code["state"] == "st4te"
    assert re.fullmatch(r"[0-9a-f]{32}", code["code"])
    response = exchange(main, code["code"])
    assert response.status_code == 200, response.text
    assert response.headers["Cache-Control"] == "no-store"
    tokens = response.json()
    assert tokens["token_type"] == "Bearer"
    assert tokens["expires_in"] == 3600
    assert set(tokens["scope"].split()) == {"openid", "profile", "email"}
    assert "refresh_token" not in tokens
    header = jwt.get_unverified_header(tokens["id_token"])
    assert header["alg"] == "RS256" and header["kid"] == signing_jwk(main)["kid"]
    claims = verify_rs256(main, tokens["id_token"])
    assert claims["iss"] == ISSUER and claims["aud"] == "netbox" and claims["nonce"] == "n0nce"
    assert re.fullmatch(r"[0-9a-f]{64}", claims["sub"])  # sub_mode hashed_user_id
    now = time.time()
    assert abs(claims["iat"] - now) < 10 and claims["auth_time"] <= claims["iat"] + 1
    assert claims["exp"] - claims["iat"] == pytest.approx(3600, abs=2)
    # include_claims_in_id_token (default True): the granted scopes' claims
    assert claims["email"] == "alice@example.com" and claims["email_verified"] is False
    assert claims["name"] == claims["given_name"] == "Alice Example"
    assert claims["preferred_username"] == claims["nickname"] == "alice"
    assert claims["groups"] == ["netbox-users", "staff"]
    # the code is single use
    again = exchange(main, code["code"])
    assert again.status_code == 400 and again.json() == {"error": "invalid_grant"}
    # with a session the next /authorize/ redirects straight back with a code, same sub
    code2, _ = get_code(main, session)
    second = verify_rs256(main, exchange(main, code2["code"]).json()["id_token"])
    assert second["sub"] == claims["sub"]


def test_client_authentication(main):
    code, _ = get_code(main)
    basic = exchange(main, code["code"], basic=True)
    assert basic.status_code == 200, basic.text
    verify_rs256(main, basic.json()["id_token"])
    code, _ = get_code(main)
    assert exchange(main, code["code"], secret="wrong").json() == {"error": "invalid_client"}
    code, _ = get_code(main)
    assert exchange(main, code["code"], secret="wrong", basic=True).json() == {"error": "invalid_client"}
    unknown = main.post("/application/o/token/", data={"grant_type": "authorization_code", "code": code["code"],
                        "redirect_uri": REDIRECT, "client_id": "other", "client_secret": SECRET})
    assert unknown.status_code == 400 and unknown.json() == {"error": "invalid_client"}
    assert main.post("/application/o/token/", data={"grant_type": "password", "client_id": "netbox",
                     "client_secret": SECRET}).json() == {"error": "unsupported_grant_type"}


def test_token_endpoint_checks_the_redirect_uri_again(main):
    code, _ = get_code(main)
    mark = main.mark()
    mismatch = exchange(main, code["code"], redirect_uri="http://netbox.internaldomain.com/oauth/complete/oidc/")
    assert mismatch.status_code == 400
    assert mismatch.json() == {"error": "invalid_client"}
    assert "Invalid redirect URI used by provider" in main.stderr(mark)
    # a URI the provider accepts, but not the one the code was issued for
    code, _ = get_code(main)
    other = exchange(main, code["code"], redirect_uri="https://netbox-dev.internaldomain.com/oauth/complete/oidc/")
    assert other.status_code == 400 and other.json() == {"error": "invalid_grant"}


def test_pkce_s256(main):
    verifier = "v" * 50
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    pkce = {"code_challenge": challenge, "code_challenge_method": "S256"}
    code, _ = get_code(main, **pkce)
    assert exchange(main, code["code"], code_verifier=verifier).status_code == 200
    code, _ = get_code(main, **pkce)
    assert exchange(main, code["code"], code_verifier="w" * 50).json() == {"error": "invalid_grant"}
    code, _ = get_code(main, **pkce)
    assert exchange(main, code["code"]).json() == {"error": "invalid_grant"}
    code, _ = get_code(main)  # no challenge, but a verifier: downgrade refused
    assert exchange(main, code["code"], code_verifier=verifier).json() == {"error": "invalid_grant"}


def test_scope_intersection(main):
    mark = main.mark()
    code, _ = get_code(main, scope="openid profile email roles groups")
    tokens = exchange(main, code["code"]).json()
    assert set(tokens["scope"].split()) == {"openid", "profile", "email"}
    claims = verify_rs256(main, tokens["id_token"])
    assert "roles" not in claims
    assert "Application requested scopes not configured, setting to overlap" in main.stderr(mark)
    code, _ = get_code(main, scope="openid")
    tokens = exchange(main, code["code"]).json()
    assert tokens["scope"] == "openid"
    claims = verify_rs256(main, tokens["id_token"])
    assert "email" not in claims and "groups" not in claims


def test_userinfo(main):
    code, _ = get_code(main)
    tokens = exchange(main, code["code"]).json()
    response = main.get("/application/o/userinfo/", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert response.status_code == 200
    info = response.json()
    id_claims = verify_rs256(main, tokens["id_token"])
    assert info["sub"] == id_claims["sub"]
    assert info["email"] == "alice@example.com" and info["email_verified"] is False
    assert info["name"] == info["given_name"] == "Alice Example"
    assert info["preferred_username"] == info["nickname"] == "alice"
    assert info["groups"] == ["netbox-users", "staff"]
    assert "entitlements" not in info
    assert main.get("/application/o/userinfo/").status_code == 401
    bad = main.get("/application/o/userinfo/", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401 and 'error="invalid_token"' in bad.headers["WWW-Authenticate"]


def test_end_session(main):
    code, session = get_code(main)
    cookie = session.cookies["authentik_session"]
    # while signed in, the same cookie gets a code without a login
    before = main.get("/application/o/authorize/", params=authorize_params(),
                      headers={"Cookie": f"authentik_session={cookie}"})
    assert before.status_code == 302 and before.headers["Location"].startswith(REDIRECT + "?")
    response = main.get("/application/o/netbox/end-session/", session)
    assert response.status_code == 200
    assert "You've logged out of NetBox." in response.text
    # the session is gone server-side: the old cookie, sent again, gets the login form
    stale = main.get("/application/o/authorize/", params=authorize_params(),
                     headers={"Cookie": f"authentik_session={cookie}"})
    assert stale.status_code == 302 and stale.headers["Location"].startswith("/if/flow/")


# --------------------------------------------------------------------------------------------------
# custom mappings, !Env, entitlements, offline_access (facts §3.3)


def test_custom_scope_mappings_and_refresh(custom):
    info = custom.get("/application/o/netbox/.well-known/openid-configuration").json()
    assert info["scopes_supported"] == ["openid", "profile", "entitlements", "offline_access", "roles", "site"]
    code, session = get_code(custom, scope="openid profile email roles entitlements offline_access site")
    response = exchange(custom, code["code"], secret="secret-from-env")
    assert response.status_code == 200, response.text
    tokens = response.json()
    assert set(tokens["scope"].split()) == {"openid", "profile", "roles", "entitlements", "offline_access", "site"}
    claims = verify_rs256(custom, tokens["id_token"])
    assert claims["entitlements"] == [] and claims["roles"] == []
    assert claims["groups"] == ["netbox-users", "staff"]
    assert "email" not in claims and "site" not in claims  # custom expressions are not evaluated
    userinfo = custom.get("/application/o/userinfo/", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert userinfo.json()["roles"] == []
    # offline_access: a refresh token, rotated on use
    refresh = custom.post("/application/o/token/", data={"grant_type": "refresh_token", "client_id": "netbox",
                          "client_secret": "secret-from-env", "refresh_token": tokens["refresh_token"]})
    assert refresh.status_code == 200, refresh.text
    renewed = refresh.json()
    assert renewed["refresh_token"] != tokens["refresh_token"]
    assert "nonce" not in verify_rs256(custom, renewed["id_token"])
    reused = custom.post("/application/o/token/", data={"grant_type": "refresh_token", "client_id": "netbox",
                         "client_secret": "secret-from-env", "refresh_token": tokens["refresh_token"]})
    assert reused.json() == {"error": "invalid_grant"}
    assert "You've logged out of NetBox Custom." in custom.get("/application/o/netbox/end-session/", session).text


def test_no_scope_requested_grants_all_configured(custom):
    code, _ = get_code(custom, scope="")
    tokens = exchange(custom, code["code"], secret="secret-from-env").json()
    assert set(tokens["scope"].split()) == {"openid", "profile", "entitlements", "offline_access", "roles", "site"}


# --------------------------------------------------------------------------------------------------
# HS256 without a signing key (facts §3.2), old redirect-URI field


def test_hs256_and_empty_jwks_without_signing_key(tmp_path):
    with running(tmp_path, HS256_BLUEPRINT) as emulator:
        info = emulator.get("/application/o/netbox/.well-known/openid-configuration").json()
        assert info["id_token_signing_alg_values_supported"] == ["HS256"]
        jwks = emulator.get("/application/o/netbox/jwks/")
        # {} has no "keys": social-core's lookup raises KeyError 'keys' (facts §3.2)
        assert jwks.status_code == 200 and jwks.json() == {}
        code, _ = get_code(emulator)
        tokens = exchange(emulator, code["code"]).json()
        header = jwt.get_unverified_header(tokens["id_token"])
        assert header["alg"] == "HS256" and "kid" not in header
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # PyJWT warns about the short HMAC key
            claims = jwt.decode(tokens["id_token"], SECRET, algorithms=["HS256"], audience="netbox", issuer=ISSUER)
            assert claims["nonce"] == "n0nce"
            with pytest.raises(jwt.InvalidAlgorithmError):
                jwt.decode(tokens["id_token"], SECRET, algorithms=["RS256"], audience="netbox")
        # the old single-string field: whitespace-separated regexes, fullmatch
        code, _ = get_code(emulator, redirect_uri="https://netbox.example.org:8443/anything/oidc/")
        assert code["state"] == "st4te"
        bad = emulator.get("/application/o/authorize/",
                           params=authorize_params(redirect_uri="https://netboxXinternaldomain.com/oauth/complete/oidc/x"))
        assert bad.status_code == 400


# --------------------------------------------------------------------------------------------------
# JWE with an encryption key (facts §3.2, §2.1, §6 #13)


def b64d(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def decrypt_jwe(token: str, private_key) -> bytes:
    """RFC 7516 compact JWE, RSA-OAEP-256 + A256CBC-HS512 (RFC 7518 §4.3, §5.2), written independently."""
    protected, encrypted_key, iv, ciphertext, tag = token.split(".")
    cek = private_key.decrypt(
        b64d(encrypted_key),
        asym_padding.OAEP(mgf=asym_padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None),
    )
    assert len(cek) == 64
    aad = protected.encode("ascii")
    mac_input = aad + b64d(iv) + b64d(ciphertext) + (len(aad) * 8).to_bytes(8, "big")
    assert hmac.compare_digest(hmac.new(cek[:32], mac_input, hashlib.sha512).digest()[:32], b64d(tag))
    decryptor = Cipher(algorithms.AES(cek[32:]), modes.CBC(b64d(iv))).decryptor()
    padded = decryptor.update(b64d(ciphertext)) + decryptor.finalize()
    return padded[: -padded[-1]]


@pytest.fixture(scope="module")
def jwe(tmp_path_factory):
    with running(tmp_path_factory.mktemp("jwe"), JWE_BLUEPRINT) as emulator:
        code, _ = get_code(emulator)
        tokens = exchange(emulator, code["code"]).json()
        yield emulator, tokens


def test_id_token_is_a_jwe_with_an_encryption_key(jwe):
    emulator, tokens = jwe
    keys = emulator.get("/application/o/netbox/jwks/").json()["keys"]
    sig = next(k for k in keys if k["use"] == "sig")
    enc = next(k for k in keys if k["use"] == "enc")
    assert enc["alg"] == "RSA-OAEP-256" and enc["enc"] == "A256CBC-HS512" and enc["kty"] == "RSA"
    assert enc["kid"] != sig["kid"]
    token = tokens["id_token"]
    assert token.count(".") == 4  # 5 parts
    assert token.startswith("eyJhbGciOiJSU0EtT0FFUC0yNTYi")  # {"alg":"RSA-OAEP-256" (facts §6 #13)
    header = json.loads(b64d(token.split(".")[0]))
    assert header == {"alg": "RSA-OAEP-256", "enc": "A256CBC-HS512", "typ": "JWE", "kid": enc["kid"]}

    private = serialization.load_pem_private_key((emulator.state_dir / "encryption_key.pem").read_bytes(), None)
    inner = decrypt_jwe(token, private).decode("ascii")
    assert inner.count(".") == 2
    claims = jwt.decode(inner, jwt.PyJWK(sig).key, algorithms=["RS256"], audience="netbox", issuer=ISSUER)
    assert claims["nonce"] == "n0nce" and claims["email"] == "alice@example.com"

    # PyJWT (and so social-core) cannot read it. Facts §2.1 (PyJWT 2.12.1): either the 5-part token's
    # "payload" does not decode (DecodeError: Invalid payload padding), or the header comes out, its kid
    # picks the use=enc JWK and PyJWK has no algorithm for RSA-OAEP-256 (PyJWKError). PyJWT 2.15.1
    # (NetBox 4.7.3) rejects the dots in the segment, so there it is always the DecodeError.
    try:
        unverified = jwt.get_unverified_header(token)
    except jwt.DecodeError as exc:
        assert "Invalid payload padding" in str(exc)
    else:
        assert unverified["alg"] == "RSA-OAEP-256"
        matching = [k for k in keys if k["kid"] == unverified["kid"]]
        assert matching == [enc]
        with pytest.raises(jwt.PyJWKError):
            jwt.PyJWK(matching[0])
    with pytest.raises(jwt.PyJWTError):
        jwt.decode(token, jwt.PyJWK(sig).key, algorithms=["RS256"], audience="netbox")

    # the access token is encrypted too, and still works at userinfo
    assert tokens["access_token"].count(".") == 4
    access_jws = decrypt_jwe(tokens["access_token"], private).decode("ascii")
    access = jwt.decode(access_jws, jwt.PyJWK(sig).key, algorithms=["RS256"], audience="netbox")
    assert access["azp"] == "netbox" and access["sub"] == claims["sub"]
    userinfo = emulator.get("/application/o/userinfo/", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert userinfo.status_code == 200 and userinfo.json()["sub"] == claims["sub"]


def test_jwe_opens_with_jwcrypto(jwe):
    """Cross-check with jwcrypto, the JOSE library Authentik itself uses (skipped where it is not installed)."""
    jwcrypto_jwe = pytest.importorskip("jwcrypto.jwe")
    from jwcrypto import jwk as jwcrypto_jwk

    emulator, tokens = jwe
    key = jwcrypto_jwk.JWK.from_pem((emulator.state_dir / "encryption_key.pem").read_bytes())
    decoder = jwcrypto_jwe.JWE()
    decoder.deserialize(tokens["id_token"], key=key)
    assert decoder.payload.decode("ascii").count(".") == 2
    assert decoder.jose_header["enc"] == "A256CBC-HS512"


def test_same_keypair_for_signing_and_encryption(tmp_path):
    with running(tmp_path, JWE_SAME_KEY_BLUEPRINT) as emulator:
        keys = emulator.get("/application/o/netbox/jwks/").json()["keys"]
        assert [k["use"] for k in keys] == ["sig", "enc"]
        assert keys[0]["kid"] == keys[1]["kid"] and keys[0]["n"] == keys[1]["n"]
        assert (emulator.state_dir / "signing_key.pem").read_bytes() == (
            emulator.state_dir / "encryption_key.pem"
        ).read_bytes()
        code, _ = get_code(emulator)
        token = exchange(emulator, code["code"]).json()["id_token"]
        assert json.loads(b64d(token.split(".")[0]))["kid"] == keys[0]["kid"]
        private = serialization.load_pem_private_key((emulator.state_dir / "encryption_key.pem").read_bytes(), None)
        inner = decrypt_jwe(token, private).decode()
        assert jwt.decode(inner, jwt.PyJWK(keys[0]).key, algorithms=["RS256"], audience="netbox")["iss"] == ISSUER


def test_a256cbc_hs512_rfc7518_appendix_b3():
    key = bytes(range(64))
    iv = bytes.fromhex("1af38c2dc2b96ffdd86694092341bc04")
    plaintext = (b"A cipher system must not be required to be secret, and it must be able to fall into the "
                 b"hands of the enemy without inconvenience")
    aad = b"The second principle of Auguste Kerckhoffs"
    ciphertext, tag = authentik_emulator.a256cbc_hs512_encrypt(key, plaintext, iv, aad)
    assert ciphertext.hex() == (
        "4affaaadb78c31c5da4b1b590d10ffbd3dd8d5d302423526912da037ecbcc7bd"
        "822c301dd67c373bccb584ad3e9279c2e6d12a1374b77f077553df829410446b"
        "36ebd97066296ae6427ea75c2e0846a11a09ccf5370dc80bfecbad28c73f09b3"
        "a3b75e662a2594410ae496b2e2e6609e31e6e02cc837f053d21f37ff4f51950b"
        "be2638d09dd7a4930930806d0703b1f6"
    )
    assert tag.hex() == "4dd3b4c088a7f45c216839645b2012bf2e6269a8c56a816dbc1b267761955bc5"
    assert authentik_emulator.a256cbc_hs512_decrypt(key, ciphertext, iv, aad, tag) == plaintext


# --------------------------------------------------------------------------------------------------
# clock skew (facts §6 #6), blank legacy redirect field, stdout, keys kept in the state dir


def test_clock_skew_blank_legacy_field_and_quiet_stdout(tmp_path):
    with running(tmp_path, BLANK_LEGACY_BLUEPRINT, "--clock-skew", "120") as emulator:
        learnt = "https://netbox.lab.example/oauth/complete/oidc/"
        code, _ = get_code(emulator, redirect_uri=learnt)  # blank field: the first URI used is learnt
        tokens = exchange(emulator, code["code"], redirect_uri=learnt).json()
        claims = jwt.decode(tokens["id_token"], options={"verify_signature": False})
        assert claims["iat"] - time.time() == pytest.approx(120, abs=10)
        with pytest.raises(jwt.ImmatureSignatureError):
            verify_rs256(emulator, tokens["id_token"], leeway=1)
        assert verify_rs256(emulator, tokens["id_token"], leeway=200)["nonce"] == "n0nce"
        other = emulator.get("/application/o/authorize/", params=authorize_params())
        assert other.status_code == 400 and "Redirect URI Error" in other.text
        kid = signing_jwk(emulator)["kid"]
    assert emulator.rest_of_stdout == b""  # nothing but the ready line
    assert "GET /application/o/authorize/" in emulator.stderr()
    with running(tmp_path / "again", MAIN_BLUEPRINT, state_dir=emulator.state_dir) as restarted:
        assert signing_jwk(restarted)["kid"] == kid  # the generated key is reused from --state-dir


def test_bad_blueprint_exits_with_a_message(tmp_path):
    blueprint = tmp_path / "bp.yaml"
    blueprint.write_text(CUSTOM_BLUEPRINT)
    env = {k: v for k, v in os.environ.items() if k != "NETBOX_TEST_OIDC_SECRET"}
    result = subprocess.run([sys.executable, str(EMULATOR), "--blueprint", str(blueprint), "--listen",
                             f"127.0.0.1:{free_port()}"], capture_output=True, env=env, timeout=30)
    assert result.returncode == 2
    assert result.stdout == b""
    assert b"!Env NETBOX_TEST_OIDC_SECRET is not set" in result.stderr


# --------------------------------------------------------------------------------------------------
# credentials from the command line when the blueprint has none (the guide's blueprint lets
# Authentik generate them), and --version


def test_client_credentials_from_the_command_line(tmp_path):
    generated = MAIN_BLUEPRINT.replace("      client_id: netbox\n", "").replace(
        "      client_secret: the-client-secret\n", ""
    )
    assert "client_id" not in generated and "client_secret" not in generated
    blueprint = tmp_path / "bp.yaml"
    blueprint.write_text(generated)
    refused = subprocess.run([sys.executable, str(EMULATOR), "--blueprint", str(blueprint), "--listen",
                              f"127.0.0.1:{free_port()}"], capture_output=True, timeout=30)
    assert refused.returncode == 2 and b"pass --client-id" in refused.stderr
    with running(tmp_path / "given", generated, "--client-id", "netbox", "--client-secret", SECRET) as emulator:
        code, _ = get_code(emulator)
        tokens = exchange(emulator, code["code"]).json()
        assert verify_rs256(emulator, tokens["id_token"])["aud"] == "netbox"
        assert exchange(emulator, get_code(emulator)[0]["code"], secret="wrong").json() == {"error": "invalid_client"}
    # a value in the blueprint wins over the command line
    with running(tmp_path / "blueprint-wins", MAIN_BLUEPRINT, "--client-id", "other",
                 "--client-secret", "other") as emulator:
        code, _ = get_code(emulator)
        assert exchange(emulator, code["code"]).status_code == 200


def test_version():
    result = subprocess.run([sys.executable, str(EMULATOR), "--version"], capture_output=True, timeout=30)
    assert result.returncode == 0
    assert result.stdout.decode().strip() == (
        f"authentik-emulator {authentik_emulator.__version__} ({authentik_emulator.AUTHENTIK_BEHAVIOUR})"
    )
