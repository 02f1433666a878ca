"""Real Authentik for the end-to-end harness: its Django core under gunicorn, one version at a time.

Authentik's front server (Go up to 2025.x, Rust from 2026.x) only starts gunicorn, serves
``/static/dist`` and proxies the rest; its worker runs background tasks. Neither is needed for an
OpenID Connect login (../shared/notes/real-authentik/README.md): the harness runs gunicorn with
Authentik's own ``lifecycle/gunicorn.conf.py`` on 127.0.0.1:9000, and nginx (the harness's main
configuration) proxies authentik.yourdomain.com to it and serves the simplified flow executor's
files under ``/static/dist/sfe/``.

What the worker would do in the background and a login depends on is done here in the foreground,
and said where it happens:

- blueprints are applied with Authentik's ``apply_blueprint`` management command (what Authentik's own
  blueprint task runs): Authentik's defaults once, into the migrated template database, by
  ``manage.py``; the guide's blueprint for every deployment whose blueprint differs from the last one
  applied, by the same command in a long-lived management process (``authentik_manage_session.py``:
  Django starts once per server, not once per blueprint);
- the key pair named "authentik Self-signed Certificate": Authentik's server makes it when it starts
  (crypto/apps.py, on the start-up signal of gunicorn's first worker); were it missing, the harness
  would generate it through the API, as the guide tells a reader whose instance lacks it.

Everything a reader would do by hand in the admin interface (the test user, its groups, a key pair)
goes through Authentik's REST API with the bootstrap token.
"""

from __future__ import annotations

import http.client
import json
import os
import select
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable
from urllib.parse import urlencode

import authentik_manage_session

LISTEN = ("127.0.0.1", 9000)
SELF_SIGNED = "authentik Self-signed Certificate"
# Authentik's own blueprints a login needs, applied once into the template database, in this order
# (../shared/notes/real-authentik/README.md).
DEFAULT_BLUEPRINTS = [
    "default/flow-default-authentication-flow.yaml",
    "default/flow-default-invalidation-flow.yaml",
    "default/flow-default-provider-authorization-implicit-consent.yaml",
    "default/flow-default-provider-invalidation.yaml",
    "system/providers-oauth2.yaml",
    "system/bootstrap.yaml",
]
GUIDE_BLUEPRINT = "guide/netbox-sso.yaml"  # relative to the harness's blueprints directory


class AuthentikError(Exception):
    """Authentik could not be prepared or did not answer as it should."""


@dataclass
class ApiReply:
    status: int
    body: Any

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


