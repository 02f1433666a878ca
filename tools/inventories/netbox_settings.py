#!/usr/bin/env python3
"""Inventory of the names NetBox's settings.py reads from configuration.py, release by release.

Stdlib only. Reads `netbox/netbox/settings.py` (and the dynamic parameters of
`netbox/netbox/config/parameters.py`, which settings.py also takes from configuration.py) from:

  --git DIR      a git directory of netbox-community/netbox: every final release tag (vX.Y.Z, and
                 vX.Y.Z-rN where no plain tag exists); betas and release candidates are skipped
  --wheel FILE   a NetBox wheel from the package index (netbox-X.Y.Z-py3-none-any.whl)
  --sdist FILE   a source archive (netbox-X.Y.Z.tar.gz); when the same release also comes from git,
                 both must give the same inventory, or the script fails

and writes one JSON document (see README.md beside this script for the format and the command that
produced the committed data file).

A name is classified per release from the syntax tree of settings.py, never by running it:

  read        getattr(configuration, 'X'[, default]), configuration.X, a required-parameter loop
              (`for p in ('A', 'B'): if not hasattr(configuration, p)`), or a dynamic parameter
              (`for param in PARAMS: ... getattr(configuration, param.name)`)
  deprecated  read, and settings.py warns that it is deprecated when it is set
  removed     not read; settings.py only tests hasattr(configuration, 'X') to warn that it was
              removed / has no effect
Names matched by a prefix loop (`for p in dir(configuration): if p.startswith('SOCIAL_AUTH_')`)
are listed under "prefixes".
"""

from __future__ import annotations

import argparse
import ast
import io
import json
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from inventory import const_str, ranges, sha256, version_key, write_or_check

SETTINGS = "netbox/netbox/settings.py"
PARAMETERS = ("netbox/netbox/config/parameters.py", "netbox/netbox/config/__init__.py")
TAG = re.compile(r"^v?(\d+)\.(\d+)\.(\d+)(?:-r(\d+))?$")
WARN_REMOVED = re.compile(r"removed|no longer|no effect|obsolete", re.I)
WARN_DEPRECATED = re.compile(r"deprecat", re.I)
UPPER_NAME = re.compile(r"\b[A-Z][A-Z0-9_]{2,}\b")
PIN = re.compile(r"^(?:Requires-Dist:\s*)?social-auth-core(?:\[[^\]]*\])?\s*==\s*([0-9][0-9.]*)", re.I | re.M)


def social_core_pin(text: str | None) -> str | None:
    """The social-auth-core release a requirements.txt or wheel METADATA pins."""
    match = PIN.search(text or "")
    return match.group(1) if match else None


# ---------------------------------------------------------------------------------------------
# Reading one release
# ---------------------------------------------------------------------------------------------


def is_configuration(node: ast.AST) -> bool:
    return isinstance(node, ast.Name) and node.id == "configuration"


def texts(node: ast.AST) -> str:
    """Every string constant under node (f-strings included), joined: the text of a warning."""
    return " ".join(
        n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    )


