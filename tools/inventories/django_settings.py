"""Django's own setting names, from `django/conf/global_settings.py` of Django wheels (read, never
run): every module-level upper-case name assigned there, with the Django releases that define it.

NetBox copies only its own parameters from configuration.py (netbox-settings.json); a Django
setting written there, when the NetBox release does not read that name, has no effect.
`netbox/setting-ignored` reports it.

    python3 tools/inventories/django_settings.py --wheel Django-3.2.25-py3-none-any.whl … \
        -o preprocessor/data/django-settings.json [--check]
"""

from __future__ import annotations

import ast
import re
import sys
import zipfile
from pathlib import Path

from inventory import wheel_names_command

GLOBAL_SETTINGS = "django/conf/global_settings.py"
SETTING_NAME = re.compile(r"[A-Z][A-Z0-9_]*\Z")


def names_in(source: str) -> set[str]:
    """The upper-case names global_settings.py assigns at module level."""
    names: set[str] = set()
    for node in ast.parse(source).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        for target in targets:
            if isinstance(target, ast.Name) and SETTING_NAME.match(target.id):
                names.add(target.id)
    return names


def global_settings_names(archive: zipfile.ZipFile, wheel: Path) -> set[str]:
    try:
        source = archive.read(GLOBAL_SETTINGS).decode()
    except KeyError:
        raise SystemExit(f"{wheel}: no {GLOBAL_SETTINGS}") from None
    return names_in(source)


def main() -> int:
    return wheel_names_command(
        __doc__, "Django", "[Dd]jango", global_settings_names,
        "Django's setting names (module-level names of django/conf/global_settings.py), "
        "with the Django releases read that define each; written by tools/inventories/django_settings.py",
        "defined")


if __name__ == "__main__":
    sys.exit(main())