class AuthentikServer:
    """One Authentik version's core: database (from a migrated template), gunicorn, API, blueprints.

    ``runtime`` runs the version's Python (directly, or inside the Debian sid chroot for 3.14);
    ``env`` holds Authentik's settings (AUTHENTIK_* variables); ``service`` starts a logged process
    (the harness's Service class); ``pg`` is the harness's PostgreSQL cluster.
    """

    def __init__(self, version: str, source: Path, venv: Path, runtime: Any, env: dict[str, str],
                 state: Path, pg: Any, database: str, service: Callable[..., Any], say: Callable[[str], None],
                 run: Callable[..., subprocess.CompletedProcess], bootstrap_token: str, logs: Path):
        self.version = version
        self.source = source
        self.venv = venv
        self.runtime = runtime
        self.state = state
        self.pg = pg
        self.database = database
        self.template = f"{database}_template"
        self.make_service = service
        self.say = say
        self.run = run
        self.token = bootstrap_token
        self.logs = logs
        self.blueprints = state / "blueprints"
        self.env = {**env, "AUTHENTIK_BLUEPRINTS_DIR": str(self.blueprints),
                    "PATH": f"{venv}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"}
        self.service: Any = None
        self.session: ManageSession | None = None  # the long-lived management process, once started
        self.applied: str | None = None  # the guide blueprint now applied (its text)

    # ---- running Authentik's Python

    def command(self, argv: list[Any]) -> list[str]:
        """argv run by this version's Python, in the source tree (inside the chroot where it has one)."""
        return self.runtime.wrap([str(a) for a in argv], cwd=self.source)

    def manage(self, args: list[str], timeout: float = 600, database: str | None = None,
               check: bool = True) -> subprocess.CompletedProcess:
        env = self.env if database is None else {**self.env, "AUTHENTIK_POSTGRESQL__NAME": database}
        result = self.run(self.command([self.venv / "bin/python", "-m", "manage", *args]), env=env, cwd=self.source,
                          timeout=timeout, check=False)
        with open(self.logs / "authentik-manage.log", "a") as handle:
            handle.write(f"\n==== {self.version}: manage {' '.join(args)} (exit {result.returncode})\n{result.stdout}")
        if check and result.returncode != 0:
            raise AuthentikError(f"Authentik {self.version}: manage {' '.join(args)} exited with "
                                 f"{result.returncode}:\n{_tail(result.stdout, 30)}")
        return result

    # ---- database

    def ensure_blueprints_dir(self) -> None:
        """Authentik's own blueprints (copied: it refuses paths that resolve outside its directory)."""
        for part in ("default", "system"):
            target = self.blueprints / part
            if not target.is_dir():
                shutil.copytree(self.source / "blueprints" / part, target)
        (self.blueprints / "guide").mkdir(parents=True, exist_ok=True)

    def ensure_template(self) -> None:
        """The migrated database with Authentik's default flows, the admin user and the bootstrap token."""
        self.ensure_blueprints_dir()
        marker = self.state / "template.done"
        want = f"authentik {self.version}\n"
        if marker.is_file() and marker.read_text() == want and self.pg.exists(self.template):
            self.say(f"Authentik {self.version}: template database {self.template} kept")
            return
        marker.unlink(missing_ok=True)
        self.say(f"Authentik {self.version}: migrating {self.template} (once; about 2 minutes)")
        started = time.monotonic()
        self.pg.recreate(self.template)
        migrate = self.run(self.command([self.venv / "bin/python", "-m", "lifecycle.migrate"]),
                           env={**self.env, "AUTHENTIK_POSTGRESQL__NAME": self.template}, cwd=self.source,
                           timeout=1800, check=False)
        (self.logs / f"authentik-{self.version}-migrate.log").write_text(migrate.stdout or "")
        if migrate.returncode != 0:
            raise AuthentikError(f"Authentik {self.version}: python -m lifecycle.migrate exited with "
                                 f"{migrate.returncode}:\n{_tail(migrate.stdout, 30)}")
        self.manage(["apply_blueprint", *DEFAULT_BLUEPRINTS], database=self.template)
        marker.write_text(want)
        self.say(f"Authentik {self.version}: template ready in {time.monotonic() - started:.0f} s")

    # ---- the server

    def start(self) -> None:
        self.pg.recreate(self.database, template=self.template)
        prometheus = Path(self.env["PROMETHEUS_MULTIPROC_DIR"])
        shutil.rmtree(prometheus, ignore_errors=True)
        prometheus.mkdir(parents=True, exist_ok=True)
        self.service = self.make_service(
            f"authentik-{self.version}",
            self.command([self.venv / "bin/gunicorn", "-c", "lifecycle/gunicorn.conf.py", "-b", f"{LISTEN[0]}:{LISTEN[1]}",
                          "--workers", "1", "authentik.root.asgi:application"]),
            env=self.env, cwd=self.source, stop_signal=signal.SIGTERM, log="authentik",
        ).start()
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            if not self.service.alive():
                raise AuthentikError(f"Authentik {self.version}'s gunicorn exited:\n{_tail(self.service.log.since(0), 30)}")
            try:
                if self.get("/-/health/live/").status == 200 and self.api("GET", "/api/v3/core/users/me/").ok:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise AuthentikError(f"Authentik {self.version} not ready after 240 s:\n{_tail(self.service.log.since(0), 30)}")

    def stop(self) -> None:
        if self.session is not None:
            self.session.stop()
            self.session = None
        if self.service is not None:
            self.service.kill()  # between versions and at the end: no request is under way
            self.service = None
        self.applied = None

    # ---- HTTP

    def get(self, path: str) -> ApiReply:
        return self.request("GET", path, auth=False)

    def api(self, method: str, path: str, body: dict | None = None, query: dict | None = None) -> ApiReply:
        return self.request(method, path + (f"?{urlencode(query)}" if query else ""), body=body)

    def request(self, method: str, path: str, body: dict | None = None, auth: bool = True) -> ApiReply:
        conn = http.client.HTTPConnection(*LISTEN, timeout=60)
        headers = {"Accept": "application/json"}
        if auth:
            headers["Authorization"] = f"Bearer {self.token}"
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body)
        try:
            conn.request(method, path, body=data, headers=headers)
            response = conn.getresponse()
            raw = response.read().decode("utf-8", errors="replace")
        finally:
            conn.close()
        try:
            parsed: Any = json.loads(raw) if raw else None
        except json.JSONDecodeError:
            parsed = raw
        return ApiReply(response.status, parsed)

    def must(self, method: str, path: str, body: dict | None = None, query: dict | None = None) -> Any:
        reply = self.api(method, path, body, query)
        if not reply.ok:
            raise AuthentikError(f"Authentik {self.version}: {method} {path} → {reply.status}: {str(reply.body)[:400]}")
        return reply.body

    def results(self, path: str, **query: Any) -> list[dict]:
        return self.must("GET", path, query={**query, "page_size": 100})["results"]

    # ---- what a reader does in the admin interface

    def ensure_keypair(self, name: str, alg: str = "rsa") -> tuple[dict, bool]:
        """A key pair by name (System → Certificates → Generate); True if it had to be made."""
        found = self.results("/api/v3/crypto/certificatekeypairs/", name=name)
        if found:
            return found[0], False
        made = self.must("POST", "/api/v3/crypto/certificatekeypairs/generate/",
                         {"common_name": name, "subject_alt_name": "authentik.yourdomain.com", "validity_days": 365,
                          "alg": alg})
        return made, True

    def ensure_user(self, username: str, password: str, email: str, name: str, groups: list[str]) -> dict:
        """The test user with a password and its groups (Directory → Users and Groups)."""
        group_pks = []
        for group in groups:
            found = self.results("/api/v3/core/groups/", name=group)
            group_pks.append((found[0] if found else self.must("POST", "/api/v3/core/groups/", {"name": group}))["pk"])
        found = self.results("/api/v3/core/users/", username=username)
        body = {"username": username, "name": name, "email": email, "is_active": True, "path": "users"}
        user = self.must("PATCH", f"/api/v3/core/users/{found[0]['pk']}/", body) if found else \
            self.must("POST", "/api/v3/core/users/", body)
        self.must("POST", f"/api/v3/core/users/{user['pk']}/set_password/", {"password": password})
        for pk in group_pks:
            self.must("POST", f"/api/v3/core/groups/{pk}/add_user/", {"pk": user["pk"]})
        return user

    def remove_guide_objects(self) -> None:
        """The applications and OAuth2 providers an earlier deployment's blueprint made: a blueprint
        sets what it names and leaves the rest, so each deployment's provider and application start
        from none. Other objects an earlier blueprint made (a key pair, say) stay; the guide's
        blueprints find nothing by those names."""
        for app in self.results("/api/v3/core/applications/", superuser_full_list="true"):
            self.must("DELETE", f"/api/v3/core/applications/{app['slug']}/")
        for provider in self.results("/api/v3/providers/oauth2/"):
            self.must("DELETE", f"/api/v3/providers/oauth2/{provider['pk']}/")

    def apply_guide_blueprint(self, text: str) -> str | None:
        """Apply the deployment's blueprint as Authentik does (``manage.py apply_blueprint``). Answers
        None, or Authentik's own message when it refuses the blueprint."""
        if self.applied == text:
            return None
        self.remove_guide_objects()
        (self.blueprints / GUIDE_BLUEPRINT).write_text(text)
        if self.session is None:
            self.session = ManageSession(self)
        code, output = self.session.call(["apply_blueprint", GUIDE_BLUEPRINT])
        with open(self.logs / "authentik-manage.log", "a") as handle:
            handle.write(f"\n==== {self.version}: apply_blueprint {GUIDE_BLUEPRINT} (exit {code}, long-lived process)\n{output}")
        self.applied = text
        if code != 0:
            self.applied = None
            return _tail(output, 20)
        return None

    def provider(self) -> dict | None:
        found = self.results("/api/v3/providers/oauth2/")
        return found[0] if found else None

    def set_client_credentials(self, client_id: str, client_secret: str) -> None:
        """The provider's client ID and secret are the ones NetBox holds: a reader copies Authentik's
        generated pair into NetBox; the harness copies NetBox's into Authentik (the same pair on both
        sides, without restarting NetBox for every new provider)."""
        provider = self.provider()
        if provider is None:
            raise AuthentikError(f"Authentik {self.version}: the guide's blueprint made no OAuth2 provider")
        self.must("PATCH", f"/api/v3/providers/oauth2/{provider['pk']}/",
                  {"client_id": client_id, "client_secret": client_secret})

    def events(self, action: str, since: str) -> list[dict]:
        """Authentik's events of one action created after an ISO timestamp (Events → Logs)."""
        return [e for e in self.results("/api/v3/events/events/", action=action, ordering="-created")
                if e["created"] >= since]

    def server_time(self) -> str:
        """Now, as Authentik's events spell it."""
        return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(time.time() - 1))


