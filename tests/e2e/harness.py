#!/usr/bin/env python3
"""End-to-end verification: the guide's own configuration blocks log a user into real NetBox through
real nginx and real Authentik (each version of AUTHENTIK_VERSIONS in turn), in headless Chromium.

Entry point: ``tests/e2e/run`` (as root), which runs this script with Python 3.12 or later inside a
private mount namespace (``unshare --mount --propagation private``). See README.md, "End-to-end
verification".

What it does, in order:

1. Installs what it needs, idempotently: Debian packages (postgresql, redis-server, nginx-light,
   chromium, openssl, libpq-dev; ``apt-get update`` at most once), ``npm ci`` for tests/browser if its
   node_modules is missing, and the guide's tool (``cargo build --release -p mdbook-configcheck``).
2. Resolves netbox.internaldomain.com and authentik.yourdomain.com to 127.0.0.1 by bind-mounting a hosts
   file of its own over /etc/hosts, inside the private mount namespace only (the machine's /etc/hosts
   and DNS are not touched); Chromium also gets ``--host-resolver-rules``.
3. Keeps state outside the repository in ``$E2E_STATE`` (default /var/cache/netbox-sso-e2e): the
   virtual environment with ``netbox==4.7.3`` from the package index, the ``netbox setup`` instance,
   its collected static files, a dedicated PostgreSQL cluster (``pg_createcluster``) holding the
   migrated template databases (NetBox's, and one per Authentik version with Authentik's default
   flows, its admin and API token: migrated once each, a marker file says so), a CA and a certificate
   for both host names, and this run's files and logs in ``run/``. Authentik's part
   (``authentik/``, ``sfe/``): each version's source from its release archive
   ($E2E_AUTHENTIK_ARCHIVES, checked by sha256; authentik_install.py), its Python (pyenv's 3.13, or
   3.14 in a Debian sid chroot), its locked dependencies, and its simplified flow executor built from
   its web sources (authentik_sfe.py). Each run recreates the working databases from the templates.
4. Extracts the guide's files with ``mdbook-configcheck extract . run/extract``: the main deployment
   and every variant, with the manifest naming the blocks each file came from. Those files are used
   as they are; the harness keeps no copy of any block. The only changes, all written down here:
   - nginx site: the ``ssl_certificate``/``ssl_certificate_key`` paths become the harness's
     certificate and key, and the ``alias`` of ``location /static/`` becomes the directory
     ``collectstatic`` wrote (``$NETBOX_ROOT/static/``);
   - configuration.py: the guide's file is appended, unchanged, to what the guide tells the reader to
     have already (netbox.md: "next to the database, Redis and SECRET_KEY settings it already has"):
     ``DATABASES``, ``REDIS`` and ``SECRET_KEY``, nothing else;
   - custom_pipeline.py (when the deployment has one) is saved where the guide says: gunicorn's working
     directory in NetBox's own systemd unit, /opt/netbox (here the instance root, or the 4.6 source
     tree's top), importable as ``custom_pipeline``;
   - the blueprint names no client ID or secret (Authentik generates them, authentik.md step 3):
     after Authentik applied it, the provider gets the harness's pair through Authentik's API, and
     gunicorn gets the same values in ``NETBOX_OIDC_CLIENT_ID``/``NETBOX_OIDC_CLIENT_SECRET``, the
     variables the guide's configuration.py reads.
5. Starts, and always stops (finally/signal handler): the PostgreSQL cluster (``pg_ctlcluster``), a
   Redis of its own (port 6390, no persistence), gunicorn for NetBox on 127.0.0.1:8001 with the
   instance's ``contrib/gunicorn.py`` (1 worker, ``--preload``; working directory outside the package;
   ``NETBOX_ROOT``; ``REQUESTS_CA_BUNDLE`` = the harness's CA, so NetBox trusts Authentik's
   certificate), Authentik's core under gunicorn on 127.0.0.1:9000 (authentik_server.py: no front
   server, no worker), and nginx as its own master process with a main configuration of the
   harness's that includes the guide's site plus a server for authentik.yourdomain.com proxying to
   Authentik (TLS with the harness's certificate; Host and X-Forwarded-Proto forwarded) and serving
   the simplified flow executor's files. What a reader does by hand in Authentik's admin interface
   (the test user and its groups, a missing key pair) goes through Authentik's API.
6. Runs the scenarios against each Authentik version: ``main`` (sign in through the SSO button at
   Authentik's own login form, the user checked through NetBox itself, log out through Authentik's
   end-session and find Authentik's session ended), then every variant of src/troubleshooting.md,
   each against its own files and each expected to show the symptom its section describes. Authentik
   applies each deployment's blueprint with its ``apply_blueprint`` command, run in one long-lived
   management process per server (a refused blueprint fails the scenario with Authentik's message).
   Between scenarios only what changed is restarted: gunicorn when configuration.py or the pipeline
   changed or the provider publishes other documents (python-social-auth keeps the provider's
   discovery document and keys in process memory for 24 h, and a reader's NetBox meets a changed
   provider fresh, not with the previous provider's keys), nginx when the site changed. The NetBoxes
   of the next two deployments that restart it load while the current scenario runs (the first ones
   while Authentik starts): each a gunicorn with an instance root of its own (``instance-b``,
   ``instance-c``: own ``conf/``, the rest linked) that loads NetBox in its master (``--preload``,
   then its URL configuration and login template) and waits at a gate file until the current
   gunicorn is gone, then listens; a NetBox that has served no login holds no provider documents, so
   this is a fresh start. ``netbox shell`` loads while the browser signs in. Servers are killed
   between scenarios and at the end (nothing is under way; a graceful stop only costs seconds).
   Setup steps that do not depend on each other run side by side: each Authentik version's install and
   NetBox's venv while cargo builds the checker, then the template databases.
   Then, against the newest Authentik version only (the time budget), the same for NetBox
   NETBOX_CLASSIC (4.6.8, not on the package index: its source archive, the classic layout, see
   NetBoxBuild) with main and every scenario whose outcome depends on NetBox's version
   (depends_on_netbox); the record keeps those outcomes under each scenario's ``netbox`` key.
7. Writes ``verification/record.json`` (``--no-record`` skips it; so do ``--only``, ``--quick`` and
   fewer ``--authentik`` versions) with each scenario's result per Authentik version, and prints
   ``N passed, M failed`` (one count per scenario and version). Exit status 0 only if all passed.

``--newest`` (drift; .github/workflows/drift.yml runs it weekly): NetBox is the newest final release
that ``pip index versions netbox`` lists for the harness's Python, Authentik is ``$E2E_AUTHENTIK_NEWEST``
(a version such as 2026.8.7) or else the newest version of authentik_install.RELEASES. A version not in
RELEASES is unpinned: GitHub's archive of its tag, unchecked, its sha256 printed (authentik_install,
authentik_sfe). A NetBox other than NETBOX_VERSION keeps its virtual environment, instance and markers
in ``netbox-<version>/`` and its template database as ``netbox_e2e_template_<version>``, so the normal
run's state is left as it is. No record is written; instead every scenario whose result differs from
verification/record.json gets one line (drift.py), followed by the versions used.
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import os
import re
import secrets
import select
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable
from urllib.parse import parse_qs, urlencode, urlsplit

import authentik_install
import authentik_sfe
import drift
from authentik_server import LISTEN as AUTHENTIK_LISTEN, SELF_SIGNED, AuthentikError, AuthentikServer, as_env

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
STATE = Path(os.environ.get("E2E_STATE") or "/var/cache/netbox-sso-e2e").resolve()
RUN = STATE / "run"
LOGS = RUN / "logs"
TLS = STATE / "tls"
AUTHENTIK_STATE = STATE / "authentik"  # sources, runtimes (the sid chroot), venvs, per-version homes
SFE_STATE = STATE / "sfe"  # Authentik's simplified flow executor, built per version
PGDATA = STATE / "pgdata"
SECRETS = STATE / "secrets.json"
RECORD = REPO / "verification" / "record.json"
BROWSER_DRIVER = HERE / "browser.mjs"

NETBOX_VERSION = "4.7.3"
# NetBox 4.6 is not on the package index (it starts at 4.7): its source archive, as released
# (../shared/vendor/netbox/SOURCES.md), installed the classic way (a source tree with its own venv).
NETBOX_CLASSIC = "4.6.8"
NETBOX_ARCHIVES = Path(os.environ.get("E2E_NETBOX_ARCHIVES") or REPO.parent / "shared/vendor/netbox").resolve()
NETBOX_ARCHIVE_SHA256 = {"4.6.8": "cc868cde94952e87b01dcdc455713250fd7303aaafc316d9ce6527d7b8a28f2c"}
NETBOX_HOST = "netbox.internaldomain.com"
AUTHENTIK_HOST = "authentik.yourdomain.com"
PG_CLUSTER = "netbox_e2e"
PG_PORT = 5439
DB_NAME = "netbox_e2e"
DB_USER = "netbox"
REDIS_PORT = 6390
GUNICORN = ("127.0.0.1", 8001)
# Every scenario runs against each of these real Authentik versions (their source archives: see
# authentik_install.py). 2025.12.4 is a final release (Python 3.13); 2026.5.0-rc1 is the newest tree
# available here (Python 3.14, in a Debian sid chroot).
AUTHENTIK_VERSIONS = ["2025.12.4", "2026.5.0-rc1"]
# Key pairs the guide's blueprints find by name and tells the reader to generate when the instance
# lacks them (System → Certificates → Generate): name → algorithm.
KEYPAIRS = {SELF_SIGNED: "rsa"}
APT_PACKAGES = ["postgresql", "redis-server", "nginx-light", "chromium", "openssl", "libpq-dev",
                # Authentik: gssapi builds against Kerberos; its 2026.x Python comes from a sid chroot
                "libkrb5-dev", "krb5-config", "debootstrap"]
CHROMIUM = "/usr/bin/chromium"
USER = {"username": "alice", "password": "secret", "email": "alice@example.com", "name": "Alice Example",
        # Authentik groups: one that names a NetBox group, the groups chapter's superuser group, one NetBox lacks
        "groups": "netbox-users,netbox-superusers,staff"}

SSO_FAILED = "Single sign-on failed. Please try again or contact your administrator."
SSO_BEGIN_FAILED = "Unable to begin single sign-on. Please try again."
REDIRECT_URI_ERROR = "Redirect URI Error"

T0 = time.monotonic()


class SetupError(Exception):
    """The harness could not prepare what the scenarios need."""


def say(message: str) -> None:
    print(f"[{time.monotonic() - T0:6.1f}s] {message}", flush=True)


def step(message: str) -> None:
    print(f"\n[{time.monotonic() - T0:6.1f}s] == {message}", flush=True)


def run(cmd: list[Any], check: bool = True, timeout: float | None = 600, **kwargs: Any) -> subprocess.CompletedProcess:
    """Run a command, capturing its output; on failure raise SetupError with the output's tail."""
    cmd = [str(c) for c in cmd]
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.STDOUT)
    result = subprocess.run(cmd, text=True, timeout=timeout, **kwargs)
    if check and result.returncode != 0:
        out = (result.stdout or "") + (result.stderr or "")
        raise SetupError(f"{' '.join(cmd)} exited with {result.returncode}:\n{tail(out, 40)}")
    return result


def tail(text: str, lines: int) -> str:
    return "\n".join(text.rstrip().splitlines()[-lines:])


def excerpt(text: str, limit: int = 600) -> str:
    text = re.sub(r"\n\s*\n+", "\n", text or "").strip()
    return text if len(text) <= limit else text[:limit] + " …"


# --------------------------------------------------------------------------------------------------
# logs: every service writes to run/logs/<name>.log; scenarios print what was added while they ran


class Log:
    def __init__(self, name: str):
        self.path = LOGS / f"{name}.log"
        self.name = name

    def mark(self) -> int:
        return self.path.stat().st_size if self.path.exists() else 0

    def since(self, offset: int) -> str:
        if not self.path.exists():
            return ""
        with open(self.path, "rb") as handle:
            handle.seek(offset)
            return handle.read().decode("utf-8", errors="replace")


LOG_NAMES = ["nginx-access", "nginx-error", "gunicorn", "authentik"]


def log_marks() -> dict[str, int]:
    return {name: Log(name).mark() for name in LOG_NAMES}


def log_excerpts(marks: dict[str, int], lines: int = 30) -> dict[str, str]:
    out = {}
    for name, offset in marks.items():
        text = Log(name).since(offset)
        if name == "authentik":  # request lines are noise next to warnings and errors
            text = "\n".join(l for l in text.splitlines() if '"level": "info"' not in l) or text
        if text.strip():
            out[name] = tail(text, lines)
    return out


# --------------------------------------------------------------------------------------------------
# processes


class Service:
    """A process the harness started; stop() ends it (by its own pid) and waits."""

    def __init__(self, name: str, cmd: list[Any], env: dict | None = None, cwd: Path | None = None,
                 stop_signal: int = signal.SIGTERM, stdout_pipe: bool = False, log: str | None = None):
        self.name = name
        self.cmd = [str(c) for c in cmd]
        self.env = env
        self.cwd = cwd
        self.stop_signal = stop_signal
        self.stdout_pipe = stdout_pipe
        self.log = Log(log or name)
        self.process: subprocess.Popen | None = None

    def start(self) -> "Service":
        self.log.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.log.path, "ab")
        handle.write(f"\n==== {datetime.datetime.now().isoformat(timespec='seconds')} start: {' '.join(self.cmd)}\n".encode())
        handle.flush()
        self.process = subprocess.Popen(
            self.cmd,
            stdout=subprocess.PIPE if self.stdout_pipe else handle,
            stderr=handle,
            stdin=subprocess.DEVNULL if not self.stdout_pipe else subprocess.PIPE,
            env=self.env,
            cwd=self.cwd,
            start_new_session=True,
        )
        handle.close()
        (RUN / "pids").mkdir(parents=True, exist_ok=True)
        (RUN / "pids" / f"{self.name}.pid").write_text(f"{self.process.pid}\n{self.cmd[0]}\n")
        return self

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """End it and everything it started at once (SIGKILL to its process group): for a server
        between scenarios, with no request under way, whose shutdown would only cost time."""
        if self.process is not None and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.stop()

    def stop(self, timeout: float = 15) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            try:
                self.process.send_signal(self.stop_signal)
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
            except ProcessLookupError:
                pass
        for stream in (self.process.stdin, self.process.stdout):
            if stream:
                stream.close()
        (RUN / "pids" / f"{self.name}.pid").unlink(missing_ok=True)
        self.process = None


def stop_leftovers() -> None:
    """Processes a previous, killed run of the harness started (recorded by pid) are ended."""
    directory = RUN / "pids"
    if not directory.is_dir():
        return
    for pidfile in directory.glob("*.pid"):
        try:
            pid_text, exe = pidfile.read_text().split("\n")[:2]
            pid = int(pid_text)
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, ValueError):
            pidfile.unlink(missing_ok=True)
            continue
        if Path(exe).name in cmdline:
            say(f"ending {pidfile.stem} (pid {pid}) left over from an earlier run")
            try:
                os.killpg(pid, signal.SIGTERM)
            except OSError:
                pass
            for _ in range(50):
                if not Path(f"/proc/{pid}").exists():
                    break
                time.sleep(0.1)
        pidfile.unlink(missing_ok=True)


def port_free(port: int) -> bool:
    for family, address in ((socket.AF_INET, "127.0.0.1"), (socket.AF_INET6, "::1")):
        try:
            with socket.socket(family, socket.SOCK_STREAM) as sock:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                sock.bind((address, port))
        except OSError as exc:
            if family == socket.AF_INET6 and exc.errno in (97, 99):  # no IPv6 here
                continue
            return False
    return True


def wait_for(what: str, probe: Callable[[], bool], timeout: float, service: Service | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if service is not None and not service.alive():
            raise SetupError(f"{what}: {service.name} exited ({service.process.returncode if service.process else '?'}):\n"
                             f"{tail(service.log.since(0), 30)}")
        try:
            if probe():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SetupError(f"{what}: not ready after {timeout:.0f} s" + (f":\n{tail(service.log.since(0), 30)}" if service else ""))


def tcp_open(host: str, port: int) -> bool:
    with socket.create_connection((host, port), timeout=1):
        return True


# --------------------------------------------------------------------------------------------------
# HTTP from the harness itself (through nginx, trusting the harness's CA)


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    cookies: dict[str, str]
    body: str


def https(method: str, url: str, headers: dict | None = None, body: str | None = None,
          cookies: dict | None = None) -> Reply:
    parts = urlsplit(url)
    context = ssl.create_default_context(cafile=str(TLS / "ca.crt"))
    conn = http.client.HTTPSConnection(parts.hostname, parts.port or 443, context=context, timeout=60)
    all_headers = dict(headers or {})
    if cookies:
        all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if body is not None:
        all_headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    conn.request(method, path or "/", body=body, headers=all_headers)
    response = conn.getresponse()
    got: dict[str, str] = {}
    for name, value in response.getheaders():
        if name.lower() == "set-cookie":
            first = value.split(";", 1)[0]
            if "=" in first:
                key, _, val = first.partition("=")
                got[key.strip()] = val.strip()
    reply = Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, got,
                  response.read().decode("utf-8", errors="replace"))
    conn.close()
    return reply


def http_plain(host: str, port: int, path: str, headers: dict) -> int:
    conn = http.client.HTTPConnection(host, port, timeout=30)
    conn.request("GET", path, headers=headers)
    status = conn.getresponse().status
    conn.close()
    return status


# --------------------------------------------------------------------------------------------------
# setup: packages, namespace, state


def ensure_root_and_namespace() -> None:
    if STATE == REPO or REPO in STATE.parents:
        raise SetupError(f"E2E_STATE={STATE} is inside the repository; keep the state outside it")
    if os.geteuid() != 0:
        raise SetupError("run as root (it installs packages and starts nginx on ports 80/443)")
    host_ns = os.environ.get("E2E_HOST_MNTNS")
    own_ns = str(os.stat("/proc/self/ns/mnt").st_ino)
    if not host_ns or host_ns == own_ns:
        raise SetupError("not in a private mount namespace: start the harness with tests/e2e/run, which runs it "
                         "under unshare --mount --propagation private (the hosts file is bind-mounted there only)")


