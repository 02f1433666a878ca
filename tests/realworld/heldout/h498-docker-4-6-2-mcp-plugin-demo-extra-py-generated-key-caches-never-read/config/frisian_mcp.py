"""
MCP gateway demo - NetBox settings.

Mounted by docker-compose.yml over netbox-docker's /etc/netbox/config/extra.py,
the image's place for settings that environment variables cannot carry, so it
can be edited in the clone and picked up with `docker compose restart`.

This module must never raise: NetBox imports it at start-up, and an exception
here stops the container. Every value falls back to something that works.

The FRISIAN_MCP_* names are not NetBox settings. The frisian_mcp_netbox plugin
(baked into the image) copies them onto django.conf.settings when it loads.
"""

import os

# ---------------------------------------------------------------------------
# SECRET_KEY: made on first start, kept in the demo_state volume, reused after.
# netbox-docker needs one and does not make one; publishing a fixed key in a
# public repository would give every copy of the demo the same signing key.
# ---------------------------------------------------------------------------
_DEMO_STATE_DIR = os.getenv("FRISIAN_DEMO_STATE_DIR", "/opt/netbox/demo-state")
_SECRET_KEY_PATH = os.path.join(_DEMO_STATE_DIR, "secret_key")


def _resolve_secret_key() -> str:
    """Return the deployment's key, making and storing one when there is none."""
    from_env = os.getenv("SECRET_KEY")
    if from_env:
        return from_env

    try:
        with open(_SECRET_KEY_PATH, encoding="utf-8") as fh:
            existing = fh.read().strip()
        if existing:
            return existing
    except OSError:
        pass

    import secrets
    import string

    alphabet = string.ascii_letters + string.digits + "!@#$%^&*(-_=+)"
    generated = "".join(secrets.choice(alphabet) for _ in range(64))
    try:
        os.makedirs(_DEMO_STATE_DIR, exist_ok=True)
        # write privately, then move into place
        tmp = _SECRET_KEY_PATH + ".tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(generated)
        os.replace(tmp, _SECRET_KEY_PATH)
    except OSError:
        pass
    return generated


SECRET_KEY = _resolve_secret_key()

# ---------------------------------------------------------------------------
# Enable the plugin (the pattern netbox-docker's own extra.py shows).
# ---------------------------------------------------------------------------
try:
    from netbox.configuration.configuration import PLUGINS  # noqa: F401
except ImportError:
    PLUGINS = []

if "frisian_mcp_netbox" not in PLUGINS:
    PLUGINS.append("frisian_mcp_netbox")

# ---------------------------------------------------------------------------
# Every MCP door requires authentication.
# ---------------------------------------------------------------------------
FRISIAN_MCP_PERMISSION_CLASSES = ["rest_framework.permissions.IsAuthenticated"]
FRISIAN_MCP_ALLOW_UNAUTHENTICATED = False

# Order matters: both classes claim the Bearer prefix.
FRISIAN_MCP_AUTHENTICATION_CLASSES = [
    "frisian_mcp.contrib.tokens.authentication.FrisianMcpTokenAuthentication",
    "frisian_mcp.contrib.oauth.authentication.OAuthTokenAuthentication",
]

# Published on purpose: the demo tokens in the image are hashed with it.
FRISIAN_MCP_HMAC_KEY = os.getenv(
    "FRISIAN_MCP_HMAC_KEY", "demo-hmac-constant-published-with-the-images"
)

# ---------------------------------------------------------------------------
# Topic dispatchers: NetBox's generated tools bundled by resource name.
# (Lists shortened here; a resource this NetBox lacks is skipped.)
# ---------------------------------------------------------------------------
FRISIAN_MCP_DISPATCH_GROUPS = {
    "dcim": [
        "region", "sitegroup", "site", "location", "rack", "manufacturer",
        "devicetype", "devicerole", "platform", "device", "interface",
        "frontport", "rearport", "cable", "virtualchassis", "powerfeed",
    ],
    "ipam": [
        "asn", "vrf", "routetarget", "rir", "aggregate", "role", "prefix",
        "iprange", "ipaddress", "vlangroup", "vlan", "service",
    ],
    "circuits": ["provider", "circuittype", "circuit", "circuittermination"],
    "tenancy": ["tenantgroup", "tenant", "contact", "contactassignment"],
    "virtualization": ["clustertype", "cluster", "virtualmachine", "vminterface"],
    "vpn": ["tunnelgroup", "tunnel", "l2vpn", "l2vpntermination"],
    "wireless": ["wirelesslangroup", "wirelesslan", "wirelesslink"],
    "extras": [
        "eventrule", "webhook", "customfield", "exporttemplate", "tag",
        "journalentry", "configcontext", "configtemplate", "script",
    ],
    "users": ["user", "group", "token", "objectpermission"],
    "core": ["datasource", "datafile", "job", "objectchange", "objecttype"],
}

