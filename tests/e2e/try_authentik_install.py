#!/usr/bin/env python3
"""Manual proof of authentik_install.py (not run by CI): for each Authentik version, install it
(source, runtime, venv), migrate an empty database of a throwaway PostgreSQL cluster of its own, start
gunicorn and wait for ``GET /-/health/live/`` to answer 200; print the times; stop everything and drop
the cluster.

    python3 tests/e2e/try_authentik_install.py [--state DIR] [VERSION ...]

Run as root. It re-executes itself in a private mount namespace (``unshare --mount --propagation
private``), as tests/e2e/run does for the harness, so no mount can outlive it. Ports: PostgreSQL 5445,
gunicorn 127.0.0.1:9145 (none of the harness's).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import authentik_install as ak  # noqa: E402

PG_VERSION = "15"
PG_CLUSTER = "aktest"
PG_PORT = 5445
PG_DATA = Path("/var/tmp/aktest-pg")
HTTP_PORT = 9145
DB_USER, DB_PASSWORD = "authentik", "authentik-test-pass"


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def psql(sql: str) -> None:
    subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-p", str(PG_PORT), "-v", "ON_ERROR_STOP=1",
                    "-qc", sql], check=True)


def cluster_up() -> None:
    if subprocess.run(["pg_lsclusters", PG_VERSION, PG_CLUSTER], capture_output=True).returncode == 0:
        raise SystemExit(f"cluster {PG_VERSION}/{PG_CLUSTER} exists already: drop it first "
                         f"(pg_dropcluster --stop {PG_VERSION} {PG_CLUSTER})")
    subprocess.run(["pg_createcluster", "--port", str(PG_PORT), "-d", str(PG_DATA), PG_VERSION, PG_CLUSTER,
                    "--start-conf", "manual"], check=True, capture_output=True)
    subprocess.run(["pg_ctlcluster", PG_VERSION, PG_CLUSTER, "start"], check=True)
    psql(f"CREATE ROLE {DB_USER} LOGIN PASSWORD '{DB_PASSWORD}'")


def cluster_down() -> None:
    subprocess.run(["pg_dropcluster", "--stop", PG_VERSION, PG_CLUSTER], capture_output=True)
    shutil.rmtree(PG_DATA, ignore_errors=True)


def health() -> int | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{HTTP_PORT}/-/health/live/", timeout=5) as r:
            return r.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except OSError:
        return None


def prove(version: str, state: Path, times: dict[str, float]) -> None:
    t = time.monotonic()
    src = ak.ensure_source(version, state, say)
    times[f"{version} source"] = time.monotonic() - t
    t = time.monotonic()
    runtime = ak.ensure_runtime(version, state, say)
    times[f"{version} runtime"] = time.monotonic() - t
    t = time.monotonic()
    venv = ak.ensure_venv(version, state, runtime, say)
    times[f"{version} venv"] = time.monotonic() - t
    t = time.monotonic()
    assert ak.ensure_venv(version, state, runtime, say) == venv
    times[f"{version} venv (second call)"] = time.monotonic() - t

    db = "authentik_" + version.replace(".", "_").replace("-", "_")
    psql(f"CREATE DATABASE {db} OWNER {DB_USER}")
    home = state / f"authentik-{version}"
    env = {**os.environ, **ak.authentik_env(
        src, home, db_host="127.0.0.1", db_port=PG_PORT, db_name=db, db_user=DB_USER, db_password=DB_PASSWORD,
        secret_key="try-secret-key-not-for-production-" + "0" * 20, bootstrap_password="akadmin-pass",
        bootstrap_token="bootstrap-token-0123456789", bootstrap_email="admin@example.test")}
    python = str(venv / "bin" / "python")
    logs = state / "logs"
    with runtime.mounted():
        say(f"authentik {version}: python -m lifecycle.migrate")
        t = time.monotonic()
        with (logs / f"migrate-{version}.log").open("w") as log:
            rc = subprocess.run(runtime.wrap([python, "-m", "lifecycle.migrate"], cwd=src), cwd=src, env=env,
                                stdout=log, stderr=subprocess.STDOUT).returncode
        times[f"{version} migrate"] = time.monotonic() - t
        if rc != 0:
            raise ak.InstallError(f"migrate failed ({rc}): see {logs / f'migrate-{version}.log'}")
        say(f"authentik {version}: gunicorn on 127.0.0.1:{HTTP_PORT}")
        t = time.monotonic()
        log = (logs / f"gunicorn-{version}.log").open("w")
        proc = subprocess.Popen(runtime.wrap([python, "-m", "gunicorn", "-c", "lifecycle/gunicorn.conf.py", "-b",
                                              f"127.0.0.1:{HTTP_PORT}", "--workers", "1",
                                              "authentik.root.asgi:application"], cwd=src),
                                cwd=src, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            status = None
            while time.monotonic() - t < 300 and proc.poll() is None:
                status = health()
                if status == 200:
                    break
                time.sleep(1)
            times[f"{version} gunicorn ready"] = time.monotonic() - t
            if status != 200:
                raise ak.InstallError(f"gunicorn: /-/health/live/ answered {status}, exit {proc.poll()}; "
                                      f"see {logs / f'gunicorn-{version}.log'}")
            say(f"authentik {version}: /-/health/live/ answered 200")
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
                try:
                    proc.wait(30)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
            log.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--state", type=Path, default=Path("/var/cache/netbox-sso-e2e/authentik"))
    parser.add_argument("versions", nargs="*", default=list(ak.RELEASES))
    args = parser.parse_args()
    if os.geteuid() != 0:
        raise SystemExit("run as root")
    if os.environ.get("TRY_AK_NAMESPACE") != "1":
        os.environ["TRY_AK_NAMESPACE"] = "1"
        os.execvp("unshare", ["unshare", "--mount", "--propagation", "private", "--", sys.executable, *sys.argv])
    state = args.state.resolve()
    state.mkdir(parents=True, exist_ok=True)
    times: dict[str, float] = {}
    failed = 0
    cluster_up()
    try:
        for version in args.versions:
            try:
                prove(version, state, times)
            except ak.InstallError as exc:
                failed += 1
                say(f"authentik {version}: FAILED: {exc}")
    finally:
        cluster_down()
    for what, seconds in times.items():
        print(f"  {what:40} {seconds:7.1f} s")
    print(f"{len(args.versions) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
