"""Install Authentik's Python core (its Django application, run by gunicorn without Authentik's front
server or worker) for the end-to-end harness, idempotently, into a state directory.

Authentik publishes no server package on a package registry, so its source comes from a release
archive: the ``-python`` archives in ``$E2E_AUTHENTIK_ARCHIVES`` (default ``<repo>/../shared/vendor/
authentik``), checked against the sha256 in RELEASES; where none is there, the upstream release
archive of the tag is downloaded from GitHub and its commit checked (a machine without network
cannot take that path). A version not in RELEASES runs only when ``allow_unpinned(version)`` was called
(``tests/e2e/run --newest``): its upstream tag archive is downloaded, nothing is checked, its sha256 and
commit are printed instead, and its Python is the one its pyproject.toml's ``requires-python`` names.
Each release needs its own Python:

- 2025.12.x: ``==3.13.*``, pyenv's 3.13 build (``$(pyenv root)/versions/3.13*``);
- 2026.x: ``==3.14.*``, which only Debian sid has (it needs a newer glibc than the host's): a
  ``debootstrap --variant=minbase sid`` chroot in ``<state>/sid-root``, from the Debian mirror the
  host's apt sources name. Commands run in it through ``Runtime.wrap`` inside ``Runtime.mounted()``,
  which mounts /proc, /dev, /dev/shm and the state directory at the same absolute path, so every
  path under the state directory is the same inside the chroot and out.

The virtual environment gets Authentik's locked runtime dependencies (``uv export --frozen`` of the
source's uv.lock, uv from the package index in a small tool venv) with two substitutions: the git
dependency ``opencontainers`` becomes the package index's ``opencontainers==0.0.15`` and
``psycopg-c`` (a C build) becomes ``psycopg-binary`` of the same version; then the four Python
workspace packages under ``packages/`` with ``--no-deps``. pip uses its configured index; its output
goes to ``<state>/logs/``.

Layout of the state directory::

    archives/authentik-<version>-upstream.tar.gz   downloaded release archive (only without a local one,
                                                   or for an unpinned version)
    authentik-<version>/src/                       unpacked source (cwd for lifecycle.migrate, gunicorn)
    authentik-<version>/requirements.txt           the exported, substituted requirements
    authentik-<version>/venv/                      its virtual environment
    authentik-<version>/prom/                      PROMETHEUS_MULTIPROC_DIR
    sid-root/, sid-root.done                       the Debian sid chroot for Python 3.14, and its marker
    tools/uv/                                      the tool venv with uv
    logs/                                          debootstrap, apt and pip output
    locks/<item>.lock                              held (flock) while ensure_* change that item

Only the standard library; Python 3.11 or later. Runs as root (debootstrap, chroot, mount).
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

REPO = Path(__file__).resolve().parents[2]
DEFAULT_ARCHIVES = REPO.parent / "shared" / "vendor" / "authentik"
UPSTREAM_ARCHIVE_URL = "https://github.com/goauthentik/authentik/archive/refs/tags/{tag}.tar.gz"


class InstallError(RuntimeError):
    """Anything that stops an installation; the message says what and where."""


@dataclass(frozen=True)
class Release:
    version: str
    archive: str  # file name in $E2E_AUTHENTIK_ARCHIVES
    sha256: str  # of that archive
    commit: str  # upstream commit the archive was cut from
    tag: str  # upstream tag, for the download path
    python: str  # "3.13" (pyenv) or "3.14" (Debian sid chroot)
    upstream_sha256: str | None = None  # of GitHub's tag archive, when known (not measured here)
    pinned: bool = True  # False: allow_unpinned(), nothing above is known but the tag


# What the Python core needs of a source tree: the top-level entries of the -python archives (also
# all that is taken from GitHub's archive of the whole repository).
SOURCE_PARTS = ("LICENSE", "authentik", "blueprints", "lifecycle", "manage.py", "packages", "pyproject.toml",
                "schemas", "uv.lock")


RELEASES: dict[str, Release] = {
    r.version: r
    for r in (
        Release("2025.12.4", "authentik-2025.12.4-python.tar.gz",
                "7bd8fed4760bc7ef38fcf83e1cecf175b8ccd21ed8a32014aab9d808a12b5ca0",
                "ff4e3df0df51cb8de9847fefa565669b56f004e0", "version/2025.12.4", "3.13"),
        Release("2026.5.0-rc1", "authentik-2026.5.0-rc1-python.tar.gz",
                "08f82416a33e5b937947766e05b51bee3abaca91ce9eb8a97925dc136b1889db",
                "addbf5a2f613c16a80dbdbc39523cfda1abd0add", "version/2026.5.0-rc1", "3.14"),
    )
}

# The four Python workspace packages (the others under packages/ are JavaScript, Go or Rust).
WORKSPACE_PACKAGES = ["ak-guardian", "django-channels-postgres", "django-dramatiq-postgres", "django-postgres-cache"]
# Debian sid packages of the chroot: Python 3.14 plus what building gssapi needs.
SID_PACKAGES = ["python3.14", "python3.14-venv", "python3.14-dev", "gcc", "libc6-dev", "libkrb5-dev",
                "krb5-config", "pkg-config", "libpq5", "ca-certificates"]
# Debian packages the host needs to build gssapi for the pyenv interpreter.
HOST_BUILD_PACKAGES = ["libkrb5-dev", "krb5-config"]
UV_REQUIREMENT = "uv==0.13.9"  # the uv these installs were measured with

Say = Callable[[str], None]


_UNPINNED: dict[str, Release] = {}
_said: set[tuple[str, str]] = set()  # unpinned archives whose sha256 this process has said already


def allow_unpinned(version: str) -> Release:
    """Let `version` be installed although RELEASES does not pin it (tests/e2e/run --newest): from
    GitHub's archive of its tag, unchecked (its sha256 and commit are said instead), with the Python its
    pyproject.toml asks for. A pinned version stays pinned."""
    if version in RELEASES:
        return RELEASES[version]
    if not re.fullmatch(r"\d{4}\.\d+\.\d+(-rc\d+)?", version):
        raise InstallError(f"not an Authentik version: {version!r} (expected YYYY.M.P or YYYY.M.P-rcN)")
    rel = Release(version, archive="", sha256="", commit="", tag=f"version/{version}", python="", pinned=False)
    _UNPINNED[version] = rel
    return rel


def release(version: str) -> Release:
    try:
        return RELEASES.get(version) or _UNPINNED[version]
    except KeyError:
        raise InstallError(f"unknown Authentik version {version!r}; known: {', '.join(RELEASES)}") from None


def upstream_archive(version: str, state: Path) -> Path:
    """Where the downloaded tag archive of `version` is kept (it holds web/ too: authentik_sfe reads it)."""
    return state / "archives" / f"authentik-{version}-upstream.tar.gz"


def python_minor(pyproject: str) -> str:
    """The Python minor version ("3.14") that a pyproject.toml's ``requires-python`` pins: ``==3.14.*``,
    ``==3.14.2``, ``~=3.14.0`` or ``>=3.14,<3.15``. Anything wider is an InstallError: the harness
    needs one interpreter, and guessing could pick one the lock file was not resolved for."""
    import tomllib
    try:
        spec = str(tomllib.loads(pyproject).get("project", {}).get("requires-python", ""))
    except tomllib.TOMLDecodeError as exc:
        raise InstallError(f"pyproject.toml does not parse: {exc}") from exc
    clauses = [c.strip() for c in spec.split(",") if c.strip()]
    minors: set[str] = set()
    lower = upper = None
    for clause in clauses:
        if m := re.fullmatch(r"(==|~=)\s*3\.(\d+)(?:\.(\*|\d+))?", clause):
            if m.group(1) == "~=" and m.group(3) is None:
                raise InstallError(f"requires-python {spec!r} allows more than one minor version")
            minors.add(f"3.{m.group(2)}")
        elif m := re.fullmatch(r">=\s*3\.(\d+)(?:\.\d+)?", clause):
            lower = int(m.group(1))
        elif m := re.fullmatch(r"<\s*3\.(\d+)(?:\.0)?", clause):
            upper = int(m.group(1))
        else:
            raise InstallError(f"requires-python {spec!r}: clause {clause!r} not understood")
    if lower is not None and upper == lower + 1:
        minors.add(f"3.{lower}")
    elif lower is not None or upper is not None:
        if not minors:
            raise InstallError(f"requires-python {spec!r} does not name one minor version")
    if len(minors) != 1:
        raise InstallError(f"requires-python {spec!r} does not name one minor version")
    return minors.pop()


def _run(cmd: list[str], say: Say | None = None, log: Path | None = None, what: str = "",
         **kwargs) -> subprocess.CompletedProcess:
    """Run cmd; its output goes to log (appended) when given. A non-zero exit is an InstallError naming
    the command, the log and its last lines."""
    cmd = [str(c) for c in cmd]
    if log is None:
        proc = subprocess.run(cmd, text=True, capture_output=True, **kwargs)
        output = proc.stdout + proc.stderr
    else:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a") as out:
            out.write(f"\n$ {' '.join(cmd)}\n")
            out.flush()
            proc = subprocess.run(cmd, text=True, stdout=out, stderr=subprocess.STDOUT, **kwargs)
        output = log.read_text(errors="replace")
    if proc.returncode != 0:
        last = "\n".join(output.strip().splitlines()[-25:])
        where = f" (full output: {log})" if log else ""
        raise InstallError(f"{what or cmd[0]} failed with exit status {proc.returncode}: {' '.join(cmd)}"
                           f"{where}\n{last}")
    return proc


_held = threading.local()  # the locks this thread holds, counted (re-entrant within a thread)


@contextlib.contextmanager
def _locked(state: Path, item: str) -> Iterator[None]:
    """An exclusive lock on one thing in the state directory (<state>/locks/<item>.lock: a version's
    tree, the sid chroot) while it is being changed, so two processes or threads sharing the state
    (two harness runs, the harness preparing two versions at once, a manual try) never build the same
    thing at once, and different things do not wait for each other. Re-entrant within a thread."""
    key = f"{state.resolve()}/{item}"
    counts: dict[str, int] = _held.__dict__.setdefault("counts", {})
    if counts.get(key):
        counts[key] += 1
        try:
            yield
        finally:
            counts[key] -= 1
        return
    (state / "locks").mkdir(parents=True, exist_ok=True)
    with (state / "locks" / f"{item}.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        counts[key] = 1
        try:
            yield
        finally:
            counts[key] = 0
            fcntl.flock(lock, fcntl.LOCK_UN)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# --- source -------------------------------------------------------------------------------------------

def archives_dir() -> Path:
    return Path(os.environ.get("E2E_AUTHENTIK_ARCHIVES") or DEFAULT_ARCHIVES)


def _download_upstream(rel: Release, state: Path, say: Say) -> Path:
    """GitHub's archive of the release tag. Not exercised on the project's machines, which reach only
    package registries: written for a reader's machine. The archive carries its commit in the pax
    global header (``git archive`` writes it); that commit must be the one in RELEASES, and when
    RELEASES knows the archive's sha256 that must match too. An unpinned release is not checked: its
    sha256 and commit are said, for the run's output."""
    target = upstream_archive(rel.version, state)
    if not target.exists():
        url = UPSTREAM_ARCHIVE_URL.format(tag=rel.tag)
        say(f"authentik {rel.version}: no local archive; downloading {url}")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        try:
            with urllib.request.urlopen(url, timeout=60) as response, partial.open("wb") as out:
                shutil.copyfileobj(response, out)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            where = (f"no archive {rel.archive} in {archives_dir()} (set E2E_AUTHENTIK_ARCHIVES) and "
                     if rel.pinned else "unpinned release: ")
            raise InstallError(f"authentik {rel.version}: {where}downloading {url} failed: {exc}") from exc
        partial.rename(target)
    if not rel.pinned:
        with tarfile.open(target) as tar:
            commit = tar.pax_headers.get("comment", "") or "(none recorded)"
        if (rel.version, str(target)) in _said:
            return target
        _said.add((rel.version, str(target)))
        say(f"authentik {rel.version}: UNPINNED upstream archive {target.name}: sha256 {_sha256(target)}, "
            f"commit {commit} (not in authentik_install.RELEASES; nothing checked)")
        return target
    if rel.upstream_sha256 and (actual := _sha256(target)) != rel.upstream_sha256:
        raise InstallError(f"{target}: sha256 {actual}, expected {rel.upstream_sha256}; delete it to download again")
    with tarfile.open(target) as tar:
        commit = tar.pax_headers.get("comment", "")
    if commit != rel.commit:
        raise InstallError(f"{target}: archive of commit {commit or '(none recorded)'}, expected {rel.commit} "
                           f"for tag {rel.tag}; delete it to download again")
    return target