def config_call(node: ast.AST, func: str) -> ast.AST | None:
    """The second argument of getattr/hasattr(configuration, ARG)."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == func
        and len(node.args) >= 2
        and is_configuration(node.args[0])
    ):
        return node.args[1]
    return None


def loop_names(loop: ast.For) -> list[str] | None:
    """The string constants a `for` loop iterates over, if it iterates over a literal."""
    if isinstance(loop.iter, (ast.List, ast.Tuple, ast.Set)):
        names = [const_str(element) for element in loop.iter.elts]
        if all(names):
            return [name for name in names if name]
    return None


def dynamic_parameters(source: str) -> list[str]:
    """ConfigParam(name='X', …) in netbox/config/parameters.py."""
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "ConfigParam":
            for keyword in node.keywords:
                if keyword.arg == "name" and const_str(keyword.value):
                    names.append(const_str(keyword.value))
            if node.args and const_str(node.args[0]):
                names.append(const_str(node.args[0]))
    return names


def analyse(settings: str, parameters: str | None) -> dict:
    """{"names": {NAME: status}, "prefixes": [PREFIX]} for one release's settings.py."""
    tree = ast.parse(settings)
    read: set[str] = set()
    tested: set[str] = set()
    warned_removed: set[str] = set()
    warned_deprecated: set[str] = set()
    prefixes: set[str] = set()
    dynamic = False

    replacements: dict[str, set[str]] = {}
    # `X = getattr(configuration, 'X', …)` at module level: `if X …:` tests the parameter too
    bound: dict[str, str] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name):
            argument = config_call(statement.value, "getattr")
            if argument is not None and const_str(argument):
                bound[statement.targets[0].id] = const_str(argument)

    def warning_of(names: set[str], body: list[ast.stmt] | str) -> None:
        text = body if isinstance(body, str) else " ".join(texts(statement) for statement in body)
        if WARN_REMOVED.search(text):
            warned_removed.update(names)
        elif WARN_DEPRECATED.search(text):
            warned_deprecated.update(names)
        else:
            return
        # the parameter the warning sends the reader to ("renamed to JINJA_FILTERS", "Use
        # SENTRY_CONFIG instead"); kept below only if this release reads it
        for name in names:
            replacements.setdefault(name, set()).update(set(UPPER_NAME.findall(text)) - names)

    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and is_configuration(node.value) and node.attr.isupper():
            read.add(node.attr)
        for func, into in (("getattr", read), ("hasattr", tested)):
            argument = config_call(node, func)
            if argument is not None and const_str(argument):
                into.add(const_str(argument))
        if isinstance(node, ast.If):
            names = {
                const_str(config_call(test, "hasattr"))
                for test in ast.walk(node.test)
                if config_call(test, "hasattr") is not None and const_str(config_call(test, "hasattr"))
            }
            if names:
                warning_of(names, node.body)
            else:
                # `if STORAGE_BACKEND is not None: warnings.warn("STORAGE_BACKEND is deprecated, …")`:
                # only a warning that says so of the parameter itself counts (not "REDIS's 'webhooks'
                # section has been renamed", nor "REMOTE_AUTH_DEFAULT_PERMISSIONS should be a dictionary")
                tested_variables = {bound[n.id] for n in ast.walk(node.test) if isinstance(n, ast.Name) and n.id in bound}
                warned = " ".join(
                    texts(call)
                    for statement in node.body
                    for call in ast.walk(statement)
                    if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "warn"
                )
                for name in tested_variables:
                    if re.search(rf"\b{re.escape(name)} (?:is|has been) (?:deprecated|renamed|removed|obsolete)", warned):
                        warning_of({name}, warned)
        if isinstance(node, ast.For) and isinstance(node.target, ast.Name):
            variable = node.target.id
            body = ast.Module(body=node.body, type_ignores=[])
            uses = [
                (func, config_call(inner, func))
                for inner in ast.walk(body)
                for func in ("getattr", "hasattr")
                if config_call(inner, func) is not None
            ]
            names = loop_names(node)
            if names is not None and any(
                isinstance(argument, ast.Name) and argument.id == variable for _, argument in uses
            ):
                text = texts(body)
                if WARN_REMOVED.search(text) or WARN_DEPRECATED.search(text):
                    tested.update(names)
                    warning_of(set(names), node.body)
                else:
                    # a required-parameter loop, or `globals()[p] = getattr(configuration, p)`
                    read.update(names)
            if any(
                isinstance(argument, ast.Attribute)
                and isinstance(argument.value, ast.Name)
                and argument.value.id == variable
                and argument.attr == "name"
                for _, argument in uses
            ):
                dynamic = True
            if (
                isinstance(node.iter, ast.Call)
                and isinstance(node.iter.func, ast.Name)
                and node.iter.func.id == "dir"
                and node.iter.args
                and is_configuration(node.iter.args[0])
            ):
                for inner in ast.walk(body):
                    if (
                        isinstance(inner, ast.Call)
                        and isinstance(inner.func, ast.Attribute)
                        and inner.func.attr == "startswith"
                        and inner.args
                        and const_str(inner.args[0])
                    ):
                        prefixes.add(const_str(inner.args[0]))

    status: dict[str, str] = {}
    for name in tested - read:
        # hasattr without a read: a removal warning, or a check such as DATABASE/DATABASES
        status[name] = "removed" if name in warned_removed else (
            "deprecated" if name in warned_deprecated else "read"
        )
    for name in read:
        status[name] = "deprecated" if name in warned_deprecated | warned_removed else "read"
    replaced_by = {
        name: sorted(candidates & read)
        for name, candidates in replacements.items()
        if status.get(name) in ("deprecated", "removed") and candidates & read
    }
    if dynamic:
        if parameters is None:
            raise SystemExit("settings.py loops over dynamic parameters, but no parameters file was found")
        for name in dynamic_parameters(parameters):
            status.setdefault(name, "read")
    return {"names": status, "prefixes": sorted(prefixes), "dynamic": dynamic, "replaced_by": replaced_by}


# ---------------------------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------------------------


def git(git_dir: str, *args: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", git_dir, *args], check=True, capture_output=True, text=True
    ).stdout


def from_git(git_dir: str) -> list[tuple[str, dict, dict]]:
    tags: dict[str, tuple[int, str]] = {}
    for tag in git(git_dir, "tag").split():
        match = TAG.match(tag)
        if match:
            version = ".".join(match.group(1, 2, 3))
            revision = int(match.group(4) or 0)
            if version not in tags or revision > tags[version][0]:
                tags[version] = (revision, tag)
    releases = []
    for version, (_, tag) in tags.items():
        try:
            settings = git(git_dir, "show", f"{tag}:{SETTINGS}")
        except subprocess.CalledProcessError:
            continue
        parameters = None
        for path in PARAMETERS:
            try:
                parameters = git(git_dir, "show", f"{tag}:{path}")
                break
            except subprocess.CalledProcessError:
                pass
        commit = git(git_dir, "rev-list", "-n", "1", tag).strip()
        try:
            requirements = git(git_dir, "show", f"{tag}:requirements.txt")
        except subprocess.CalledProcessError:
            requirements = None
        result = analyse(settings, parameters)
        result["social_auth_core"] = social_core_pin(requirements)
        releases.append((version, result, {"version": version, "git_tag": tag, "commit": commit}))
    return releases


