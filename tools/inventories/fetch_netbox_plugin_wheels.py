"""Fetch the newest wheel of every distribution on the package index whose name holds `netbox`,
for netbox_plugins.py: the names from the index's simple listing, each release's files from its
JSON API (the newest release's first wheel; distributions with none are skipped and listed).

    python3 tools/inventories/fetch_netbox_plugin_wheels.py DIR

The index grows: run again, the set differs. The committed data/netbox-plugins.json was made from
the index on 2026-12-01 (389 wheels of 439 names; 40 had no wheel, 10 no JSON page).
"""

from __future__ import annotations

import concurrent.futures
import json
import re
import sys
import urllib.parse
import urllib.request
from pathlib import Path

INDEX = "https://pypi.org/simple/"


def names() -> list[str]:
    with urllib.request.urlopen(INDEX, timeout=120) as response:
        listing = response.read().decode("utf-8", "replace")
    return sorted({n for n in re.findall(r'">([^<]*)</a>', listing) if "netbox" in n.lower()})


def fetch(name: str, into: Path) -> tuple[str, str]:
    page = f"https://pypi.org/pypi/{name}/json"
    try:
        with urllib.request.urlopen(page, timeout=60) as response:
            release = json.load(response)
    except OSError as error:
        return name, f"no JSON page ({error})"
    wheels = [u for u in release.get("urls", []) if u["packagetype"] == "bdist_wheel"]
    if not wheels:
        return name, "no wheel"
    target = into / wheels[0]["filename"]
    if not target.exists():
        urllib.request.urlretrieve(urllib.parse.urljoin(page, wheels[0]["url"]), target)
    return name, "ok"


def main() -> int:
    into = Path(sys.argv[1])
    into.mkdir(parents=True, exist_ok=True)
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        results = list(pool.map(lambda n: fetch(n, into), names()))
    for name, outcome in results:
        if outcome != "ok":
            print(f"{name}: {outcome}", file=sys.stderr)
    print(f"{sum(o == 'ok' for _, o in results)} wheels of {len(results)} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