def private_hosts() -> None:
    original = Path("/etc/hosts").read_text()
    hosts = RUN / "hosts"
    hosts.write_text(
        original.rstrip("\n")
        + "\n\n# tests/e2e/harness.py: its own hosts file, bind-mounted in its private mount namespace\n"
        + f"127.0.0.1 {NETBOX_HOST} {AUTHENTIK_HOST}\n"
    )
    hosts.chmod(0o644)
    run(["mount", "--bind", hosts, "/etc/hosts"])
    for name in (NETBOX_HOST, AUTHENTIK_HOST):
        addresses = {info[4][0] for info in socket.getaddrinfo(name, 443, proto=socket.IPPROTO_TCP)}
        if addresses != {"127.0.0.1"}:
            raise SetupError(f"{name} resolves to {addresses} inside the namespace, not 127.0.0.1")
    say(f"{NETBOX_HOST} and {AUTHENTIK_HOST} resolve to 127.0.0.1 (hosts file bind-mounted in this namespace only)")


def ensure_packages() -> None:
    def installed(package: str) -> bool:
        result = run(["dpkg-query", "-W", "-f=${Status}", package], check=False)
        return result.returncode == 0 and "install ok installed" in result.stdout

    missing = [p for p in APT_PACKAGES if not installed(p)]
    if not shutil.which("npm"):
        missing.append("npm")
    if missing:
        say(f"apt-get install {' '.join(missing)}")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        run(["apt-get", "update", "-qq"], env=env, timeout=900)
        run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env, timeout=1800)
    else:
        say(f"Debian packages present: {' '.join(APT_PACKAGES)}")
    for tool in ("pg_createcluster", "pg_ctlcluster", "redis-server", "nginx", CHROMIUM, "openssl", "node"):
        if not shutil.which(tool):
            raise SetupError(f"{tool} not found after installing the packages")
    if not (REPO / "tests/browser/node_modules/playwright-core").is_dir():
        say("npm ci --prefix tests/browser")
        run(["npm", "ci", "--prefix", REPO / "tests/browser", "--no-audit", "--no-fund"], timeout=900)


def extract_guide() -> tuple[Path, dict]:
    binary = os.environ.get("CONFIGCHECK_BIN")
    if not binary:
        say("cargo build --release --locked -p mdbook-configcheck")
        run(["cargo", "build", "--release", "--locked", "-p", "mdbook-configcheck"], cwd=REPO, timeout=1800)
        target = Path(os.environ.get("CARGO_TARGET_DIR") or REPO / "target")
        binary = str((REPO / target) / "release/mdbook-configcheck")
    out = RUN / "extract"
    shutil.rmtree(out, ignore_errors=True)
    result = run([binary, "extract", REPO, out], cwd=REPO)
    say(result.stdout.strip().splitlines()[-1] if result.stdout.strip() else f"extracted to {out}")
    manifest = json.loads((out / "manifest.json").read_text())
    return out, manifest


def newest_netbox() -> str:
    """The newest final release of netbox that pip's configured index offers to the harness's Python."""
    python = os.environ.get("E2E_PYTHON") or sys.executable
    result = run([python, "-m", "pip", "index", "versions", "netbox"], check=False, timeout=300,
                 stderr=subprocess.PIPE)
    try:
        return drift.newest_netbox(result.stdout)
    except drift.DriftError as exc:
        raise SetupError(f"--newest: `{python} -m pip index versions netbox` exited with {result.returncode}; "
                         f"{exc}\n{tail(result.stderr or '', 10)}") from None


def newest_authentik() -> str:
    """$E2E_AUTHENTIK_NEWEST, or the newest pinned release; an unpinned one is allowed to install."""
    try:
        version = drift.newest_authentik(os.environ.get("E2E_AUTHENTIK_NEWEST"), authentik_install.RELEASES)
        authentik_install.allow_unpinned(version)
    except (drift.DriftError, authentik_install.InstallError) as exc:
        raise SetupError(f"--newest: E2E_AUTHENTIK_NEWEST: {exc}") from None
    return version


class NetBoxBuild:
    """One NetBox the scenarios run against, with its own virtual environment, instance, markers and
    template database: NETBOX_VERSION from the package index (``netbox setup`` instance, STATE/venv,
    STATE/instance), or another version in STATE/netbox-<version>/. ``classic``: NetBox 4.6 and older,
    which the package index does not carry, installed from its source archive the way its documentation
    installs it (/opt/netbox: the source tree, ``pip install -r requirements.txt`` in a venv of its own,
    ``netbox/netbox/configuration.py``, ``manage.py``, gunicorn with ``--pythonpath netbox``)."""

    def __init__(self, version: str, classic: bool = False):
        if not re.fullmatch(r"\d+(\.\d+)*", version):
            raise SetupError(f"not a NetBox release: {version!r}")
        self.version = version
        self.classic = classic
        home = STATE if version == NETBOX_VERSION and not classic else STATE / f"netbox-{version}"
        self.home = home
        self.venv = home / "venv"
        self.src = home / "netbox"  # classic: what the documentation calls /opt/netbox
        self.app = self.src / "netbox"  # classic: the directory of manage.py
        self.instance = self.app if classic else home / "instance"
        self.template_marker, self.static_marker = home / "template.done", home / "static.done"
        self.template_db = "netbox_e2e_template" + ("" if home == STATE else "_" + re.sub(r"\W", "_", version))

    @property
    def label(self) -> str:
        return f"NetBox {self.version}" + (" (source archive, classic layout)" if self.classic else "")

    def manage(self) -> list[Any]:
        """The management command: `netbox` (a pip install) or `python manage.py` (classic)."""
        return [self.venv / "bin/python", self.app / "manage.py"] if self.classic else [self.venv / "bin/netbox"]

    def env(self, root: Path) -> dict[str, str]:
        """What selects the configuration `root` names: NETBOX_ROOT (an instance root of a pip
        install), or NETBOX_CONFIGURATION (classic: root is a configuration module's file beside the
        default netbox/netbox/configuration.py), with the source tree on the Python path."""
        if not self.classic:
            return {"NETBOX_ROOT": str(root)}
        env = {"PYTHONPATH": str(self.app)}
        if root.stem != "configuration":
            env["NETBOX_CONFIGURATION"] = f"netbox.{root.stem}"
        return env

    def conf_file(self, root: Path) -> Path:
        return root if self.classic else root / "conf" / "configuration.py"

    def default_root(self) -> Path:
        return self.app / "netbox" / "configuration.py" if self.classic else self.instance

    def roots(self, count: int) -> list[Path]:
        """The default configuration and more beside it for the coming deployments' NetBoxes while the
        current one serves: a pip install's instance root (NETBOX_ROOT) and ``instance-b``, … (each with
        its own conf/, everything else linked to the first); classic: ``configuration_b.py``, …"""
        roots = [self.default_root()]
        for index in range(1, count):
            letter = chr(ord('a') + index)
            if self.classic:
                roots.append(self.app / "netbox" / f"configuration_{letter}.py")
                continue
            alternate = self.instance.with_name(f"{self.instance.name}-{letter}")
            (alternate / "conf").mkdir(parents=True, exist_ok=True)
            (alternate / "conf" / "__init__.py").touch()
            for entry in self.instance.iterdir():
                link = alternate / entry.name
                if entry.name != "conf" and not link.is_symlink():
                    link.symlink_to(entry)
            roots.append(alternate)
        return roots

    def gunicorn_conf(self) -> Path:
        return (self.src if self.classic else self.instance) / "contrib" / "gunicorn.py"

    def workdir(self) -> Path:
        """gunicorn's working directory in NetBox's own systemd unit (contrib/netbox.service of 4.6.8 and
        of 4.7.3's `netbox setup`: WorkingDirectory=/opt/netbox): the instance root of a pip install, the
        source tree's top of a classic one. gunicorn puts it first on sys.path (gunicorn/app/base.py,
        Application.chdir), so a module saved there is importable, and a pip upgrade does not touch it."""
        return self.src if self.classic else self.instance

    def static_root(self) -> Path:
        return self.instance / "static"

    def package_dir(self) -> Path:
        """The `netbox` package directory (netbox/netbox/ of the source tree, or the installed one)."""
        if self.classic:
            return self.app / "netbox"
        found = sorted(self.venv.glob("lib/python3*/site-packages/netbox/settings.py"))
        if not found:
            raise SetupError(f"netbox is not installed in {self.venv}")
        return found[0].parent

    def ensure_venv(self) -> None:
        marker = self.venv / ".netbox-e2e"
        want = f"netbox=={self.version}" + (" (source archive)" if self.classic else "") + "\n"
        ready = (self.venv / "bin/gunicorn") if self.classic else (self.venv / "bin/netbox")
        if marker.is_file() and marker.read_text() == want and ready.exists() and (not self.classic or (self.app / "manage.py").is_file()):
            say(f"virtual environment with netbox {self.version}: kept ({self.venv})")
            return
        python = os.environ.get("E2E_PYTHON") or sys.executable
        shutil.rmtree(self.venv, ignore_errors=True)
        if self.classic:
            self.unpack()
            say(f"python -m venv {self.venv} && pip install -r {self.src}/requirements.txt (about 3 minutes)")
            run([python, "-m", "venv", self.venv])
            run([self.venv / "bin/pip", "install", "-q", "-r", self.src / "requirements.txt"], timeout=2400)
        else:
            say(f"python -m venv {self.venv} && pip install netbox=={self.version} (about 70 s)")
            run([python, "-m", "venv", self.venv])
            run([self.venv / "bin/pip", "install", "-q", f"netbox=={self.version}"], timeout=1800)
        marker.write_text(want)

    def unpack(self) -> None:
        """The source archive (checked by sha256) unpacked as the source tree."""
        import hashlib
        archive = NETBOX_ARCHIVES / f"netbox-{self.version}.tar.gz"
        if not archive.is_file():
            raise SetupError(f"NetBox {self.version} is not on the package index; its source archive {archive} "
                             "is missing (set E2E_NETBOX_ARCHIVES)")
        digest = hashlib.sha256(archive.read_bytes()).hexdigest()
        if digest != NETBOX_ARCHIVE_SHA256.get(self.version):
            raise SetupError(f"{archive}: sha256 {digest} is not the pinned one")
        shutil.rmtree(self.src, ignore_errors=True)
        self.src.mkdir(parents=True)
        run(["tar", "xzf", archive, "--strip-components=1", "-C", self.src])

    def ensure_instance(self) -> None:
        if self.classic:
            return  # the source tree is the instance
        if not (self.instance / "conf" / "configuration.py").is_file() or not self.gunicorn_conf().is_file():
            say(f"netbox setup --target {self.instance}")
            run([self.venv / "bin/netbox", "setup", "--target", self.instance], cwd=STATE)


# The NetBox the scenarios run against now (the run switches between them); setup steps are given theirs.
NB = NetBoxBuild(NETBOX_VERSION)



def ensure_secrets() -> dict:
    values = json.loads(SECRETS.read_text()) if SECRETS.is_file() else {}
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    wanted = {
        # as `netbox secret-key` (and 4.6's generate_secret_key.py) make it: 50 of these characters
        "secret_key": lambda: "".join(secrets.choice(alphabet + "!@#$%^&*(-_=+)") for _ in range(50)),
        "db_password": lambda: secrets.token_hex(16),
        # Authentik generates a 40-character client ID and a 128-character secret (facts §3.2)
        "client_id": lambda: "".join(secrets.choice(alphabet) for _ in range(40)),
        "client_secret": lambda: "".join(secrets.choice(alphabet) for _ in range(128)),
        # Authentik's own: its secret key, and the bootstrap admin's password and API token
        "authentik_secret_key": lambda: secrets.token_urlsafe(48),
        "authentik_admin_password": lambda: secrets.token_urlsafe(18),
        "authentik_token": lambda: secrets.token_urlsafe(48),
    }
    missing = [name for name in wanted if name not in values]
    for name in missing:
        values[name] = wanted[name]()
    if missing:
        SECRETS.write_text(json.dumps(values, indent=1))
        SECRETS.chmod(0o600)
    return values


def ensure_tls() -> dict:
    TLS.mkdir(parents=True, exist_ok=True)
    if not (TLS / "leaf.crt").is_file() or not (TLS / "ca.crt").is_file():
        say("generating a CA and a certificate for both host names")
        run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", TLS / "ca.key", "-out", TLS / "ca.crt",
             "-days", "3650", "-subj", "/CN=netbox-sso-guide e2e CA",
             "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        (TLS / "leaf.ext").write_text(
            f"subjectAltName=DNS:{NETBOX_HOST},DNS:{AUTHENTIK_HOST}\nbasicConstraints=CA:FALSE\n"
            "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n"
        )
        run(["openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", TLS / "leaf.key", "-out", TLS / "leaf.csr",
             "-subj", f"/CN={NETBOX_HOST}"])
        run(["openssl", "x509", "-req", "-in", TLS / "leaf.csr", "-CA", TLS / "ca.crt", "-CAkey", TLS / "ca.key",
             "-CAcreateserial", "-out", TLS / "leaf.crt", "-days", "825", "-extfile", TLS / "leaf.ext"])
        for key in ("ca.key", "leaf.key"):
            (TLS / key).chmod(0o600)

    def spki(cert: Path) -> str:
        pub = run(["openssl", "x509", "-in", cert, "-pubkey", "-noout"]).stdout
        der = subprocess.run(["openssl", "pkey", "-pubin", "-outform", "der"], input=pub.encode(),
                             capture_output=True, check=True).stdout
        digest = subprocess.run(["openssl", "dgst", "-sha256", "-binary"], input=der, capture_output=True,
                                check=True).stdout
        import base64
        return base64.b64encode(digest).decode()

    return {"leaf_spki": spki(TLS / "leaf.crt"), "ca_spki": spki(TLS / "ca.crt")}


# --------------------------------------------------------------------------------------------------
# PostgreSQL: a dedicated Debian cluster whose data directory lives in the state directory


def pg_version() -> str:
    versions = sorted((int(p.name) for p in Path("/usr/lib/postgresql").iterdir() if p.name.isdigit()), reverse=True)
    if not versions:
        raise SetupError("no PostgreSQL server under /usr/lib/postgresql")
    return str(versions[0])


def psql(sql: str, database: str = "postgres") -> str:
    return run(["runuser", "-u", "postgres", "--", "psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
                "-p", PG_PORT, "-d", database, "-c", sql], stderr=subprocess.PIPE).stdout.strip()