def source_top(names: list[str]) -> str:
    """The one top directory of a source archive's member names that holds manage.py: ``authentik-
    <version>/`` in the -python archives, ``authentik-version-<version>/`` in GitHub's tag archive."""
    tops = {name.removeprefix("./").split("/", 1)[0] for name in names if name.removeprefix("./")}
    if len(tops) != 1:
        raise InstallError(f"expected one top directory, found {', '.join(sorted(tops)) or 'nothing'}")
    top = tops.pop()
    if f"{top}/manage.py" not in {name.removeprefix("./") for name in names}:
        raise InstallError(f"the top directory {top}/ holds no manage.py")
    return top


def _source_members(tar: tarfile.TarFile) -> tuple[str, list[tarfile.TarInfo]]:
    """The top directory, and the members under it that belong to SOURCE_PARTS (all of a -python
    archive; of GitHub's archive of the whole repository, the same parts)."""
    members = tar.getmembers()
    top = source_top([m.name for m in members])
    wanted = []
    for member in members:
        rel = member.name.removeprefix("./").split("/", 1)
        if len(rel) == 1 or rel[1].split("/", 1)[0] in SOURCE_PARTS:
            wanted.append(member)
    return top, wanted


def _safe_extractall(tar: tarfile.TarFile, dest: Path, members: list[tarfile.TarInfo] | None = None) -> None:
    if hasattr(tarfile, "data_filter"):
        tar.extractall(dest, members=members, filter="data")
        return
    root = dest.resolve()
    for member in members if members is not None else tar.getmembers():
        if not (dest / member.name).resolve().is_relative_to(root) or member.issym() or member.islnk():
            if member.issym() or member.islnk():
                continue
            raise InstallError(f"archive member {member.name!r} would land outside {dest}")
    tar.extractall(dest, members=[m for m in (members if members is not None else tar.getmembers())
                                  if not (m.issym() or m.islnk())])


