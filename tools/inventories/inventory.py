"""What both inventory generators share: release order, string constants of a syntax tree, the
release ranges of a name, the digest that identifies a source, and writing (or checking) the data
file. Stdlib only; imported from the scripts beside it (Python puts a script's own directory on
its path)."""

from __future__ import annotations

import ast
import hashlib
import sys
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
