"""What both inventory generators share: release order, string constants of a syntax tree, the
release ranges of a name, the digest that identifies a source, and writing (or checking) the data
file. Stdlib only; imported from the scripts beside it (Python puts a script's own directory on
its path)."""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def const_str(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def ranges(versions: list[str], present: list[bool]) -> list[list[str]]:
    """The inclusive [first, last] runs of `versions` (oldest first) in which `present` holds."""
    out: list[list[str]] = []
    start = None
    for index, (version, here) in enumerate(zip(versions, present)):
        if here and start is None:
            start = version
        if start is not None and (not here or index == len(versions) - 1):
            out.append([start, version if here else versions[index - 1]])
            start = None
    return out


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_or_check(output: Path, text: str, check: bool, sources: str, summary: str) -> int:
    """Write `text` to `output` and say `summary`; with `check`, only compare (exit status 1 when
    the committed file is not what `sources` give)."""
    if check:
        if output.read_text() != text:
            print(f"{output} differs from what {sources} give: regenerate it", file=sys.stderr)
            return 1
        print(f"{output}: up to date", file=sys.stderr)
        return 0
    output.write_text(text)
    print(f"{output}: {summary}", file=sys.stderr)
    return 0


def wheel_names_command(doc: str, package: str, wheel_name: str, names_of: Callable[[zipfile.ZipFile, Path], set[str]],
                        about: str, field: str) -> int:
    """The command a wheel inventory is: `--wheel W …  -o FILE [--check]`. Each wheel (its file
    name matching the pattern `wheel_name`, then -X.Y[.Z]-….whl) gives its names through `names_of`; the file lists the
    releases, the wheels' digests, and each name with the runs of releases (under `field`) that
    hold it."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--wheel", action="append", type=Path, required=True, help=f"a {package} wheel")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--check", action="store_true", help="only compare with the committed file")
    args = parser.parse_args()

    def version(path: Path) -> str:
        match = re.match(wheel_name + r"-(\d+\.\d+(?:\.\d+)?)-", path.name)
        if not match:
            raise SystemExit(f"{path}: not the name of a {package} wheel (NAME-X.Y.Z-….whl)")
        return match.group(1)

    wheels = sorted(args.wheel, key=lambda w: version_key(version(w)))
    versions = [version(w) for w in wheels]
    per_release: list[set[str]] = []
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            per_release.append(names_of(archive, wheel))
    every = sorted(set().union(*per_release))
    data = {
        "about": about,
        "releases": versions,
        "sources": [{"wheel": w.name, "sha256": sha256(w)} for w in wheels],
        "settings": [{"name": name, field: ranges(versions, [name in names for names in per_release])}
                     for name in every],
    }
    text = json.dumps(data, indent=1) + "\n"
    return write_or_check(args.output, text, args.check, f"the {package} wheels",
                          f"{len(every)} names from {len(wheels)} {package} releases")