def ensure_source(version: str, state: Path, say: Say) -> Path:
    """The unpacked source tree of `version` (``<state>/authentik-<version>/src``), from the checked
    archive; instant when already unpacked from the same archive."""
    with _locked(state, f"authentik-{version}"):
        return _ensure_source(version, state, say)


def _ensure_source(version: str, state: Path, say: Say) -> Path:
    rel = release(version)
    home = state / f"authentik-{version}"
    src = home / "src"
    marker = home / "src.done"
    archive = archives_dir() / rel.archive
    if not rel.pinned:
        archive = _download_upstream(rel, state, say)
        actual = _sha256(archive)
    elif archive.exists():
        actual = _sha256(archive)
        if actual != rel.sha256:
            raise InstallError(f"{archive}: sha256 {actual}, expected {rel.sha256} (authentik {version}); "
                               "the archive is not the one this harness was written for")
    else:
        archive = _download_upstream(rel, state, say)
        actual = _sha256(archive)
    stamp = f"{archive.name} {actual}\n"
    if marker.exists() and marker.read_text() == stamp and (src / "manage.py").exists():
        return src
    say(f"authentik {version}: unpacking {archive}")
    marker.unlink(missing_ok=True)
    shutil.rmtree(src, ignore_errors=True)
    tmp = home / "src.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    with tarfile.open(archive) as tar:
        try:
            top, members = _source_members(tar)
        except InstallError as exc:
            raise InstallError(f"{archive}: {exc}") from None
        _safe_extractall(tar, tmp, members)
    if not (tmp / top / "manage.py").exists():
        raise InstallError(f"{archive}: nothing unpacked at {top}/manage.py")
    (tmp / top).rename(src)
    tmp.rmdir()
    marker.write_text(stamp)
    return src


