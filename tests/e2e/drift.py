"""Drift: what ``tests/e2e/run --newest`` needs besides the harness itself, as small pure functions.

- ``newest_netbox(pip_output)``: the newest final release in the output of ``pip index versions netbox``;
- ``authentik_key(version)``, ``newest_authentik(env_value, known)``: Authentik's versions
  (``2026.8.7``, ``2026.5.0-rc1``) ordered, and the one ``--newest`` runs against;
- ``newest_release_tag(releases)``: the newest final ``version/YYYY.M.P`` in GitHub's release list of
  goauthentik/authentik (the scheduled workflow exports it as ``E2E_AUTHENTIK_NEWEST``);
- ``drift_lines(record, current, netbox, authentik)``: one line per scenario whose result differs from
  the committed ``verification/record.json`` (format 1 or 2).

Command line (used by .github/workflows/drift.yml)::

    python3 tests/e2e/drift.py authentik-newest < releases.json   # prints e.g. 2026.8.7

Standard library only; Python 3.11 or later.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from typing import Iterable

AUTHENTIK_VERSION = re.compile(r"^(\d{4})\.(\d+)\.(\d+)(?:-rc(\d+))?$")
FINAL = re.compile(r"^\d+(?:\.\d+)*$")


class DriftError(ValueError):
    """A version could not be determined; the message says from what."""


# --- versions -----------------------------------------------------------------------------------------

def _final_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def newest_netbox(pip_output: str) -> str:
    """The newest final release in ``pip index versions netbox`` output. pip prints ``netbox (X)`` and
    ``Available versions: a, b, …`` (pre-releases only with --pre; skipped here anyway), possibly with
    warnings around them."""
    versions: list[str] = []
    for line in pip_output.splitlines():
        if m := re.match(r"^\s*Available versions:\s*(.*)$", line):
            versions += [v.strip() for v in m.group(1).split(",")]
    finals = [v for v in versions if FINAL.match(v)]
    if not finals:
        # An older pip without the list: the "name (version)" line
        finals = [m.group(1) for line in pip_output.splitlines()
                  if (m := re.match(r"^\s*netbox\s+\((\d+(?:\.\d+)*)\)\s*$", line, re.IGNORECASE))]
    if not finals:
        raise DriftError("no final release of netbox in the output of `pip index versions netbox`:\n"
                         + "\n".join(pip_output.strip().splitlines()[-10:]))
    return max(finals, key=_final_key)


def authentik_key(version: str) -> tuple[int, int, int, int, int]:
    """Sort key: 2026.5.0-rc1 < 2026.5.0 < 2026.5.1 < 2026.8.0."""
    m = AUTHENTIK_VERSION.match(version)
    if not m:
        raise DriftError(f"not an Authentik version: {version!r} (expected YYYY.M.P or YYYY.M.P-rcN)")
    year, minor, patch, rc = m.groups()
    return (int(year), int(minor), int(patch), 0 if rc else 1, int(rc or 0))


def newest_authentik(env_value: str | None, known: Iterable[str]) -> str:
    """``E2E_AUTHENTIK_NEWEST`` when set (checked to be a version), else the newest known version."""
    if env_value and env_value.strip():
        value = env_value.strip().removeprefix("version/")
        authentik_key(value)
        return value
    known = list(known)
    if not known:
        raise DriftError("no Authentik version known and E2E_AUTHENTIK_NEWEST is not set")
    return max(known, key=authentik_key)


def newest_release_tag(releases: list[dict]) -> str:
    """The newest final release in GitHub's ``GET /repos/goauthentik/authentik/releases`` answer (tags
    ``version/YYYY.M.P``; drafts, pre-releases and release candidates skipped). Not ``releases/latest``:
    Authentik also publishes patches of older lines, and GitHub's "latest" is the most recent by date."""
    found = []
    for entry in releases:
        tag = str(entry.get("tag_name", ""))
        if entry.get("draft") or entry.get("prerelease") or not tag.startswith("version/"):
            continue
        version = tag.removeprefix("version/")
        if AUTHENTIK_VERSION.match(version) and "-rc" not in version:
            found.append(version)
    if not found:
        raise DriftError("no final version/YYYY.M.P release in the list")
    return max(found, key=authentik_key)


# --- the difference -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Now:
    """A scenario's result in this run: ok, and its first problem when it failed."""
    ok: bool
    problem: str = ""


def _one_line(text: str, limit: int = 300) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit] + " …"


def _recorded_authentik(record: dict, scenario: dict) -> str:
    """Which Authentik the record's result of this scenario came from."""
    per_version = scenario.get("authentik")
    if isinstance(per_version, dict) and per_version:
        wanted = scenario.get("result")
        versions = [v for v, r in per_version.items() if not wanted or r.get("result") == wanted] or list(per_version)
        return ", ".join(versions)
    emulator = record.get("versions", {}).get("authentik_emulator")
    return f"the emulator {emulator}" if emulator else "(not recorded)"


def drift_lines(record: dict, current: dict[str, Now], netbox: str, authentik: str,
                complete: bool = True) -> list[str]:
    """One line per scenario whose result differs from the record's. ``current``: this run's results
    by scenario name; ``complete``: the run covered every scenario (else the record's scenarios missing
    from it are not reported)."""
    date = str(record.get("verified_at", "?"))[:10]
    recorded_netbox = record.get("versions", {}).get("netbox", "?")
    now_against = f"against NetBox {netbox} / Authentik {authentik}"
    by_name = {s.get("name"): s for s in record.get("scenarios", [])}
    lines = []
    for name, now in current.items():
        old = by_name.get(name)
        verb = "passes now" if now.ok else "fails now"
        tail = "" if now.ok else f": {_one_line(now.problem) or '(no problem recorded)'}"
        if old is None:
            lines.append(f"{name}: not in the record of {date}, {verb} {now_against}{tail}")
            continue
        old_ok = old.get("result") == "pass"
        if old_ok == now.ok:
            continue
        then = (f"{'passed' if old_ok else 'failed'} on {date} against NetBox {recorded_netbox} / "
                f"Authentik {_recorded_authentik(record, old)}")
        lines.append(f"{name}: {then}, {verb} {now_against}{tail}")
    if complete:
        for name in by_name:
            if name not in current:
                lines.append(f"{name}: in the record of {date}, not run now (the guide no longer has it)")
    return lines


def main(argv: list[str]) -> int:
    if argv[1:] == ["authentik-newest"]:
        try:
            print(newest_release_tag(json.load(sys.stdin)))
        except (DriftError, ValueError, AttributeError, TypeError) as exc:
            print(f"drift.py: {exc}", file=sys.stderr)
            return 1
        return 0
    print("usage: drift.py authentik-newest < releases.json", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
