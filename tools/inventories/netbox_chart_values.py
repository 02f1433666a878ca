"""netbox-chart's values: every key path each final release reads, and the NetBox setting each
path becomes, from the chart's own files (read, never rendered).

Helm validates a values file against the chart's `values.schema.json`, which allows any other key
(netbox-chart 8.3.61: no `additionalProperties: false`), so a key the chart never reads is dropped
without a word. A path is read by a release when its `values.yaml` holds it (the chart documents
its values there) or a template names it (`.Values.a.b`); a path under a map whose default is
empty (`podAnnotations: {}`), under a list, under a map a template takes whole
(`toYaml .Values.securityContext`), or under a sub-chart's key is free. The settings come
from `templates/configmap.yaml`'s `netbox.yaml`, whose top-level lines read
`NAME: {{ toJson .Values.path }}` (or `| quote`, `int …`); `files/configuration.py` (and the
configmap's inline `configuration.py` before it) merges that YAML into its globals.

Needs PyYAML (the values are YAML); reads a clone of https://github.com/netbox-community/netbox-chart
with its tags (`0.1.0` … at the root, `netbox-X.Y.Z` under `charts/netbox/`):

    python3 tools/inventories/netbox_chart_values.py --git CLONE \
        -o preprocessor/data/netbox-chart-values.json [--check]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

from inventory import ranges, write_or_check

# Keys whose values are another chart's: Helm's `global`, and each release's sub-charts (its
# Chart.yaml `dependencies`, or requirements.yaml before Helm 3), read by that release only:
# `redis` up to 5.x, `valkey` from 6.0.0 (38f113f, '[v6] Switch from Redis to Valkey').
GLOBAL = "global"
# `{{ .Values.x }}`, or `{{ $.Values.x }}` inside a `range` block (5.0.0-beta8 to beta.112 render
# ldap.yaml so).
SETTING = re.compile(
    r"^    ([A-Z][A-Z0-9_]*): \{\{-? *(?:toJson |toYaml |int |quote )?\$?\.Values\.([A-Za-z0-9_.]+)"
)
# A file of the configmap's `data:` (`netbox.yaml`, `ldap.yaml`, which `ldap_config.py` loads).
SECTION = re.compile(r"^  ([A-Za-z0-9_.-]+): \|")
READ = re.compile(r"\.Values\.([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*)")
READ_WHOLE = re.compile(r"\.Values\.([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*)(?![A-Za-z0-9_.])")


def git(clone: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(clone), *args], check=True, capture_output=True, text=True).stdout


def order(version: str) -> tuple[int, ...]:
    """`5.0.0-beta.82` before `5.0.0`, after `4.1.1`."""
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)(?:-beta\.?(\d+))?", version)
    major, minor, patch, beta = match.groups()
    return (int(major), int(minor), int(patch), 0 if beta else 1, int(beta or 0))


# Between bootc's last tag (4.1.1, 2023-02-12) and the community's first (netbox-5.0.0-beta3,
# 2024-05-03) the chart was developed for fifteen months untagged, its Chart.yaml saying 4.1.1
# (after the tag), 4.2.0, 5.0.0 (bootc's own, not the community's later 5.0.0), 5.0.0-beta0 to
# beta2, and 5.0.0-beta3 before its tag; values
# copied from that branch are deployed (t227: bootc's 5.0.0 at 9f537a9, NetBox 3.4.4, with both
# `jobResultRetention` and `enableLocalization`). Each distinct state of those commits is read as a
# development snapshot, `<Chart.yaml version>+<commit>`, ordered between the two tags.
UNTAGGED = [("4.1.1", "netbox-5.0.0-beta3")]


def snapshots(clone: Path, after: str, before: str) -> list[tuple[str, str]]:
    """(name, commit) of each distinct state of the chart between two tags, oldest first."""
    out, seen = [], set()
    for commit in git(clone, "rev-list", "--reverse", "--topo-order", f"{after}..{before}").split()[:-1]:
        base = chart_directory(clone, commit)
        state = git(clone, "rev-parse", f"{commit}:{base}values.yaml", f"{commit}:{base}templates",
                    f"{commit}:{base}Chart.yaml")
        if state in seen:
            continue
        seen.add(state)
        version = (yaml.safe_load(git(clone, "show", f"{commit}:{base}Chart.yaml")) or {}).get("version")
        out.append((f"{version}+{commit[:7]}", commit))
    return out


def releases(clone: Path) -> list[tuple[str, str]]:
    """(version, tag) of each release of the `netbox` chart, oldest first: the final ones and the
    `5.0.0-beta.N` pre-releases (`5.0.0-beta3` to `beta5` without the dot; published, and
    deployed: trial ten met one), and the untagged development snapshots (`UNTAGGED`), as
    (name, commit), just before the tag that ends them."""
    out = []
    for tag in git(clone, "tag").split():
        version = tag.removeprefix("netbox-")
        if re.fullmatch(r"\d+\.\d+\.\d+(-beta\.?\d+)?", version) and (tag == version or tag.startswith("netbox-")):
            out.append((version, tag))
    out.sort(key=lambda pair: order(pair[0]))
    for after, before in UNTAGGED:
        at = next(index for index, (_, tag) in enumerate(out) if tag == before)
        out[at:at] = snapshots(clone, after, before)
    return out


def chart_directory(clone: Path, tag: str) -> str:
    names = git(clone, "ls-tree", "--name-only", tag, "charts/netbox/").split()
    return "charts/netbox/" if names else ""


def value_paths(values, prefix: str, paths: set[str], free: set[str], defaults: dict) -> None:
    if not isinstance(values, dict):
        return
    for key, value in values.items():
        path = f"{prefix}{key}"
        paths.add(path)
        defaults[path] = value
        if isinstance(value, list) or (isinstance(value, dict) and not value):
            free.add(path)
        elif isinstance(value, dict):
            value_paths(value, path + ".", paths, free, defaults)


def subcharts(clone: Path, tag: str, base: str) -> set[str]:
    """The names (or aliases) a release's values give its sub-charts."""
    names = set()
    for file in ("Chart.yaml", "requirements.yaml"):
        listed = git(clone, "ls-tree", "--name-only", tag, f"{base}{file}").strip()
        if not listed:
            continue
        for dependency in (yaml.safe_load(git(clone, "show", f"{tag}:{listed}")) or {}).get("dependencies") or []:
            names.add(dependency.get("alias") or dependency["name"])
    return names


