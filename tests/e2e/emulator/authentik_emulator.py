#!/usr/bin/env python3
"""Emulator of the part of Authentik's OAuth2/OpenID provider that NetBox touches.

For the end-to-end test harness: NetBox (python-social-auth's generic ``oidc`` backend) talks to this
process, behind nginx, instead of a real Authentik. It follows Authentik 2024.10.3+/2025.x, i.e. the
redirect-URI format introduced by the CVE-2024-52289 security releases (a list of
``{matching_mode: strict|regex, url}``), and it implements the behaviour written down in
``/work/shared/facts/netbox-authentik-nginx.md`` ("facts" below), sections cited as ``§``:

* §3.1 URL layout: everything under ``/application/o/``: ``authorize/``, ``token/``, ``userinfo/``,
  ``<slug>/end-session/``, ``<slug>/jwks/``, ``<slug>/.well-known/openid-configuration``, and
  ``<slug>/`` redirecting to the discovery document; the slug is the APPLICATION slug (another slug is
  a 404).
* §3.1 issuer: ``issuer_mode`` ``per_provider`` (default) → ``https://<host>/application/o/<slug>/``,
  ``global`` → the root URL; the issuer and every discovery URL are built like Django's
  ``build_absolute_uri`` from the request that reaches the emulator: scheme ``https`` iff the first
  comma-separated item of ``X-Forwarded-Proto`` is ``https`` (§4), host from ``X-Forwarded-Host`` else
  ``Host`` (port kept, §4).
* §3.1 discovery fields: ``id_token_signing_alg_values_supported`` = [the key's alg],
  ``token_endpoint_auth_methods_supported`` = [client_secret_post, client_secret_basic],
  ``subject_types_supported`` = [public], ``scopes_supported`` = the provider's scope mappings + openid.
* §2.1 (discovery URL by plain concatenation) + "Authentik's Go router … answers the double slash with a
  301 to the cleaned path": every request path is cleaned like gorilla/mux ``cleanPath`` and answered
  with a 301 when cleaning changed it, so ``SOCIAL_AUTH_OIDC_OIDC_ENDPOINT`` with a trailing slash works.
* §3.2 provider fields: ``client_type`` (default confidential), ``include_claims_in_id_token`` (default
  True), ``access_code_validity`` (minutes=1), ``access_token_validity`` (hours=1),
  ``refresh_token_validity`` (days=30), ``sub_mode`` (default hashed_user_id), ``issuer_mode``.
* §3.2 signing: ``signing_key`` set → RS256 with an RSA key (a generated 2048-bit key stands in for the
  certificate-key pair) and a ``kid``; unset → HS256 signed with the client secret and the JWKS is
  ``{}`` without ``keys``.
* §3.2 ``encryption_key``: every token issued (id_token AND access token) is a compact JWE, protected
  header ``{"alg":"RSA-OAEP-256","enc":"A256CBC-HS512","typ":"JWE","kid":<enc kid>}``, content = the
  signed JWS; the JWKS also publishes the key with ``use: enc``. A256CBC-HS512 is RFC 7518 §5.2 built
  from ``cryptography`` primitives. If ``signing_key`` and ``encryption_key`` name the same keypair in
  the blueprint (same tag and value, as in the guide's troubleshooting example) one RSA key serves both,
  so both JWKS entries carry the same ``kid`` — as with one Authentik certificate-key pair.
* §3.2 redirect URIs: ``strict`` = exact string equality, ``regex`` = ``re.fullmatch``; the OLD
  single-string form (≤ 2024.10.2) is accepted too: whitespace-separated entries compared with
  ``re.fullmatch`` (falling back to string equality when a pattern does not compile), a blank field
  learns the first redirect_uri used, a field of ``*`` becomes ``.*``.
* §3.2 the redirect_uri is checked twice: at ``/authorize/`` a mismatch is an HTTP 400 page titled
  "Redirect URI Error" with "The request fails due to a missing, invalid, or mismatching redirection URI
  (redirect_uri)." and the URI used, plus a ``configuration_error`` event (on stderr); at ``/token/`` a
  mismatch is HTTP 400 ``{"error": "invalid_client"}``.
* §3.2 scopes: the granted scope is the intersection of the requested scopes and the provider's
  mappings, logged "Application requested scopes not configured, setting to overlap".
* §3.3 built-in scope mappings and their claims: openid (none), email (``email``,
  ``email_verified: false``), profile (``name``, ``given_name`` = full name, ``preferred_username`` and
  ``nickname`` = username, ``groups`` = group names), entitlements (``entitlements``, ``roles``; the
  emulated user has no application entitlements, so both are empty lists), offline_access (a refresh
  token), ``goauthentik.io/api`` (none). There is no built-in ``roles`` or ``groups`` scope.
* §6 #6 / §2.1 clock skew: ``--clock-skew SECONDS`` (or ``AUTHENTIK_EMULATOR_CLOCK_SKEW``) moves every
  issued timestamp (``iat``, ``auth_time``, ``exp``) that many seconds into the future, as an IdP whose
  clock runs ahead (python-social-auth then fails on ``iat``).

Where the facts are silent the emulator follows Authentik source files read in the public code index, at
the commits named (most are the commits the facts cite): ``authentik/providers/oauth2/id_token.py``
(014e22c3: claims ``acr``, ``amr``, ``sid``; ``exp`` = the access token's expiry; the access token is
the id_token's claims + ``azp`` + a random ``uid``, encoded like the id_token; the six ``sub_mode``
values), ``views/token.py`` (005f3a9f: order of the checks; ``invalid_grant`` for a missing, unknown,
expired, foreign or PKCE-failing code; a refresh token only with ``offline_access``, rotated on use),
``views/authorize.py`` (02a34d22: "Client ID Error" page, no requested scope = all configured scopes,
PKCE plain/S256, forbidden schemes, the old-format redirect check), ``views/userinfo.py`` and
``utils.py`` (02a34d22: ``sub`` always, ``nonce`` when the token has one, the ``openid`` scope
required, 401 ``invalid_token`` / 403 ``insufficient_scope``), ``views/jwks.py`` (0107fb0f: JWK
fields), ``views/provider.py`` (01da8e17: discovery) and ``blueprints/system/providers-oauth2.yaml``
(0aada700: managed mapping identifiers and names).

Chosen for the harness rather than taken from Authentik: the discovery document lists only what the
emulator serves (``response_types_supported`` [code], ``grant_types_supported`` [authorization_code,
refresh_token]; no introspection/revocation/device endpoints, ``acr_values_supported`` or
``claims_supported``); the code is bound to the redirect_uri it was issued for (a different, still
accepted redirect_uri at ``/token/`` is ``invalid_grant`` — Authentik's token view at 005f3a9f only
re-checks the provider's list); the ``kid`` is the MD5 hex of the generated key's PEM; the hashed user
id is ``sha256("<pk>-authentik-emulator")`` with a pk derived from the username, so ``sub`` is stable
across restarts and differs per username.

Deliberate simplifications (none of them visible to NetBox): one user, given on the command line; the
login page is a plain HTML form at ``/if/flow/default-authentication-flow/`` (the unauthenticated
``/authorize/`` redirects there with ``next``); consent is implicit; custom scope mappings contribute
their scope name but no claims (their Python expressions are not evaluated); only
``response_type=code``; ``prompt=none`` is honoured, other ``prompt`` values and ``max_age`` are
ignored; the end-session view ignores ``post_logout_redirect_uri``/``id_token_hint`` (NetBox sends
neither, §3.2); JWKs have no ``x5c``/``x5t``; the session cookie has no ``Secure`` flag (the tests speak
plain HTTP to it).

Usage::

    python authentik_emulator.py --blueprint FILE --listen 127.0.0.1:9000 \
        [--client-id ID --client-secret SECRET] \
        [--user alice --password secret --email alice@example.com --name "Alice Example" \
         --groups netbox-users,staff] [--state-dir DIR] [--clock-skew SECONDS]

``--client-id``/``--client-secret`` stand in for the credentials Authentik generates when the blueprint
names none (as the guide's does, step 3 of its Authentik chapter); a value in the blueprint wins.
``--version`` prints the emulator's version and the Authentik behaviour it follows.

Prints exactly one line, ``ready``, on stdout once it listens; logs every request (method, path,
status) and Authentik-like events to stderr. With ``--state-dir`` the generated keys are written there as
PEM files (``signing_key.pem``, ``encryption_key.pem``) and reused on the next start, so a relying party
that caches the JWKS (python-social-auth: 24 h, §2.1) keeps working across restarts.

Runtime: Python 3.12 with ``cryptography`` and ``PyYAML`` (both in NetBox 4.7.3's virtual environment).
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import hmac
import html
import ipaddress
import json
import os
import re
import secrets
import signal
import socket
import string
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml
from cryptography.hazmat.primitives import hashes, padding, serialization
from cryptography.hazmat.primitives.asymmetric import padding as asym_padding
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

__version__ = "1.1.0"
# The Authentik releases whose provider behaviour this emulator follows (see the module docs).
AUTHENTIK_BEHAVIOUR = "Authentik 2024.10.3+/2025.x behaviour"

PREFIX = "/application/o/"
LOGIN_PATH = "/if/flow/default-authentication-flow/"
SESSION_COOKIE = "authentik_session"
ACR_AUTHENTIK_DEFAULT = "goauthentik.io/providers/oauth2/default"
AMR_PASSWORD = "pwd"
FORBIDDEN_URI_SCHEMES = {"javascript", "data", "vbscript"}
INSTALL_ID = "authentik-emulator"
CLOCK_SKEW_ENV = "AUTHENTIK_EMULATOR_CLOCK_SKEW"

MAPPING_MODEL = "authentik_providers_oauth2.scopemapping"
PROVIDER_MODEL = "authentik_providers_oauth2.oauth2provider"
APPLICATION_MODEL = "authentik_core.application"

# Managed scope mappings (blueprints/system/providers-oauth2.yaml, facts §3.3): managed id, name, scope.
MANAGED_MAPPINGS = [
    ("goauthentik.io/providers/oauth2/scope-openid", "authentik default OAuth Mapping: OpenID 'openid'", "openid"),
    ("goauthentik.io/providers/oauth2/scope-email", "authentik default OAuth Mapping: OpenID 'email'", "email"),
    ("goauthentik.io/providers/oauth2/scope-profile", "authentik default OAuth Mapping: OpenID 'profile'", "profile"),
    (
        "goauthentik.io/providers/oauth2/scope-entitlements",
        "authentik default OAuth Mapping: Application Entitlements",
        "entitlements",
    ),
    (
        "goauthentik.io/providers/oauth2/scope-offline_access",
        "authentik default OAuth Mapping: OpenID 'offline_access'",
        "offline_access",
    ),
    (
        "goauthentik.io/providers/oauth2/scope-authentik_api",
        "authentik default OAuth Mapping: authentik API access",
        "goauthentik.io/api",
    ),
]

REDIRECT_URI_ERROR = "Redirect URI Error"
REDIRECT_URI_DESCRIPTION = (
    "The request fails due to a missing, invalid, or mismatching redirection URI (redirect_uri)."
)
CLIENT_ID_ERROR = "Client ID Error"
CLIENT_ID_DESCRIPTION = "The client identifier (client_id) is missing or invalid."


class ConfigError(Exception):
    """The blueprint cannot be turned into a provider configuration."""


# --------------------------------------------------------------------------------------------------
# logging (stderr only: stdout carries nothing but the ready line)


_log_lock = threading.Lock()


def log(message: str) -> None:
    with _log_lock:
        sys.stderr.write(f"[authentik-emulator] {message}\n")
        sys.stderr.flush()


def log_event(event: str, **fields: Any) -> None:
    """An Authentik-like structured log line (structlog JSON) on stderr."""
    log(json.dumps({"event": event, **fields}, default=str, sort_keys=False))


# --------------------------------------------------------------------------------------------------
# blueprint loading


@dataclass(frozen=True)
class Tagged:
    """A YAML node with one of Authentik's custom tags (!Find, !KeyOf, !Env, !Format, …)."""

    tag: str
    value: Any

    def __hash__(self) -> int:
        return hash((self.tag, json.dumps(self.value, default=repr, sort_keys=True)))


