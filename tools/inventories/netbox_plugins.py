"""What a NetBox plugin's distribution installs: for every distribution on the package index whose
name holds `netbox` (its newest wheel), the top-level modules it installs, read from the wheel
(`*.dist-info/top_level.txt`, else the top-level packages and modules of its RECORD); never run.

NetBox imports each PLUGINS entry as a module (settings.py `importlib.import_module`), so an
entry that is a distribution's name written with underscores (`netbox_validity` for the
distribution netbox-validity, whose module is `validity`) stops NetBox at start-up.
`netbox/plugin-distribution-name` reports it.

    python3 tools/inventories/netbox_plugins.py --wheel DIR/*.whl … -o preprocessor/data/netbox-plugins.json [--check]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zipfile
from pathlib import Path

from inventory import sha256, write_or_check


def metadata_name(archive: zipfile.ZipFile) -> tuple[str, str]:
    """The distribution's name and version, from its METADATA."""
    member = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
    name = version = ""
    for line in archive.read(member).decode("utf-8", "replace").splitlines():
        if line.startswith("Name:") and not name:
            name = line.split(":", 1)[1].strip()
        elif line.startswith("Version:") and not version:
            version = line.split(":", 1)[1].strip()
        elif not line:
            break
    return name, version


def top_level_modules(archive: zipfile.ZipFile) -> list[str]:
    """The importable top-level names the wheel installs."""
    names = archive.namelist()
    listed = [n for n in names if n.endswith(".dist-info/top_level.txt")]
    if listed:
        text = archive.read(listed[0]).decode("utf-8", "replace")
        modules = {line.strip().replace("/", ".") for line in text.splitlines() if line.strip()}
        if modules:
            return sorted(modules)
    modules = set()
    for name in names:
        head, _, rest = name.partition("/")
        if head.endswith((".dist-info", ".data")):
            continue
        if rest == "__init__.py" or (not rest and head.endswith(".py")):
            modules.add(head.removesuffix(".py"))
    return sorted(modules)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", action="append", default=[], type=Path, required=True)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--check", action="store_true", help="fail if OUTPUT differs from what would be written")
    arguments = parser.parse_args()
    distributions: dict[str, dict] = {}
    sources = []
    for wheel in sorted(arguments.wheel):
        with zipfile.ZipFile(wheel) as archive:
            name, version = metadata_name(archive)
            modules = top_level_modules(archive)
        key = re.sub(r"[-_.]+", "-", name).lower()
        distributions[key] = {"version": version, "modules": modules}
        sources.append({"wheel": wheel.name, "sha256": sha256(wheel)})
    lines = ["{",
             ' "about": "the top-level modules each distribution whose name holds netbox installs (its newest wheel on the package index); written by tools/inventories/netbox_plugins.py",',
             ' "sources": ' + json.dumps(sorted(sources, key=lambda s: s["wheel"]), separators=(",", ":")) + ",",
             ' "distributions": {']
    items = sorted(distributions.items())
    for index, (name, entry) in enumerate(items):
        comma = "," if index < len(items) - 1 else ""
        lines.append(f"  {json.dumps(name)}: {json.dumps(entry, separators=(',', ':'))}{comma}")
    lines += [" }", "}"]
    return write_or_check(arguments.output, "\n".join(lines) + "\n", arguments.check, "the wheels",
                          f"{len(distributions)} distributions")


if __name__ == "__main__":
    sys.exit(main())