# ---------------------------------------------------------------------------
# Three authenticated doors with different ceilings. Paths are not nested,
# and the admin door does not end in "admin" (clients strip that suffix).
# ---------------------------------------------------------------------------
_SCOPED_ALLOW = [
    "dcim", "ipam", "circuits", "tenancy", "virtualization", "vpn",
    "wireless", "extras",
]

# audit trail and code-execution / outbound-request models stay off the
# scoped doors
_SCOPED_DENY = [
    "extras:objectchange",
    "extras:webhook",
    "extras:eventrule",
    "extras:exporttemplate",
    "extras:configtemplate",
    "extras:script",
]

# only where writing them becomes possible
_RW_ONLY_DENY = [
    "extras:configcontext",
    "extras:journalentry",
]

FRISIAN_MCP_ROUTES = {
    "default": {
        "path": "api/mcp/read-only",
        "highest_tier": "read",
        "allow_list": list(_SCOPED_ALLOW),
        "deny_list": list(_SCOPED_DENY),
    },
    "elevated": {
        "path": "api/mcp/read-write",
        "highest_tier": "read_write",
        "allow_list": list(_SCOPED_ALLOW),
        "deny_list": list(_SCOPED_DENY) + list(_RW_ONLY_DENY),
    },
    "admin": {
        "path": "api/mcp/ops",
        "highest_tier": "admin",
        "allow_list": ["*"],
    },
}

# ---------------------------------------------------------------------------
# Discovery and responses.
# ---------------------------------------------------------------------------
FRISIAN_MCP_PERMISSION_AWARE_DISCOVERY = True
FRISIAN_MCP_USAGE_REPORTING = True
FRISIAN_MCP_USAGE_IN_CONTENT = True
FRISIAN_MCP_TOOLS_LIST_CACHE_TTL = 300
FRISIAN_MCP_AUTO_NEGOTIATE_THRESHOLD = 8_000

# ---------------------------------------------------------------------------
# OAuth. The issuer must be the exact origin clients connect to.
# ---------------------------------------------------------------------------
FRISIAN_MCP_OAUTH_ISSUER = os.getenv(
    "FRISIAN_MCP_OAUTH_ISSUER", "http://127.0.0.1:8083"
)

# no proxy in front: trust no forwarded address
FRISIAN_MCP_TRUSTED_PROXY_COUNT = int(os.getenv("FRISIAN_MCP_TRUSTED_PROXY_COUNT", "0"))

# every way of minting a client stays closed
FRISIAN_MCP_OAUTH_REGISTRATION_OPEN = False
FRISIAN_MCP_OAUTH_PKCE_AUTO_REGISTER = False
FRISIAN_MCP_OAUTH_AUTO_APPROVE = False
FRISIAN_MCP_OAUTH_PKCE_DEFAULT_PERMISSION = "read"

# one day
FRISIAN_MCP_OAUTH_TOKEN_EXPIRY_SECONDS = int(
    os.getenv("FRISIAN_MCP_OAUTH_TOKEN_EXPIRY_SECONDS", str(60 * 60 * 24))
)
FRISIAN_MCP_OAUTH_PUBLIC_DISCOVERY = True

# ---------------------------------------------------------------------------
# Optional separate cache for large-response continuations (opt-in).
# The alias and the cache are set together: naming an alias that CACHES does
# not define is an error of the plugin's checks.
# ---------------------------------------------------------------------------
_HEAVY_CACHE_URL = os.getenv("FRISIAN_MCP_HEAVY_CACHE_URL", "").strip()
if _HEAVY_CACHE_URL:
    _HEAVY_CACHE_ALIAS = os.getenv("FRISIAN_MCP_HEAVY_CACHE_ALIAS", "heavy").strip() or "heavy"
    # netbox-docker's configuration.py builds CACHES from REDIS and this file
    # is loaded after it, so CACHES should exist; guard anyway
    try:
        CACHES  # noqa: B018
    except NameError:
        CACHES = {}
    CACHES[_HEAVY_CACHE_ALIAS] = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": _HEAVY_CACHE_URL,
        "TIMEOUT": 300,
        "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
    }
    FRISIAN_MCP_HEAVY_CACHE_ALIAS = _HEAVY_CACHE_ALIAS
