"""Build Authentik's simplified flow executor (SFE) from Authentik's web sources, for the e2e harness.

Why: the harness runs Authentik's Python core without its built web UI (that build is large and, for
2026.x, needs Node >= 24). Authentik serves the template ``if/flow-sfe.html`` instead of the full flow
UI when the user agent contains ``PKeyAuth`` or the query has ``sfe``
(``authentik/flows/views/interface.py``); that template loads only
``{% static 'dist/sfe/bootstrap.min.css' %}`` and ``{% static 'dist/sfe/index.js' %}``, which come
from ``web/packages/sfe``. That package builds from the npm registry alone once three in-repo
workspace links of Authentik's monorepo are replaced (see ``_edit_package_json`` and
``_edit_rollup_config``).

API: ``ensure_sfe(version, state, say) -> Path``. The returned directory ``D`` holds
``D/dist/sfe/index.js`` and ``D/dist/sfe/bootstrap.min.css``: serve ``D`` as Authentik's static root
(nginx ``location /static/ { alias D/; }``). Everything lives under ``state/sfe-<version>/``:

- ``build/web/packages/sfe``: a copy of the package from the archive, with the edits applied (the
  archive itself is only read; a rebuild unpacks it afresh and keeps only ``node_modules``), and ``build/web/packages/formdata-polyfill`` (Authentik's vendored
  polyfill, also from the archive); rollup writes to ``build/web/dist/sfe`` as it does upstream;
- ``static/dist/sfe/``: the result (``D`` is ``static``);
- ``npm.log``: the output of ``npm install`` and ``npm run build`` of the last build;
- ``sfe.done``: marker with the version and a hash of the inputs; when it matches, a call returns at
  once without unpacking or running npm.

Archives come from ``$E2E_AUTHENTIK_ARCHIVES`` (default: ``shared/vendor/authentik`` beside the
repository), named and pinned by sha256 in ``ARCHIVES``. Pins: every direct dependency is installed
at the exact version Authentik's own ``web/package-lock.json`` resolved (so npm never picks a newer
release, let alone a newer major, of those), except ``@goauthentik/api``, pinned per version below.
Transitive dependencies follow the ranges those exact versions declare.

A version not in ``ARCHIVES`` (``tests/e2e/run --newest`` against an unpinned release) is built from
GitHub's archive of its tag, passed as ``upstream`` (authentik_install downloads it; its top directory
is ``authentik-version-<version>/`` and it holds ``web/``), unchecked; its ``@goauthentik/api`` is the
registry's release of the same version, else the nearest of the same YYYY.M line (``choose_api``).

Standard library only; Python 3.11+.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shutil
import subprocess
import tarfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

DEFAULT_ARCHIVES = Path(__file__).resolve().parents[2].parent / "shared/vendor/authentik"
NPM_TIMEOUT = 1200  # seconds, per npm command (a cold install takes well under a minute here)
MIN_BUNDLE_BYTES = 50_000  # index.js bundles jQuery, core-js and the API models: far larger than this
EXECUTOR_PATH = "api/v3/flows/executor/"  # the flow executor API the bundle must call


class SfeError(Exception):
    """The SFE could not be built; the message names the step or command and the tail of its output."""


@dataclass(frozen=True)
class Source:
    archive: str  # file name in the archives directory; its top directory is authentik-<version>/
    sha256: str  # as listed in shared/vendor/authentik/SOURCES.md
    api: str  # exact @goauthentik/api version from the registry (see the notes at ARCHIVES)


# @goauthentik/api is Authentik's OpenAPI client, generated from its schema.yml. Neither version's own
# pin is on the registry, so each gets the registry release whose schema is nearest:
# - 2025.12.4: package.json/package-lock name 2025.12.0-rc1-1765566302 (not published to the
#   registry). 2025.12.5 is taken: its schema.yml already has the *_themed_urls fields that the
#   2025.12.4 serializers have (2025.12.0 and 2025.12.1 lack them) and differs from 2025.12.0 in
#   about a hundred lines, none in the challenge models the SFE uses.
# - 2026.5.0-rc1: package.json names "0.0.0", the in-repo generated client (web/packages/client-ts,
#   not in the archive). 2026.5.4 is the earliest registry release of the 2026.5 line it starts.
ARCHIVES: dict[str, Source] = {
    "2025.12.4": Source(
        archive="authentik-2025.12.4-web.tar.gz",
        sha256="bf8290fc70feb4084f9d3313ce4ea65466dd908febb25981834d5d1666af88c9",
        api="2025.12.5",
    ),
    "2026.5.0-rc1": Source(
        archive="authentik-2026.5.0-rc1-web.tar.gz",
        sha256="e3c4e2be348e2039e12137e354f8ed46d212fb6aa50b37861ba635dcff1c3871",
        api="2026.5.4",
    ),
}

# The one line of web/packages/sfe/rollup.config.mjs (same in both versions) that needs
# @goauthentik/core, Authentik's in-repo helper package (workspace-only, not on the registry).
CORE_IMPORT = 'const { resolvePackage, MonoRepoRoot } = await import("@goauthentik/core/paths/node");'
# What replaces it: the same two names, computed the way core/paths/node.js does. npm runs the build
# in build/web/packages/sfe, so the "monorepo root" is three levels up and the output lands in
# build/web/dist/sfe, as upstream. resolvePackage(name) is the directory of name's package.json.
CORE_REPLACEMENT = """\
// [netbox-sso e2e] Stand-in for Authentik's in-repo "@goauthentik/core/paths/node" (not on the
    // registry): the monorepo root is three levels above this package, and resolvePackage(name) is
    // the directory holding name's package.json, as seen from this package.
    const { createRequire } = await import("node:module");
    const MonoRepoRoot = join(process.cwd(), "..", "..", "..");
    const requireHere = createRequire(join(process.cwd(), "package.json"));
    const resolvePackage = (packageName) => join(requireHere.resolve(join(packageName, "package.json")), "..");"""


def archives_dir() -> Path:
    return Path(os.environ.get("E2E_AUTHENTIK_ARCHIVES") or DEFAULT_ARCHIVES)


def ensure_sfe(version: str, state: Path, say: Callable[[str], None], upstream: Path | None = None) -> Path:
    """Build (once) the SFE of Authentik ``version``; return the static root holding dist/sfe/.
    ``upstream``: for a version not in ARCHIVES, GitHub's (unchecked) archive of its tag."""
    source = ARCHIVES.get(version)
    if source is None and upstream is not None:
        source = _unpinned_source(version, Path(upstream), say)
    if source is None:
        raise SfeError(f"no SFE source known for Authentik {version!r}; known: {', '.join(ARCHIVES)}")
    home = Path(state) / f"sfe-{version}"
    static = home / "static"
    marker = home / "sfe.done"
    expected = {"version": version, "inputs": _inputs_hash(version, source)}
    if _done(marker, static, expected):
        return static

    home.mkdir(parents=True, exist_ok=True)
    with open(home / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another process may be building the same version
        if _done(marker, static, expected):
            return static
        marker.unlink(missing_ok=True)
        started = time.monotonic()
        _build(version, source, home, say)
        marker.write_text(json.dumps(expected, indent=1) + "\n")
        say(f"SFE {version}: ready in {time.monotonic() - started:.0f}s at {static}/dist/sfe")
    return static


# --------------------------------------------------------------------------------------------------
# unpinned releases


def _release_key(version: str) -> tuple[int, ...] | None:
    """(year, minor, patch) of a final YYYY.M.P, else None (rc and timestamped builds)."""
    m = re.fullmatch(r"(\d{4})\.(\d+)\.(\d+)", version)
    return tuple(int(x) for x in m.groups()) if m else None


def choose_api(version: str, available: list[str]) -> str:
    """The @goauthentik/api release for Authentik ``version``: the same version when the registry has
    it; else, of the final releases of the same YYYY.M line, the newest not newer than ``version``, or
    failing that the oldest (as 2026.5.4 was taken for 2026.5.0-rc1)."""
    if version in available:
        return version
    line = re.match(r"(\d{4})\.(\d+)\.", version)
    want = re.fullmatch(r"(\d{4})\.(\d+)\.(\d+)(?:-rc\d+)?", version)
    if not line or not want:
        raise SfeError(f"not an Authentik version: {version!r}")
    target = tuple(int(x) for x in want.groups())
    same_line = sorted(k for v in available if (k := _release_key(v)) and k[:2] == target[:2])
    if not same_line:
        raise SfeError(f"@goauthentik/api has no release of the {line.group(1)}.{line.group(2)} line for "
                       f"Authentik {version} on the registry")
    older = [k for k in same_line if k <= target]
    return ".".join(map(str, older[-1] if older else same_line[0]))


def _unpinned_source(version: str, archive: Path, say: Callable[[str], None]) -> Source:
    try:
        listed = subprocess.run(["npm", "view", "@goauthentik/api", "versions", "--json"], capture_output=True,
                                text=True, timeout=120)
        available = json.loads(listed.stdout) if listed.returncode == 0 else None
    except (OSError, subprocess.TimeoutExpired, ValueError) as error:
        raise SfeError(f"npm view @goauthentik/api versions failed: {error}") from error
    if not isinstance(available, list):
        raise SfeError(f"npm view @goauthentik/api versions failed:\n{_tail(listed.stdout + listed.stderr)}")
    api = choose_api(version, available)
    digest = _file_sha256(archive)
    say(f"SFE {version}: UNPINNED upstream archive {archive} (sha256 {digest}); @goauthentik/api {api}")
    return Source(archive=str(archive), sha256=digest, api=api)


def archive_top(names: list[str]) -> str:
    """The one top directory of an archive's member names (authentik-<version> in the -web archives,
    authentik-version-<version> in GitHub's tag archive)."""
    tops = {name.removeprefix("./").split("/", 1)[0] for name in names if name.removeprefix("./")}
    if len(tops) != 1:
        raise SfeError(f"expected one top directory, found {', '.join(sorted(tops)) or 'nothing'}")
    return tops.pop()


# --------------------------------------------------------------------------------------------------


def _inputs_hash(version: str, source: Source) -> str:
    """What a build depends on: the pinned archive, the pins and edits (this file), and Node's version."""
    digest = hashlib.sha256()
    for part in (version, source.archive, source.sha256, source.api, _node_version(),
                 hashlib.sha256(Path(__file__).read_bytes()).hexdigest()):
        digest.update(part.encode() + b"\0")
    return digest.hexdigest()


def _node_version() -> str:
    try:
        return subprocess.run(["node", "--version"], capture_output=True, text=True, timeout=60).stdout.strip()
    except (OSError, subprocess.TimeoutExpired) as error:
        raise SfeError(f"node --version failed: {error}; Node and npm are needed to build the SFE") from error


def _done(marker: Path, static: Path, expected: dict) -> bool:
    try:
        recorded = json.loads(marker.read_text())
    except (OSError, ValueError):
        return False
    return recorded == expected and all((static / "dist/sfe" / name).is_file() for name in ("index.js", "bootstrap.min.css"))


def _build(version: str, source: Source, home: Path, say: Callable[[str], None]) -> None:
    build = home / "build"
    web = build / "web"
    package = web / "packages" / "sfe"
    log = home / "npm.log"
    # A rebuild (new inputs) starts from fresh sources but keeps the previous node_modules: deleting its
    # ~15,000 files takes 20-40 s on these disks, and `npm install` brings it in line with the new
    # package.json anyway (the previous lock file is not kept).
    reuse = home / "node_modules.reuse"
    if (package / "node_modules").is_dir():
        shutil.rmtree(reuse, ignore_errors=True)
        (package / "node_modules").rename(reuse)
    if build.exists():
        shutil.rmtree(build)

    archive = archives_dir() / source.archive  # an unpinned source names an absolute path: taken as it is
    say(f"SFE {version}: unpacking {archive}")
    _check_sha256(archive, source.sha256)
    with tarfile.open(archive, "r:gz") as tar:
        top = archive_top(tar.getnames()) + "/web/"
    lock = _unpack(archive, top, web, ("packages/sfe/", "packages/formdata-polyfill/", "package-lock.json"))
    _edit_package_json(package, lock, source, version)
    _edit_rollup_config(package / "rollup.config.mjs", version)
    if reuse.is_dir():
        reuse.rename(package / "node_modules")

    log.write_text("")
    env = {**os.environ, "npm_config_update_notifier": "false", "npm_config_fund": "false",
           "npm_config_audit": "false"}
    # npm 11 leaves the install scripts of @swc/core (a check of its native binding) and core-js (a
    # banner) unrun unless allowed; the build needs neither: @swc/core loads the platform package
    # that npm installs as its optional dependency.
    say(f"SFE {version}: npm install (log: {log})")
    started = time.monotonic()
    _npm(["npm", "install", "--no-audit", "--no-fund"], package, env, log)
    say(f"SFE {version}: npm install took {time.monotonic() - started:.0f}s; building")
    started = time.monotonic()
    _npm(["npm", "run", "build"], package, env, log)
    say(f"SFE {version}: build took {time.monotonic() - started:.0f}s")

    out = web / "dist" / "sfe"
    bundle = out / "index.js"
    for name in ("index.js", "bootstrap.min.css"):
        if not (out / name).is_file():
            raise SfeError(f"SFE {version}: the build finished but wrote no {out / name} (see {log})")
    text = bundle.read_text(errors="replace")
    if len(text) < MIN_BUNDLE_BYTES or EXECUTOR_PATH not in text:
        raise SfeError(f"SFE {version}: {bundle} ({len(text)} bytes) is not the expected bundle "
                       f"(at least {MIN_BUNDLE_BYTES} bytes, calling {EXECUTOR_PATH}); see {log}")

    static = home / "static"
    fresh = home / "static.new"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(out, fresh / "dist" / "sfe")  # index.js, bootstrap.min.css (and its .map, 2026.x)
    shutil.rmtree(static, ignore_errors=True)
    fresh.rename(static)


def _file_sha256(archive: Path) -> str:
    digest = hashlib.sha256()
    try:
        with open(archive, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as error:
        raise SfeError(f"cannot read the Authentik web archive {archive}: {error} "
                       f"(set E2E_AUTHENTIK_ARCHIVES to the directory holding it)") from error
    return digest.hexdigest()


def _check_sha256(archive: Path, expected: str) -> None:
    actual = _file_sha256(archive)
    if actual != expected:
        raise SfeError(f"{archive} has sha256 {actual}, expected {expected}")


def _unpack(archive: Path, top: str, dest: Path, wanted: tuple[str, ...]) -> dict:
    """Extract the members under ``top`` that start with one of ``wanted`` into ``dest``; return the
    parsed web/package-lock.json (read in memory, not written)."""
    lock = None
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar:
            if not member.name.startswith(top):
                continue
            rel = member.name[len(top):]
            if not rel.startswith(wanted) or "node_modules/" in rel:
                continue
            if rel == "package-lock.json":
                lock = json.load(tar.extractfile(member))
                continue
            if ".." in Path(rel).parts or not (member.isfile() or member.isdir()):
                continue  # only plain files and directories, nothing outside dest
            target = dest / rel
            if member.isdir():
                target.mkdir(parents=True, exist_ok=True)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                with tar.extractfile(member) as src, open(target, "wb") as dst:
                    shutil.copyfileobj(src, dst)
    if lock is None or not (dest / "packages/sfe/package.json").is_file():
        raise SfeError(f"{archive} lacks {top}package-lock.json or {top}packages/sfe/package.json")
    return lock


def _locked_version(lock: dict, name: str) -> str | None:
    """The version Authentik's lock file resolved for ``name`` as seen from web/packages/sfe."""
    packages = lock.get("packages", {})
    for key in (f"packages/sfe/node_modules/{name}", f"node_modules/{name}"):
        entry = packages.get(key)
        if entry and not entry.get("link") and entry.get("version"):
            return entry["version"]
    return None


def _edit_package_json(package: Path, lock: dict, source: Source, version: str) -> None:
    path = package / "package.json"
    manifest = json.loads(path.read_text())
    deps: dict[str, str] = manifest.get("dependencies", {})

    # Substitution 1: @goauthentik/api, Authentik's generated API client. Upstream resolves it from
    # the workspace (2026.x) or a version not on the registry (2025.12.x); use the registry release
    # chosen in ARCHIVES, exactly.
    deps["@goauthentik/api"] = source.api
    # Substitution 2: formdata-polyfill is Authentik's vendored copy (web/packages/formdata-polyfill,
    # version 2025.11.0, a workspace package). It is in the archive, so link that copy instead of the
    # registry's formdata-polyfill (whose 4.x is the same upstream code in another packaging).
    deps["formdata-polyfill"] = "file:../formdata-polyfill"
    # Substitution 3: @goauthentik/core is workspace-only; the rollup config no longer imports it
    # (see _edit_rollup_config), so drop it.
    deps.pop("@goauthentik/core", None)

    # Pins: every other direct dependency at the exact version Authentik's lock file resolved.
    for name, spec in list(deps.items()):
        if name in ("@goauthentik/api", "formdata-polyfill"):
            continue
        locked = _locked_version(lock, name)
        if locked is None:
            raise SfeError(f"SFE {version}: web/package-lock.json resolves no version of {name} ({spec})")
        deps[name] = locked
    # Optional platform packages of @swc/core: pinned the same way; one the lock does not list is
    # left out (@swc/core names its platform package at its own exact version anyway).
    optional: dict[str, str] = manifest.get("optionalDependencies", {})
    for name in list(optional):
        locked = _locked_version(lock, name)
        if locked is None:
            del optional[name]
        else:
            optional[name] = locked
    path.write_text(json.dumps(manifest, indent=4) + "\n")


def _edit_rollup_config(path: Path, version: str) -> None:
    text = path.read_text()
    if text.count(CORE_IMPORT) != 1:
        raise SfeError(f"SFE {version}: {path} no longer contains, once, the line to replace: {CORE_IMPORT}")
    path.write_text(text.replace(CORE_IMPORT, CORE_REPLACEMENT))


def _npm(cmd: list[str], cwd: Path, env: dict, log: Path) -> None:
    shown = " ".join(cmd)
    with open(log, "a") as handle:
        handle.write(f"\n$ cd {cwd} && {shown}\n")
        handle.flush()
        started = time.monotonic()
        try:
            result = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    text=True, timeout=NPM_TIMEOUT)
        except subprocess.TimeoutExpired as error:
            output = error.output.decode(errors="replace") if isinstance(error.output, bytes) else (error.output or "")
            handle.write(output + f"\n[timed out after {NPM_TIMEOUT}s]\n")
            raise SfeError(f"`{shown}` (in {cwd}) timed out after {NPM_TIMEOUT}s; log: {log}\n{_tail(output)}") from error
        except OSError as error:
            raise SfeError(f"`{shown}` (in {cwd}) could not start: {error}") from error
        handle.write(result.stdout + f"\n[exit {result.returncode} after {time.monotonic() - started:.1f}s]\n")
    if result.returncode != 0:
        raise SfeError(f"`{shown}` (in {cwd}) exited with {result.returncode}; log: {log}\n{_tail(result.stdout)}")


def _tail(text: str, lines: int = 40) -> str:
    return "\n".join((text or "").rstrip().splitlines()[-lines:])