def read_release(clone: Path, tag: str, bundled: set[str]) -> tuple[set[str], set[str], dict[str, tuple[str, str]], dict, set[str]]:
    base = chart_directory(clone, tag)
    values = yaml.safe_load(git(clone, "show", f"{tag}:{base}values.yaml")) or {}
    paths: set[str] = set()
    free: set[str] = {GLOBAL} | bundled
    defaults: dict = {}
    value_paths(values, "", paths, free, defaults)
    settings: dict[str, tuple[str, str]] = {}
    whole: set[str] = set()
    # The paths a template names itself (`.Values.tasksRedis.database`), not only values.yaml.
    named: set[str] = set()
    for name in git(clone, "ls-tree", "-r", "--name-only", tag, f"{base}templates/").split():
        text = git(clone, "show", f"{tag}:{name}")
        # A template reading `.Values.remoteAuth.ldap.serverUri` reads the maps above it: a
        # release whose values.yaml only comments the map out (4.0.1) still reads `ldap:`.
        for read in READ.findall(text):
            named.add(read)
            parts = read.split(".")
            paths.update(".".join(parts[:end]) for end in range(1, len(parts) + 1))
        whole.update(READ_WHOLE.findall(text))
        if name.endswith("/configmap.yaml"):
            section = ""
            for line in text.splitlines():
                if match := SECTION.match(line):
                    section = match.group(1)
                elif match := SETTING.match(line):
                    settings[match.group(2)] = (match.group(1), section)
    # A map a template takes whole (`toYaml .Values.securityContext`, `dict "imageRoot"
    # .Values.image`) passes on keys it does not name: its contents are free.
    free.update(path for path in whole if any(other.startswith(path + ".") for other in paths))
    return paths, free, settings, defaults, named


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--git", type=Path, required=True)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    order = releases(args.git)
    versions = [version for version, _ in order]
    bundled_by = [subcharts(args.git, tag, chart_directory(args.git, tag)) for _, tag in order]
    per_release = [read_release(args.git, tag, bundled) for (_, tag), bundled in zip(order, bundled_by)]
    all_free = sorted(set().union(*(free for _, free, _, _, _ in per_release)))
    # A sub-chart's key is free where a release bundles it, and read by no other release.
    bundled = {GLOBAL}.union(*bundled_by)
    all_paths = sorted(set().union(*(paths for paths, _, _, _, _ in per_release)) - bundled)
    pairs = sorted({(path, *setting) for _, _, settings, _, _ in per_release for path, setting in settings.items()})
    # The defaults of each path that becomes a setting, each value with the releases that have it:
    # the chart renders it whatever a values file says, so a file that repeats it changes nothing.
    defaults = {}
    for path, _, _ in pairs:
        values: dict[str, object] = {}
        for _, _, _, release_defaults, _ in per_release:
            if path in release_defaults:
                values.setdefault(json.dumps(release_defaults[path], sort_keys=True), release_defaults[path])
        if values:
            defaults[path] = [
                {"value": value,
                 "releases": ranges(versions, [path in d and key == json.dumps(d[path], sort_keys=True)
                                               for _, _, _, d, _ in per_release])}
                for key, value in values.items()
            ]
    inventory = {
        "about": "netbox-chart's values: the key paths each final release and pre-release reads, and each untagged development state between 4.1.1 and 5.0.0-beta3 (values.yaml and the templates' "
        ".Values references), the paths whose contents are free (an empty map or a list by default, or a "
        "sub-chart's), the nested paths a template names itself (named_below), the NetBox setting configmap.yaml's netbox.yaml (or ldap.yaml) makes of a path, and that path's defaults, each with the releases that have it; written by "
        "tools/inventories/netbox_chart_values.py",
        "releases": versions,
        "newest_commit": git(args.git, "rev-list", "-n", "1", order[-1][1]).strip(),
        "paths": {
            path: ranges(versions, [path in paths for paths, _, _, _, _ in per_release]) for path in all_paths
        },
        "free": {path: ranges(versions, [path in free for _, free, _, _, _ in per_release]) for path in all_free},
        # A key under a map that a template names (`.Values.tasksRedis.database`): a null map
        # above it is then read field by field. Keys only values.yaml holds are not here.
        "named_below": {
            path: ranges(versions, [path in named for _, _, _, _, named in per_release])
            for path in sorted({p for *_, named in per_release for p in named if "." in p} & set(all_paths))
        },
        "settings": [
            {"path": path, "setting": setting, "file": file,
             "releases": ranges(versions, [settings.get(path) == (setting, file) for _, _, settings, _, _ in per_release])}
            for path, setting, file in pairs
        ],
        "defaults": dict(sorted(defaults.items())),
    }
    text = json.dumps(inventory, indent=1, sort_keys=False) + "\n"
    return write_or_check(args.output, text, args.check, str(args.git),
                          f"{len(versions)} releases, {len(all_paths)} paths, {len(pairs)} settings")


if __name__ == "__main__":
    sys.exit(main())