class Postgres:
    def __init__(self) -> None:
        self.version = pg_version()
        self.started = False

    def ensure_cluster(self) -> None:
        conf = Path(f"/etc/postgresql/{self.version}/{PG_CLUSTER}")
        if conf.exists() and not (PGDATA / "PG_VERSION").is_file():
            say(f"cluster {self.version}/{PG_CLUSTER} is configured but its data directory is gone: recreating it")
            run(["pg_dropcluster", self.version, PG_CLUSTER], check=False)
            shutil.rmtree(conf, ignore_errors=True)
        if not conf.exists():
            for marker in [STATE / "template.done", *STATE.glob("netbox-*/template.done")]:
                marker.unlink(missing_ok=True)
            if PGDATA.exists():
                shutil.rmtree(PGDATA)
            say(f"pg_createcluster {self.version} {PG_CLUSTER} (port {PG_PORT}, data in {PGDATA})")
            run(["pg_createcluster", "--port", PG_PORT, "--datadir", PGDATA, "--start-conf", "manual",
                 self.version, PG_CLUSTER])

    def start(self) -> None:
        status = run(["pg_ctlcluster", self.version, PG_CLUSTER, "status"], check=False)
        if status.returncode != 0:
            run(["pg_ctlcluster", self.version, PG_CLUSTER, "start"])
        self.started = True
        wait_for("PostgreSQL", lambda: run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", PG_PORT], check=False).returncode == 0, 60)

    def stop(self) -> None:
        if self.started:
            run(["pg_ctlcluster", self.version, PG_CLUSTER, "stop", "-m", "fast"], check=False)
            self.started = False

    def server_version(self) -> str:
        return psql("SHOW server_version")

    def ensure_role(self, password: str) -> None:
        psql(f"DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{DB_USER}') "
             f"THEN CREATE ROLE {DB_USER} LOGIN; END IF; END$$;")
        psql(f"ALTER ROLE {DB_USER} WITH LOGIN CREATEDB PASSWORD '{password}'")

    def exists(self, name: str) -> bool:
        return psql(f"SELECT 1 FROM pg_database WHERE datname = '{name}'") == "1"

    def recreate(self, name: str, template: str | None = None) -> None:
        run(["runuser", "-u", "postgres", "--", "dropdb", "--if-exists", "--force", "-p", PG_PORT, name])
        args = ["-T", template] if template else []
        run(["runuser", "-u", "postgres", "--", "createdb", "-p", PG_PORT, "-O", DB_USER, *args, name])


# --------------------------------------------------------------------------------------------------
# Authentik: one real version at a time (authentik_install.py installs it, authentik_server.py runs it)


@dataclass
class Authentik:
    version: str
    server: AuthentikServer
    sfe: Path  # the simplified flow executor's static root (dist/sfe/…)
    runtime: Any  # authentik_install.Runtime: the host, or the sid chroot for Python 3.14
    python: str = ""
    notes: list[str] = field(default_factory=list)  # what the harness did that a worker would have


@dataclass
class AuthentikInstall:
    source: Path
    runtime: Any
    venv: Path
    sfe: Path


def install_authentik(version: str) -> AuthentikInstall:
    """Source (archive or download), Python runtime, dependencies and the flow executor's files of one
    Authentik version; idempotent, each step kept in AUTHENTIK_STATE. Needs no database."""
    try:
        source = authentik_install.ensure_source(version, AUTHENTIK_STATE, say)
        runtime = authentik_install.ensure_runtime(version, AUTHENTIK_STATE, say)
        venv = authentik_install.ensure_venv(version, AUTHENTIK_STATE, runtime, say)
        pinned = authentik_install.release(version).pinned
        sfe = authentik_sfe.ensure_sfe(version, SFE_STATE, say, upstream=None if pinned else
                                       authentik_install.upstream_archive(version, AUTHENTIK_STATE))
    except (authentik_install.InstallError, authentik_sfe.SfeError) as exc:
        raise SetupError(f"Authentik {version}: {exc}") from exc
    return AuthentikInstall(source, runtime, venv, sfe)


def prepare_authentik(version: str, installed: AuthentikInstall, pg: "Postgres", secrets_: dict) -> Authentik:
    """The migrated template database of one installed Authentik version (kept), and its server."""
    source, runtime, venv, sfe = installed.source, installed.runtime, installed.venv, installed.sfe
    home = AUTHENTIK_STATE / f"authentik-{version}"
    database = "authentik_" + re.sub(r"\W", "_", version)
    env = authentik_install.authentik_env(
        source, home, db_host="127.0.0.1", db_port=PG_PORT, db_name=database, db_user=DB_USER,
        db_password=secrets_["db_password"], secret_key=secrets_["authentik_secret_key"],
        bootstrap_password=secrets_["authentik_admin_password"], bootstrap_token=secrets_["authentik_token"],
        bootstrap_email="akadmin@example.com")
    server = AuthentikServer(version, source, venv, runtime, as_env(env), home, pg, database, Service, say, run,
                             secrets_["authentik_token"], LOGS)
    with runtime.mounted():
        try:
            server.ensure_template()
        except AuthentikError as exc:
            raise SetupError(str(exc)) from exc
        python = run(runtime.wrap([venv / "bin/python", "-c", "import platform; print(platform.python_version())"]))
    return Authentik(version, server, sfe, runtime, python.stdout.strip())


# --------------------------------------------------------------------------------------------------
# NetBox's files


def configuration_text(guide_file: Path, secrets_: dict, database: str, extract_root: Path) -> str:
    prefix = f"""# Written by tests/e2e/harness.py for the end-to-end run; regenerated every time.
# First what the guide's reader already has (netbox.md: "next to the database, Redis and SECRET_KEY
# settings it already has"), then the guide's configuration.py, unchanged.
DATABASES = {{
    'default': {{
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': {database!r},
        'USER': {DB_USER!r},
        'PASSWORD': {secrets_['db_password']!r},
        'HOST': '127.0.0.1',
        'PORT': {PG_PORT},
        'CONN_MAX_AGE': 300,
    }}
}}
REDIS = {{
    'tasks': {{'HOST': '127.0.0.1', 'PORT': {REDIS_PORT}, 'USERNAME': '', 'PASSWORD': '', 'DATABASE': 0, 'SSL': False}},
    'caching': {{'HOST': '127.0.0.1', 'PORT': {REDIS_PORT}, 'USERNAME': '', 'PASSWORD': '', 'DATABASE': 1, 'SSL': False}},
}}
SECRET_KEY = {secrets_['secret_key']!r}

# ---- the guide's file: {guide_file.relative_to(extract_root)} (mdbook-configcheck extract) ----
"""
    text = guide_file.read_text()
    # The guide's CA path for python-social-auth (SOCIAL_AUTH_VERIFY_SSL) → the harness's CA.
    text = re.sub(r"^(SOCIAL_AUTH_VERIFY_SSL\s*=\s*)'[^']*'", lambda m: m.group(1) + repr(str(TLS / "ca.crt")), text, flags=re.M)
    return prefix + text


def netbox_env(secrets_: dict) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env.update({
        **NB.env(NB.default_root()),
        "NETBOX_OIDC_CLIENT_ID": secrets_["client_id"],
        "NETBOX_OIDC_CLIENT_SECRET": secrets_["client_secret"],
        "REQUESTS_CA_BUNDLE": str(TLS / "ca.crt"),
        "NO_PROXY": f"{NETBOX_HOST},{AUTHENTIK_HOST},127.0.0.1,localhost",
        "PYTHONUNBUFFERED": "1",
    })
    return env


def netbox_manage(args: list[str], env: dict, timeout: float = 900, check: bool = True,
                  log: str | None = None, nb: "NetBoxBuild | None" = None) -> subprocess.CompletedProcess:
    """`netbox <management command>`, from outside the package, with NETBOX_ROOT set."""
    result = run([*(nb or NB).manage(), *args], env=env, cwd=RUN, timeout=timeout, check=False)
    if log:
        with open(LOGS / f"{log}.log", "a") as handle:
            handle.write(f"\n==== netbox {' '.join(args)}\n{result.stdout}")
    if check and result.returncode != 0:
        raise SetupError(f"netbox {' '.join(args)} exited with {result.returncode}:\n{tail(result.stdout, 40)}")
    return result


SITE_SUBSTITUTIONS = [
    (r"(^\s*ssl_certificate\s+)[^;]+;", lambda: str(TLS / "leaf.crt"), "ssl_certificate → the harness's certificate"),
    (r"(^\s*ssl_certificate_key\s+)[^;]+;", lambda: str(TLS / "leaf.key"), "ssl_certificate_key → the harness's key"),
    (r"(location\s+/static/\s*\{[^}]*?\balias\s+)[^;]+;", lambda: str(NB.static_root()) + "/",
     "location /static/ alias → where collectstatic wrote"),
]


def site_text(guide_file: Path) -> tuple[str, list[str]]:
    text = guide_file.read_text()
    done = []
    for pattern, value, what in SITE_SUBSTITUTIONS:
        text, count = re.subn(pattern, lambda m, v=value: m.group(1) + v() + ";", text, flags=re.M)
        if count:
            done.append(f"{what} ({count}×)")
    return text, done


def site_ports(site: str) -> list[tuple[str, int, bool]]:
    """(address token, port, ssl) of every listen directive in the site."""
    out = []
    for match in re.finditer(r"^\s*listen\s+([^;]+);", site, flags=re.M):
        words = match.group(1).split()
        address = words[0]
        port = int(address.rsplit(":", 1)[-1]) if address.rsplit(":", 1)[-1].isdigit() else 80
        out.append((address, port, "ssl" in words[1:]))
    return out


def nginx_main_conf(site_path: Path, site: str, sfe: Path) -> str:
    ports = site_ports(site)
    on_443 = next((address for address, port, _ in ports if port == 443), None)
    # The site already opened port 443 (with its own socket options): only name it again, with ssl.
    listen = f"{on_443} ssl" if on_443 else "[::]:443 ssl ipv6only=off"
    nginx_run = RUN / "nginx"
    return f"""# Written by tests/e2e/harness.py: nginx as the harness's own master process.
daemon off;
worker_processes 1;
pid {nginx_run}/nginx.pid;
error_log {LOGS}/nginx-error.log notice;

events {{
    worker_connections 256;
}}

http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    log_format e2e '$remote_addr [$time_local] "$host" "$request" $status $body_bytes_sent '
                   'upstream=$upstream_addr upstream_status=$upstream_status location="$sent_http_location"';
    access_log {LOGS}/nginx-access.log e2e;
    client_body_temp_path {nginx_run}/body;
    proxy_temp_path {nginx_run}/proxy;
    fastcgi_temp_path {nginx_run}/fastcgi;
    uwsgi_temp_path {nginx_run}/uwsgi;
    scgi_temp_path {nginx_run}/scgi;

    # The guide's nginx site, from mdbook-configcheck extract, with the documented substitutions.
    include {site_path};

    # Authentik behind the same nginx, as in real life: Authentik builds its issuer and discovery
    # URLs from the Host and scheme it is given. nginx stands in for Authentik's front server: it
    # proxies to Authentik's core (gunicorn) and serves the simplified flow executor's built files.
    server {{
        listen {listen};
        server_name {AUTHENTIK_HOST};

        ssl_certificate {TLS}/leaf.crt;
        ssl_certificate_key {TLS}/leaf.key;

        location /static/dist/sfe/ {{
            alias {sfe}/dist/sfe/;
        }}

        location / {{
            proxy_pass http://{AUTHENTIK_LISTEN[0]}:{AUTHENTIK_LISTEN[1]};
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
        }}
    }}
}}
"""


def startup_error(text: str) -> str:
    """The line of a failed start that says why (an exception's message), else the last line."""
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    for line in reversed(lines):
        if re.match(r"^[\w.]+(Error|Exception|ImproperlyConfigured)\b.*:", line):
            return line
    return lines[-1] if lines else text


# --------------------------------------------------------------------------------------------------
# the deployments of the manifest


@dataclass
class Deployment:
    name: str
    variant: dict | None
    expect: list[str]
    files: dict[str, Path]  # file name → extracted file
    blocks: list[dict]  # every block of every file, in manifest order, without repeats
    # variables left out of NetBox's environment (the harness's REQUESTS_CA_BUNDLE, for the scenarios
    # about a NetBox that does not trust Authentik's certificate)
    env_drop: frozenset[str] = frozenset()

    @property
    def chapter(self) -> str | None:
        return self.variant["path"] if self.variant else None


def setting_text(dep: Deployment, name: str) -> str | None:
    """The right-hand side of the deployment's last top-level assignment to `name` in configuration.py."""
    conf = dep.files.get("configuration.py")
    if conf is None or not conf.exists():
        return None
    found = re.findall(rf"^{name}\s*=\s*(.+?)\s*$", conf.read_text(), flags=re.M)
    return found[-1] if found else None


# Variants with no expected rule whose symptom the harness knows from the setting they change
# (a client ID, a client secret, a CA for python-social-auth): name → what it is about.
CREDENTIAL_SETTINGS = {"SOCIAL_AUTH_OIDC_KEY": "client ID", "SOCIAL_AUTH_OIDC_SECRET": "client secret",
                       "SOCIAL_AUTH_VERIFY_SSL": "CA", "LOGGING": "logging",
                       "SOCIAL_AUTH_RAISE_EXCEPTIONS": "exceptions raised"}


def changed_settings(dep: Deployment, main: Deployment) -> list[str]:
    changed = [name for name in CREDENTIAL_SETTINGS if setting_text(dep, name) != setting_text(main, name)]
    by_email = "social_core.pipeline.social_auth.associate_by_email"
    if by_email in dep.files["configuration.py"].read_text() and by_email not in main.files["configuration.py"].read_text():
        changed.append("associate_by_email")
    return changed


def allowed_hosts_is_string(dep: Deployment) -> bool:
    """Whether the deployment's configuration.py assigns ALLOWED_HOSTS a string (its last assignment)."""
    conf = dep.files.get("configuration.py")
    if conf is None or not conf.exists():
        return False
    assignments = re.findall(r"^ALLOWED_HOSTS\s*=\s*(.)", conf.read_text(), flags=re.M)
    return bool(assignments) and assignments[-1] in "'\""


def deployments(extract_root: Path, manifest: dict) -> list[Deployment]:
    out = []
    for entry in manifest["deployments"]:
        files = {f["file"]: extract_root / f["path"] for f in entry["files"]}
        blocks: list[dict] = []
        for f in entry["files"]:
            for block in f["blocks"]:
                item = {"path": block["path"], "line": block["line"], "hash": block["hash"]}
                if item not in blocks:
                    blocks.append(item)
        out.append(Deployment(entry["name"], entry.get("variant"), list(entry.get("expect") or []), files, blocks))
    return out


# --------------------------------------------------------------------------------------------------
# the running stack


# How many coming deployments' NetBoxes load ahead: two keep a short scenario (a 400 page) from
# waiting for the next NetBox to load, on two cores.
SPARES = 2


@dataclass
class Spare:
    """A coming deployment's NetBox: gunicorn that has loaded it and waits at its gate."""
    dep: Deployment
    service: Service
    root: Path  # its NETBOX_ROOT
    gate: Path  # the file that lets it listen
    mark: int  # where its start begins in the gunicorn log


def netbox_files(dep: Deployment) -> tuple[str, str | None]:
    """(configuration.py, custom_pipeline.py or None): what NetBox reads at start."""
    pipeline = dep.files.get("custom_pipeline.py")
    conf = dep.files["configuration.py"].read_text()
    if dep.env_drop:  # another environment is another NetBox start, as another file is
        conf += f"\n# (environment without {', '.join(sorted(dep.env_drop))})\n"
    return conf, pipeline.read_text() if pipeline else None


def blueprint_keys(blueprint: str) -> list[str]:
    """The blueprint lines that choose the provider's keys: a blueprint that keeps them publishes the
    same documents, and NetBox need not restart for it."""
    return [line.strip() for line in blueprint.splitlines() if re.match(r"\s*(signing_key|encryption_key)\s*:", line)]


class Stack:
    def __init__(self, secrets_: dict, extract_root: Path):
        self.secrets = secrets_
        self.extract_root = extract_root
        self.env = netbox_env(secrets_)
        self.redis: Service | None = None
        self.gunicorn: Service | None = None
        self.nginx: Service | None = None
        self.authentik: Authentik | None = None
        self.current: dict[str, str | None] = {}
        self.site_ports: list[tuple[str, int, bool]] = []
        self.substitutions: list[str] = []
        self.netbox_error: str | None = None  # why gunicorn did not start with this configuration
        self.spares: list[Spare] = []  # the coming deployments' NetBoxes, loaded and held at their gates
        self.root = NB.default_root()  # NETBOX_ROOT (classic: the configuration file) of the NetBox now serving
        self.gates = 0
        self.shell: subprocess.Popen | None = None  # `netbox shell` started ahead for this deployment
        self.blueprint_error: str | None = None  # Authentik's message when it refused the blueprint

    def env_for(self, root: Path) -> dict[str, str]:
        """The environment of a NetBox process for the configuration `root` names."""
        env = {k: v for k, v in self.env.items() if k not in ("NETBOX_ROOT", "NETBOX_CONFIGURATION", "PYTHONPATH")}
        return {**env, **NB.env(root)}

    def use_netbox(self, nb: "NetBoxBuild") -> None:
        """Serve another NetBox from now on: everything of the last one's is stopped, nothing of it kept."""
        global NB
        self.drop_shell()
        self.drop_spares()
        if self.gunicorn:
            self.gunicorn.kill()
            self.gunicorn = None
        NB = nb
        self.root = nb.default_root()
        self.env = self.env_for(self.root)
        for key in ("conf", "pipeline", "documents"):
            self.current.pop(key, None)
        self.netbox_error = None

    # ---- services

    def start_redis(self) -> None:
        (RUN / "redis").mkdir(parents=True, exist_ok=True)
        self.redis = Service("redis", ["redis-server", "--port", REDIS_PORT, "--bind", "127.0.0.1", "--dir", RUN / "redis",
                                       "--save", "", "--appendonly", "no", "--daemonize", "no", "--logfile", ""]).start()

        def pong() -> bool:
            with socket.create_connection(("127.0.0.1", REDIS_PORT), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(64).startswith(b"+PONG")

        wait_for("Redis", pong, 30, self.redis)

    def redis_version(self) -> str:
        with socket.create_connection(("127.0.0.1", REDIS_PORT), timeout=5) as sock:
            sock.sendall(b"INFO server\r\n")
            data = b""
            while b"redis_version:" not in data or not data.endswith(b"\r\n"):
                chunk = sock.recv(65536)
                if not chunk:
                    break
                data += chunk
        match = re.search(rb"redis_version:(\S+)", data)
        return match.group(1).decode() if match else "unknown"

    def start_gunicorn(self) -> None:
        self.launch_gunicorn()
        self.wait_for_gunicorn()

    def gunicorn_service(self, name: str, gate: Path | None, root: Path, env_drop: frozenset[str] = frozenset()) -> Service:
        """NetBox's gunicorn with NetBox's own contrib/gunicorn.py and --preload: the master loads NetBox
        before it listens. With a gate, the master then waits until the gate file exists, so the next
        deployment's NetBox loads while the current one is still serving, and takes over in a second."""
        conf = RUN / "gunicorn-e2e.py"
        conf.write_text(
            "# Written by tests/e2e/harness.py: NetBox's contrib/gunicorn.py, then a gate (see Stack.gunicorn_service).\n"
            f"exec(compile(open({str(NB.gunicorn_conf())!r}).read(), 'contrib/gunicorn.py', 'exec'))\n"
            "import os as _os, time as _time\n"
            "def on_starting(server):\n"
            "    gate = _os.environ.get('E2E_GUNICORN_GATE')\n"
            "    if gate:\n"
            "        # What the first request would load, loaded before the gate: the URL configuration\n"
            "        # (every view module) and the login page's template. No request, no database.\n"
            "        try:\n"
            "            from django.urls import get_resolver\n"
            "            get_resolver().resolve('/login/')\n"
            "            from django.template.loader import get_template\n"
            "            get_template('login.html')\n"
            "        except Exception as exc:\n"
            "            print(f'e2e warm-up: {exc!r}', flush=True)\n"
            "        open(gate + '.loaded', 'w').close()\n"
            "        while not _os.path.exists(gate):\n"
            "            _time.sleep(0.02)\n")
        env = {k: v for k, v in self.env_for(root).items() if k not in env_drop}
        if gate is not None:
            gate.unlink(missing_ok=True)
            Path(str(gate) + ".loaded").unlink(missing_ok=True)
            env["E2E_GUNICORN_GATE"] = str(gate)
        return Service(
            name,
            [NB.venv / "bin/gunicorn", "-c", conf, "--preload", "--workers", "1", "--error-logfile", "-",
             "--no-control-socket", *(["--pythonpath", NB.app] if NB.classic else []), "netbox.wsgi"],
            # NetBox's systemd unit (contrib/netbox.service, 4.6 and 4.7): WorkingDirectory=/opt/netbox, the
            # instance root (pip) or the source tree (classic); gunicorn puts it on sys.path, which is
            # where the guide's custom_pipeline.py lives (outside the netbox package)
            env=env, cwd=NB.workdir(),
            stop_signal=signal.SIGQUIT,  # gunicorn's quick shutdown
            log="gunicorn",
        ).start()

    def launch_gunicorn(self, env_drop: frozenset[str] = frozenset()) -> None:
        """Start NetBox's gunicorn without waiting for it (its master takes seconds to load NetBox)."""
        self.gunicorn = self.gunicorn_service("gunicorn", None, self.root, env_drop)

    def wait_for_gunicorn(self) -> None:
        assert self.gunicorn is not None
        headers = {"Host": NETBOX_HOST, "X-Forwarded-Host": NETBOX_HOST, "X-Forwarded-Proto": "https"}
        # Any HTTP answer means a worker has loaded NetBox (a variant may well answer 400).
        wait_for("gunicorn", lambda: http_plain(*GUNICORN, "/login/", headers) > 0, 180, self.gunicorn)

    def prepare(self, coming: list[Deployment], ahead: int = SPARES) -> None:
        """Load the NetBoxes of the next `ahead` coming deployments that restart NetBox, each in a
        gunicorn of its own held at its gate, while the current one serves: one with another
        configuration, or another signing or encryption key in its blueprint (a provider that publishes
        other keys). A NetBox that has served no login holds no provider document, so it is a fresh
        start whatever the blueprint turns out to publish. Deployments with another pipeline module
        are left to start when they come: that file is shared, and the NetBox serving imports it at
        login."""
        wanted: list[Deployment] = []
        serving = self.gunicorn is not None and self.gunicorn.alive()
        conf, pipeline = self.current.get("conf"), self.current.get("pipeline")
        keys = blueprint_keys(self.current["blueprint"]) if "blueprint" in self.current else None
        for dep in coming:
            if len(wanted) == ahead:
                break
            dep_conf, dep_pipeline = netbox_files(dep)
            if serving and dep_pipeline != pipeline:
                break
            dep_keys = blueprint_keys(dep.files["netbox-sso.yaml"].read_text())
            if dep_conf != conf or dep_keys != keys or self.gunicorn is None:
                wanted.append(dep)
            conf, keys = dep_conf, dep_keys
        names = {dep.name for dep in wanted}
        for spare in [s for s in self.spares if s.dep.name not in names]:
            spare.service.stop()
            self.spares.remove(spare)
        for dep in wanted:
            if any(spare.dep.name == dep.name for spare in self.spares):
                continue
            # Its own instance root, so the NetBox now serving and the management commands run for it
            # keep reading their configuration.py.
            used = {self.root} | {spare.root for spare in self.spares}
            root = next(r for r in NB.roots(SPARES + 1) if r not in used)
            self.write_netbox_files(dep, root=root)
            mark = Log("gunicorn").mark()
            self.gates += 1
            gate = RUN / f"gunicorn-gate-{self.gates}"
            service = self.gunicorn_service(f"gunicorn-next-{self.gates}", gate, root, dep.env_drop)
            self.spares.append(Spare(dep, service, root, gate, mark))

    def boot_shell(self) -> None:
        """Start `netbox shell -c` ahead of its script: the same command (Django's `shell`, run by
        `call_command` after `django.setup()`, as `netbox` runs it) in a process that loads NetBox
        while the browser works, and runs the script once it is sent."""
        if self.shell is not None and self.shell.poll() is None:
            return
        boot = ("import os, sys\n"
                "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'netbox.settings')\n"
                "import django\n"
                "django.setup()\n"
                "from django.core.management import call_command\n"
                "call_command('shell', '--no-imports', '-c', sys.stdin.read())\n")
        self.shell = subprocess.Popen([NB.venv / "bin/python", "-c", boot], env=dict(self.env), cwd=RUN, text=True,
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                      start_new_session=True)

    def run_shell(self, script: str) -> subprocess.CompletedProcess:
        """`netbox shell -c script` for the deployment now served, through the process started ahead."""
        self.boot_shell()
        assert self.shell is not None
        shell, self.shell = self.shell, None
        try:
            out, _ = shell.communicate(script, timeout=180)
        except subprocess.TimeoutExpired:
            os.killpg(shell.pid, signal.SIGKILL)
            out, _ = shell.communicate()
        return subprocess.CompletedProcess(shell.args, shell.returncode, out or "", None)

    def drop_shell(self) -> None:
        if self.shell is not None:
            if self.shell.poll() is None:
                os.killpg(self.shell.pid, signal.SIGKILL)
            self.shell.communicate()
            self.shell = None

    def drop_spares(self) -> None:
        for spare in self.spares:
            spare.service.stop()
        self.spares = []
        for gate in RUN.glob("gunicorn-gate-*"):
            gate.unlink(missing_ok=True)

    def use_authentik(self, authentik: "Authentik", coming: list[Deployment]) -> None:
        """Serve this Authentik version from now on: its server, with the test user and the key pairs a
        reader generates; everything else restarts for it (NetBox keeps the last provider's keys in
        memory, nginx serves this version's flow executor)."""
        if self.authentik is not None:
            self.authentik.server.stop()
        self.drop_spares()
        self.authentik = authentik
        self.current = {}
        # The first deployments' NetBoxes load while Authentik starts.
        self.prepare(coming)
        server = authentik.server
        server.start()
        made = []
        for name, alg in KEYPAIRS.items():
            _, generated = server.ensure_keypair(name, alg)
            if generated:
                made.append(name)
        server.ensure_user(USER["username"], USER["password"], USER["email"], USER["name"], USER["groups"].split(","))
        authentik.notes = [f"missing at start, generated through the API: {', '.join(made)}"] if made else []

    def start_nginx(self, site: str) -> None:
        assert self.authentik is not None
        nginx_run = RUN / "nginx"
        nginx_run.mkdir(parents=True, exist_ok=True)
        site_path = nginx_run / "site.conf"
        site_path.write_text(site)
        conf = nginx_run / "nginx.conf"
        conf.write_text(nginx_main_conf(site_path, site, self.authentik.sfe))
        args = ["nginx", "-e", LOGS / "nginx-error.log", "-p", str(nginx_run) + "/", "-c", conf]
        test = run([*args, "-t"], check=False)
        if test.returncode != 0:
            raise SetupError(f"nginx -t failed for the site:\n{tail(test.stdout, 20)}")
        self.site_ports = site_ports(site)
        for port in sorted({p for _, p, _ in self.site_ports} | {443}):
            if not port_free(port):
                raise SetupError(f"port {port} is in use: stop what listens there (the harness runs its own nginx)")
        self.nginx = Service("nginx", args, stop_signal=signal.SIGTERM, log="nginx-master").start()
        for port in sorted({p for _, p, _ in self.site_ports} | {443}):
            wait_for(f"nginx on port {port}", lambda p=port: tcp_open("127.0.0.1", p), 20, self.nginx)

    def stop_all(self) -> None:
        self.drop_shell()
        services = [self.nginx, self.gunicorn, *[spare.service for spare in self.spares],
                    self.authentik.server.service if self.authentik else None, self.redis]
        for service in services:
            if service is not None:
                try:
                    service.kill()  # nothing is under way at the end; a graceful stop only costs time
                except Exception as exc:  # keep stopping the others
                    say(f"stopping {service.name}: {exc}")

    # ---- deployments

    def write_netbox_files(self, dep: Deployment, database: str = DB_NAME, root: Path | None = None) -> tuple[str, str | None]:
        conf = configuration_text(dep.files["configuration.py"], self.secrets, database, self.extract_root)
        conf_file = NB.conf_file(root or self.root)
        # Two configurations written within a second may have the same size: no cached bytecode.
        for cached in conf_file.parent.glob(f"__pycache__/{conf_file.stem}.*"):
            cached.unlink(missing_ok=True)
        conf_file.write_text(conf)
        pipeline_target = NB.workdir() / "custom_pipeline.py"
        (NB.package_dir() / "custom_pipeline.py").unlink(missing_ok=True)  # where earlier runs saved it
        pipeline = dep.files.get("custom_pipeline.py")
        pipeline_text = pipeline.read_text() if pipeline else None
        if pipeline_text is None:
            pipeline_target.unlink(missing_ok=True)
        else:
            pipeline_target.write_text(pipeline_text)
        return conf, pipeline_text

    def apply(self, dep: Deployment) -> list[str]:
        """Make the running stack serve this deployment; restart only what changed. Returns what was (re)started."""
        assert self.authentik is not None
        server = self.authentik.server
        conf, pipeline = netbox_files(dep)  # compared by content: the header names the file
        self.drop_shell()  # it loaded the last deployment's NetBox
        site, self.substitutions = site_text(dep.files["netbox.conf"])
        blueprint = dep.files["netbox-sso.yaml"].read_text()
        changed_blueprint = self.current.get("blueprint") != blueprint
        done = []
        if changed_blueprint:
            self.blueprint_error = server.apply_guide_blueprint(blueprint)
            if self.blueprint_error is None:
                server.set_client_credentials(self.secrets["client_id"], self.secrets["client_secret"])
            self.current["blueprint"] = blueprint
            done.append(f"Authentik {server.version}: apply_blueprint")
        # python-social-auth keeps the provider's discovery document and keys in process memory for
        # 24 h: when the provider publishes other ones, NetBox meets them afresh, as a reader's first
        # try does, not with the previous provider's.
        documents = json.dumps(self.provider_documents(), sort_keys=True)
        restart_gunicorn = (self.current.get("conf") != conf or self.current.get("pipeline") != pipeline
                            or self.current.get("documents") != documents
                            or (not (self.gunicorn and self.gunicorn.alive()) and not self.netbox_error))
        self.current["documents"] = documents
        if restart_gunicorn:
            if self.gunicorn:
                # gunicorn's own quick shutdown takes 3-5 s (its worker's threads, then the
                # master); nothing is under way between scenarios.
                self.gunicorn.kill()
            self.netbox_error = None
            spare = next((s for s in self.spares if netbox_files(s.dep) == (conf, pipeline)), None)
            if spare is not None:
                self.spares.remove(spare)
                self.gunicorn, log_start, how = spare.service, spare.mark, "gunicorn (loaded meanwhile)"
                self.root = spare.root
                self.env = self.env_for(self.root)
                spare.gate.touch()
            else:
                self.write_netbox_files(dep)
                log_start, how = Log("gunicorn").mark(), "gunicorn"
                self.launch_gunicorn(dep.env_drop)
            try:
                self.wait_for_gunicorn()
            except SetupError as exc:
                # NetBox refusing to start is what this deployment does: an observation, not a harness failure.
                # The cause is read from all this start wrote: when both workers fail at once, gunicorn's
                # own two tracebacks push it out of the error's 30-line tail.
                self.netbox_error = startup_error(Log("gunicorn").since(log_start) or str(exc))
                self.gunicorn = None
            self.current["conf"], self.current["pipeline"] = conf, pipeline
            done.append(how)
        if self.current.get("site") != site or not (self.nginx and self.nginx.alive()):
            if self.nginx:
                self.nginx.stop()
            self.start_nginx(site)
            self.current["site"] = site
            done.append("nginx")
        return done

    def provider_documents(self) -> tuple[Any, Any]:
        """The discovery document and key set Authentik publishes for the application `netbox`, as
        NetBox would fetch them (from Authentik directly: nginx may not be serving yet)."""
        assert self.authentik is not None
        base = "/application/o/netbox/"
        server = self.authentik.server
        return (server.get(base + ".well-known/openid-configuration").body, server.get(base + "jwks/").body)

    def netbox_base(self) -> str:
        """The public URL of NetBox for the current site: https on the site's TLS port."""
        tls_ports = [port for _, port, is_ssl in self.site_ports if is_ssl]
        port = tls_ports[0] if tls_ports else 443
        return f"https://{NETBOX_HOST}" + ("" if port == 443 else f":{port}")


# --------------------------------------------------------------------------------------------------
# the browser (tests/e2e/browser.mjs over stdin/stdout)


class Browser:
    def __init__(self, spki: dict):
        self.service = Service("browser", ["node", BROWSER_DRIVER], stdout_pipe=True, cwd=HERE)
        self.spki = spki
        self.counter = 0
        self.version = ""
        self.pending = b""  # read from the driver, not yet a whole line

    def start(self) -> None:
        self.service.start()
        self.pending = b""
        args = [
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-proxy-server",
            f"--host-resolver-rules=MAP {NETBOX_HOST} 127.0.0.1, MAP {AUTHENTIK_HOST} 127.0.0.1",
            f"--ignore-certificate-errors-spki-list={self.spki['leaf_spki']},{self.spki['ca_spki']}",
        ]
        self.version = self.call("launch", executablePath=CHROMIUM, args=args)["version"]

    def call(self, cmd: str, timeout: float = 120, **params: Any) -> Any:
        process = self.service.process
        if process is None or process.poll() is not None:
            raise SetupError(f"the browser driver is not running:\n{tail(self.service.log.since(0), 20)}")
        self.counter += 1
        assert process.stdin and process.stdout
        process.stdin.write((json.dumps({"id": self.counter, "cmd": cmd, **params}) + "\n").encode())
        process.stdin.flush()
        deadline = time.monotonic() + timeout
        while True:
            line = self.next_line(process.stdout.fileno(), deadline)
            if line is None:
                raise SetupError(f"the browser did not answer {cmd} within {timeout:.0f} s")
            answer = json.loads(line)
            # A late answer to an earlier command that timed out is not this command's answer.
            if answer.get("id") in (self.counter, None):
                break
        if not answer.get("ok"):
            raise BrowserError(f"browser {cmd}: {answer.get('error')}", answer.get("trace"))
        return answer["result"]

    def next_line(self, fd: int, deadline: float) -> bytes | None:
        """The driver's next line, or None at the deadline. Read unbuffered, with a buffer of its
        own: a buffered reader may hold the next answer already while select() waits on an empty pipe."""
        while b"\n" not in self.pending:
            ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                return None
            chunk = os.read(fd, 1 << 16)
            if not chunk:
                raise SetupError(f"the browser driver exited:\n{tail(self.service.log.since(0), 20)}")
            self.pending += chunk
        line, _, self.pending = self.pending.partition(b"\n")
        return line

    def stop(self) -> None:
        if self.service.alive():
            try:
                self.call("quit", timeout=15)
            except Exception:
                pass
        self.service.stop()


class BrowserError(Exception):
    def __init__(self, message: str, trace: dict | None):
        super().__init__(message)
        self.trace = trace


# --------------------------------------------------------------------------------------------------
# scenarios


@dataclass
class Outcome:
    name: str
    ok: bool = True
    checks: list[str] = field(default_factory=list)  # what was seen, one line each
    problems: list[str] = field(default_factory=list)
    traces: list[dict] = field(default_factory=list)
    symptom: str = ""  # what the guide says happens (variants)
    notes: list[str] = field(default_factory=list)  # observations that are neither pass nor fail

    def check(self, condition: bool, seen: str, problem: str | None = None) -> bool:
        if condition:
            self.checks.append(seen)
        else:
            self.ok = False
            self.problems.append(problem or seen)
        return condition

    def note(self, text: str) -> None:
        self.notes.append(text)

    @property
    def observed(self) -> str:
        return "; ".join((self.checks if self.ok else self.problems + self.checks) + self.notes)


def step_of(trace: dict, name: str) -> dict | None:
    return next((s for s in trace.get("steps", []) if s["step"] == name), None)


def last_step(trace: dict) -> dict:
    steps = trace.get("steps") or [{}]
    return steps[-1]


def authorize_nav(trace: dict) -> dict | None:
    return next((n for n in trace.get("navigations", []) if "/application/o/authorize/" in n["url"]), None)


def redirect_uri_of(url: str) -> str | None:
    values = parse_qs(urlsplit(url).query).get("redirect_uri")
    return values[0] if values else None


def authentik_login_form(shot: dict | None) -> bool:
    """Authentik's login page: a flow page of authentik.yourdomain.com whose form greets the user
    (the default authentication flow's title, as the simplified flow executor renders it)."""
    return bool(shot) and urlsplit(shot.get("url", "")).hostname == AUTHENTIK_HOST \
        and "/if/flow/" in shot.get("url", "") and "Welcome to authentik" in (shot.get("text") or "")


def redirect_uri_error_page(shot: dict | None) -> bool:
    """Authentik's answer to an unregistered redirect URI: a 400 page headed "Redirect URI Error"
    (the browser tab says "authentik")."""
    return bool(shot) and urlsplit(shot.get("url", "")).hostname == AUTHENTIK_HOST and shot.get("status") == 400 \
        and REDIRECT_URI_ERROR in (shot.get("text") or "")


def server_error(page: str) -> str:
    """What NetBox's 500 page says about the exception (with DEBUG off too): the lines after
    "The complete exception is provided below:" up to the Python version."""
    # (the page text the browser reports is cut at 3,000 characters: a long message may end there)
    match = re.search(r"(<class '[^']+'>.*?)(?:\s*Python version|$)", page, flags=re.S)
    return re.sub(r"\s+", " ", match.group(1)).strip() if match else ""


def log_note(log: str, words: tuple[str, ...]) -> str:
    """What NetBox's log (gunicorn's output) said during a failed sign-on."""
    found = [w for w in words if w in log]
    if found:
        return f"NetBox's log names {', '.join(found)}"
    return ("NetBox's log (gunicorn's output) shows nothing of it (NetBox's default LOGGING is empty: Django "
            "logs a 500 only with DEBUG, python-social-auth's messages below WARNING go nowhere)"
            + (f": {excerpt(log, 200)}" if log.strip() else ""))


def describe(shot: dict | None) -> str:
    if not shot:
        return "(no page)"
    return f"{shot.get('status')} {shot.get('url')} “{shot.get('title')}”"


class Runner:
    def __init__(self, stack: Stack, browser: Browser):
        self.stack = stack
        self.browser = browser
        self.main_facts: dict[str, str] = {}
        self.main_dep: Deployment | None = None
        self.deps: list[Deployment] = []  # every scenario's deployment (some checks combine two)
        self.scenario_started = ""  # Authentik's clock when the scenario began (its events are read from then on)
        self.marks: dict[str, int] = {}  # where each log stood when the scenario began

    # ---- helpers

    def sso(self, outcome: Outcome, url: str) -> dict:
        self.browser.call("context")
        try:
            trace = self.browser.call("sso", url=url, username=USER["username"], password=USER["password"])
        except BrowserError as exc:
            trace = exc.trace or {}
            outcome.check(False, "", f"browser: {exc}")
        outcome.traces.append(trace)
        return trace

    def goto(self, outcome: Outcome, url: str) -> dict:
        trace = self.browser.call("goto", url=url)
        outcome.traces.append(trace)
        return trace

    def netbox_facts(self) -> dict:
        script = (
            "import json\n"
            "from django.contrib.auth import get_user_model\n"
            "from django.core import checks\n"
            "from social_django.models import UserSocialAuth\n"
            "users = [dict(username=u.username, email=u.email, first_name=u.first_name, last_name=u.last_name,"
            " is_active=u.is_active, last_login=u.last_login.isoformat() if u.last_login else None)"
            " for u in get_user_model().objects.order_by('pk')]\n"
            "social = [dict(user=s.user.username, provider=s.provider, uid=s.uid) for s in UserSocialAuth.objects.all()]\n"
            "errors = [f'{m.id}: {m.msg}' for m in checks.run_checks() if m.level >= checks.ERROR]\n"
            "print('E2E-JSON ' + json.dumps(dict(users=users, social=social, errors=errors)))\n"
        )
        return self.netbox_shell(script)

    def netbox_shell(self, script: str, more: bool = False) -> dict:
        """Run Python inside NetBox (`netbox shell -c`); the script prints one line `E2E-JSON {…}`.
        `more`: another call follows, so the next shell starts loading now."""
        result = self.stack.run_shell(script)
        with open(LOGS / "netbox.log", "a") as handle:
            handle.write(f"\n==== netbox shell -c (exit {result.returncode})\n{result.stdout}")
        if more:
            self.stack.boot_shell()
        line = next((l for l in result.stdout.splitlines() if l.startswith("E2E-JSON ")), None)
        if line is None:
            raise SetupError(f"netbox shell did not answer:\n{tail(result.stdout, 30)}")
        return json.loads(line[len("E2E-JSON "):])

    def provider_documents(self) -> tuple[dict, dict]:
        base = f"https://{AUTHENTIK_HOST}/application/o/netbox/"
        discovery = https("GET", base + ".well-known/openid-configuration")
        jwks = https("GET", base + "jwks/")
        return (json.loads(discovery.body) if discovery.status == 200 else {"status": discovery.status},
                json.loads(jwks.body) if jwks.status == 200 else {"status": jwks.status})

    def post_begin_without_origin(self, base: str) -> Reply:
        """What the guide's Try-it curl does at the button, minus the browser's Origin header."""
        page = https("GET", f"{base}/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
        if page.status != 200 or not token:
            return page
        return https("POST", f"{base}/oauth/begin/oidc/", body=urlencode({"csrfmiddlewaretoken": token.group(1)}),
                     cookies=page.cookies, headers={"Referer": f"{base}/login/"})

    # ---- main

    def main(self, dep: Deployment) -> Outcome:
        self.main_dep = dep
        out = Outcome("main")
        self.stack.boot_shell()  # the user is checked through NetBox after the sign-in
        base = self.stack.netbox_base()
        trace = self.sso(out, f"{base}/login/")
        login = step_of(trace, "login page")
        out.check(bool(login) and login["status"] == 200 and bool(trace.get("button")),
                  f"GET /login/ → 200 with the sign-on button “{trace.get('button')}”",
                  f"login page: {describe(login)}")
        self.main_facts["login"] = f"GET /login/ → {login['status'] if login else '?'}"
        begin = trace.get("begin") or {}
        if NB.classic:
            # NetBox 4.6: the button is a link, and the login begins with a GET (social-auth-app-django 5.9)
            get = next((n for n in trace.get("navigations", []) if urlsplit(n["url"]).path == "/oauth/login/oidc/"), {})
            out.check(trace.get("buttonKind") == "link" and get.get("method") == "GET" and get.get("status") == 302,
                      f"the sign-on button is a link: GET /oauth/login/oidc/ → {get.get('status')} (to Authentik)",
                      f"sign-on button {trace.get('buttonKind')}, GET /oauth/login/oidc/: {get or 'not sent'}")
            self.main_facts["begin"] = f"GET /oauth/login/oidc/ → {get.get('status')}"
        else:
            out.check(trace.get("buttonKind") == "form" and begin.get("status") == 200 and "json" in (begin.get("type") or ""),
                      f"POST /oauth/begin/oidc/ → {begin.get('status')} (JSON with Authentik's URL)",
                      f"POST /oauth/begin/oidc/: {begin or 'not sent'}")
            self.main_facts["begin"] = f"POST /oauth/begin/oidc/ → {begin.get('status')}"
        authorize = authorize_nav(trace)
        sent = redirect_uri_of(authorize["url"]) if authorize else None
        out.check(sent == f"https://{NETBOX_HOST}/oauth/complete/oidc/",
                  f"redirect_uri sent to Authentik: {sent}", f"redirect_uri sent to Authentik: {sent}")
        self.main_facts["redirect_uri"] = f"redirect_uri {sent} accepted"
        form = step_of(trace, "after the sign-on button")
        out.check(authentik_login_form(form),
                  "Authentik's login form shown (no Redirect URI Error)", f"after the button: {describe(form)}")
        final = step_of(trace, "after signing in at Authentik")
        signed_in = bool(final) and urlsplit(final["url"]).hostname == NETBOX_HOST and final["status"] == 200 \
            and (final.get("user") or "").startswith(USER["username"])
        out.check(signed_in, f"back at NetBox {urlsplit(final['url']).path if final else ''} signed in as “{final.get('user') if final else ''}”",
                  f"after signing in: {describe(final)}, user menu {final.get('user') if final else None!r}")
        if final:
            out.check(SSO_FAILED not in final["text"], "no “Single sign-on failed”", "NetBox says “Single sign-on failed”")
        self.main_facts["signed_in"] = "signed in" if signed_in else "not signed in"

        facts = self.netbox_facts()
        user = next((u for u in facts["users"] if u["username"] == USER["username"]), None)
        out.check(bool(user) and user["email"] == USER["email"] and user["is_active"] and user["last_login"],
                  f"NetBox has user {user['username'] if user else '?'} <{user['email'] if user else '?'}> "
                  f"({user['first_name'] if user else ''} {user['last_name'] if user else ''}), last login {user['last_login'] if user else ''}",
                  f"NetBox's users: {facts['users']}")
        # Authentik's profile mapping sends the full name as given_name and no family_name; python-social-auth
        # splits `name` only when both are empty: the first name holds the whole name (troubleshooting.md)
        out.check(bool(user) and user["first_name"] == USER["name"] and user["last_name"] == "",
                  f"first name “{user['first_name'] if user else ''}”, last name empty (Authentik's given_name is the full name)",
                  f"names: first {user['first_name'] if user else None!r}, last {user['last_name'] if user else None!r} – "
                  f"the guide says the first name is “{USER['name']}” and the last name empty")
        social = [s for s in facts["social"] if s["user"] == USER["username"]]
        out.check(bool(social) and social[0]["provider"] == "oidc",
                  f"social-auth association provider={social[0]['provider'] if social else '?'} uid={social[0]['uid'][:16] + '…' if social else '?'}",
                  f"no oidc association for the user: {facts['social']}")
        out.check(not facts["errors"], "Django system checks: no errors", f"Django system checks: {facts['errors']}")
        self.main_facts["checks"] = "system checks clean" if not facts["errors"] else "; ".join(facts["errors"])

        discovery, jwks = self.provider_documents()
        algs = discovery.get("id_token_signing_alg_values_supported")
        uses = [k.get("use") for k in jwks.get("keys", [])]
        out.check(algs == ["RS256"] and uses == ["sig"], f"provider: {algs}, JWKS uses {uses}",
                  f"provider documents: discovery algs {algs}, JWKS {jwks}")
        self.main_facts["provider"] = f"{algs}, JWKS {uses}"

        if signed_in:
            try:
                logout = self.browser.call("logout")
            except BrowserError as exc:
                logout = exc.trace or {}
                out.check(False, "", f"logout: {exc}")
            out.traces.append(logout)
            after = last_step(logout)
            end_session = f"https://{AUTHENTIK_HOST}/application/o/netbox/end-session/"
            via_end_session = any(n["url"] == end_session for n in logout.get("navigations", []))
            out.check(via_end_session and urlsplit(after.get("url", "")).hostname == AUTHENTIK_HOST,
                      f"Log Out (via {logout.get('via')}) → {end_session} → {after.get('url')} "
                      f"“{excerpt(after.get('text', ''), 120)}”",
                      f"after Log Out (via {logout.get('via')}): {describe(after)}, end-session visited: {via_end_session}")
            # Same browser context (Authentik's cookie kept): NetBox's session is gone, and the sign-on
            # button leads to Authentik's login form again, so Authentik's session is gone too.
            again = self.browser.call("sso", url=f"{base}/", username=USER["username"], password=USER["password"],
                                      signIn=False)
            out.traces.append(again)
            first = step_of(again, "login page") or {}
            out.check(urlsplit(first.get("url", "")).path == "/login/" and not first.get("user"),
                      f"NetBox's session ended: / → {urlsplit(first.get('url', '')).path}",
                      f"after logout NetBox still shows {describe(first)} user={first.get('user')!r}")
            form = step_of(again, "after the sign-on button") or {}
            out.check(authentik_login_form(form),
                      "Authentik's session ended: the button leads to its login form again",
                      f"after logout the button leads to {describe(form)}")
        return out

    # ---- variants: symptoms by expected rule

    def host_400(self, out: Outcome, dep: Deployment) -> None:
        base = self.stack.netbox_base()
        for path in ("/login/", "/"):
            mark = Log("nginx-access").mark()
            trace = self.goto(out, base + path)
            shot = last_step(trace)
            # nginx's own error page also says "400 Bad Request": the access log tells that NetBox said it.
            from_netbox = "upstream_status=400" in Log("nginx-access").since(mark)
            why = f" because NetBox does not start: {self.stack.netbox_error}" if self.stack.netbox_error else ""
            out.check(shot.get("status") == 400 and from_netbox,
                      f"GET {path} → 400 Bad Request from NetBox (main: {self.main_facts.get('login', 'GET /login/ → 200')})",
                      f"GET {path}: {describe(shot)}{why} (upstream answered 400: {from_netbox}) – expected NetBox's 400 Bad Request")

    def does_not_start(self, out: Outcome, dep: Deployment) -> None:
        base = self.stack.netbox_base()
        error = self.stack.netbox_error or ""
        out.check("ALLOWED_HOSTS setting must be a list or a tuple" in error,
                  f"NetBox does not start: {error}", f"NetBox started (or failed otherwise: {error or 'no error'}) – expected ImproperlyConfigured")
        shot = last_step(self.goto(out, base + "/login/"))
        out.check(shot.get("status") == 502, "GET /login/ → 502 Bad Gateway", f"GET /login/: {describe(shot)} – expected 502")

    def csrf_403(self, out: Outcome, dep: Deployment) -> None:
        base = self.stack.netbox_base()
        trace = self.sso(out, f"{base}/login/")
        begin = trace.get("begin") or {}
        shot = step_of(trace, "after the sign-on button") or {}
        out.check(begin.get("status") == 403, f"POST /oauth/begin/oidc/ → 403 (main: {self.main_facts.get('begin')})",
                  f"POST /oauth/begin/oidc/: {begin or 'not sent'} – expected 403")
        out.check(bool(shot.get("ssoErrorVisible")) and SSO_BEGIN_FAILED in (shot.get("text") or ""),
                  f"login page says “{SSO_BEGIN_FAILED}”", f"after the button: {describe(shot)} – expected “{SSO_BEGIN_FAILED}”")
        # the local login form: the chapter says it fails with 403 too
        form_trace = self.local_login(out, base)
        shot = last_step(form_trace)
        out.check(shot.get("status") == 403 and "CSRF verification failed" in (shot.get("text") or ""),
                  "local login form → 403 “CSRF verification failed”", f"local login form: {describe(shot)} – expected 403 CSRF")

    def local_login_403(self, out: Outcome, dep: Deployment) -> None:
        shot = last_step(self.local_login(out, self.stack.netbox_base()))
        out.check(shot.get("status") == 403 and "CSRF verification failed" in (shot.get("text") or ""),
                  "local login form → 403 “CSRF verification failed”", f"local login form: {describe(shot)} – expected 403 CSRF")

    def local_login(self, out: Outcome, base: str) -> dict:
        self.browser.call("context")
        trace = self.browser.call("localLogin", url=f"{base}/login/", username="nobody", password="wrong")
        out.traces.append(trace)
        return trace

    def redirect_uri_error(self, out: Outcome, dep: Deployment, expect_in_uri: str | None = None) -> None:
        base = self.stack.netbox_base()
        trace = self.sso(out, f"{base}/login/")
        shot = step_of(trace, "after the sign-on button") or {}
        authorize = authorize_nav(trace)
        sent = redirect_uri_of(authorize["url"]) if authorize else None
        out.check(redirect_uri_error_page(shot), f"Authentik answers 400 “{REDIRECT_URI_ERROR}” for redirect_uri={sent} "
                            f"(main: {self.main_facts.get('redirect_uri')})",
                  f"after the button: {describe(shot)} (redirect_uri={sent}) – expected Authentik's “{REDIRECT_URI_ERROR}”")
        if expect_in_uri is not None:
            out.check(sent is not None and expect_in_uri in sent, f"the redirect URI carries {expect_in_uri}",
                      f"redirect_uri {sent} lacks {expect_in_uri}")
        self.configuration_error_event(out, sent)

    def configuration_error_event(self, out: Outcome, sent: str | None) -> None:
        """The chapter: Authentik refuses the URI before its flow starts, so it records no event for
        it (its authorize view only logs a warning, cause redirect_uri_no_match, without the URI)."""
        assert self.stack.authentik is not None
        events = self.stack.authentik.server.events("configuration_error", self.scenario_started)
        logged = [l for l in Log("authentik").since(self.marks.get("authentik", 0)).splitlines()
                  if "redirect_uri_no_match" in l]
        out.check(sent is not None and not events and bool(logged) and not any(sent in l for l in logged),
                  "Authentik's event log has no event for it; its server log has a warning "
                  "(cause redirect_uri_no_match) that does not name the URI",
                  f"the chapter says Authentik records no event and logs a warning without the URI (sent: {sent}): "
                  f"events {[excerpt(str(e.get('context')), 200) for e in events] or 'none'}, log lines {logged or 'none'}")

    def redirect_uri_error_past_csrf(self, out: Outcome, dep: Deployment) -> None:
        """With the scheme lost the browser's POST fails CSRF first; without an Origin header (the
        Try-it curl, minus -H Origin) it passes, and shows the redirect URI Authentik then refuses."""
        base = self.stack.netbox_base()
        reply = self.post_begin_without_origin(base)
        location = reply.headers.get("location", "")
        sent = redirect_uri_of(location)
        out.check(reply.status == 302 and sent is not None,
                  f"POST /oauth/begin/oidc/ without an Origin header (CSRF passes) → 302, redirect_uri={sent}",
                  f"POST /oauth/begin/oidc/ without Origin → {reply.status} {location or excerpt(reply.body, 200)}")
        if not location:
            return
        out.check(sent is not None and sent.startswith("http://"), "NetBox sends an http:// redirect URI",
                  f"redirect URI {sent} is not http://")
        self.browser.call("context")
        trace = self.goto(out, location)
        shot = last_step(trace)
        out.check(redirect_uri_error_page(shot),
                  f"Authentik answers 400 “{REDIRECT_URI_ERROR}” for it", f"Authentik: {describe(shot)} – expected “{REDIRECT_URI_ERROR}”")
        self.configuration_error_event(out, sent)

    def wrong_port(self, out: Outcome, dep: Deployment) -> None:
        base = self.stack.netbox_base()
        public = urlsplit(base).netloc
        trace = self.sso(out, f"{base}/login/")
        begin = trace.get("begin") or {}
        authorize = authorize_nav(trace)
        sent = redirect_uri_of(authorize["url"]) if authorize else None
        back = next((n for n in trace.get("navigations", []) if urlsplit(n["url"]).path == "/oauth/complete/oidc/"), None)
        landed = urlsplit(back["url"]).netloc if back else None
        reached = back is not None and landed != public
        final = last_step(trace)
        if reached:
            out.check(True, f"NetBox sent redirect_uri={sent}; after signing in the browser is sent to "
                            f"{back['url'].split('?')[0]} (port lost; NetBox is at {public}) and gets {describe(final)}")
            return
        detail = f"POST /oauth/begin/oidc/ → {begin.get('status')}"
        shot = step_of(trace, "after the sign-on button") or {}
        if shot.get("ssoErrorVisible"):
            detail += f", the login page says “{SSO_BEGIN_FAILED}”"
        out.check(False, "", f"the browser never reaches Authentik: {detail} (Django's CSRF check compares the browser's "
                             f"Origin https://{public} with https://{NETBOX_HOST}, the origin NetBox derives from "
                             "X-Forwarded-Host $host, which has no port); the local login form fails the same way")
        # What NetBox would send if the POST got through: the Try-it POST with the Origin and Referer
        # NetBox believes in (its host without the port), then the authorize URL in the browser.
        origin = f"https://{NETBOX_HOST}"
        page = https("GET", f"{base}/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
        if not token:
            return
        reply = https("POST", f"{base}/oauth/begin/oidc/", body=urlencode({"csrfmiddlewaretoken": token.group(1)}),
                      cookies=page.cookies, headers={"Origin": origin, "Referer": f"{origin}/login/"})
        location = reply.headers.get("location", "")
        past = redirect_uri_of(location)
        if not past:
            out.note(f"a POST with Origin {origin} → {reply.status}")
            return
        self.browser.call("context")
        followed = self.browser.call("authorize", url=location, username=USER["username"], password=USER["password"])
        out.traces.append(followed)
        back = next((n for n in followed.get("navigations", []) if urlsplit(n["url"]).path == "/oauth/complete/oidc/"), None)
        final = last_step(followed)
        out.note(f"only a POST whose Origin is NetBox's portless idea of itself ({origin}) passes; NetBox then sends "
                 f"redirect_uri={past}, the provider accepts it, and after signing in the browser is sent to "
                 f"{back['url'].split('?')[0] if back else '?'} (port 443 instead of {urlsplit(base).port}; here nginx's "
                 f"only server on 443 is Authentik's): {describe(final)}")

    def sso_failed(self, out: Outcome) -> dict:
        """Sign in; answer the page NetBox ends on and what gunicorn logged meanwhile."""
        marks = log_marks()
        base = self.stack.netbox_base()
        trace = self.sso(out, f"{base}/login/")
        final = step_of(trace, "after signing in at Authentik") or last_step(trace)
        return {"trace": trace, "final": final, "log": Log("gunicorn").since(marks["gunicorn"])}

    def encrypted(self, out: Outcome, dep: Deployment) -> None:
        discovery, jwks = self.provider_documents()
        uses = [k.get("use") for k in jwks.get("keys", [])]
        out.check("enc" in uses, f"the provider's JWKS lists a key with \"use\": \"enc\" (main: {self.main_facts.get('provider')})",
                  f"JWKS: {jwks}")
        seen = self.sso_failed(out)
        final = seen["final"]
        if NB.classic:
            # social-core 4.8 (NetBox 4.6) lets PyJWT's error through: NetBox's 500 page names it
            page = final.get("text") or ""
            named = [e for e in ("DecodeError", "PyJWKError") if e in page]
            out.check(final.get("status") == 500 and urlsplit(final.get("url", "")).path == "/oauth/complete/oidc/"
                      and bool(named),
                      f"NetBox's 500 page at /oauth/complete/oidc/ names {excerpt(server_error(page), 160)} "
                      f"(main: {self.main_facts.get('signed_in')})",
                      f"after signing in: {describe(final)}: {excerpt(page, 300)} – expected a 500 naming DecodeError or PyJWKError")
            out.note(log_note(seen["log"], ("DecodeError", "PyJWKError", "Invalid payload padding")))
            return
        out.check(urlsplit(final.get("url", "")).path == "/login/" and SSO_FAILED in (final.get("text") or "") and not final.get("user"),
                  f"back at NetBox's login page: “{SSO_FAILED}” (main: {self.main_facts.get('signed_in')})",
                  f"after signing in: {describe(final)}: {excerpt(final.get('text', ''), 300)} – expected “{SSO_FAILED}”")
        # The chapter says the reason reaches no log (NetBox's middleware replaces it): if it ever
        # does, the chapter is wrong.
        reasons = [w for w in ("Invalid payload padding", "Unable to find an algorithm") if w in seen["log"] + final.get("text", "")]
        out.check(not reasons,
                  "neither NetBox's log (gunicorn's output) nor the page names the reason "
                  f"(gunicorn logged: {excerpt(seen['log'], 200) or 'nothing'}); NetBox's SocialAuthExceptionMiddleware "
                  "replaces the exception's text with the generic sentence, and python-social-auth logs only that "
                  "sentence (at INFO, on the 'social' logger)",
                  f"the chapter says the reason reaches no log, but {', '.join(reasons)} is shown")

    def ec_key(self, out: Outcome, dep: Deployment) -> None:
        discovery, jwks = self.provider_documents()
        algs = discovery.get("id_token_signing_alg_values_supported")
        kinds = [k.get("kty") for k in jwks.get("keys", [])]
        out.check(algs == ["ES256"] and kinds == ["EC"], f"discovery lists {algs}, the key set's key is {kinds} "
                                                         f"(main: {self.main_facts.get('provider')})",
                  f"discovery algs {algs}, JWKS {jwks} – the chapter says ES256 and an EC key")
        seen = self.sso_failed(out)
        final = seen["final"]
        out.check(urlsplit(final.get("url", "")).path == "/login/" and SSO_FAILED in (final.get("text") or "")
                  and not final.get("user"),
                  f"back at NetBox's login page: “{SSO_FAILED}” (main: {self.main_facts.get('signed_in')})",
                  f"after signing in: {describe(final)}: {excerpt(final.get('text', ''), 300)} – expected “{SSO_FAILED}”")

    def no_signing_key(self, out: Outcome, dep: Deployment) -> None:
        discovery, jwks = self.provider_documents()
        algs = discovery.get("id_token_signing_alg_values_supported")
        out.check(jwks == {} and algs == ["HS256"], f"the provider's JWKS is {{}} and discovery lists {algs} "
                                                    f"(main: {self.main_facts.get('provider')})",
                  f"JWKS {jwks}, algs {algs}")
        seen = self.sso_failed(out)
        final = seen["final"]
        back = urlsplit(final.get("url", "")).hostname == NETBOX_HOST
        out.check(back and not final.get("user"),
                  f"the login fails after Authentik: {describe(final)}" + (f", “{SSO_FAILED}”" if SSO_FAILED in final.get("text", "") else ""),
                  f"after signing in: {describe(final)} user={final.get('user')!r} – expected the login to fail")
        page = final.get("text", "")
        out.check(final.get("status") == 500 and "<class 'KeyError'>" in page and "'keys'" in page,
                  "NetBox's 500 page shows <class 'KeyError'> 'keys', as the chapter says",
                  f"after signing in: {describe(final)}: {excerpt(page, 300)} – the chapter says a 500 page naming KeyError 'keys'")
        in_log = [w for w in ("KeyError: 'keys'", "HS256", "not allowed", "algorithm") if w in seen["log"]]
        out.note(f"NetBox's log says {', '.join(in_log)}" if in_log else
                 "NetBox's log (gunicorn's output) shows nothing (Django logs a 500 only with a LOGGING "
                 "configuration or DEBUG, and NetBox's default LOGGING is empty)"
                 + (f": {excerpt(seen['log'], 200)}" if seen["log"].strip() else ""))

    def type_error_500(self, out: Outcome, dep: Deployment) -> None:
        base = self.stack.netbox_base()
        marks = log_marks()
        with_next = self.sso(out, f"{base}/login/?next=/")
        final = step_of(with_next, "after signing in at Authentik") or {}
        out.check(final.get("status") == 200 and bool(final.get("user")),
                  "a login that starts at /login/?next=/ works (signed in)",
                  f"login from /login/?next=/: {describe(final)} – the guide says it works")
        direct = self.sso(out, f"{base}/login/")
        final = step_of(direct, "after signing in at Authentik") or last_step(direct)
        out.check(final.get("status") == 500 and urlsplit(final.get("url", "")).path == "/oauth/complete/oidc/",
                  f"a login that starts at /login/ directly → 500 at /oauth/complete/oidc/ (main: {self.main_facts.get('signed_in')})",
                  f"login from /login/: {describe(final)} – expected 500 at /oauth/complete/oidc/")
        log = Log("gunicorn").since(marks["gunicorn"])
        message = "argument of type 'bool' is not iterable"
        page = final.get("text", "")
        out.check("<class 'TypeError'>" in page and message in page,
                  f"NetBox's 500 page names <class 'TypeError'> and “{message}” (DEBUG off), as the chapter says",
                  f"the 500 page: {excerpt(page, 300)} – the chapter says it names <class 'TypeError'> and “{message}”")
        out.check("TypeError" not in log, "NetBox's log (gunicorn's output) does not name it (no LOGGING configured)",
                  f"NetBox's log names the TypeError, but the chapter says nothing reaches the log: {excerpt(log, 300)}")

    def with_blueprint_of(self, dep: Deployment, rule: str) -> Deployment | None:
        """`dep`'s NetBox files with the files of the troubleshooting scenario that expects `rule`
        (its broken provider): a setting that shows a failure needs one to show."""
        other = next((d for d in self.deps if rule in d.expect), None)
        if other is None:
            return None
        return Deployment(f"{dep.name} + {other.name}", None, [], {**other.files, "configuration.py": dep.files["configuration.py"],
                          **({"custom_pipeline.py": dep.files["custom_pipeline.py"]} if "custom_pipeline.py" in dep.files else {})},
                          [], env_drop=dep.env_drop)

    def logging_names_exception(self, out: Outcome, dep: Deployment) -> None:
        combined = self.with_blueprint_of(dep, "authentik/signing-key-missing")
        if not out.check(combined is not None, "the LOGGING block laid over the scenario without a signing key", "no scenario with the provider without a signing key to combine with"):
            return
        self.signs_in(out, dep)
        self.stack.apply(combined)
        seen = self.sso_failed(out)
        final, log = seen["final"], seen["log"]
        out.check(final.get("status") == 500, f"with the provider without a signing key: {describe(final)}",
                  f"with the provider without a signing key: {describe(final)} – expected NetBox's 500")
        out.check("Internal Server Error: /oauth/complete/oidc/" in log and "KeyError: 'keys'" in log,
                  "NetBox's log (gunicorn's output): “Internal Server Error: /oauth/complete/oidc/” and the traceback "
                  "ending in “KeyError: 'keys'” (main, without LOGGING: nothing)",
                  f"NetBox's log: {excerpt(log, 400) or 'nothing'} – expected the 500 with KeyError 'keys'")

    def raise_exceptions(self, out: Outcome, dep: Deployment) -> None:
        combined = self.with_blueprint_of(dep, "authentik/signing-key-ec")
        if not out.check(combined is not None, "the setting laid over the scenario with the EC signing key", "no scenario with the provider's EC key to combine with"):
            return
        self.stack.apply(combined)
        seen = self.sso_failed(out)
        final = seen["final"]
        page = final.get("text") or ""
        out.check(final.get("status") == 500 and "AuthTokenError" in page and SSO_FAILED not in page,
                  f"with the provider's EC key: NetBox's 500 page names {excerpt(server_error(page), 200)} "
                  "instead of “Single sign-on failed”",
                  f"with the provider's EC key: {describe(final)}: {excerpt(page, 300)} – expected a 500 naming AuthTokenError")
        out.note(log_note(seen["log"], ("AuthTokenError", "alg value is not allowed")))

    def local_account_then_sso(self, out: Outcome, dep: Deployment, when: str) -> list[dict] | None:
        """NetBox with `dep`'s files and a local account of the Authentik user's name and e-mail (made
        by hand, with a password), nothing else of that e-mail; sign in through Authentik; answer the
        accounts with that e-mail afterwards (username, oidc association)."""
        self.stack.apply(dep)
        if self.stack.netbox_error:
            out.check(False, "", f"{when}: NetBox did not start: {self.stack.netbox_error}")
            return None
        accounts = (
            "import json\n"
            "from django.contrib.auth import get_user_model\n"
            "from social_django.models import UserSocialAuth\n"
            f"users = get_user_model().objects.filter(email={USER['email']!r}).order_by('pk')\n"
            "print('E2E-JSON ' + json.dumps([dict(username=u.username, oidc=UserSocialAuth.objects.filter(user=u, "
            "provider='oidc').exists()) for u in users]))\n")
        self.netbox_shell(
            "import json\n"
            "from django.contrib.auth import get_user_model\n"
            "User = get_user_model()\n"
            f"User.objects.filter(email={USER['email']!r}).delete()\n"
            f"User.objects.filter(username={USER['username']!r}).delete()\n"
            f"User.objects.create_user({USER['username']!r}, {USER['email']!r}, 'a-local-password-1')\n"
            "print('E2E-JSON ' + json.dumps(True))\n", more=True)
        trace = self.sso(out, f"{self.stack.netbox_base()}/login/")
        final = step_of(trace, "after signing in at Authentik") or last_step(trace)
        out.check(bool(final.get("user")), f"{when}: signed in through Authentik as “{final.get('user')}”",
                  f"{when}: not signed in: {describe(final)}")
        return self.netbox_shell(accounts)

    def existing_account(self, out: Outcome, dep: Deployment) -> None:
        assert self.main_dep is not None
        before = self.local_account_then_sso(out, self.main_dep, "NetBox's default pipeline")
        if before is not None:
            names = [a["username"] for a in before]
            out.check(len(before) == 2 and names[0] == USER["username"] and not before[0]["oidc"]
                      and before[1]["oidc"] and re.fullmatch(re.escape(USER["username"]) + "[0-9a-f]{16}", names[1]) is not None,
                      f"with NetBox's default pipeline: two accounts, the local “{names[0]}” and the new “{names[1] if len(names) > 1 else '?'}” "
                      "(its name made unique by python-social-auth), which the sign-on uses",
                      f"with NetBox's default pipeline the accounts are {before} – the chapter says a second account")
        after = self.local_account_then_sso(out, dep, "with associate_by_email")
        if after is not None:
            out.check(after == [{"username": USER["username"], "oidc": True}],
                      f"with associate_by_email: one account, the local “{USER['username']}”, now associated with Authentik",
                      f"with associate_by_email the accounts are {after} – the chapter says the local one is used")

    def wrong_client_id(self, out: Outcome, dep: Deployment) -> None:
        """A client ID Authentik does not know (mistyped, or None from a missing environment variable)."""
        base = self.stack.netbox_base()
        mark = Log("gunicorn").mark()
        trace = self.sso(out, f"{base}/login/")
        shot = step_of(trace, "after the sign-on button") or last_step(trace)
        log = Log("gunicorn").since(mark)
        out.check("Traceback" not in log and "Request failed" not in log, "NetBox's log (gunicorn's output): nothing",
                  f"NetBox logged: {excerpt(log, 300)} – the chapter says NetBox logs nothing")
        authorize = authorize_nav(trace)
        sent = (parse_qs(urlsplit(authorize["url"]).query).get("client_id") or [None])[0] if authorize else None
        out.check(urlsplit(shot.get("url", "")).hostname == AUTHENTIK_HOST and shot.get("status") == 400
                  and "Client ID Error" in (shot.get("text") or ""),
                  f"NetBox sends client_id={sent}; Authentik answers 400 “Client ID Error”: "
                  f"“{excerpt(shot.get('text', ''), 160)}” (main: Authentik's login form)",
                  f"after the button: {describe(shot)} (client_id={sent}): {excerpt(shot.get('text', ''), 300)} "
                  "– expected Authentik's “Client ID Error”")
        assert self.stack.authentik is not None
        events = self.stack.authentik.server.events("configuration_error", self.scenario_started)
        out.note(f"Authentik's events: {'; '.join(excerpt(str(e.get('context', {}).get('message') or e.get('context')), 120) for e in events) or 'none'}")

    def wrong_client_secret(self, out: Outcome, dep: Deployment) -> None:
        """The right client ID with a secret Authentik does not accept (mistyped, or the one from before it
        was regenerated): Authentik's login form works, its token endpoint refuses NetBox."""
        marks = log_marks()
        seen = self.sso_failed(out)
        final = seen["final"]
        form = step_of(seen["trace"], "after the sign-on button")
        out.check(authentik_login_form(form), "Authentik's login form is shown as usual",
                  f"after the button: {describe(form)} – expected Authentik's login form")
        out.check(urlsplit(final.get("url", "")).path == "/login/" and SSO_FAILED in (final.get("text") or "")
                  and not final.get("user"),
                  f"after signing in, back at NetBox's login page: “{SSO_FAILED}” (main: {self.main_facts.get('signed_in')})",
                  f"after signing in: {describe(final)}: {excerpt(final.get('text', ''), 300)} – expected “{SSO_FAILED}”")
        log = seen["log"]
        out.check("Request failed with" in log and "invalid_client" in log,
                  "NetBox's log (gunicorn's output, with no LOGGING configured) says: "
                  + excerpt(next((l for l in log.splitlines() if "Request failed with" in l), ""), 200),
                  f"NetBox's log: {excerpt(log, 300) or 'nothing'} – expected python-social-auth's “Request failed with …: "
                  "invalid_client”")
        authentik_log = Log("authentik").since(marks["authentik"])
        out.check("Invalid client secret" in authentik_log, "Authentik's server log: “Invalid client secret”",
                  f"Authentik's log has no “Invalid client secret”: {excerpt(authentik_log[-600:], 300)}")

    def untrusted_ca(self, out: Outcome, dep: Deployment) -> None:
        """Authentik's certificate from a CA python-requests does not know (certifi's bundle, not the
        system's): first the main deployment's NetBox without REQUESTS_CA_BUNDLE (the symptom), then
        the variant (SOCIAL_AUTH_VERIFY_SSL naming the CA, still without REQUESTS_CA_BUNDLE)."""
        assert self.main_dep is not None
        symptom = Deployment(f"{dep.name} (main, no CA)", None, [], self.main_dep.files, [],
                             env_drop=frozenset({"REQUESTS_CA_BUNDLE"}))
        self.stack.apply(symptom)
        if self.stack.netbox_error:
            out.check(False, "", f"NetBox did not start without REQUESTS_CA_BUNDLE: {self.stack.netbox_error}")
            return
        marks = log_marks()
        base = self.stack.netbox_base()
        trace = self.sso(out, f"{base}/login/")
        shot = step_of(trace, "after the sign-on button") or last_step(trace)
        log = Log("gunicorn").since(marks["gunicorn"])
        begin = trace.get("begin") or next((n for n in trace.get("navigations", [])
                                            if urlsplit(n["url"]).path == "/oauth/login/oidc/"), {})
        at_netbox = urlsplit(shot.get("url", "")).hostname == NETBOX_HOST and not authorize_nav(trace)
        message = SSO_FAILED if NB.classic else SSO_BEGIN_FAILED
        out.check(at_netbox and message in (shot.get("text") or ""),
                  f"without REQUESTS_CA_BUNDLE the sign-on never reaches Authentik: {begin.get('method')} "
                  f"{urlsplit(begin.get('url', '')).path} → {begin.get('status')}, the login page says “{message}”",
                  f"without REQUESTS_CA_BUNDLE: {describe(shot)}, begin {begin}: {excerpt(shot.get('text', ''), 300)} "
                  f"– expected NetBox's login page with “{message}”")
        out.note(log_note(log, ("CERTIFICATE_VERIFY_FAILED", "SSLError", "AuthConnectionError")))
        self.stack.apply(dep)
        if self.stack.netbox_error:
            out.check(False, "", f"NetBox did not start with SOCIAL_AUTH_VERIFY_SSL: {self.stack.netbox_error}")
            return
        trace = self.sso(out, f"{base}/login/")
        final = step_of(trace, "after signing in at Authentik") or last_step(trace)
        out.check(urlsplit(final.get("url", "")).hostname == NETBOX_HOST and (final.get("user") or "") == USER["username"],
                  f"with SOCIAL_AUTH_VERIFY_SSL = the CA's file (and still no REQUESTS_CA_BUNDLE): signed in as "
                  f"“{final.get('user')}”",
                  f"with SOCIAL_AUTH_VERIFY_SSL: {describe(final)} user={final.get('user')!r} – expected to be signed in")

    def wrong_endpoint(self, out: Outcome, dep: Deployment) -> None:
        base = self.stack.netbox_base()
        conf = dep.files["configuration.py"].read_text()
        endpoint = re.findall(r"^SOCIAL_AUTH_OIDC_OIDC_ENDPOINT\s*=\s*'([^']+)'", conf, flags=re.M)[-1]
        discovery = https("GET", endpoint.rstrip("/") + "/.well-known/openid-configuration")
        out.check(discovery.status == 404, f"GET {endpoint}/.well-known/openid-configuration → {discovery.status} (Authentik)",
                  f"the endpoint's discovery document answered {discovery.status}: {excerpt(discovery.body, 200)}")
        marks = log_marks()
        trace = self.sso(out, f"{base}/login/")
        begin = trace.get("begin") or {}
        shot = step_of(trace, "after the sign-on button") or last_step(trace)
        log = Log("gunicorn").since(marks["gunicorn"])
        if NB.classic:
            # NetBox 4.6: the link's GET fetches the discovery document, and requests' HTTPError for its 404
            # is no python-social-auth error: NetBox's 500 page names it
            page = shot.get("text") or ""
            out.check(urlsplit(shot.get("url", "")).hostname == NETBOX_HOST and not authorize_nav(trace)
                      and shot.get("status") == 500 and "requests.exceptions.HTTPError" in page and "404" in page,
                      f"the sign-on never reaches Authentik: GET /oauth/login/oidc/ → NetBox's 500 page naming "
                      f"{excerpt(server_error(page), 200)} (main: {self.main_facts.get('begin')})",
                      f"after the button: {describe(shot)}: {excerpt(page, 300)} – the chapter says a 500 naming "
                      "requests' HTTPError 404")
            out.note(f"the page says: {excerpt(shot.get('text', ''), 300)}; NetBox's log: {excerpt(log, 300) or 'nothing'}")
            return
        out.check(urlsplit(shot.get("url", "")).hostname == NETBOX_HOST and not authorize_nav(trace)
                  and begin.get("status") == 500 and bool(shot.get("ssoErrorVisible"))
                  and SSO_BEGIN_FAILED in (shot.get("text") or ""),
                  f"the sign-on never reaches Authentik: POST /oauth/begin/oidc/ → 500, the login page says "
                  f"“{SSO_BEGIN_FAILED}” (main: {self.main_facts.get('begin')})",
                  f"after the button: {describe(shot)}, begin {begin} – the chapter says the POST answers 500 and "
                  f"the page says “{SSO_BEGIN_FAILED}”")
        out.note(f"the page says: {excerpt(shot.get('text', ''), 200)}; NetBox's log: {excerpt(log, 300) or 'nothing'}")

    def sign_in_log_out_and_return(self, out: Outcome) -> tuple[dict, dict] | None:
        """Sign in through Authentik, press Log Out, then press the sign-on button again without
        signing in: the logout's trace and the page the button leads to (None if signing in failed)."""
        base = self.stack.netbox_base()
        first = self.sso(out, f"{base}/login/")
        final = step_of(first, "after signing in at Authentik") or {}
        if not out.check(bool(final.get("user")), f"signed in through Authentik as “{final.get('user')}”",
                         f"could not sign in first: {describe(final)}"):
            return None
        logout = self.browser.call("logout")
        out.traces.append(logout)
        again = self.browser.call("sso", url=f"{base}/login/", username=USER["username"], password=USER["password"],
                                  signIn=False)
        out.traces.append(again)
        return logout, step_of(again, "after the sign-on button") or {}

    def wrong_logout_url(self, out: Outcome, dep: Deployment) -> None:
        seen = self.sign_in_log_out_and_return(out)
        if seen is None:
            return
        logout, shot = seen
        after = last_step(logout)
        out.check(urlsplit(after.get("url", "")).hostname == AUTHENTIK_HOST and after.get("status") == 404,
                  f"Log Out → {after.get('url')} → {after.get('status')} “{excerpt(after.get('text', ''), 80)}”",
                  f"after Log Out: {describe(after)} – expected Authentik's 404 for another application's end-session")
        out.check((shot.get("user") or "") == USER["username"],
                  f"Authentik's session survived: the sign-on button signs in again as “{shot.get('user')}” without a password",
                  f"after Log Out the sign-on button leads to {describe(shot)} – expected straight back in")

    def logout_keeps_session(self, out: Outcome, dep: Deployment) -> None:
        """The chapter: with the provider's default invalidation flow, NetBox's Log Out passes through
        Authentik's end-session, and the next sign-on needs no password."""
        seen = self.sign_in_log_out_and_return(out)
        if seen is None:
            return
        logout, shot = seen
        end_session = f"https://{AUTHENTIK_HOST}/application/o/netbox/end-session/"
        out.check(any(n["url"] == end_session for n in logout.get("navigations", [])),
                  f"Log Out → {end_session} → {last_step(logout).get('url')}",
                  f"Log Out did not pass through {end_session}: {describe(last_step(logout))}")
        out.check(urlsplit(shot.get("url", "")).hostname == NETBOX_HOST and (shot.get("user") or "") == USER["username"],
                  f"the sign-on button signs in again as “{shot.get('user')}” without Authentik asking for a password "
                  "(main: Authentik's login form)",
                  f"after Log Out the sign-on button leads to {describe(shot)} – the chapter says straight back in")

    def csrf_origin_without_scheme(self, out: Outcome, dep: Deployment) -> None:
        result = netbox_manage(["check"], self.stack.env, timeout=180, check=False)
        error = next((l.strip() for l in result.stdout.splitlines() if "4_0.E001" in l), None)
        out.check(result.returncode != 0 and error is not None,
                  f"netbox check → exit {result.returncode}: {error} (main: {self.main_facts.get('checks')})",
                  f"netbox check → exit {result.returncode}: {tail(result.stdout, 8)} – expected 4_0.E001")

    def signs_in(self, out: Outcome, dep: Deployment) -> None:
        base = self.stack.netbox_base()
        trace = self.sso(out, f"{base}/login/")
        final = step_of(trace, "after signing in at Authentik") or last_step(trace)
        out.check(urlsplit(final.get("url", "")).hostname == NETBOX_HOST and final.get("status") == 200
                  and (final.get("user") or "") == USER["username"],
                  f"signed in through Authentik as “{final.get('user')}” ({describe(final)})",
                  f"after signing in: {describe(final)} user={final.get('user')!r} – expected to be signed in")

    def groups_sync(self, out: Outcome, dep: Deployment) -> None:
        """The groups chapter: NetBox groups and superuser status follow Authentik's `groups` claim."""
        self.stack.boot_shell()
        prepare = (
            "import json\n"
            "from django.contrib.auth import get_user_model\n"
            "from netbox.authentication import Group\n"
            "mapped, _ = Group.objects.get_or_create(name='netbox-users')\n"
            "by_hand, _ = Group.objects.get_or_create(name='netbox-readers')\n"
            f"user = get_user_model().objects.filter(username={USER['username']!r}).first()\n"
            "if user is not None:\n"
            "    user.groups.set([by_hand]); user.is_superuser = False; user.save()\n"
            "print('E2E-JSON ' + json.dumps(dict(user=user is not None)))\n"
        )
        before = self.netbox_shell(prepare, more=True)
        if not before["user"]:
            # Only a user who already has a group given by hand shows that the pipeline also takes
            # groups away: the first sign-in makes the user, then the groups are set and it signs in again.
            out.note(f"{USER['username']} does not exist yet: a first sign-in makes the user")
            self.signs_in(out, dep)
            before = self.netbox_shell(prepare, more=True)
        out.check(before["user"], f"before: NetBox groups netbox-users and netbox-readers exist; {USER['username']} "
                  "is in netbox-readers (given by hand) and no superuser",
                  f"{USER['username']} does not exist in NetBox, even after signing in")
        self.signs_in(out, dep)
        after = self.netbox_shell(
            "import json\n"
            "from django.contrib.auth import get_user_model\n"
            f"user = get_user_model().objects.get(username={USER['username']!r})\n"
            "print('E2E-JSON ' + json.dumps(dict(groups=sorted(g.name for g in user.groups.all()),"
            " superuser=user.is_superuser)))\n"
        )
        claimed = USER["groups"].split(",")
        out.check(after["groups"] == ["netbox-users"],
                  f"Authentik groups {claimed} → NetBox groups {after['groups']} (netbox-users added, netbox-readers "
                  "removed, staff ignored: no such NetBox group)",
                  f"Authentik groups {claimed} → NetBox groups {after['groups']}, expected ['netbox-users']")
        out.check(after["superuser"] is True, "member of netbox-superusers in Authentik → NetBox superuser",
                  f"is_superuser={after['superuser']} although the user is in netbox-superusers")

    # rule → (symptom the chapter describes, checker)
    def plan(self, dep: Deployment) -> tuple[list[tuple[str, Callable[[Outcome, Deployment], None]]], list[str]]:
        rules = set(dep.expect)
        host = HOST_RULES
        csrf = CSRF_RULES
        known = host | csrf | {"flow/redirect-uri-mismatch", "nginx/port-lost", "authentik/encryption-key-set",
                               "authentik/signing-key-missing", "netbox/login-redirect-url-type",
                               "netbox/csrf-trusted-origins-scheme", "flow/logout-keeps-authentik-session",
                               "flow/oidc-endpoint-mismatch", "flow/logout-url-mismatch", "authentik/signing-key-ec"}
        unknown = sorted(rules - known)
        plan: list[tuple[str, Callable[[Outcome, Deployment], None]]] = []
        if "netbox/allowed-hosts-type" in rules and allowed_hosts_is_string(dep):
            # Django 6.1 (NetBox 4.7) refuses a string at start-up: the chapter says NetBox does not start.
            plan.append(("NetBox does not start (ImproperlyConfigured); nginx answers 502", self.does_not_start))
        elif rules & host:
            # The chapter: the host check comes first; this site answers 400 before any CSRF check can fail.
            plan.append(("400 Bad Request on every NetBox page", self.host_400))
        elif rules & csrf and NB.classic:
            # NetBox 4.6: the button is a link, its GET is not checked for CSRF: the lost scheme or port
            # shows where the redirect URI is used; the local login form (a POST) still fails CSRF.
            if "flow/redirect-uri-mismatch" in rules:
                plan.append(("NetBox 4.6: the sign-on link reaches Authentik, which answers “Redirect URI Error” for "
                             "the http:// redirect URI", lambda o, d: self.redirect_uri_error(o, d, "http://")))
            elif "nginx/port-lost" in rules:
                plan.append(("NetBox 4.6: the sign-on link reaches Authentik; after signing in the browser is sent to "
                             "the wrong port", self.wrong_port))
            plan.append(("the local login form → 403 CSRF verification failed", self.local_login_403))
        else:
            if rules & csrf:
                plan.append(("403 on the sign-on POST: “Unable to begin single sign-on”; local login 403 CSRF", self.csrf_403))
                if "flow/redirect-uri-mismatch" in rules:
                    plan.append(("Authentik refuses the http:// redirect URI once past CSRF", self.redirect_uri_error_past_csrf))
            elif "flow/redirect-uri-mismatch" in rules:
                port = next((p for _, p, s in self.stack.site_ports if s and p != 443), None)
                plan.append(("Authentik's “Redirect URI Error” page",
                             lambda o, d: self.redirect_uri_error(o, d, f":{port}/" if port else None)))
            if "nginx/port-lost" in rules and not rules & csrf:
                plan.append(("redirect URI without the port: the browser is sent to the wrong port", self.wrong_port))
        if "authentik/encryption-key-set" in rules:
            plan.append(("“Single sign-on failed”, and the reason reaches no log",
                         self.encrypted))
        if "authentik/signing-key-ec" in rules:
            plan.append(("the provider signs ES256 with its EC key; NetBox says “Single sign-on failed”", self.ec_key))
        if "authentik/signing-key-missing" in rules:
            plan.append(("the login fails after Authentik with a 500 page naming KeyError 'keys'", self.no_signing_key))
        if "netbox/login-redirect-url-type" in rules:
            plan.append(("500 after login, the page naming a TypeError, for a login started at /login/", self.type_error_500))
        if "flow/oidc-endpoint-mismatch" in rules:
            plan.append(("the endpoint names no application: its discovery document is Authentik's 404, and the "
                         "sign-on never reaches Authentik", self.wrong_endpoint))
        if "flow/logout-url-mismatch" in rules:
            plan.append(("Log Out lands on Authentik's 404 page, and Authentik's session survives", self.wrong_logout_url))
        if "flow/logout-keeps-authentik-session" in rules:
            plan.append(("after Log Out, the sign-on button signs the user in again without a password",
                         self.logout_keeps_session))
        if "netbox/csrf-trusted-origins-scheme" in rules:
            plan.append(("the scheme-less CSRF_TRUSTED_ORIGINS entry is rejected (never matches)", self.csrf_origin_without_scheme))
        changed = changed_settings(dep, self.main_dep) if not rules and self.main_dep else []
        if "SOCIAL_AUTH_VERIFY_SSL" in changed:
            plan.append(("without REQUESTS_CA_BUNDLE NetBox does not trust Authentik's certificate and the sign-on "
                         "fails; with SOCIAL_AUTH_VERIFY_SSL naming the CA it signs in", self.untrusted_ca))
        elif "SOCIAL_AUTH_OIDC_KEY" in changed:
            plan.append(("Authentik answers “Client ID Error” before its login form", self.wrong_client_id))
        elif "associate_by_email" in changed:
            plan.append(("a local account with the user's name: single sign-on makes a second account; with "
                         "associate_by_email it signs in to the local one", self.existing_account))
        elif "LOGGING" in changed:
            plan.append(("with this LOGGING, a failed sign-on's 500 (the provider without a signing key) is in NetBox's "
                         "log with its traceback", self.logging_names_exception))
        elif "SOCIAL_AUTH_RAISE_EXCEPTIONS" in changed:
            plan.append(("with it, “Single sign-on failed” (the provider's EC key) becomes a 500 page naming the "
                         "exception", self.raise_exceptions))
        elif "SOCIAL_AUTH_OIDC_SECRET" in changed:
            plan.append(("after Authentik's login form: “Single sign-on failed”; Authentik logs “Invalid client "
                         "secret”", self.wrong_client_secret))
        elif not rules:
            if "custom_pipeline.py" in dep.files and "'custom_pipeline." in dep.files["configuration.py"].read_text():
                plan.append(("signs in; NetBox groups and superuser status follow Authentik's groups claim", self.groups_sync))
            else:
                plan.append(("signs in like the main deployment", self.signs_in))
        return plan, unknown

    def variant(self, dep: Deployment) -> Outcome:
        out = Outcome(dep.name)
        plan, unknown = self.plan(dep)
        out.symptom = "; ".join(s for s, _ in plan)
        if unknown:
            out.check(False, "", f"no symptom known to the harness for expected rule(s) {', '.join(unknown)}: "
                                 "teach tests/e2e/harness.py (Runner.plan) what the chapter says happens")
        elif not plan:
            # Known rules in a combination no checker covers: passing would prove nothing.
            out.check(False, "", f"no symptom check planned for {', '.join(sorted(dep.expect))}: "
                                 "teach tests/e2e/harness.py (Runner.plan) what the chapter says happens")
        if self.stack.netbox_error:
            out.note(f"NetBox (gunicorn) did not start: {self.stack.netbox_error}")
        for _, checker in plan:
            try:
                checker(out, dep)
            except BrowserError as exc:
                out.traces.append(exc.trace or {})
                out.check(False, "", str(exc))
        return out


# --------------------------------------------------------------------------------------------------
# reporting


def print_evidence(outcome: Outcome, marks: dict[str, int], restarted: list[str], substitutions: list[str]) -> None:
    if outcome.symptom:
        print(f"     symptom the chapter describes: {outcome.symptom}")
    for problem in outcome.problems:
        print(f"     ✗ {problem}")
    for seen in outcome.checks:
        print(f"     ✓ {seen}")
    for note in outcome.notes:
        print(f"     · {note}")
    print(f"     (restarted: {', '.join(restarted) or 'nothing'}; nginx substitutions: {', '.join(substitutions) or 'none'})")
    for trace in outcome.traces:
        if not trace:
            continue
        for shot in trace.get("steps", []):
            print(f"     page [{shot['step']}]: {describe(shot)}")
            print("       " + excerpt(shot.get("text", ""), 400).replace("\n", "\n       "))
        if trace.get("begin"):
            print(f"     POST begin: {trace['begin']}")
        for nav in trace.get("navigations", []):
            print(f"     nav: {nav['method']} {nav['status']} {nav['url'][:200]}")
        for failure in trace.get("failures", []):
            print(f"     failed: {failure}")
        for message in trace.get("console", []):
            print(f"     console: {message}")
    for name, text in log_excerpts(marks).items():
        print(f"     --- {name} log:")
        print("       " + text.replace("\n", "\n       "))


def netbox_versions(nb: NetBoxBuild) -> dict[str, str]:
    """What `nb` runs on, read from its virtual environment (classic: NetBox's own release.yaml)."""
    names = ['Django', 'social-auth-core', 'social-auth-app-django', 'gunicorn', 'PyJWT'] + ([] if nb.classic else ['netbox'])
    meta = run([nb.venv / "bin/python", "-c",
                "import importlib.metadata as m, json, platform; print(json.dumps({**{n: m.version(n) for n in "
                f"{names!r}}}, 'python': platform.python_version()}}))"]).stdout
    packages = json.loads(meta.strip().splitlines()[-1])
    if nb.classic:
        release = re.search(r"^version:\s*\"?([\w.]+)", (nb.app / "release.yaml").read_text(), flags=re.M)
        packages["netbox"] = release.group(1) if release else "?"
    return {
        "netbox": packages["netbox"],
        "django": packages["Django"],
        "social_auth_core": packages["social-auth-core"],
        "social_auth_app_django": packages["social-auth-app-django"],
        "pyjwt": packages["PyJWT"],
        "gunicorn": packages["gunicorn"],
        "python": packages["python"],
    }


def versions(stack: Stack, pg: Postgres, browser: Browser, nb: NetBoxBuild) -> dict[str, str]:
    packages = netbox_versions(nb)
    nginx = run(["nginx", "-v"]).stdout.strip()
    return {
        "netbox": packages["netbox"],
        "nginx": nginx.split("/", 1)[-1],
        "postgresql": pg.server_version().split()[0],
        "redis": stack.redis_version(),
        "chromium": browser.version,
        **{k: v for k, v in packages.items() if k != "netbox"},
    }


@dataclass
class Result:
    """One scenario: its deployment and its outcome against each Authentik version (on NetBox
    NETBOX_VERSION), and on the older NetBox (NETBOX_CLASSIC) where it ran there too."""
    dep: Deployment
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    older: dict[str, dict[str, Outcome]] = field(default_factory=dict)  # NetBox version → Authentik version → outcome

    def every(self) -> list[Outcome]:
        return [*self.outcomes.values(), *(o for runs in self.older.values() for o in runs.values())]

    @property
    def ok(self) -> bool:
        return bool(self.outcomes) and all(o.ok for o in self.every())


def write_record(results: list[Result], found_versions: dict[str, str], authentiks: list[Authentik],
                 older: list[dict]) -> None:
    record = {
        "version": 2,
        "verified_at": datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "versions": found_versions,
        "authentik": [
            {"version": a.version, "python": a.python,
             "pages": "Authentik's simplified flow executor (its full web UI is not built here)",
             **({"notes": a.notes} if a.notes else {})}
            for a in authentiks
        ],
        # older NetBox releases the version-dependent scenarios also ran on: what each ran on, and against
        # which Authentik (each scenario's "netbox" says what it showed there)
        **({"older_netbox": older} if older else {}),
        "scenarios": [
            {
                "name": result.dep.name,
                "result": "pass" if result.ok else "fail",
                **({"variant": result.dep.variant} if result.dep.variant else {}),
                **({"expect": result.dep.expect} if result.dep.expect else {}),
                **({"symptom": next(iter(result.outcomes.values())).symptom}
                   if result.outcomes and next(iter(result.outcomes.values())).symptom else {}),
                "authentik": {
                    version: {"result": "pass" if outcome.ok else "fail", "observed": outcome.observed}
                    for version, outcome in result.outcomes.items()
                },
                # the same scenario on an older NetBox, where its outcome depends on NetBox's version
                **({"netbox": {
                    netbox: {"authentik": {
                        version: {"result": "pass" if outcome.ok else "fail", "observed": outcome.observed}
                        for version, outcome in runs.items()}}
                    for netbox, runs in result.older.items()}} if result.older else {}),
                "blocks": result.dep.blocks,
            }
            for result in results
        ],
    }
    RECORD.parent.mkdir(parents=True, exist_ok=True)
    RECORD.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n")
    say(f"wrote {RECORD.relative_to(REPO)}")


# --------------------------------------------------------------------------------------------------
# main


# Expected rules whose symptom depends on NetBox's version (its social-auth-core, its exception
# handling, its sign-on button): their scenarios also run on NetBox NETBOX_CLASSIC.
NETBOX_DEPENDENT = {"authentik/encryption-key-set", "authentik/signing-key-ec", "authentik/signing-key-missing",
                    "netbox/login-redirect-url-type", "flow/oidc-endpoint-mismatch"}
# The proxy symptoms the sign-on button's method decides (4.7: a POST, checked for CSRF first; 4.6: a GET
# link, not checked), unless the host is refused first (400 on both).
CSRF_RULES = {"flow/csrf-origin-fails", "nginx/missing-forwarded-proto"}
HOST_RULES = {"flow/host-refused", "flow/allowed-hosts-missing-public-host", "netbox/allowed-hosts-type",
              "netbox/allowed-hosts-entry", "nginx/missing-forwarded-host", "nginx/forwarded-host-appended",
              "nginx/headers-lost-by-inheritance"}


def depends_on_netbox(dep: Deployment, main: Deployment) -> bool:
    """main, the version-dependent symptoms, the settings whose effect this harness knows, and the
    groups chapter's pipeline (where NetBox imports custom_pipeline from differs by install layout)."""
    return (dep.name == "main" or bool(set(dep.expect) & NETBOX_DEPENDENT)
            or (bool(set(dep.expect) & CSRF_RULES) and not set(dep.expect) & HOST_RULES)
            or (not dep.expect and (bool(changed_settings(dep, main)) or dep.chapter == "src/groups.md")))


def order(deps: list[Deployment]) -> list[Deployment]:
    """main first, then the variants grouped so that as little as possible restarts between them."""
    main = [d for d in deps if d.name == "main"]
    if not main:
        raise SetupError("the manifest has no main deployment")
    ref = main[0]

    def same(d: Deployment, name: str) -> bool:
        return d.files[name].read_bytes() == ref.files[name].read_bytes()

    def keys(d: Deployment) -> list[str]:
        return blueprint_keys(d.files["netbox-sso.yaml"].read_text())

    rest = [d for d in deps if d.name != "main"]
    rest.sort(key=lambda d: (not same(d, "configuration.py"), not same(d, "netbox-sso.yaml"), keys(d) != keys(ref),
                             d.files["configuration.py"].read_text(), d.files["netbox-sso.yaml"].read_text(),
                             d.files["netbox.conf"].read_text(), d.name))
    return main + rest


def prepare_netbox_template(nb: NetBoxBuild, secrets_: dict, extract_root: Path, pg: Postgres, main: Deployment,
                            venv: Future) -> None:
    """`nb`'s migrated template database and collected static files (kept), once its venv is there."""
    venv.result()
    env = {k: v for k, v in netbox_env(secrets_).items() if k not in ("NETBOX_ROOT", "NETBOX_CONFIGURATION")}
    env.update(nb.env(nb.default_root()))
    want = f"netbox {nb.version}\n"
    conf_file = nb.conf_file(nb.default_root())
    if not (nb.template_marker.is_file() and nb.template_marker.read_text() == want and pg.exists(nb.template_db)):
        say(f"migrating the template database {nb.template_db} of {nb.label} (once; NetBox's migrations take "
            "about 5 minutes)")
        nb.template_marker.unlink(missing_ok=True)
        pg.recreate(nb.template_db)
        conf_file.write_text(configuration_text(main.files["configuration.py"], secrets_, nb.template_db, extract_root))
        netbox_manage(["migrate", "--no-input"], env, timeout=2400, log="migrate", nb=nb)
        nb.template_marker.write_text(want)
    else:
        say(f"template database {nb.template_db}: kept")
    conf_file.write_text(configuration_text(main.files["configuration.py"], secrets_, DB_NAME, extract_root))
    if not (nb.static_marker.is_file() and nb.static_marker.read_text() == want and nb.static_root().is_dir()):
        say(f"collectstatic for {nb.label}")
        netbox_manage(["collectstatic", "--no-input"], env, log="netbox", nb=nb)
        nb.static_marker.write_text(want)


def harness(args: argparse.Namespace) -> int:
    # Setup steps that do not depend on each other run side by side (see below).
    setup = ThreadPoolExecutor(max_workers=6, thread_name_prefix="setup")
    pg: Postgres | None = None
    stack: Stack | None = None
    browser: Browser | None = None
    results: list[Result] = []
    authentiks: list[Authentik] = []
    newest = ""  # --newest: the versions used, said again at the end
    try:
        step("preparing (idempotent)")
        ensure_root_and_namespace()
        for directory in (STATE, RUN, LOGS, AUTHENTIK_STATE, SFE_STATE):
            directory.mkdir(parents=True, exist_ok=True)
        os.chmod(STATE, 0o755)
        if args.newest:
            netbox_version, authentik_version = newest_netbox(), newest_authentik()
            global NB
            NB = NetBoxBuild(netbox_version)
            args.authentik = [authentik_version]
            pinned = authentik_install.release(authentik_version).pinned
            origin = ("$E2E_AUTHENTIK_NEWEST" if os.environ.get("E2E_AUTHENTIK_NEWEST")
                      else "the newest of authentik_install.RELEASES")
            newest = (f"newest versions: NetBox {netbox_version} (pip index versions netbox), Authentik "
                      f"{authentik_version} ({origin}; "
                      f"{'pinned' if pinned else 'unpinned: the sha256 and commit of its archive are said below'})")
            say(newest + (f"; state of NetBox {netbox_version}: {NB.home}" if NB.home != STATE else ""))
        stop_leftovers()
        for name in LOG_NAMES + ["nginx-master", "redis", "browser", "migrate", "netbox", "authentik-manage"]:
            (LOGS / f"{name}.log").write_text("")
        private_hosts()
        ensure_packages()
        # What needs no database installs meanwhile (each Authentik version, NetBox's venv), while
        # cargo builds the checker: on a fresh machine these take most of the setup's time.
        installs = {version: setup.submit(install_authentik, version) for version in args.authentik}
        primary = NB
        # NetBox 4.6 (the source archive, classic layout) for the scenarios whose outcome depends on
        # NetBox's version, against one Authentik version (the matrix's time budget)
        older = [] if args.newest or args.quick or not args.older else [NetBoxBuild(NETBOX_CLASSIC, classic=True)]
        older_authentik = args.authentik[-1]
        netbox_venvs = {nb.version: setup.submit(lambda nb=nb: (nb.ensure_venv(), nb.ensure_instance()))
                        for nb in [primary, *older]}
        extract_root, manifest = extract_guide()
        all_deps = deployments(extract_root, manifest)
        # main, every troubleshooting variant, and the optional groups chapter's working pipeline (the
        # only way custom_pipeline.py, a file of the main deployment, actually runs)
        chosen = [d for d in all_deps if d.name == "main" or d.chapter == "src/troubleshooting.md"
                  or (d.chapter == "src/groups.md" and not d.expect)
                  # the wrong application slug, in NetBox's endpoint and in its logout URL
                  or set(d.expect) & {"flow/oidc-endpoint-mismatch", "flow/logout-url-mismatch"}]
        if args.only is not None:
            unknown = sorted(set(args.only) - {d.name for d in chosen})
            if unknown:
                raise SetupError(f"--only: no such scenario {', '.join(unknown)} (scenarios: "
                                 f"{', '.join(d.name for d in chosen)})")
            chosen = [d for d in chosen if d.name == "main" or d.name in args.only]
        if args.quick:
            chosen = [d for d in chosen if d.name == "main"] + \
                [d for d in chosen if "authentik/encryption-key-set" in d.expect][:1]
        chosen = order(chosen)
        for dep in chosen:
            # python-social-auth given the CA itself: NetBox runs without the harness's REQUESTS_CA_BUNDLE
            if "SOCIAL_AUTH_VERIFY_SSL" in changed_settings(dep, chosen[0]):
                dep.env_drop = frozenset({"REQUESTS_CA_BUNDLE"})
        say(f"scenarios: {', '.join(d.name for d in chosen)}; Authentik {', '.join(args.authentik)}")
        for port in (80, 443, 8443, GUNICORN[1], AUTHENTIK_LISTEN[1], REDIS_PORT):
            if not port_free(port):
                raise SetupError(f"port {port} is in use; the harness needs it for its own services")
        secrets_ = ensure_secrets()
        spki = ensure_tls()

        stack = Stack(secrets_, extract_root)
        main = chosen[0]
        pg = Postgres()
        pg.ensure_cluster()
        say(f"pg_ctlcluster {pg.version} {PG_CLUSTER} start")
        pg.start()
        pg.ensure_role(secrets_["db_password"])
        stack.start_redis()
        netbox_ready = [setup.submit(prepare_netbox_template, nb, secrets_, extract_root, pg, main, netbox_venvs[nb.version])
                        for nb in [primary, *older]]
        prepared = [setup.submit(lambda v=version: prepare_authentik(v, installs[v].result(), pg, secrets_))
                    for version in args.authentik]
        for job in netbox_ready:
            job.result()
        authentiks = [job.result() for job in prepared]
        say(f"prepared in {time.monotonic() - T0:.0f} s")

        browser = Browser(spki)
        browser.start()
        results = [Result(dep) for dep in chosen]
        for authentik in authentiks:
            step(f"scenarios against Authentik {authentik.version}")
            with authentik.runtime.mounted():
                stack.use_netbox(primary)  # NetBox starts afresh against each Authentik (and each database)
                pg.recreate(DB_NAME, template=primary.template_db)
                say(f"createdb -T {primary.template_db} {DB_NAME}")
                started = time.monotonic()
                try:
                    stack.use_authentik(authentik, [result.dep for result in results])
                except AuthentikError as exc:
                    raise SetupError(str(exc)) from exc
                say(f"Authentik {authentik.version} serving in {time.monotonic() - started:.0f} s"
                    + (f" ({'; '.join(authentik.notes)})" if authentik.notes else ""))
                runner = Runner(stack, browser)
                runner.deps = all_deps
                for index, result in enumerate(results):
                    coming = [r.dep for r in results[index + 1:]]
                    result.outcomes[authentik.version] = run_scenario(stack, runner, result.dep, coming,
                                                                      authentik.version, args)
                for nb in older if authentik.version == older_authentik else []:
                    step(f"{nb.label}: the scenarios that depend on NetBox's version, against Authentik {authentik.version}")
                    stack.use_netbox(nb)
                    pg.recreate(DB_NAME, template=nb.template_db)
                    say(f"createdb -T {nb.template_db} {DB_NAME}")
                    mine = [r for r in results if depends_on_netbox(r.dep, main)]
                    stack.prepare([r.dep for r in mine])
                    runner = Runner(stack, browser)
                    runner.deps = all_deps
                    for index, result in enumerate(mine):
                        coming = [r.dep for r in mine[index + 1:]]
                        result.older.setdefault(nb.version, {})[authentik.version] = run_scenario(
                            stack, runner, result.dep, coming, authentik.version, args)
                stack.drop_spares()
                authentik.server.stop()

        found = versions(stack, pg, browser, primary)
        older_runs = [{"version": nb.version, "install": "source archive, classic layout (/opt/netbox)",
                       "authentik": [older_authentik], "versions": netbox_versions(nb)} for nb in older]
        for run_ in older_runs:
            say(f"NetBox {run_['version']}: " + ", ".join(f"{k} {v}" for k, v in run_["versions"].items()))
        say("versions: " + ", ".join(f"{k} {v}" for k, v in found.items())
            + "; Authentik " + ", ".join(f"{a.version} (Python {a.python})" for a in authentiks))
        if args.newest:
            report_drift(results, found["netbox"], args.authentik[0], complete=args.only is None and not args.quick)
        elif not args.no_record:
            if args.only is not None or args.quick or args.authentik != AUTHENTIK_VERSIONS or not args.older:
                say("--only/--authentik: the record is not written (it must list every scenario against every version)")
            else:
                write_record(results, found, authentiks, older_runs)
    except SetupError as exc:
        print(f"\nSETUP FAILED: {exc}", file=sys.stderr, flush=True)
        if newest:
            print(newest, flush=True)
        failed = sum(1 for r in results for o in r.every() if not o.ok)
        passed = sum(1 for r in results for o in r.every() if o.ok)
        print(f"\n{passed} passed, {failed + 1} failed")
        return 2
    finally:
        setup.shutdown(wait=True, cancel_futures=True)  # a step under way finishes (a half-made venv is redone anyway)
        step("stopping what the harness started")
        if browser:
            browser.stop()
        if stack:
            stack.stop_all()
        if pg:
            pg.stop()
        try:
            run(["umount", "/etc/hosts"], check=False)
        except Exception:
            pass
        say(f"total {time.monotonic() - T0:.0f} s")
    passed = sum(1 for r in results for o in r.every() if o.ok)
    failed = sum(1 for r in results for o in r.every() if not o.ok)
    print(f"\n{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


def report_drift(results: list[Result], netbox: str, authentik: str, complete: bool) -> None:
    """--newest: one line per scenario whose result differs from verification/record.json."""
    try:
        record = json.loads(RECORD.read_text())
    except (OSError, ValueError) as exc:
        say(f"{RECORD.relative_to(REPO)} unreadable ({exc}): every scenario is compared with nothing")
        record = {}
    current = {}
    for result in results:
        outcome = result.outcomes.get(authentik)
        if outcome is not None:
            current[result.dep.name] = drift.Now(outcome.ok, outcome.problems[0] if outcome.problems else "")
    lines = drift.drift_lines(record, current, netbox, authentik, complete=complete)
    step(f"drift: this run against {RECORD.relative_to(REPO)} (verified {str(record.get('verified_at', '?'))[:10]})")
    for line in lines or ["no scenario's result changed"]:
        print(line, flush=True)
    print(f"newest versions used: NetBox {netbox}, Authentik {authentik}", flush=True)


def run_scenario(stack: Stack, runner: "Runner", dep: Deployment, coming: list[Deployment], version: str,
                 args: argparse.Namespace) -> Outcome:
    """One scenario against the running Authentik: apply its files, check what the guide says happens
    (meanwhile the coming scenarios' NetBoxes load, where they need others)."""
    started = time.monotonic()
    marks = log_marks()
    applied = started
    try:
        restarted = stack.apply(dep)
        applied = time.monotonic()
        stack.prepare(coming)
        runner.scenario_started = stack.authentik.server.server_time() if stack.authentik else ""
        runner.marks = marks
        if stack.blueprint_error is not None:
            outcome = Outcome(dep.name)
            outcome.check(False, "", f"Authentik {version} refused the guide's blueprint: {stack.blueprint_error}")
        else:
            outcome = runner.main(dep) if dep.name == "main" else runner.variant(dep)
    except (SetupError, AuthentikError) as exc:
        restarted = []
        outcome = Outcome(dep.name)
        outcome.check(False, "", f"could not run: {exc}")
    where = f" ({dep.variant['path']}:{dep.variant['line']})" if dep.variant else ""
    say(f"{'PASS' if outcome.ok else 'FAIL'} {dep.name}{where} on Authentik {version} [{time.monotonic() - started:.1f}s: "
        f"restarting {', '.join(restarted) or 'nothing'} {applied - started:.1f}s] expect={','.join(dep.expect) or '-'}")
    if outcome.ok and not args.verbose:
        print(f"     {outcome.observed}")
    else:
        print_evidence(outcome, marks, restarted, stack.substitutions)
    return outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-record", action="store_true", help="do not write verification/record.json")
    parser.add_argument("--only", nargs="*", help="run main and only these variants (no record is written)")
    parser.add_argument("--authentik", nargs="+", default=None, choices=AUTHENTIK_VERSIONS,
                        metavar="VERSION", help=f"the Authentik versions to run against (default: {' '.join(AUTHENTIK_VERSIONS)}; "
                                                "fewer writes no record)")
    parser.add_argument("--quick", action="store_true",
                        help="main and the encryption-key scenario against the newest Authentik only (no record)")
    parser.add_argument("--no-older", dest="older", action="store_false",
                        help=f"skip NetBox {NETBOX_CLASSIC} (the scenarios that depend on NetBox's version; no record)")
    parser.add_argument("--verbose", action="store_true", help="print the evidence of passing scenarios too")
    parser.add_argument("--newest", action="store_true",
                        help="drift: the newest NetBox on the package index and the newest Authentik "
                             "($E2E_AUTHENTIK_NEWEST, else the newest pinned); no record, but the scenarios "
                             "whose result differs from verification/record.json")
    args = parser.parse_args()
    if args.newest and args.authentik is not None:
        parser.error("--newest chooses the Authentik version itself (set E2E_AUTHENTIK_NEWEST): no --authentik")
    if args.authentik is None:
        args.authentik = list(AUTHENTIK_VERSIONS)
    if args.quick:
        args.authentik = AUTHENTIK_VERSIONS[-1:]

    def terminate(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGHUP, terminate)
    try:
        return harness(args)
    except KeyboardInterrupt:
        print("\ninterrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