class PermissiveLoader(yaml.SafeLoader):
    """SafeLoader that turns every unknown ``!Tag`` into a :class:`Tagged`."""


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)
    return Tagged("!" + suffix, value)


PermissiveLoader.add_multi_constructor("!", _construct_tagged)


def load_blueprint(path: str) -> list[dict]:
    try:
        with open(path, encoding="utf-8") as handle:
            documents = list(yaml.load_all(handle, Loader=PermissiveLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    entries: list[dict] = []
    for document in documents:
        if isinstance(document, dict) and isinstance(document.get("entries"), list):
            entries.extend(e for e in document["entries"] if isinstance(e, dict))
    if not entries:
        raise ConfigError(f"{path}: no blueprint entries")
    return [e for e in entries if e.get("state") != "absent"]


def fields_of(entry: dict) -> dict:
    merged: dict = {}
    for part in ("identifiers", "attrs"):
        if isinstance(entry.get(part), dict):
            merged.update(entry[part])
    return merged


def resolve(value: Any, what: str) -> Any:
    """Resolve the tags whose value the emulator can know without an Authentik database."""
    if not isinstance(value, Tagged):
        return value
    args = value.value if isinstance(value.value, list) else [value.value]
    if value.tag == "!Env":
        name = resolve(args[0], what)
        default = resolve(args[1], what) if len(args) > 1 else None
        result = os.environ.get(str(name), default)
        if result is None:
            raise ConfigError(f"{what}: !Env {name} is not set")
        return result
    if value.tag == "!Format":
        fmt = resolve(args[0], what)
        return str(fmt) % tuple(resolve(a, what) for a in args[1:])
    if value.tag == "!Context":
        if len(args) > 1:
            return resolve(args[1], what)
        raise ConfigError(f"{what}: !Context {args[0]} has no default and the emulator has no context")
    raise ConfigError(f"{what}: cannot resolve {value.tag} {value.value!r}")


def parse_validity(text: Any, default_seconds: float) -> float:
    """Authentik's ``timedelta_from_string``: ``hours=1;minutes=30`` → seconds."""
    if text is None:
        return default_seconds
    units = {
        "weeks": 604800.0,
        "days": 86400.0,
        "hours": 3600.0,
        "minutes": 60.0,
        "seconds": 1.0,
        "milliseconds": 0.001,
        "microseconds": 0.000001,
    }
    total = 0.0
    for part in str(text).split(";"):
        if not part.strip():
            continue
        key, _, number = part.partition("=")
        key = key.strip().lower()
        if key not in units:
            raise ConfigError(f"validity {text!r}: unknown unit {key!r}")
        total += float(number) * units[key]
    return total


@dataclass
class RedirectURI:
    matching_mode: str  # "strict" or "regex"
    url: str


@dataclass
class Mapping:
    scope_name: str
    builtin: bool  # a managed mapping (claims known) or a custom one (claims not evaluated)


@dataclass
class Provider:
    client_id: str
    client_secret: str
    client_type: str
    redirect_uris: list[RedirectURI]
    legacy_redirect_uris: str | None  # the pre-2024.10.3 single-string field, when the blueprint uses it
    mappings: list[Mapping]
    signing_key_ref: Any
    encryption_key_ref: Any
    include_claims_in_id_token: bool
    sub_mode: str
    issuer_mode: str
    access_code_validity: float
    access_token_validity: float
    refresh_token_validity: float
    slug: str
    application_name: str

    @property
    def scope_names(self) -> list[str]:
        names: list[str] = []
        for mapping in self.mappings:
            if mapping.scope_name not in names:
                names.append(mapping.scope_name)
        return names


def _find_pairs(value: Any, what: str) -> tuple[str, list[tuple[str, Any]]]:
    args = value if isinstance(value, list) else [value]
    model = str(resolve(args[0], what)) if args else ""
    pairs = []
    for pair in args[1:]:
        if isinstance(pair, list) and len(pair) == 2:
            pairs.append((str(resolve(pair[0], what)), resolve(pair[1], what)))
    return model, pairs


def resolve_mapping(ref: Any, entries: list[dict]) -> Mapping | None:
    what = "property_mappings"
    mapping_entries = [e for e in entries if e.get("model") == MAPPING_MODEL]
    if isinstance(ref, Tagged) and ref.tag == "!KeyOf":
        for entry in mapping_entries:
            if entry.get("id") == ref.value:
                scope = resolve(fields_of(entry).get("scope_name"), what)
                if scope:
                    return Mapping(str(scope), builtin=False)
        log_event("property mapping not resolved", reference=f"!KeyOf {ref.value}")
        return None
    if isinstance(ref, Tagged) and ref.tag == "!Find":
        model, pairs = _find_pairs(ref.value, what)
        if model != MAPPING_MODEL:
            log_event("property mapping is not a scope mapping, ignoring", model=model)
            return None
        for entry in mapping_entries:
            fields = fields_of(entry)
            if pairs and all(str(resolve(fields.get(k), what)) == str(v) for k, v in pairs):
                scope = resolve(fields.get("scope_name"), what)
                if scope:
                    return Mapping(str(scope), builtin=False)
        for managed, name, scope in MANAGED_MAPPINGS:
            known = {"managed": managed, "name": name, "scope_name": scope}
            if pairs and all(k in known and known[k] == str(v) for k, v in pairs):
                return Mapping(scope, builtin=True)
        log_event("property mapping not resolved", reference=f"!Find {ref.value!r}")
        return None
    log_event("property mapping not resolved", reference=repr(ref))
    return None


def parse_redirect_uris(raw: Any) -> tuple[list[RedirectURI], str | None]:
    what = "redirect_uris"
    if raw is None:
        return [], None
    if isinstance(raw, (str, Tagged)):
        return [], str(resolve(raw, what))
    if not isinstance(raw, list):
        raise ConfigError(f"{what}: expected a list or a string, got {type(raw).__name__}")
    result = []
    for item in raw:
        if isinstance(item, dict):
            mode = str(resolve(item.get("matching_mode", "strict"), what))
            if mode not in ("strict", "regex"):
                raise ConfigError(f"{what}: matching_mode {mode!r} is neither strict nor regex")
            result.append(RedirectURI(mode, str(resolve(item.get("url", ""), what))))
        else:
            result.append(RedirectURI("strict", str(resolve(item, what))))
    return result, None


def build_provider(
    entries: list[dict], default_client_id: str | None = None, default_client_secret: str | None = None
) -> Provider:
    provider_entry = next((e for e in entries if e.get("model") == PROVIDER_MODEL), None)
    if provider_entry is None:
        raise ConfigError(f"no {PROVIDER_MODEL} entry")
    application_entry = next((e for e in entries if e.get("model") == APPLICATION_MODEL), None)
    if application_entry is None:
        raise ConfigError(f"no {APPLICATION_MODEL} entry")
    attrs = fields_of(provider_entry)
    app = fields_of(application_entry)

    client_id = resolve(attrs.get("client_id"), "client_id") or default_client_id
    if not client_id:
        raise ConfigError(
            "the provider has no client_id (Authentik would generate one; set it in the blueprint or pass --client-id)"
        )
    client_type = str(resolve(attrs.get("client_type", "confidential"), "client_type") or "confidential")
    client_secret = resolve(attrs.get("client_secret"), "client_secret")
    if client_secret is None:
        client_secret = default_client_secret
    if client_secret is None and client_type == "confidential":
        raise ConfigError(
            "the provider has no client_secret"
            " (Authentik would generate one; set it in the blueprint or pass --client-secret)"
        )
    redirect_uris, legacy = parse_redirect_uris(attrs.get("redirect_uris"))
    mappings = [m for m in (resolve_mapping(r, entries) for r in attrs.get("property_mappings") or []) if m]
    slug = resolve(app.get("slug"), "slug")
    if not slug:
        raise ConfigError("the application has no slug")
    include_claims = resolve(attrs.get("include_claims_in_id_token", True), "include_claims_in_id_token")
    sub_mode = str(resolve(attrs.get("sub_mode", "hashed_user_id"), "sub_mode"))
    if sub_mode not in ("hashed_user_id", "user_id", "user_uuid", "user_username", "user_email", "user_upn"):
        raise ConfigError(f"sub_mode {sub_mode!r} is not one of Authentik's")
    issuer_mode = str(resolve(attrs.get("issuer_mode", "per_provider"), "issuer_mode"))
    if issuer_mode not in ("per_provider", "global"):
        raise ConfigError(f"issuer_mode {issuer_mode!r} is neither per_provider nor global")
    return Provider(
        client_id=str(client_id),
        client_secret="" if client_secret is None else str(client_secret),
        client_type=client_type,
        redirect_uris=redirect_uris,
        legacy_redirect_uris=legacy,
        mappings=mappings,
        signing_key_ref=attrs.get("signing_key"),
        encryption_key_ref=attrs.get("encryption_key"),
        include_claims_in_id_token=include_claims not in (False, "false", "False", 0),
        sub_mode=sub_mode,
        issuer_mode=issuer_mode,
        access_code_validity=parse_validity(resolve(attrs.get("access_code_validity"), "validity"), 60),
        access_token_validity=parse_validity(resolve(attrs.get("access_token_validity"), "validity"), 3600),
        refresh_token_validity=parse_validity(resolve(attrs.get("refresh_token_validity"), "validity"), 30 * 86400),
        slug=str(slug),
        application_name=str(resolve(app.get("name"), "name") or slug),
    )


# --------------------------------------------------------------------------------------------------
# JOSE: JWS (RS256 / HS256), JWE (RSA-OAEP-256 + A256CBC-HS512), JWK


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def json_compact(obj: Any) -> bytes:
    return json.dumps(obj, separators=(",", ":")).encode("utf-8")


def a256cbc_hs512_encrypt(cek: bytes, plaintext: bytes, iv: bytes, aad: bytes) -> tuple[bytes, bytes]:
    """RFC 7518 §5.2.2.1 with §5.2.5's parameters: returns (ciphertext, tag)."""
    if len(cek) != 64 or len(iv) != 16:
        raise ValueError("A256CBC-HS512 needs a 64-octet key and a 16-octet IV")
    mac_key, enc_key = cek[:32], cek[32:]
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plaintext) + padder.finalize()
    encryptor = Cipher(algorithms.AES(enc_key), modes.CBC(iv)).encryptor()
    ciphertext = encryptor.update(padded) + encryptor.finalize()
    al = (len(aad) * 8).to_bytes(8, "big")
    tag = hmac.new(mac_key, aad + iv + ciphertext + al, hashlib.sha512).digest()[:32]
    return ciphertext, tag


def a256cbc_hs512_decrypt(cek: bytes, ciphertext: bytes, iv: bytes, aad: bytes, tag: bytes) -> bytes:
    mac_key, enc_key = cek[:32], cek[32:]
    al = (len(aad) * 8).to_bytes(8, "big")
    expected = hmac.new(mac_key, aad + iv + ciphertext + al, hashlib.sha512).digest()[:32]
    if not hmac.compare_digest(expected, tag):
        raise ValueError("authentication tag mismatch")
    decryptor = Cipher(algorithms.AES(enc_key), modes.CBC(iv)).decryptor()
    padded = decryptor.update(ciphertext) + decryptor.finalize()
    unpadder = padding.PKCS7(128).unpadder()
    return unpadder.update(padded) + unpadder.finalize()


def _oaep_sha256() -> asym_padding.OAEP:
    return asym_padding.OAEP(mgf=asym_padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None)


def jwe_encrypt(payload: bytes, public_key: rsa.RSAPublicKey, kid: str) -> str:
    header = {"alg": "RSA-OAEP-256", "enc": "A256CBC-HS512", "typ": "JWE", "kid": kid}
    protected = b64url(json_compact(header))
    cek = secrets.token_bytes(64)
    iv = secrets.token_bytes(16)
    encrypted_key = public_key.encrypt(cek, _oaep_sha256())
    ciphertext, tag = a256cbc_hs512_encrypt(cek, payload, iv, protected.encode("ascii"))
    return ".".join([protected, b64url(encrypted_key), b64url(iv), b64url(ciphertext), b64url(tag)])


def jwe_decrypt(token: str, private_key: rsa.RSAPrivateKey) -> bytes:
    protected, encrypted_key, iv, ciphertext, tag = token.split(".")
    cek = private_key.decrypt(b64url_decode(encrypted_key), _oaep_sha256())
    return a256cbc_hs512_decrypt(
        cek, b64url_decode(ciphertext), b64url_decode(iv), protected.encode("ascii"), b64url_decode(tag)
    )


def _uint_b64(value: int) -> str:
    return b64url(value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big"))


@dataclass
class KeyPair:
    private_key: rsa.RSAPrivateKey
    kid: str

    @staticmethod
    def from_pem(pem: bytes) -> "KeyPair":
        key = serialization.load_pem_private_key(pem, password=None)
        if not isinstance(key, rsa.RSAPrivateKey):
            raise ConfigError("state-dir key is not an RSA key")
        return KeyPair(key, hashlib.md5(pem, usedforsecurity=False).hexdigest())

    @staticmethod
    def generate() -> "KeyPair":
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        return KeyPair.from_pem(KeyPair.pem_of(key))

    @staticmethod
    def pem_of(key: rsa.RSAPrivateKey) -> bytes:
        return key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )

    def jwk(self, use: str) -> dict:
        numbers = self.private_key.public_key().public_numbers()
        data: dict[str, Any] = {}
        if use == "sig":
            data["alg"] = "RS256"
        else:
            data["alg"] = "RSA-OAEP-256"
            data["enc"] = "A256CBC-HS512"
        data.update({"kid": self.kid, "kty": "RSA", "use": use, "n": _uint_b64(numbers.n), "e": _uint_b64(numbers.e)})
        return data


class Keys:
    def __init__(self, provider: Provider, state_dir: Path | None):
        self.signing: KeyPair | None = None
        self.encryption: KeyPair | None = None
        if provider.signing_key_ref is not None:
            self.signing = self._load_or_create(state_dir, "signing_key.pem")
        if provider.encryption_key_ref is not None:
            if self.signing is not None and provider.encryption_key_ref == provider.signing_key_ref:
                self.encryption = self.signing
                self._write(state_dir, "encryption_key.pem", KeyPair.pem_of(self.signing.private_key))
            else:
                self.encryption = self._load_or_create(state_dir, "encryption_key.pem")
                if self.signing is not None and self.encryption.kid == self.signing.kid:
                    # left over from a run where both named the same keypair: this blueprint names two
                    self.encryption = KeyPair.generate()
                    self._write(state_dir, "encryption_key.pem", KeyPair.pem_of(self.encryption.private_key))

    @staticmethod
    def _write(state_dir: Path | None, name: str, pem: bytes) -> None:
        if state_dir is None:
            return
        path = state_dir / name
        path.write_bytes(pem)
        path.chmod(0o600)

    def _load_or_create(self, state_dir: Path | None, name: str) -> KeyPair:
        if state_dir is not None and (state_dir / name).is_file():
            return KeyPair.from_pem((state_dir / name).read_bytes())
        pair = KeyPair.generate()
        self._write(state_dir, name, KeyPair.pem_of(pair.private_key))
        return pair

    @property
    def alg(self) -> str:
        return "RS256" if self.signing is not None else "HS256"

    def jwks(self) -> dict:
        data: dict = {}
        if self.signing is not None:
            data.setdefault("keys", []).append(self.signing.jwk("sig"))
        if self.encryption is not None:
            data.setdefault("keys", []).append(self.encryption.jwk("enc"))
        return data

    def encode(self, payload: dict, client_secret: str) -> str:
        """Authentik's ``OAuth2Provider.encode``: sign (RS256 with kid, or HS256), then maybe encrypt."""
        header: dict[str, Any] = {"alg": self.alg, "typ": "JWT"}
        if self.signing is not None:
            header["kid"] = self.signing.kid
        signing_input = b64url(json.dumps(header, separators=(",", ":"), sort_keys=True).encode()) + "." + b64url(
            json_compact(payload)
        )
        if self.signing is not None:
            signature = self.signing.private_key.sign(
                signing_input.encode("ascii"), asym_padding.PKCS1v15(), hashes.SHA256()
            )
        else:
            signature = hmac.new(client_secret.encode("utf-8"), signing_input.encode("ascii"), hashlib.sha256).digest()
        token = signing_input + "." + b64url(signature)
        if self.encryption is not None:
            token = jwe_encrypt(token.encode("ascii"), self.encryption.private_key.public_key(), self.encryption.kid)
        return token


# --------------------------------------------------------------------------------------------------
# users, sessions, grants


@dataclass
class User:
    username: str
    password: str
    email: str
    name: str
    groups: list[str]

    @property
    def pk(self) -> int:
        return int(hashlib.sha256(self.username.encode("utf-8")).hexdigest()[:8], 16) % 1_000_000 + 1

    @property
    def uid(self) -> str:
        # Authentik: sha256(f"{user.id}-{install_id}") — a stable per-user hash.
        return hashlib.sha256(f"{self.pk}-{INSTALL_ID}".encode("ascii")).hexdigest()

    @property
    def uuid(self) -> str:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{INSTALL_ID}:{self.username}"))


@dataclass
class Session:
    key: str
    username: str
    auth_time: float


@dataclass
class Grant:
    """An authorization code, access token or refresh token."""

    username: str
    scope: list[str]
    expires: float
    auth_time: float
    session_key: str | None
    nonce: str | None = None
    redirect_uri: str = ""
    code_challenge: str | None = None
    code_challenge_method: str | None = None
    revoked: bool = False
    extra: dict = field(default_factory=dict)


def generate_id(length: int = 40) -> str:
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(length))