def from_archive(path: Path, kind: str) -> tuple[str, dict, dict]:
    match = re.match(r"netbox-(\d+\.\d+\.\d+)", path.name)
    if not match:
        raise SystemExit(f"{path}: not named netbox-X.Y.Z…")
    version = match.group(1)
    files: dict[str, str] = {}
    if kind == "wheel":
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                files["netbox/" + member] = member
            read = lambda name: archive.read(files[name]).decode()  # noqa: E731
            settings = read(SETTINGS)
            parameters = next((read(p) for p in PARAMETERS if p in files), None)
            metadata = next((archive.read(m).decode() for m in archive.namelist() if m.endswith(".dist-info/METADATA")), None)
    else:
        with tarfile.open(path) as archive:
            members = {m.name.split("/", 1)[1]: m for m in archive.getmembers() if "/" in m.name}

            def read(name: str) -> str:
                handle = archive.extractfile(members[name])
                return io.TextIOWrapper(handle, encoding="utf-8").read() if handle else ""

            settings = read(SETTINGS)
            parameters = next((read(p) for p in PARAMETERS if p in members), None)
            metadata = read("requirements.txt") if "requirements.txt" in members else None
    source = {"version": version, kind: path.name, "sha256": sha256(path)}
    result = analyse(settings, parameters)
    result["social_auth_core"] = social_core_pin(metadata)
    return version, result, source


# ---------------------------------------------------------------------------------------------
# History
# ---------------------------------------------------------------------------------------------


def build(releases: list[tuple[str, dict, dict]]) -> dict:
    by_version: dict[str, tuple[dict, list[dict]]] = {}
    for version, result, source in releases:
        if version in by_version:
            if by_version[version][0] != result:
                raise SystemExit(f"{version}: the sources disagree ({source} vs {by_version[version][1]})")
            by_version[version][1].append(source)
        else:
            by_version[version] = (result, [source])
    versions = sorted(by_version, key=version_key)
    names = sorted({name for result, _ in by_version.values() for name in result["names"]})
    settings = []
    for name in names:
        statuses = [by_version[v][0]["names"].get(name) for v in versions]
        read = ranges(versions, [s in ("read", "deprecated") for s in statuses])
        entry: dict = {"name": name, "read": read}
        deprecated = ranges(versions, [s == "deprecated" for s in statuses])
        if deprecated:
            entry["deprecated"] = deprecated
        warned = ranges(versions, [s == "removed" for s in statuses])
        if warned:
            entry["warned_removed"] = warned
        if read and read[-1][1] != versions[-1]:
            entry["removed_in"] = versions[versions.index(read[-1][1]) + 1]
        if read:
            entry["added_in"] = read[0][0]
        # the replacement the newest warning about the name gives
        replacement = next(
            (by_version[v][0]["replaced_by"][name] for v in reversed(versions) if name in by_version[v][0]["replaced_by"]),
            None,
        )
        if replacement:
            entry["replaced_by"] = replacement
        settings.append(entry)
    prefixes = sorted({p for result, _ in by_version.values() for p in result["prefixes"]})
    return {
        "generated_by": "tools/inventories/netbox_settings.py",
        "file": SETTINGS,
        "releases": versions,
        "sources": [source for v in versions for source in by_version[v][1]],
        "social_auth_core": [
            {"pin": pin, "releases": ranges(versions, [by_version[v][0]["social_auth_core"] == pin for v in versions])}
            for pin in sorted({r["social_auth_core"] for r, _ in by_version.values() if r["social_auth_core"]},
                              key=version_key)
        ],
        "prefixes": [
            {"prefix": p, "read": ranges(versions, [p in by_version[v][0]["prefixes"] for v in versions])}
            for p in prefixes
        ],
        "settings": settings,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--git", help="git directory of netbox-community/netbox")
    parser.add_argument("--wheel", action="append", default=[], type=Path)
    parser.add_argument("--sdist", action="append", default=[], type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--check", action="store_true", help="fail if OUTPUT differs from what would be written")
    arguments = parser.parse_args()
    releases = from_git(arguments.git) if arguments.git else []
    releases += [from_archive(path, "wheel") for path in arguments.wheel]
    releases += [from_archive(path, "sdist") for path in arguments.sdist]
    if not releases:
        parser.error("no source given")
    document = build(releases)
    text = json.dumps(document, indent=1, sort_keys=False) + "\n"
    summary = f"{len(document['settings'])} names over {len(document['releases'])} releases"
    return write_or_check(arguments.output, text, arguments.check, "the sources", summary)


if __name__ == "__main__":
    sys.exit(main())
