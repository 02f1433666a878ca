"""django-auth-ldap's setting names, from `LDAPSettings.defaults` of django-auth-ldap wheels (read,
never run; in `django_auth_ldap/backend.py` up to 1.x, `config.py` since), with the releases that
read each, plus `AUTH_LDAP_GLOBAL_OPTIONS`, which its backend reads from Django's settings itself.

NetBox's LDAPBackend copies every `AUTH_LDAP_*` name of ldap_config.py onto django-auth-ldap's
settings object (NetBox 4.6.8 netbox/authentication/__init__.py L348-367): a name that is not
among these is set and never read. `netbox/ldap-setting-unknown` reports it.

    python3 tools/inventories/django_auth_ldap_settings.py --wheel django_auth_ldap-5.4.0-py3-none-any.whl … \
        -o preprocessor/data/django-auth-ldap-settings.json [--check]
"""

from __future__ import annotations

import ast
import re
import sys
import zipfile
from pathlib import Path

from inventory import wheel_names_command

MODULES = ("django_auth_ldap/config.py", "django_auth_ldap/backend.py")
PREFIX = "AUTH_LDAP_"


def names_in(source: str) -> set[str]:
    """The keys of `LDAPSettings.defaults`, prefixed, and the prefixed names the code reads itself."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef) and node.name == "LDAPSettings":
            for item in node.body:
                if (isinstance(item, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "defaults" for t in item.targets)
                        and isinstance(item.value, ast.Dict)):
                    names.update(PREFIX + k.value for k in item.value.keys if isinstance(k, ast.Constant))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and re.fullmatch(PREFIX + r"[A-Z][A-Z0-9_]*", node.value):
            names.add(node.value)
    return names


def ldap_settings_names(archive: zipfile.ZipFile, wheel: Path) -> set[str]:
    names: set[str] = set()
    for module in MODULES:
        if module in archive.namelist():
            names |= names_in(archive.read(module).decode())
    if not names:
        raise SystemExit(f"{wheel}: no LDAPSettings.defaults in {' or '.join(MODULES)}")
    return names


def main() -> int:
    return wheel_names_command(
        __doc__, "django-auth-ldap", "django_auth_ldap", ldap_settings_names,
        "django-auth-ldap's setting names (LDAPSettings.defaults, prefixed AUTH_LDAP_, and the AUTH_LDAP_ "
        "names its code reads itself), with the releases read that define each; written by "
        "tools/inventories/django_auth_ldap_settings.py",
        "read")


if __name__ == "__main__":
    sys.exit(main())