class State:
    def __init__(self, provider: Provider, keys: Keys, user: User, clock_skew: float):
        self.provider = provider
        self.keys = keys
        self.user = user
        self.clock_skew = clock_skew
        self.lock = threading.Lock()
        self.sessions: dict[str, Session] = {}
        self.codes: dict[str, Grant] = {}
        self.access_tokens: dict[str, Grant] = {}
        self.refresh_tokens: dict[str, Grant] = {}

    # what the issued tokens say the time is (an IdP whose clock runs ahead with --clock-skew)
    def claim_time(self, real: float) -> int:
        return int(real + self.clock_skew)

    def sub_for(self, user: User) -> str:
        mode = self.provider.sub_mode
        if mode == "hashed_user_id":
            return user.uid
        if mode == "user_id":
            return str(user.pk)
        if mode == "user_uuid":
            return user.uuid
        if mode == "user_email":
            return user.email
        if mode == "user_username":
            return user.username
        return user.uid  # user_upn: attributes.get("upn", uid); the emulated user has no attributes

    def scope_claims(self, user: User, scope: list[str]) -> dict:
        """UserInfoView.get_claims: the claims of the provider's mappings whose scope was granted."""
        claims: dict[str, Any] = {}
        for mapping in sorted(self.provider.mappings, key=lambda m: m.scope_name):
            if mapping.scope_name not in scope or not mapping.builtin:
                continue
            if mapping.scope_name == "email":
                claims.update({"email": user.email, "email_verified": False})
            elif mapping.scope_name == "profile":
                claims.update(
                    {
                        "name": user.name,
                        "given_name": user.name,
                        "preferred_username": user.username,
                        "nickname": user.username,
                        "groups": list(user.groups),
                    }
                )
            elif mapping.scope_name == "entitlements":
                claims.update({"entitlements": [], "roles": []})
        return claims

    def id_token_claims(self, issuer: str, grant: Grant, now: float, nonce: str | None) -> dict:
        user = self.user
        claims: dict[str, Any] = {
            "iss": issuer,
            "sub": self.sub_for(user),
            "aud": self.provider.client_id,
            "exp": self.claim_time(grant.expires),
            "iat": self.claim_time(now),
            "auth_time": self.claim_time(grant.auth_time),
            "acr": ACR_AUTHENTIK_DEFAULT,
            "amr": [AMR_PASSWORD],
        }
        if nonce:
            claims["nonce"] = nonce
        if grant.session_key:
            claims["sid"] = hashlib.sha256(grant.session_key.encode("ascii")).hexdigest()
        if self.provider.include_claims_in_id_token:
            claims.update(self.scope_claims(user, grant.scope))
        return claims


