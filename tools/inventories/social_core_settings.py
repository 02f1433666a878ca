#!/usr/bin/env python3
"""Inventory of the SOCIAL_AUTH_* setting names python-social-auth (social-core) reads, per release.

Stdlib only. Reads the `social_core/` package (tests excluded) of each wheel given with --wheel
(social_auth_core-X.Y.Z-py3-none-any.whl from the package index) and writes one JSON document
(see README.md beside this script for the format and the command that produced the data file).

How a name is built, as social-core's own code does it (`social_core/strategy.py`,
`BaseStrategy.setting`, and `social_core/utils.py`, `setting_name`):

  backend.setting('X')  ->  strategy.setting('X', backend=backend), which tries in this order
                            SOCIAL_AUTH_<BACKEND NAME>_X, SOCIAL_AUTH_X, X
  strategy.setting('X') ->  SOCIAL_AUTH_X, X                       (no backend given)

where <BACKEND NAME> is the backend class's `name` attribute upper-cased with '-' made '_'
(`oidc` -> `SOCIAL_AUTH_OIDC_X`). NetBox copies only the SOCIAL_AUTH_* names of configuration.py into
Django's settings, so the plain `X` never arrives from configuration.py and is not listed.

Each read is found in the syntax tree, never by running the code:
  * `self.setting('X')` in a class under social_core/backends/ reads X for that backend and every
    backend class derived from it (the class hierarchy is resolved through each module's imports);
  * `backend.setting('X')` (any receiver but `self`/`strategy`) and `setting_url(backend, …, 'X')`
    read X for whichever backend runs: scope "any-backend";
  * `strategy.setting('X')` / `self.strategy.setting('X')` without a backend argument, and
    `self.setting('X')` in the strategy classes: scope "global" (SOCIAL_AUTH_X only);
  * a function or method that passes one of its own parameters on to `.setting(…)` is a wrapper
    (`get_setting_config`, `get_group_setting`, …); a constant passed to it is a read of the same scope.
Calls whose name is not a constant are counted under "unresolved" with their location, so the
limits of the inventory are visible.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
import zipfile
from pathlib import Path

from inventory import const_str, ranges, sha256, version_key, write_or_check

NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")


def receiver(call: ast.Call) -> str:
    """'self', 'strategy' (any *.strategy or strategy), or 'other' for `X.setting(…)`."""
    func = call.func
    if not isinstance(func, ast.Attribute):
        return "other"
    value = func.value
    if isinstance(value, ast.Name):
        return "self" if value.id == "self" else ("strategy" if value.id == "strategy" else "other")
    if isinstance(value, ast.Attribute) and value.attr == "strategy":
        return "strategy"
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "cast":
        return "self"  # cast("GithubOAuth2", self).setting(...)
    return "other"


def has_backend_argument(call: ast.Call) -> bool:
    return len(call.args) >= 3 or any(keyword.arg == "backend" for keyword in call.keywords)


class Module:
    def __init__(self, dotted: str, tree: ast.Module):
        self.dotted = dotted
        self.tree = tree
        self.imports: dict[str, str] = {}  # local name -> dotted.module.Name
        for node in tree.body:
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = dotted.split(".")
                    anchor = ".".join(parts[: len(parts) - node.level])
                    base = f"{anchor}.{base}" if base else anchor
                for alias in node.names:
                    self.imports[alias.asname or alias.name] = f"{base}.{alias.name}"


def read_package(wheel: Path, package: str = "social_core") -> dict[str, Module]:
    modules = {}
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.namelist():
            if not member.startswith(f"{package}/") or not member.endswith(".py") or "/tests/" in member:
                continue
            dotted = member[:-3].replace("/", ".")
            source = archive.read(member).decode("utf-8")
            modules[dotted] = Module(dotted, ast.parse(source))
    return modules


def analyse(modules: dict[str, Module]) -> dict:
    # classes: qualified name -> {bases, backend name, reads (direct), module}
    classes: dict[str, dict] = {}
    reads_global: set[str] = set()
    reads_any: set[str] = set()
    unresolved: list[str] = []
    wrappers: dict[str, tuple[int, str]] = {}  # function name -> (argument index, scope)

    def scope_of(call: ast.Call, in_backend: bool, in_strategy: bool) -> str:
        who = receiver(call)
        if who == "strategy":
            return "any-backend" if has_backend_argument(call) else "global"
        if who == "self":
            if in_backend:
                return "class"
            if in_strategy:  # BaseStrategy.setting(name, default, backend)
                return "any-backend" if has_backend_argument(call) else "global"
            return "any-backend"
        return "any-backend"

    def functions(module: Module):
        """(function node, enclosing class node or None) for every function of the module."""
        for node in module.tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield node, None
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        yield item, node

    def setting_calls(function: ast.AST):
        for node in ast.walk(function):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "setting":
                yield node, node.args[0] if node.args else None
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setting_url":
                for argument in node.args[1:]:
                    yield node, argument
            if isinstance(node, ast.Call) and node.args:
                callee = node.func.attr if isinstance(node.func, ast.Attribute) else (
                    node.func.id if isinstance(node.func, ast.Name) else None
                )
                if callee in wrappers:
                    index, _ = wrappers[callee]
                    if index < len(node.args):
                        yield node, node.args[index]

    # Wrappers first (two rounds reach wrappers of wrappers).
    for _ in range(2):
        for module in modules.values():
            in_backend_module = ".backends." in module.dotted
            for function, klass in functions(module):
                parameters = [a.arg for a in function.args.args]
                for call, argument in setting_calls(function):
                    if isinstance(argument, ast.Name) and argument.id in parameters and function.name != "setting":
                        offset = 1 if parameters and parameters[0] == "self" else 0
                        scope = scope_of(call, in_backend_module and klass is not None, "strategy" in module.dotted)
                        wrappers.setdefault(function.name, (parameters.index(argument.id) - offset, scope))

    for module in modules.values():
        in_backend_module = ".backends." in module.dotted
        in_strategy = module.dotted.endswith("strategy")
        for node in module.tree.body:
            if isinstance(node, ast.ClassDef):
                qualified = f"{module.dotted}.{node.name}"
                backend_name = None
                for item in node.body:
                    if isinstance(item, ast.Assign) and any(
                        isinstance(t, ast.Name) and t.id == "name" for t in item.targets
                    ):
                        backend_name = const_str(item.value)
                    if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name) and item.target.id == "name":
                        backend_name = const_str(item.value)
                bases = []
                for base in node.bases:
                    base_name = base.id if isinstance(base, ast.Name) else (
                        base.value.id if isinstance(base, ast.Subscript) and isinstance(base.value, ast.Name) else None
                    )
                    if base_name:
                        bases.append(module.imports.get(base_name, f"{module.dotted}.{base_name}"))
                classes[qualified] = {"bases": bases, "name": backend_name, "reads": set()}
        for function, klass in functions(module):
            for call, argument in setting_calls(function):
                value = const_str(argument)
                if isinstance(call.func, ast.Name) and call.func.id == "setting_url" and value is None:
                    continue  # setting_url(backend, redirect_url, …): a variable URL, not a name
                if value is None:
                    if not (isinstance(argument, ast.Name) and argument.id in [a.arg for a in function.args.args]):
                        unresolved.append(f"{module.dotted}:{call.lineno}")
                    continue
                if not NAME.match(value):
                    continue
                callee = call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id
                scope = wrappers[callee][1] if callee in wrappers and callee != "setting" else scope_of(
                    call, in_backend_module and klass is not None, in_strategy
                )
                if scope == "class" and klass is not None:
                    classes[f"{module.dotted}.{klass.name}"]["reads"].add(value)
                elif scope == "global":
                    reads_global.add(value)
                else:
                    reads_any.add(value)

    # Resolve each backend's reads through its bases.
    def resolve(qualified: str, seen: frozenset = frozenset()) -> set[str]:
        if qualified in seen or qualified not in classes:
            return set()
        out = set(classes[qualified]["reads"])
        for base in classes[qualified]["bases"]:
            if base not in classes:
                # `from .oauth import BaseOAuth2` may name a package re-export
                candidates = [q for q in classes if q.endswith("." + base.rsplit(".", 1)[-1])]
                base = candidates[0] if len(candidates) == 1 else base
            out |= resolve(base, seen | {qualified})
        return out

    def backend_name(qualified: str, seen: frozenset = frozenset()) -> str | None:
        if qualified in seen or qualified not in classes:
            return None
        if classes[qualified]["name"]:
            return classes[qualified]["name"]
        for base in classes[qualified]["bases"]:
            name = backend_name(base, seen | {qualified})
            if name:
                return name
        return None

    backends: dict[str, set[str]] = {}
    for qualified, klass in classes.items():
        if klass["name"] and ".backends." in qualified:
            upper = klass["name"].upper().replace("-", "_")
            backends.setdefault(upper, set()).update(resolve(qualified))
    # Each backend class's dotted path (where it is defined), as REMOTE_AUTH_BACKEND names it,
    # with the name it inherits when it sets none: which settings a configuration's backend reads.
    class_names: dict[str, str] = {}
    for qualified in classes:
        if ".backends." in qualified:
            name = backend_name(qualified)
            if name:
                class_names[qualified] = name.upper().replace("-", "_")
    return {
        "classes": class_names,
        "global": sorted(reads_global),
        "any_backend": sorted(reads_any),
        "backends": {name: sorted(reads) for name, reads in sorted(backends.items())},
        "unresolved": sorted(set(unresolved)),
    }


SOCIAL_AUTH_NAME = re.compile(r"^SOCIAL_AUTH_([A-Z][A-Z0-9_]*)$")


def analyse_app(modules: dict[str, Module]) -> dict:
    """The names social-auth-app-django (`social_django/`) reads itself, as suffixes of SOCIAL_AUTH_:

    * `getattr(settings, setting_name("X"), …)`: `setting_name` of social_core/utils.py joins
      SOCIAL_AUTH_ and X: global;
    * `getattr(settings, "SOCIAL_AUTH_X", …)`: global;
    * `strategy.setting("X", …, backend=backend)`, `backend.setting("X")`: any backend;
      `strategy.setting("X")` without a backend: global.
    """
    reads_global: set[str] = set()
    reads_any: set[str] = set()
    for module in modules.values():
        for node in ast.walk(module.tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            value = const_str(node.args[0])
            if isinstance(node.func, ast.Name) and node.func.id == "setting_name" and len(node.args) == 1:
                if value and NAME.match(value):
                    reads_global.add(value)
            elif isinstance(node.func, ast.Name) and node.func.id == "getattr" and len(node.args) >= 2:
                match = SOCIAL_AUTH_NAME.match(const_str(node.args[1]) or "")
                if match:
                    reads_global.add(match.group(1))
            elif isinstance(node.func, ast.Attribute) and node.func.attr == "setting" and value and NAME.match(value):
                if receiver(node) == "strategy" and not has_backend_argument(node):
                    reads_global.add(value)
                else:
                    reads_any.add(value)
    return {"global": sorted(reads_global), "any_backend": sorted(reads_any - reads_global)}


def build(results: dict[str, dict], sources: list[dict]) -> dict:
    versions = sorted(results, key=version_key)

    def history(present: dict[str, set[str]]) -> dict[str, list[list[str]]]:
        """{suffix: release ranges} from {version: suffixes}."""
        suffixes = sorted({s for found in present.values() for s in found})
        return {s: ranges(versions, [s in present.get(v, set()) for v in versions]) for s in suffixes}

    backend_names = sorted({b for r in results.values() for b in r["backends"]})
    return {
        "generated_by": "tools/inventories/social_core_settings.py",
        "lookup": {
            "backend": "backend.setting('X') tries SOCIAL_AUTH_<BACKEND>_X, then SOCIAL_AUTH_X, then X "
            "(social_core/strategy.py BaseStrategy.setting, social_core/utils.py setting_name)",
            "any_backend": "read through whichever backend runs: SOCIAL_AUTH_<BACKEND>_X for every backend, "
            "and SOCIAL_AUTH_X",
            "global": "strategy.setting('X') without a backend: SOCIAL_AUTH_X only",
            "backend_name": "<BACKEND> is the backend class's `name`, upper-cased, '-' made '_'",
        },
        "releases": versions,
        "sources": sorted(sources, key=lambda s: version_key(s["version"])),
        "unresolved": {v: results[v]["unresolved"] for v in versions if results[v]["unresolved"]},
        "global": history({v: set(results[v]["global"]) for v in versions}),
        "any_backend": history({v: set(results[v]["any_backend"]) for v in versions}),
        "backends": {
            b: history({v: set(results[v]["backends"].get(b, [])) for v in versions if b in results[v]["backends"]})
            for b in backend_names
        },
        "backend_releases": {
            b: ranges(versions, [b in results[v]["backends"] for v in versions]) for b in backend_names
        },
        # A class keeps its name across releases; where one changed, the newest release's.
        "classes": {c: n for v in versions for c, n in sorted(results[v]["classes"].items())},
    }


def dump(document: dict) -> str:
    """JSON with one line per backend and per suffix table: small, and diffs stay readable."""
    lines = ["{"]
    items = list(document.items())
    for index, (key, value) in enumerate(items):
        comma = "," if index < len(items) - 1 else ""
        if isinstance(value, dict) and key in ("backends", "global", "any_backend", "backend_releases", "unresolved", "classes"):
            inner = list(value.items())
            lines.append(f" {json.dumps(key)}: {{")
            for j, (k, v) in enumerate(inner):
                lines.append(f"  {json.dumps(k)}: {json.dumps(v, separators=(',', ':'))}" + ("," if j < len(inner) - 1 else ""))
            lines.append(" }" + comma)
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, indent=1).replace(chr(10), chr(10) + ' ')}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", action="append", default=[], type=Path, required=True)
    parser.add_argument("--app-wheel", type=Path, help="social_auth_app_django-X.Y.Z-py3-none-any.whl: its own names")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--check", action="store_true", help="fail if OUTPUT differs from what would be written")
    arguments = parser.parse_args()
    results, sources = {}, []
    for wheel in arguments.wheel:
        match = re.match(r"social_auth_core-(\d+\.\d+\.\d+)-", wheel.name)
        if not match:
            parser.error(f"{wheel}: not named social_auth_core-X.Y.Z-…")
        results[match.group(1)] = analyse(read_package(wheel))
        sources.append({"version": match.group(1), "wheel": wheel.name,
                        "sha256": sha256(wheel)})
    document = build(results, sources)
    if arguments.app_wheel:
        match = re.match(r"social_auth_app_django-(\d+\.\d+\.\d+)-", arguments.app_wheel.name)
        if not match:
            parser.error(f"{arguments.app_wheel}: not named social_auth_app_django-X.Y.Z-…")
        document["django_app"] = {
            "version": match.group(1),
            "wheel": arguments.app_wheel.name,
            "sha256": sha256(arguments.app_wheel),
            **analyse_app(read_package(arguments.app_wheel, "social_django")),
        }
    summary = f"{len(document['backends'])} backends over {len(results)} releases"
    return write_or_check(arguments.output, dump(document), arguments.check, "the wheels", summary)


if __name__ == "__main__":
    sys.exit(main())
