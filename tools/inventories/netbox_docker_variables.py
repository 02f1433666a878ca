"""netbox-docker's environment variables: every name a release of its image reads, and the
releases that read it, from its own files (read, never run).

A variable is read where the configuration the image ships takes it from the environment
(`configuration/*.py`, `configuration/ldap/*.py`, and the `docker/*.py` of older releases:
`environ.get('NAME'`, `environ['NAME']`, `_environ_get_and_map('NAME'`, `'NAME' in environ`,
`getenv('NAME'`), or where its scripts (`docker/*.sh`) expand it (`$NAME`, `${NAME…}`); lines
that are comments are left out (a commented example reads nothing). The
scripts' own variables (a loop's counter, `PATH`) are listed too: the list says what may be read,
so a name on it is never called unread.

Releases after the newest tag of the clone are read from their `configuration.py` given with
`--later FILE` (a file's names count as read by the release named `later`).

Stdlib only; reads a clone of https://github.com/netbox-community/netbox-docker with its tags
(the `fetch` tool's mirror holds its tags up to 3.0.2; the first that reads a variable is 0.3.1):

    python3 tools/inventories/netbox_docker_variables.py --git CLONE [--later configuration.py] \
        -o preprocessor/data/netbox-docker-variables.json [--check]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

from inventory import ranges, version_key, write_or_check

PYTHON_READS = [
    r"environ\.get\(\s*['\"]([A-Z][A-Z0-9_]*)['\"]",
    r"environ\[\s*['\"]([A-Z][A-Z0-9_]*)['\"]\s*\]",
    r"_environ_get_and_map\(\s*['\"]([A-Z][A-Z0-9_]*)['\"]",
    r"['\"]([A-Z][A-Z0-9_]*)['\"]\s+in\s+environ",
    r"getenv\(\s*['\"]([A-Z][A-Z0-9_]*)['\"]",
]
SHELL_READS = [r"\$\{([A-Z][A-Z0-9_]*)", r"\$([A-Z][A-Z0-9_]*)"]


def git(clone: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=clone, capture_output=True, text=True, check=True).stdout


def names_in(path: str, text: str) -> set[str]:
    patterns = PYTHON_READS if path.endswith(".py") else SHELL_READS if path.endswith(".sh") else []
    # A commented-out example reads nothing (logging.py's `# LOGLEVEL = environ.get('LOGLEVEL', …)`).
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    return {name for pattern in patterns for name in re.findall(pattern, code)}


def read_by_tag(clone: Path, tag: str) -> tuple[set[str], set[str]]:
    """The names the release's Python configuration reads, and those its scripts expand."""
    python: set[str] = set()
    scripts: set[str] = set()
    for path in git(clone, "ls-tree", "-r", "--name-only", tag).split():
        if path.startswith(("configuration/", "docker/")):
            names = names_in(path, git(clone, "show", f"{tag}:{path}"))
            (python if path.endswith(".py") else scripts).update(names)
    return python, scripts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--git", type=Path, required=True, help="a clone of netbox-docker with its tags")
    parser.add_argument("--later", type=Path, action="append", default=[], help="configuration.py of a later release")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--check", action="store_true", help="only compare with the committed file")
    args = parser.parse_args()
    tags = sorted((t for t in git(args.git, "tag").split() if re.fullmatch(r"\d+\.\d+\.\d+", t)), key=version_key)
    read = {tag: read_by_tag(args.git, tag) for tag in tags}
    releases = list(tags)
    if args.later:
        releases.append("later")
        read["later"] = (set().union(*(names_in("configuration.py", p.read_text()) for p in args.later)), set())

    def by_release(kind: int) -> dict[str, list[list[str]]]:
        names = sorted(set().union(*(r[kind] for r in read.values())))
        return {name: ranges(releases, [name in read[r][kind] for r in releases]) for name in names}

    inventory = {
        "about": "netbox-docker: the environment variables each release's configuration reads, and those its scripts expand (tools/inventories/netbox_docker_variables.py)",
        "releases": releases,
        "configuration": by_release(0),
        "scripts": by_release(1),
    }
    text = json.dumps(inventory, indent=1, sort_keys=True) + "\n"
    return write_or_check(args.output, text, args.check, f"{args.git} and {len(args.later)} later file(s)",
                          f"{len(inventory['configuration'])} variables read by the configuration, "
                          f"{len(inventory['scripts'])} by the scripts, over {len(releases)} releases")


if __name__ == "__main__":
    sys.exit(main())