# --- runtime ------------------------------------------------------------------------------------------

def _mount_points_under(root: Path) -> list[str]:
    """Mount points at or below root in this mount namespace, deepest first."""
    prefix = str(root.resolve())
    points = []
    for line in Path("/proc/self/mountinfo").read_text().splitlines():
        point = line.split()[4].encode().decode("unicode_escape")
        if point == prefix or point.startswith(prefix + "/"):
            points.append(point)
    return sorted(points, key=len, reverse=True)


@dataclass
class Runtime:
    """Where a release's Python runs. `python` is the interpreter's path as the running process sees it
    (inside the chroot for a chroot runtime); run every command of this runtime as wrap(argv), and for
    a chroot runtime inside `with runtime.mounted():`, kept open while any process started in the
    chroot runs (a server too: stop it before leaving the block)."""
    python: str
    root: Path | None = None  # the chroot, or None to run on the host
    bind: list[Path] = field(default_factory=list)  # host directories seen at the same path inside
    _depth: int = field(default=0, init=False, repr=False)

    def wrap(self, argv: list[str], cwd: Path | str | None = None) -> list[str]:
        """argv to run this runtime's command; cwd, when given, is the working directory inside the
        chroot (the caller still passes the same cwd to subprocess, which is harmless). chroot execs
        the command, and env execs it in turn, so the process id is the command's own."""
        argv = [str(a) for a in argv]
        if self.root is None:
            return argv
        return ["chroot", str(self.root), "/usr/bin/env", f"--chdir={cwd or '/'}", *argv]

    @contextlib.contextmanager
    def mounted(self) -> Iterator["Runtime"]:
        """For a chroot: /proc, /dev, /dev/shm and the bind directories mounted in it, unmounted on exit
        (nesting is counted; only the outermost mounts). Each mount is made private so nothing
        propagates back to the host. Identity on the host."""
        if self.root is None or self._depth:
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
            return
        done: list[Path] = []

        def mount(args: list[str], target: Path) -> None:
            target.mkdir(parents=True, exist_ok=True)
            _run(["mount", *args, str(target)], what="mount")
            done.append(target)
            _run(["mount", "--make-private", str(target)], what="mount --make-private")

        try:
            mount(["-t", "proc", "proc"], self.root / "proc")
            mount(["--bind", "/dev"], self.root / "dev")
            mount(["--bind", "/dev/shm"], self.root / "dev/shm")
            for directory in self.bind:
                mount(["--bind", str(directory)], self.root / str(directory).lstrip("/"))
            self._depth = 1
            yield self
        finally:
            self._depth = 0
            for target in reversed(done):
                if subprocess.run(["umount", str(target)], capture_output=True).returncode != 0:
                    subprocess.run(["umount", "--lazy", str(target)], capture_output=True)