class ManageSession:
    """``authentik_manage_session.py`` run by the server's Python against the server's database:
    management commands without starting Django for each (see that file)."""

    SCRIPT = Path(authentik_manage_session.__file__).resolve()

    def __init__(self, server: AuthentikServer, timeout: float = 240):
        # The script must be readable inside the chroot: the state directory is mounted there.
        script = server.state / self.SCRIPT.name
        shutil.copyfile(self.SCRIPT, script)
        self.version = server.version
        self.log_start = 0
        self.service = server.make_service(
            f"authentik-{server.version}-manage", server.command([server.venv / "bin/python", "-u", script]),
            env=server.env, cwd=server.source, stop_signal=signal.SIGTERM, stdout_pipe=True, log="authentik-manage",
        )
        self.log_start = self.service.log.mark()
        self.service.start()
        self.process = self.service.process
        self.buffer = b""
        code, output = self._reply(timeout)
        if code != 0:
            self.stop()
            raise AuthentikError(f"Authentik {self.version}: the management process did not start:\n{_tail(output, 30)}")

    def call(self, args: list[str], timeout: float = 300) -> tuple[int, str]:
        """(exit status, everything the command and Authentik's logging printed meanwhile)."""
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps(args) + "\n").encode())
        self.process.stdin.flush()
        return self._reply(timeout)

    def _reply(self, timeout: float) -> tuple[int, str]:
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        marker = authentik_manage_session.REPLY
        logged: list[str] = []
        deadline = time.monotonic() + timeout
        while True:
            while b"\n" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\n", 1)
                line = raw.decode("utf-8", errors="replace")
                if line.startswith(marker):
                    reply = json.loads(line[len(marker):])
                    return int(reply["exit"]), "".join(logged) + reply["output"]
                logged.append(line + "\n")
            left = deadline - time.monotonic()
            if left <= 0:
                self.stop()
                raise AuthentikError(f"Authentik {self.version}: no answer from the management process in "
                                     f"{timeout:.0f} s:\n{_tail(''.join(logged), 30)}")
            ready, _, _ = select.select([fd], [], [], min(left, 1.0))
            if ready:
                chunk = os.read(fd, 65536)
                if not chunk:
                    code = self.process.wait()
                    said = "".join(logged) + self.buffer.decode(errors="replace") + self.service.log.since(self.log_start)
                    raise AuthentikError(f"Authentik {self.version}: the management process exited ({code}):\n"
                                         f"{_tail(said, 30)}")
                self.buffer += chunk

    def stop(self) -> None:
        self.service.stop(timeout=10)


def _tail(text: str | None, lines: int) -> str:
    return "\n".join((text or "").rstrip().splitlines()[-lines:])


def as_env(values: dict[str, str]) -> dict[str, str]:
    """The process environment plus Authentik's settings, without proxy variables."""
    base = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    return {**base, **values}
