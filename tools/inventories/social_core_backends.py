"""What `REMOTE_AUTH_BACKEND` can name in social-core: the modules of `social_core/backends/` and
the names each binds at module level (classes, assignments, imports), with the social-auth-core
releases that have them, read from the wheels (never run).

Django imports every entry of AUTHENTICATION_BACKENDS by its dotted path (import_string); NetBox's
login page does so for each backend, so a path whose module or class a release does not have takes
the login page down. `netbox/backend-not-importable` reports it.

    python3 tools/inventories/social_core_backends.py --wheel social_auth_core-4.0.2-py3-none-any.whl … \
        -o preprocessor/data/social-core-backends.json [--check]
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

PACKAGE = "social_core/backends/"


def defined_classes(tree: ast.Module) -> set[str]:
    """The classes a module defines itself (a `class` statement at its top level): where a backend
    lives, as opposed to the modules that import it."""
    return {node.name for node in tree.body if isinstance(node, ast.ClassDef)}


def bound_names(tree: ast.Module) -> set[str]:
    """The names a module binds at its top level, as `from module import Name` finds them."""
    names: set[str] = set()

    def targets(node: ast.AST) -> list[ast.AST]:
        if isinstance(node, ast.Assign):
            return node.targets
        if isinstance(node, (ast.AnnAssign, ast.AugAssign)):
            return [node.target]
        return []

    def collect(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                names.add(node.name)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                for alias in node.names:
                    if alias.name != "*":
                        names.add(alias.asname or alias.name.split(".")[0])
            elif isinstance(node, (ast.If, ast.Try)):
                # `try: import x / except ImportError: x = None` and version guards bind too.
                collect(node.body)
                collect(getattr(node, "orelse", []))
                for handler in getattr(node, "handlers", []):
                    collect(handler.body)
                collect(getattr(node, "finalbody", []))
            for target in targets(node):
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        names.add(name.id)

    collect(tree.body)
    return names


def wheel_version(path: Path) -> str:
    match = re.match(r"social_auth_core-(\d+\.\d+\.\d+)-", path.name)
    if not match:
        raise SystemExit(f"{path}: not a social-auth-core wheel name (social_auth_core-X.Y.Z-….whl)")
    return match.group(1)


def read_release(wheel: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Module (dotted) → the names it binds, and → the classes it defines, for every module of
    social_core/backends/."""
    names: dict[str, set[str]] = {}
    classes: dict[str, set[str]] = {}
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.namelist():
            if not member.startswith(PACKAGE) or not member.endswith(".py"):
                continue
            dotted = member[:-3].replace("/", ".").removesuffix(".__init__")
            tree = ast.parse(archive.read(member).decode("utf-8"))
            names[dotted] = bound_names(tree)
            classes[dotted] = defined_classes(tree)
    return names, classes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheel", action="append", type=Path, required=True, help="a social-auth-core wheel")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--check", action="store_true", help="only compare with the committed file")
    args = parser.parse_args()

    wheels = sorted(args.wheel, key=lambda w: version_key(wheel_version(w)))
    versions = [wheel_version(w) for w in wheels]
    read = [read_release(w) for w in wheels]
    releases = [names for names, _ in read]
    defined = [classes for _, classes in read]
    modules = sorted(set().union(*releases))
    data = {
        "about": "the modules of social_core/backends/, the names each binds at module level, with the "
                 "social-auth-core releases that have them, and the classes each defines itself; written by tools/inventories/social_core_backends.py",
        "releases": versions,
        "sources": [{"wheel": w.name, "sha256": sha256(w)} for w in wheels],
        "modules": {
            module: {
                "releases": ranges(versions, [module in r for r in releases]),
                "names": {
                    name: ranges(versions, [name in r.get(module, ()) for r in releases])
                    for name in sorted(set().union(*(r.get(module, set()) for r in releases)))
                },
                "classes": sorted(set().union(*(c.get(module, set()) for c in defined))),
            }
            for module in modules
        },
    }
    text = json.dumps(data, indent=None, separators=(",", ":"), sort_keys=False) + "\n"
    return write_or_check(args.output, text, args.check, "the social-auth-core wheels",
                          f"{len(modules)} modules from {len(wheels)} releases")


if __name__ == "__main__":
    sys.exit(main())