def _pyenv_python(minor: str) -> str:
    try:
        root = subprocess.run(["pyenv", "root"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        root = os.environ.get("PYENV_ROOT") or str(Path.home() / ".pyenv")
    found = sorted(glob.glob(f"{root}/versions/{minor}.*/bin/python{minor}") +
                   glob.glob(f"{root}/versions/{minor}/bin/python{minor}"),
                   key=lambda p: [int(x) if x.isdigit() else 0 for x in re.split(r"[.]", Path(p).parents[1].name)])
    if not found:
        raise InstallError(f"no Python {minor} in {root}/versions (Authentik 2025.12 needs ==3.13.*): "
                           f"install it with `pyenv install {minor}`, or put one in that directory")
    return found[-1]


def debian_mirror() -> str:
    """The Debian mirror the host's apt uses (first non-security URI of its sources)."""
    uris: list[str] = []
    for sources in sorted(glob.glob("/etc/apt/sources.list.d/*.sources")):
        for line in Path(sources).read_text().splitlines():
            if line.startswith("URIs:"):
                uris += line.split()[1:]
    for lists in ["/etc/apt/sources.list", *sorted(glob.glob("/etc/apt/sources.list.d/*.list"))]:
        if os.path.exists(lists):
            for line in Path(lists).read_text().splitlines():
                words = re.sub(r"\[[^]]*\]", "", line).split()
                if len(words) >= 3 and words[0] == "deb":
                    uris.append(words[1])
    for uri in uris:
        if "security" not in uri and uri.startswith(("http://", "https://")):
            return uri
    raise InstallError("no Debian mirror in the host's apt sources (/etc/apt/sources.list.d/*.sources "
                       "URIs:, /etc/apt/sources.list): debootstrap of the sid chroot needs one")


def _remove_unmounted(root: Path) -> None:
    """rm -rf root, after unmounting whatever is mounted below it (a bind mount of /dev or of the state
    directory left by an interrupted run would otherwise be emptied too)."""
    for point in _mount_points_under(root):
        if subprocess.run(["umount", point], capture_output=True).returncode != 0:
            subprocess.run(["umount", "--lazy", point], capture_output=True)
    if left := _mount_points_under(root):
        raise InstallError(f"{root}: cannot remove it, mounts below it could not be unmounted: {', '.join(left)}")
    shutil.rmtree(root)


def _copy_host_files(root: Path) -> None:
    """What the chroot needs from the host to reach the package index and the mirror."""
    for path in ["/etc/resolv.conf", "/etc/ssl/certs/ca-certificates.crt", "/etc/pip.conf"]:
        if os.path.exists(path):
            target = root / path.lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.is_symlink():
                target.unlink()
            shutil.copyfile(path, target)


def _ensure_sid_root(state: Path, say: Say) -> Path:
    root = state / "sid-root"
    marker = state / "sid-root.done"
    stamp = " ".join(SID_PACKAGES) + "\n"
    log = state / "logs" / "sid-root.log"
    if marker.exists() and marker.read_text() == stamp and (root / "usr/bin/python3.14").exists():
        _copy_host_files(root)
        return root
    if root.exists():
        say(f"{root}: incomplete (no {marker.name}); building it again")
        marker.unlink(missing_ok=True)
        _remove_unmounted(root)
    if not shutil.which("debootstrap"):
        raise InstallError("debootstrap is missing (apt-get install debootstrap): the Python 3.14 of "
                           "Authentik 2026.x comes from a Debian sid chroot")
    started = time.monotonic()
    mirror = debian_mirror()
    say(f"building the Debian sid chroot {root} from {mirror} (output: {log})")
    log.unlink(missing_ok=True)
    _run(["debootstrap", "--variant=minbase", "sid", root, mirror], log=log, what="debootstrap")
    _copy_host_files(root)
    # The mirror's sid Release file may be past its Valid-Until.
    (root / "etc/apt/apt.conf.d/99netbox-sso-e2e").write_text('Acquire::Check-Valid-Until "false";\n')
    chroot = Runtime(python="/usr/bin/python3.14", root=root)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive", "LC_ALL": "C"}
    with chroot.mounted():
        _run(chroot.wrap(["apt-get", "update"]), log=log, what="apt-get update (sid chroot)", env=env)
        _run(chroot.wrap(["apt-get", "install", "-y", "--no-install-recommends", *SID_PACKAGES]), log=log,
             what="apt-get install (sid chroot)", env=env)
        _run(chroot.wrap(["apt-get", "clean"]), log=log, env=env)
    # Debian's ca-certificates package has just rewritten the bundle from its own list; the host's
    # bundle may hold more (a local CA that the network path to the package index needs).
    _copy_host_files(root)
    marker.write_text(stamp)
    say(f"sid chroot ready in {time.monotonic() - started:.0f} s")
    return root


def _ensure_host_build_packages(say: Say) -> None:
    missing = [p for p in HOST_BUILD_PACKAGES
               if subprocess.run(["dpkg-query", "-W", "-f", "${Status}", p], capture_output=True,
                                 text=True).stdout != "install ok installed"]
    if missing:
        say(f"apt-get install {' '.join(missing)} (gssapi builds against them)")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        if subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", *missing],
                          capture_output=True, env=env).returncode != 0:
            _run(["apt-get", "update"], what="apt-get update", env=env)
            _run(["apt-get", "install", "-y", "--no-install-recommends", *missing], what="apt-get install", env=env)


def ensure_runtime(version: str, state: Path, say: Say) -> Runtime:
    """The Python that `version` needs: pyenv's 3.13 on the host, or 3.14 in the Debian sid chroot
    (built once; a chroot without its marker is a half-built one and is built again)."""
    with _locked(state, f"authentik-{version}"):
        return _ensure_runtime(version, state, say)


def _ensure_runtime(version: str, state: Path, say: Say) -> Runtime:
    rel = release(version)
    python = rel.python
    if not python:  # unpinned: what its pyproject.toml requires
        src = _ensure_source(version, state, say)
        try:
            python = python_minor((src / "pyproject.toml").read_text())
        except (OSError, InstallError) as exc:
            raise InstallError(f"authentik {version}: its Python: {exc}") from exc
        say(f"authentik {version}: requires-python names Python {python}")
    if python == "3.13":
        python = _pyenv_python("3.13")
        with _locked(state, "host-packages"):
            _ensure_host_build_packages(say)
        return Runtime(python=python)
    if python == "3.14":
        state.mkdir(parents=True, exist_ok=True)
        with _locked(state, "sid-root"):
            root = _ensure_sid_root(state, say)
        return Runtime(python="/usr/bin/python3.14", root=root, bind=[state.resolve()])
    raise InstallError(f"authentik {version}: no way to get Python {python} (the harness knows pyenv's "
                       "3.13 and Debian sid's 3.14)")


# --- virtual environment ------------------------------------------------------------------------------

def _uv(state: Path, say: Say) -> Path:
    with _locked(state, "uv"):
        return _ensure_uv(state, say)


def _ensure_uv(state: Path, say: Say) -> Path:
    tool = state / "tools" / "uv"
    uv = tool / "bin" / "uv"
    marker = tool / "requirement.txt"
    if uv.exists() and marker.exists() and marker.read_text() == UV_REQUIREMENT:
        return uv
    say(f"installing uv into {tool}")
    shutil.rmtree(tool, ignore_errors=True)
    log = state / "logs" / "uv-install.log"
    _run([sys.executable, "-m", "venv", tool], log=log, what="venv for uv")
    _run([tool / "bin" / "python", "-m", "pip", "install", UV_REQUIREMENT], log=log, what="pip install uv")
    marker.write_text(UV_REQUIREMENT)
    return uv


def requirements(version: str, src: Path, state: Path, say: Say) -> str:
    """Authentik's locked runtime dependencies as a requirements file, with the two substitutions."""
    uv = _uv(state, say)
    env = {**os.environ, "UV_CACHE_DIR": str(state / "tools" / "uv-cache"), "UV_PYTHON_DOWNLOADS": "never",
           "UV_NO_PROGRESS": "1"}
    text = _run([uv, "export", "--frozen", "--no-dev", "--no-hashes", "--no-emit-workspace",
                 "--directory", src], what="uv export", env=env).stdout
    lines, seen = [], set()
    for line in text.splitlines():
        if re.match(r"^opencontainers\s*@\s*git\+", line):
            line = "opencontainers==0.0.15"  # the package index's release of the same project (vsoch/oci-python)
            seen.add("opencontainers")
        elif m := re.match(r"^psycopg-c==(\S+)(.*)$", line):
            line = f"psycopg-binary=={m.group(1)}{m.group(2)}"  # prebuilt, same version; no C build
            seen.add("psycopg-c")
        lines.append(line)
    if seen != {"opencontainers", "psycopg-c"}:
        say(f"authentik {version}: note: of the two substitutions only {', '.join(sorted(seen)) or 'none'} applied")
    return "\n".join(lines) + "\n"


def ensure_venv(version: str, state: Path, runtime: Runtime, say: Say) -> Path:
    """``<state>/authentik-<version>/venv`` with Authentik's runtime dependencies and its four Python
    workspace packages. Its marker records the version, the interpreter and the requirements' hash:
    when they match, this returns at once."""
    with _locked(state, f"authentik-{version}"):
        return _ensure_venv(version, state, runtime, say)


def _ensure_venv(version: str, state: Path, runtime: Runtime, say: Say) -> Path:
    src = ensure_source(version, state, say)
    home = state / f"authentik-{version}"
    venv = home / "venv"
    marker = venv / ".netbox-sso-e2e.json"
    req_file = home / "requirements.txt"
    reqs = requirements(version, src, state, say)
    wanted = {"version": version, "python": runtime.python, "chroot": str(runtime.root or ""),
              "requirements_sha256": hashlib.sha256(reqs.encode()).hexdigest(),
              "workspace_packages": WORKSPACE_PACKAGES}
    if marker.exists():
        try:
            if json.loads(marker.read_text()) == wanted:
                return venv
        except ValueError:
            pass
    log = state / "logs" / f"pip-{version}.log"
    log.unlink(missing_ok=True)
    started = time.monotonic()
    count = sum(1 for line in reqs.splitlines() if re.match(r"^[A-Za-z0-9]", line))
    say(f"authentik {version}: installing {count} locked dependencies into {venv} (output: {log})")
    shutil.rmtree(venv, ignore_errors=True)
    req_file.write_text(reqs)
    python = str(venv / "bin" / "python")
    with runtime.mounted():
        _run(runtime.wrap([runtime.python, "-m", "venv", venv]), log=log, what="python -m venv")
        _run(runtime.wrap([python, "-m", "pip", "install", "--upgrade", "pip"]), log=log, what="pip upgrade")
        _run(runtime.wrap([python, "-m", "pip", "install", "-r", req_file]), log=log,
             what=f"pip install (authentik {version})")
        _run(runtime.wrap([python, "-m", "pip", "install", "--no-deps",
                           *[src / "packages" / p for p in WORKSPACE_PACKAGES]]), log=log,
             what=f"pip install of the workspace packages (authentik {version})")
        _run(runtime.wrap([python, "-c", "import django, gunicorn, psycopg, uvicorn"]), log=log,
             what="import check")
    marker.write_text(json.dumps(wanted, indent=1) + "\n")
    say(f"authentik {version}: dependencies installed in {time.monotonic() - started:.0f} s")
    return venv


# --- environment --------------------------------------------------------------------------------------

def authentik_env(src: Path, state_dir: Path, *, db_host: str, db_port: int, db_name: str, db_user: str,
                  db_password: str, secret_key: str, bootstrap_password: str, bootstrap_token: str,
                  bootstrap_email: str, log_level: str = "warning") -> dict[str, str]:
    """The variables Authentik's core reads, for running it without its front server or worker (add
    them to os.environ). src: the unpacked source (its blueprints/ are the blueprints directory);
    state_dir: a directory of this instance's, where PROMETHEUS_MULTIPROC_DIR (prom/) is created."""
    prom = state_dir / "prom"
    prom.mkdir(parents=True, exist_ok=True)
    return {
        "AUTHENTIK_SECRET_KEY": secret_key,
        "AUTHENTIK_POSTGRESQL__HOST": db_host,
        "AUTHENTIK_POSTGRESQL__PORT": str(db_port),
        "AUTHENTIK_POSTGRESQL__USER": db_user,
        "AUTHENTIK_POSTGRESQL__NAME": db_name,
        "AUTHENTIK_POSTGRESQL__PASSWORD": db_password,
        "AUTHENTIK_DISABLE_STARTUP_ANALYTICS": "true",
        "AUTHENTIK_ERROR_REPORTING__ENABLED": "false",
        "AUTHENTIK_DISABLE_UPDATE_CHECK": "true",
        "AUTHENTIK_AVATARS": "initials",
        "AUTHENTIK_BOOTSTRAP_PASSWORD": bootstrap_password,
        "AUTHENTIK_BOOTSTRAP_TOKEN": bootstrap_token,
        "AUTHENTIK_BOOTSTRAP_EMAIL": bootstrap_email,
        "AUTHENTIK_BLUEPRINTS_DIR": str(src / "blueprints"),
        "PROMETHEUS_MULTIPROC_DIR": str(prom),
        "AUTHENTIK_LOG_LEVEL": log_level,
    }
