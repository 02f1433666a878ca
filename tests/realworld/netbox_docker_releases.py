#!/usr/bin/env python3
"""Run `lint --netbox-docker` on the checkout of every netbox-docker release, as published.

Each release's tree is netbox-docker's own stock deployment, written by nobody here: whatever
the checker says of it, it says of configuration an administrator starts from. This lists, for
every rule that fires, the releases it fires on, so a change that makes a rule fire on a stock
checkout shows at once (and each finding can be read against the release's files).

Stdlib only. It needs a clone of https://github.com/netbox-community/netbox-docker with its tags
(not fetched here: CI has no network but the package registries), and a built checker:

    python3 tests/realworld/netbox_docker_releases.py CLONE [--binary target/debug/mdbook-configcheck]
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path


def release_key(tag: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else -1 for part in tag.split("."))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clone", type=Path, help="a clone of netbox-docker with its tags")
    parser.add_argument("--binary", type=Path, default=Path("target/debug/mdbook-configcheck"))
    args = parser.parse_args()
    binary = args.binary.resolve()
    if not binary.is_file():
        sys.exit(f"{binary}: no checker built here (cargo build -p mdbook-configcheck)")
    tags = subprocess.run(
        ["git", "-C", str(args.clone), "tag"], check=True, capture_output=True, text=True
    ).stdout.split()
    tags = sorted((t for t in tags if all(p.isdigit() for p in t.split("."))), key=release_key)
    if not tags:
        sys.exit(f"{args.clone}: no release tags (a clone with its tags is needed)")
    fired: dict[str, list[str]] = defaultdict(list)
    counts = {"findings": 0, "errors": 0, "clean": 0}
    for tag in tags:
        with tempfile.TemporaryDirectory() as work:
            archive = subprocess.run(
                ["git", "-C", str(args.clone), "archive", "--format=tar", tag],
                check=True,
                capture_output=True,
            ).stdout
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(work, filter="data")
            run = subprocess.run(
                [str(binary), "lint", "--netbox-docker", ".", "--format", "json"],
                cwd=work,
                capture_output=True,
                text=True,
                timeout=60,
            )
        if run.returncode not in (0, 1):
            print(f"{tag}: the checker stopped (exit {run.returncode}): {run.stderr.strip()}")
            continue
        diagnostics = json.loads(run.stdout)["diagnostics"]
        counts["findings"] += len(diagnostics)
        counts["errors"] += sum(d["severity"] == "error" for d in diagnostics)
        counts["clean"] += not diagnostics
        release = "release named" if "no NetBox release named" not in run.stderr else "no release named"
        for rule in sorted({f'{d["rule"]} ({d["severity"]})' for d in diagnostics}):
            fired[rule].append(f"{tag}" + ("" if release == "release named" else "*"))
    print(f"{len(tags)} releases, {tags[0]} to {tags[-1]} (* = the checkout names no NetBox release: judged for the default)")
    print(f"{counts['findings']} findings, {counts['errors']} of them errors; {counts['clean']} releases without one")
    for rule, on in sorted(fired.items()):
        print(f"{rule}: {len(on)}: {' '.join(on)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