# --------------------------------------------------------------------------------------------------
# redirect URI matching (facts §3.2)


def check_redirect_uri(provider: Provider, redirect_uri: str, learn: bool) -> tuple[bool, list[str]]:
    """Return (accepted, the allowed URLs as listed in the event)."""
    if provider.legacy_redirect_uris is not None:
        field_value = provider.legacy_redirect_uris
        if learn and redirect_uri and field_value.strip() == "":
            log_event("Setting redirect for blank redirect_uris", redirect=redirect_uri)
            provider.legacy_redirect_uris = field_value = redirect_uri
        if field_value.strip() == "*":
            log_event("Converting redirect_uris to regex", redirect=redirect_uri)
            provider.legacy_redirect_uris = field_value = ".*"
        allowed = field_value.split()
        if not redirect_uri:
            return False, allowed
        try:
            return any(re.fullmatch(x, redirect_uri) for x in allowed), allowed
        except re.error as exc:
            log_event("Failed to parse regular expression, checking directly", exc=str(exc))
            return any(x == redirect_uri for x in allowed), allowed
    allowed = [u.url for u in provider.redirect_uris]
    if not redirect_uri:
        return False, allowed
    for entry in provider.redirect_uris:
        if entry.matching_mode == "strict" and redirect_uri == entry.url:
            return True, allowed
        if entry.matching_mode == "regex":
            try:
                if re.fullmatch(entry.url, redirect_uri):
                    return True, allowed
            except re.error as exc:
                log_event("Failed to parse regular expression", exc=str(exc), url=entry.url)
                log_event("configuration_error", message="Invalid redirect_uri configured")
    return False, allowed


