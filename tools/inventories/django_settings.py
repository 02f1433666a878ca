"""Django's own setting names, from `django/conf/global_settings.py` of Django wheels (read, never
run): every module-level upper-case name assigned there, with the Django releases that define it.

NetBox copies only its own parameters from configuration.py (netbox-settings.json); a Django
setting written there, when the NetBox release does not read that name, has no effect.
`netbox/setting-ignored` reports it.

    python3 tools/inventories/django_settings.py --wheel Django-3.2.25-py3-none-any.whl … \
        -o preprocessor/data/django-settings.json [--check]
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
import zipfile
from pathlib import Path

from inventory import ranges, sha256, version_key, write_or_check

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


def wheel_version(path: Path) -> str:
    match = re.match(r"[Dd]jango-(\d+\.\d+(?:\.\d+)?)-", path.name)
    if not match:
        raise SystemExit(f"{path}: not a Django wheel name (Django-X.Y.Z-….whl)")
    return match.group(1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", action="append", type=Path, required=True, help="a Django wheel")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--check", action="store_true", help="only compare with the committed file")
    args = parser.parse_args()

    wheels = sorted(args.wheel, key=lambda w: version_key(wheel_version(w)))
    versions = [wheel_version(w) for w in wheels]
    per_release: list[set[str]] = []
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            try:
                source = archive.read(GLOBAL_SETTINGS).decode()
            except KeyError:
                raise SystemExit(f"{wheel}: no {GLOBAL_SETTINGS}") from None
        per_release.append(names_in(source))
    every = sorted(set().union(*per_release))
    data = {
        "about": "Django's setting names (module-level names of django/conf/global_settings.py), "
                 "with the Django releases read that define each; written by tools/inventories/django_settings.py",
        "releases": versions,
        "sources": [{"wheel": w.name, "sha256": sha256(w)} for w in wheels],
        "settings": [{"name": name, "defined": ranges(versions, [name in names for names in per_release])}
                     for name in every],
    }
    text = json.dumps(data, indent=1) + "\n"
    return write_or_check(args.output, text, args.check, "the Django wheels",
                          f"{len(every)} names from {len(wheels)} Django releases")


if __name__ == "__main__":
    sys.exit(main())