# --------------------------------------------------------------------------------------------------
# HTTP


def clean_path(path: str) -> str:
    """gorilla/mux ``cleanPath`` (Go's ``path.Clean``, trailing slash kept)."""
    if path == "":
        return "/"
    if not path.startswith("/"):
        path = "/" + path
    parts: list[str] = []
    for segment in path.split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if parts:
                parts.pop()
            continue
        parts.append(segment)
    cleaned = "/" + "/".join(parts)
    if path.endswith("/") and cleaned != "/":
        cleaned += "/"
    return cleaned


def page(title: str, body_html: str) -> bytes:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{html.escape(title, quote=False)}</title>\n</head>\n<body>\n{body_html}\n</body>\n</html>\n"
    ).encode("utf-8")


def add_query(url: str, params: list[tuple[str, str]]) -> str:
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True) + params
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


class Handler(BaseHTTPRequestHandler):
    server_version = "authentik-emulator"
    state: State  # set on the subclass built in serve()

    # ---- plumbing

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - silence the default log
        pass

    def log_error(self, format: str, *args: Any) -> None:  # noqa: A002 - malformed requests, timeouts
        log(format % args)

    def version_string(self) -> str:
        return self.server_version

    def send(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8",
             headers: list[tuple[str, str]] | None = None) -> None:
        self.send_response_only(status)
        self.send_header("Server", self.version_string())
        self.send_header("Date", self.date_time_string())
        for name, value in headers or []:
            self.send_header(name, value)
        if body or status not in (204, 304):
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        log(f"{self.command} {self.path} {status}")

    def send_json(self, status: int, data: Any, headers: list[tuple[str, str]] | None = None,
                  indent: int | None = None) -> None:
        self.send(status, json.dumps(data, indent=indent).encode("utf-8"), "application/json", headers)

    def redirect(self, location: str, status: int = 302, headers: list[tuple[str, str]] | None = None) -> None:
        self.send(status, b"", headers=[("Location", location)] + (headers or []))

    def not_found(self) -> None:
        self.send(404, page("Not Found", "<h1>Not Found</h1>"))

    def scheme(self) -> str:
        forwarded = self.headers.get("X-Forwarded-Proto")
        if forwarded is not None:
            return "https" if forwarded.split(",")[0].strip() == "https" else "http"
        return "http"

    def host(self) -> str:
        host = self.headers.get("X-Forwarded-Host") or self.headers.get("Host")
        if host:
            return host
        address, port = self.server.server_address[:2]
        return f"[{address}]:{port}" if ":" in str(address) else f"{address}:{port}"

    def absolute(self, path: str) -> str:
        return f"{self.scheme()}://{self.host()}{path}"

    def issuer(self) -> str:
        if self.state.provider.issuer_mode == "global":
            return self.absolute("/")
        return self.absolute(f"{PREFIX}{self.state.provider.slug}/")

    def params(self) -> dict[str, str]:
        """Query string for GET, form body for POST; like Django's QueryDict.get, the last value wins."""
        if self.command == "POST":
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length).decode("utf-8", errors="replace") if length else ""
        else:
            raw = urlsplit(self.path).query
        return dict(parse_qsl(raw, keep_blank_values=True))

    def session(self) -> Session | None:
        header = self.headers.get("Cookie")
        if not header:
            return None
        try:
            cookie = SimpleCookie(header)
        except CookieError:
            return None
        morsel = cookie.get(SESSION_COOKIE)
        if morsel is None:
            return None
        with self.state.lock:
            return self.state.sessions.get(morsel.value)

    # ---- dispatch

    def do_GET(self) -> None:
        self.dispatch()

    def do_POST(self) -> None:
        self.dispatch()

    def do_HEAD(self) -> None:
        self.dispatch()

    def method_not_allowed(self) -> None:
        self.send(405, page("Method Not Allowed", "<h1>Method Not Allowed</h1>"))

    do_PUT = do_PATCH = do_DELETE = do_OPTIONS = method_not_allowed

    def dispatch(self) -> None:
        try:
            self._dispatch()
        except Exception as exc:  # keep serving; the harness reads the traceback-free message on stderr
            log_event("internal error", exc=repr(exc))
            try:
                self.send(500, page("Server Error", "<h1>Server Error</h1>"))
            except OSError:
                pass

    def _dispatch(self) -> None:
        parts = urlsplit(self.path)
        path = parts.path
        cleaned = clean_path(path)
        if cleaned != path:
            self.redirect(cleaned + (f"?{parts.query}" if parts.query else ""), status=301)
            return
        method = self.command
        slug = self.state.provider.slug
        if path == PREFIX + "authorize/":
            return self.authorize() if method in ("GET", "POST", "HEAD") else self.send(405)
        if path == PREFIX + "token/":
            return self.token() if method == "POST" else self.send(405)
        if path == PREFIX + "userinfo/":
            return self.userinfo() if method in ("GET", "POST") else self.send(405)
        if path == LOGIN_PATH:
            return self.login()
        match = re.fullmatch(re.escape(PREFIX) + r"([-a-zA-Z0-9_]+)/(.*)", path)
        if not match or match.group(1) != slug:
            return self.not_found()
        rest = match.group(2)
        if rest == "":
            query = f"?{parts.query}" if parts.query else ""
            return self.redirect(f"{PREFIX}{slug}/.well-known/openid-configuration{query}")
        if rest == ".well-known/openid-configuration":
            return self.discovery()
        if rest == "jwks/":
            return self.send_json(200, self.state.keys.jwks(), headers=[("Access-Control-Allow-Origin", "*")])
        if rest == "end-session/":
            return self.end_session()
        return self.not_found()

    # ---- views

    def discovery(self) -> None:
        provider = self.state.provider
        scopes = provider.scope_names
        if "openid" not in scopes:
            scopes.append("openid")
        info = {
            "issuer": self.issuer(),
            "authorization_endpoint": self.absolute(PREFIX + "authorize/"),
            "token_endpoint": self.absolute(PREFIX + "token/"),
            "userinfo_endpoint": self.absolute(PREFIX + "userinfo/"),
            "end_session_endpoint": self.absolute(f"{PREFIX}{provider.slug}/end-session/"),
            "response_types_supported": ["code"],
            "jwks_uri": self.absolute(f"{PREFIX}{provider.slug}/jwks/"),
            "grant_types_supported": ["authorization_code", "refresh_token"],
            "id_token_signing_alg_values_supported": [self.state.keys.alg],
            "subject_types_supported": ["public"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
            "scopes_supported": scopes,
        }
        self.send_json(200, info, indent=2)

    def error_page(self, title: str, description: str, extra_html: str = "") -> None:
        body = (
            f"<h1>{html.escape(title, quote=False)}</h1>\n"
            f"<p>{html.escape(description, quote=False)}</p>\n{extra_html}"
        )
        self.send(400, page(title, body))

    def authorize_error(self, redirect_uri: str, error: str, state: str | None, description: str = "") -> None:
        params = [("error", error)]
        if description:
            params.append(("error_description", description))
        if state:
            params.append(("state", state))
        self.redirect(add_query(redirect_uri, params))

    def authorize(self) -> None:
        st = self.state
        provider = st.provider
        query = self.params()
        if not query:
            return self.not_found()
        client_id = query.get("client_id", "")
        if client_id != provider.client_id:
            log_event("Invalid client identifier", client_id=client_id)
            log_event("configuration_error", message=f"Invalid client identifier: {client_id}.")
            return self.error_page(CLIENT_ID_ERROR, CLIENT_ID_DESCRIPTION)
        redirect_uri = query.get("redirect_uri", "")
        ok, allowed = check_redirect_uri(provider, redirect_uri, learn=True)
        if ok and urlsplit(redirect_uri).scheme in FORBIDDEN_URI_SCHEMES:
            ok = False
        if not ok:
            log_event(
                "Invalid redirect uri",
                redirect_uri_given=redirect_uri,
                redirect_uri_expected=allowed,
            )
            log_event(
                "configuration_error",
                message=(
                    f"Invalid redirect URI was used. Client used '{redirect_uri}'. "
                    f"Allowed redirect URIs are {','.join(allowed)}"
                ),
                redirect_uri=redirect_uri,
                provider=provider.client_id,
            )
            used = html.escape(redirect_uri, quote=False)
            return self.error_page(
                REDIRECT_URI_ERROR, REDIRECT_URI_DESCRIPTION, f"<p>Redirect URI used: <code>{used}</code></p>"
            )
        state_param = query.get("state")
        response_type = query.get("response_type", "")
        if response_type != "code":
            log_event("Invalid response type", type=response_type)
            return self.authorize_error(redirect_uri, "unsupported_response_type", state_param)
        requested = []
        for name in query.get("scope", "").split():
            if name not in requested:
                requested.append(name)
        configured = provider.scope_names
        if not requested:
            requested = list(configured)
            log_event("No scopes requested, defaulting to all configured scopes", scopes=requested)
        if not set(requested).issubset(configured):
            log_event(
                "Application requested scopes not configured, setting to overlap",
                scope_allowed=sorted(configured),
                scope_given=requested,
            )
        scope = [s for s in requested if s in configured]
        challenge = query.get("code_challenge")
        method = query.get("code_challenge_method", "plain")
        if challenge and method not in ("plain", "S256"):
            return self.authorize_error(
                redirect_uri, "invalid_request", state_param, f"Unsupported challenge method {method}"
            )
        session = self.session()
        if session is None:
            if "none" in query.get("prompt", "").split():
                return self.authorize_error(redirect_uri, "login_required", state_param)
            original = urlsplit(self.path)
            next_url = original.path + (f"?{original.query}" if original.query else "")
            if self.command == "POST":
                next_url = original.path + "?" + urlencode(query)
            return self.redirect(f"{LOGIN_PATH}?{urlencode({'next': next_url})}")
        now = time.time()
        code = uuid.uuid4().hex
        with st.lock:
            st.codes[code] = Grant(
                username=session.username,
                scope=scope,
                expires=now + provider.access_code_validity,
                auth_time=session.auth_time,
                session_key=session.key,
                nonce=query.get("nonce"),
                redirect_uri=redirect_uri,
                code_challenge=challenge or None,
                code_challenge_method=method if challenge else None,
            )
        params = [("code", code)]
        if state_param:
            params.append(("state", state_param))
        self.redirect(add_query(redirect_uri, params))

    def login_form(self, next_url: str, error: str = "") -> bytes:
        error_html = f'<p class="error">{html.escape(error, quote=False)}</p>\n' if error else ""
        return page(
            "Welcome to authentik!",
            "<h1>Welcome to authentik!</h1>\n"
            f"{error_html}"
            f'<form method="post" action="{LOGIN_PATH}">\n'
            f'<input type="hidden" name="next" value="{html.escape(next_url)}">\n'
            '<label>Username <input type="text" name="username" autocomplete="username" autofocus></label>\n'
            '<label>Password <input type="password" name="password" autocomplete="current-password"></label>\n'
            '<button type="submit">Log in</button>\n'
            "</form>",
        )

    @staticmethod
    def safe_next(next_url: str) -> str:
        if next_url.startswith("/") and not next_url.startswith("//") and "\\" not in next_url:
            return next_url
        return ""

    def login(self) -> None:
        st = self.state
        params = self.params()
        next_url = self.safe_next(params.get("next", ""))
        if self.command != "POST":
            if self.session() is not None and next_url:
                return self.redirect(next_url)
            return self.send(200, self.login_form(next_url))
        username = params.get("username", "")
        password = params.get("password", "")
        user = st.user
        good = hmac.compare_digest(username.encode(), user.username.encode()) & hmac.compare_digest(
            password.encode(), user.password.encode()
        )
        if not good:
            log_event("login_failed", username=username)
            return self.send(200, self.login_form(next_url, "Invalid username or password."))
        key = secrets.token_urlsafe(32)
        with st.lock:
            st.sessions[key] = Session(key=key, username=user.username, auth_time=time.time())
        log_event("login", username=user.username, method="password")
        cookie = f"{SESSION_COOKIE}={key}; Path=/; HttpOnly; SameSite=Lax"
        if next_url:
            return self.redirect(next_url, headers=[("Set-Cookie", cookie)])
        self.send(200, page("Logged in", f"<p>Logged in as {html.escape(user.username)}.</p>"),
                  headers=[("Set-Cookie", cookie)])

    def token_error(self, error: str) -> None:
        self.send_json(400, {"error": error}, headers=[("Cache-Control", "no-store"), ("Pragma", "no-cache")])

    def client_auth(self, form: dict[str, str]) -> tuple[str, str]:
        header = self.headers.get("Authorization", "")
        if re.match(r"^Basic\s{1}.+$", header):
            try:
                user_pass = base64.b64decode(header.split()[1]).decode("utf-8")
                client_id, _, client_secret = user_pass.partition(":")
            except (ValueError, UnicodeDecodeError):
                client_id = client_secret = ""
            return client_id, client_secret
        return form.get("client_id", ""), form.get("client_secret", "")

    def issue(self, grant: Grant, nonce: str | None, now: float) -> tuple[str, str]:
        """(access token, id_token) for a grant, both encoded like Authentik's provider.encode."""
        st = self.state
        claims = st.id_token_claims(self.issuer(), grant, now, nonce)
        id_token = st.keys.encode(claims, st.provider.client_secret)
        access_claims = dict(claims, azp=st.provider.client_id, uid=generate_id())
        access_token = st.keys.encode(access_claims, st.provider.client_secret)
        return access_token, id_token

    def token(self) -> None:
        st = self.state
        provider = st.provider
        form = self.params()
        client_id, client_secret = self.client_auth(form)
        if client_id != provider.client_id:
            log_event("Invalid client identifier", client_id=client_id)
            return self.token_error("invalid_client")
        grant_type = form.get("grant_type", "")
        if grant_type not in ("authorization_code", "refresh_token"):
            log_event("Invalid grant type", grant_type=grant_type)
            return self.token_error("unsupported_grant_type")
        if provider.client_type == "confidential" and not hmac.compare_digest(
            client_secret.encode(), provider.client_secret.encode()
        ):
            log_event("Invalid client secret", client_id=provider.client_id)
            return self.token_error("invalid_client")
        requested = form.get("scope", "").split()
        configured = provider.scope_names
        if not set(requested).issubset(configured):
            log_event(
                "Application requested scopes not configured, setting to overlap",
                scope_allowed=sorted(configured),
                scope_given=requested,
            )
        requested = [s for s in requested if s in configured]
        now = time.time()
        if grant_type == "authorization_code":
            return self.token_code(form, now)
        return self.token_refresh(form, requested, now)

    def token_code(self, form: dict[str, str], now: float) -> None:
        st = self.state
        provider = st.provider
        raw_code = form.get("code", "")
        if not raw_code:
            log_event("Missing authorization code")
            return self.token_error("invalid_grant")
        redirect_uri = form.get("redirect_uri", "")
        ok, allowed = check_redirect_uri(provider, redirect_uri, learn=False)
        if not ok:
            log_event(
                "configuration_error",
                message="Invalid redirect URI used by provider",
                redirect_uri=redirect_uri,
                expected=allowed,
                provider=provider.client_id,
            )
            return self.token_error("invalid_client")
        if urlsplit(redirect_uri).scheme in FORBIDDEN_URI_SCHEMES:
            return self.token_error("invalid_request")
        with st.lock:
            code = st.codes.pop(raw_code, None)  # single use, whatever happens next
        if code is None:
            log_event("Code does not exist", code=raw_code)
            return self.token_error("invalid_grant")
        if code.expires < now:
            log_event("Code is expired", token=raw_code)
            return self.token_error("invalid_grant")
        if code.redirect_uri != redirect_uri:
            log_event("redirect_uri differs from the one the code was issued for",
                      given=redirect_uri, expected=code.redirect_uri)
            return self.token_error("invalid_grant")
        verifier = form.get("code_verifier")
        if code.code_challenge:
            if not verifier:
                return self.token_error("invalid_grant")
            if code.code_challenge_method == "S256":
                computed = b64url(hashlib.sha256(verifier.encode("ascii", errors="replace")).digest())
            else:
                computed = verifier
            if computed != code.code_challenge:
                log_event("Code challenge not matching")
                return self.token_error("invalid_grant")
        elif verifier:
            return self.token_error("invalid_grant")
        access = Grant(
            username=code.username,
            scope=code.scope,
            expires=now + provider.access_token_validity,
            auth_time=code.auth_time,
            session_key=code.session_key,
            nonce=code.nonce,
        )
        access_token, id_token = self.issue(access, code.nonce, now)
        response = {
            "access_token": access_token,
            "token_type": "Bearer",
            "scope": " ".join(code.scope),
            "expires_in": int(provider.access_token_validity),
            "id_token": id_token,
        }
        with st.lock:
            st.access_tokens[access_token] = access
            if "offline_access" in code.scope:
                refresh = Grant(
                    username=code.username,
                    scope=code.scope,
                    expires=now + provider.refresh_token_validity,
                    auth_time=code.auth_time,
                    session_key=code.session_key,
                    nonce=code.nonce,
                )
                refresh_token = generate_id(128)
                st.refresh_tokens[refresh_token] = refresh
                response["refresh_token"] = refresh_token
        self.send_json(200, response, headers=[("Cache-Control", "no-store"), ("Pragma", "no-cache")])

    def token_refresh(self, form: dict[str, str], requested: list[str], now: float) -> None:
        st = self.state
        provider = st.provider
        raw = form.get("refresh_token", "")
        if not raw:
            log_event("Missing refresh token")
            return self.token_error("invalid_grant")
        with st.lock:
            old = st.refresh_tokens.get(raw)
        if old is None or old.expires < now:
            log_event("Refresh token does not exist or is expired")
            return self.token_error("invalid_grant")
        scope = requested or list(old.scope)
        if old.revoked:
            log_event("suspicious_request", message="Revoked refresh token was used")
            return self.token_error("invalid_grant")
        if set(scope) - set(old.scope) or "offline_access" not in scope:
            return self.token_error("invalid_scope")
        access = Grant(
            username=old.username,
            scope=list(old.scope),
            expires=now + provider.access_token_validity,
            auth_time=old.auth_time,
            session_key=old.session_key,
        )
        access_token, id_token = self.issue(access, None, now)
        new = Grant(
            username=old.username,
            scope=list(old.scope),
            expires=now + provider.refresh_token_validity,
            auth_time=old.auth_time,
            session_key=old.session_key,
            nonce=old.nonce,
        )
        new_token = generate_id(128)
        with st.lock:
            st.access_tokens[access_token] = access
            st.refresh_tokens[new_token] = new
            old.revoked = True
        self.send_json(
            200,
            {
                "access_token": access_token,
                "token_type": "Bearer",
                "scope": " ".join(access.scope),
                "expires_in": int(provider.access_token_validity),
                "id_token": id_token,
                "refresh_token": new_token,
            },
            headers=[("Cache-Control", "no-store"), ("Pragma", "no-cache")],
        )

    def userinfo(self) -> None:
        st = self.state
        header = self.headers.get("Authorization", "")
        params = self.params()
        if re.match(r"^[Bb]earer\s{1}.+$", header):
            raw = header.split()[1]
        else:
            raw = params.get("access_token", "")

        def bearer_error(status: int, code: str, description: str) -> None:
            self.send(status, b"", headers=[("WWW-Authenticate", f'error="{code}", error_description="{description}"')])

        with st.lock:
            grant = st.access_tokens.get(raw) if raw else None
        if grant is None or grant.expires < time.time():
            return bearer_error(
                401, "invalid_token",
                "The access token provided is expired, revoked, malformed, or invalid for other reasons",
            )
        if "openid" not in grant.scope:
            return bearer_error(
                403, "insufficient_scope", "The request requires higher privileges than provided by the access token"
            )
        claims: dict[str, Any] = {"sub": st.sub_for(st.user)}
        claims.update(st.scope_claims(st.user, grant.scope))
        if grant.nonce:
            claims["nonce"] = grant.nonce
        self.send_json(200, claims, headers=[("Cache-Control", "no-store"), ("Pragma", "no-cache")])

    def end_session(self) -> None:
        st = self.state
        session = self.session()
        if session is not None:
            with st.lock:
                st.sessions.pop(session.key, None)
            log_event("logout", username=session.username)
        name = html.escape(st.provider.application_name, quote=False)
        body = f"<h1>You've logged out of {name}.</h1>"
        expire = f"{SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
        self.send(200, page(f"You've logged out of {st.provider.application_name}.", body),
                  headers=[("Set-Cookie", expire)])


# --------------------------------------------------------------------------------------------------
# main


def parse_listen(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep:
        raise argparse.ArgumentTypeError(f"--listen {text!r}: expected HOST:PORT")
    host = host.strip("[]") or "127.0.0.1"
    return host, int(port)


def serve(args: argparse.Namespace) -> None:
    provider = build_provider(load_blueprint(args.blueprint), args.client_id, args.client_secret)
    state_dir = Path(args.state_dir) if args.state_dir else None
    if state_dir is not None:
        state_dir.mkdir(parents=True, exist_ok=True)
    keys = Keys(provider, state_dir)
    user = User(
        username=args.user,
        password=args.password,
        email=args.email,
        name=args.name,
        groups=[g.strip() for g in args.groups.split(",") if g.strip()],
    )
    skew = args.clock_skew
    if skew is None:
        skew = float(os.environ.get(CLOCK_SKEW_ENV) or 0)
    state = State(provider, keys, user, skew)

    host, port = args.listen
    server_class = ThreadingHTTPServer
    try:
        if isinstance(ipaddress.ip_address(host), ipaddress.IPv6Address):
            server_class = type("ThreadingHTTPServerV6", (ThreadingHTTPServer,), {"address_family": socket.AF_INET6})
    except ValueError:
        pass
    handler = type("BoundHandler", (Handler,), {"state": state})
    server = server_class((host, port), handler)
    server.daemon_threads = True

    def stop(signum: int, frame: Any) -> None:
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log_event(
        "started",
        listen=f"{host}:{server.server_address[1]}",
        application=provider.slug,
        client_id=provider.client_id,
        client_type=provider.client_type,
        signing=keys.alg,
        encryption="RSA-OAEP-256/A256CBC-HS512" if keys.encryption else None,
        scopes=provider.scope_names,
        redirect_uris=[f"{u.matching_mode}:{u.url}" for u in provider.redirect_uris]
        if provider.legacy_redirect_uris is None
        else f"legacy:{provider.legacy_redirect_uris!r}",
        clock_skew=skew,
    )
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--version", action="version", version=f"authentik-emulator {__version__} ({AUTHENTIK_BEHAVIOUR})"
    )
    parser.add_argument("--blueprint", required=True, help="Authentik blueprint (YAML)")
    parser.add_argument(
        "--client-id", help="the provider's client ID when the blueprint sets none (Authentik generates one)"
    )
    parser.add_argument(
        "--client-secret", help="the provider's client secret when the blueprint sets none (Authentik generates one)"
    )
    parser.add_argument("--listen", type=parse_listen, default=("127.0.0.1", 9000), help="HOST:PORT")
    parser.add_argument("--user", default="alice")
    parser.add_argument("--password", default="secret")
    parser.add_argument("--email", default="alice@example.com")
    parser.add_argument("--name", default="Alice Example")
    parser.add_argument("--groups", default="netbox-users,staff", help="comma-separated group names")
    parser.add_argument("--state-dir", help="write (and reuse) the generated keys here as PEM files")
    parser.add_argument(
        "--clock-skew", type=float, default=None,
        help=f"seconds to move issued iat/auth_time/exp into the future (default: ${CLOCK_SKEW_ENV} or 0)",
    )
    args = parser.parse_args(argv)
    try:
        serve(args)
    except ConfigError as exc:
        log(f"configuration error: {exc}")
        return 2
    except OSError as exc:
        log(f"cannot listen: {exc}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
