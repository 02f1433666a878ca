"""Unit tests of what `tests/e2e/run --newest` adds (no network, no root, no services):

    python3 -m pytest tests/e2e/test_drift.py
"""

from __future__ import annotations

import importlib
import io
import json
import sys
import tarfile
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import authentik_install  # noqa: E402
import authentik_sfe  # noqa: E402
import drift  # noqa: E402

REPO = HERE.parents[1]


# --- NetBox: pip index versions -------------------------------------------------------------------

PIP_OUTPUT = """\
netbox (4.7.3)
Available versions: 4.7.3, 4.7.2, 4.7.1, 4.7.0
WARNING: pip index is currently an experimental command. It may be removed/changed in a future release without prior warning.
"""


def test_newest_netbox_from_pip_output():
    assert drift.newest_netbox(PIP_OUTPUT) == "4.7.3"


def test_newest_netbox_skips_prereleases_and_sorts_numerically():
    text = "netbox (4.10.0b1)\nAvailable versions: 4.10.0b1, 4.9.0, 4.10.0rc1, 4.8.12, 4.7.3\n"
    assert drift.newest_netbox(text) == "4.9.0"
    assert drift.newest_netbox("Available versions: 4.9.0, 4.10.0\n") == "4.10.0"


def test_newest_netbox_old_pip_without_list():
    assert drift.newest_netbox("WARNING: whatever\nnetbox (4.8.1)\n") == "4.8.1"


def test_newest_netbox_nothing_found():
    with pytest.raises(drift.DriftError, match="no final release"):
        drift.newest_netbox("ERROR: No matching distribution found for netbox\n")


# --- Authentik versions --------------------------------------------------------------------------

def test_authentik_order():
    versions = ["2026.8.7", "2026.5.0-rc1", "2025.12.4", "2026.5.0", "2026.5.0-rc2", "2026.10.1"]
    assert sorted(versions, key=drift.authentik_key) == [
        "2025.12.4", "2026.5.0-rc1", "2026.5.0-rc2", "2026.5.0", "2026.8.7", "2026.10.1"]
    with pytest.raises(drift.DriftError):
        drift.authentik_key("2026.8")


def test_newest_authentik_env_wins_else_newest_pinned():
    assert drift.newest_authentik("2026.8.7", authentik_install.RELEASES) == "2026.8.7"
    assert drift.newest_authentik(" version/2026.8.7\n", authentik_install.RELEASES) == "2026.8.7"
    assert drift.newest_authentik("", authentik_install.RELEASES) == "2026.5.0-rc1"
    assert drift.newest_authentik(None, ["2025.12.4", "2026.2.1"]) == "2026.2.1"
    with pytest.raises(drift.DriftError):
        drift.newest_authentik("latest", authentik_install.RELEASES)


def test_newest_release_tag():
    releases = [
        {"tag_name": "version/2026.5.9", "draft": False, "prerelease": False},  # a patch of an older line, published last
        {"tag_name": "version/2026.11.0-rc1", "draft": False, "prerelease": True},
        {"tag_name": "version/2026.11.0-rc2", "draft": False, "prerelease": False},  # rc not marked pre-release
        {"tag_name": "version/2026.12.0", "draft": True, "prerelease": False},
        {"tag_name": "version/2026.8.7", "draft": False, "prerelease": False},
        {"tag_name": "version/2026.8.10", "draft": False, "prerelease": False},
        {"tag_name": "website/2026.8", "draft": False, "prerelease": False},
    ]
    assert drift.newest_release_tag(releases) == "2026.8.10"
    with pytest.raises(drift.DriftError):
        drift.newest_release_tag([{"tag_name": "version/2026.9.0-rc1"}])


def test_authentik_newest_command(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps([{"tag_name": "version/2026.8.7"}])))
    assert drift.main(["drift.py", "authentik-newest"]) == 0
    assert capsys.readouterr().out == "2026.8.7\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"message": "API rate limit exceeded"}'))
    assert drift.main(["drift.py", "authentik-newest"]) == 1


# --- the difference ------------------------------------------------------------------------------

RECORD_2 = {
    "version": 2,
    "verified_at": "2026-12-01T10:00:00Z",
    "versions": {"netbox": "4.7.3"},
    "authentik": [{"version": "2025.12.4"}, {"version": "2026.5.0-rc1"}],
    "scenarios": [
        {"name": "main", "result": "pass",
         "authentik": {"2025.12.4": {"result": "pass"}, "2026.5.0-rc1": {"result": "pass"}}},
        {"name": "troubleshooting-1", "result": "fail",
         "authentik": {"2025.12.4": {"result": "pass"}, "2026.5.0-rc1": {"result": "fail"}}},
        {"name": "troubleshooting-2", "result": "pass",
         "authentik": {"2025.12.4": {"result": "pass"}, "2026.5.0-rc1": {"result": "pass"}}},
        {"name": "gone", "result": "pass", "authentik": {"2025.12.4": {"result": "pass"}}},
    ],
}


def test_drift_lines_format_2():
    current = {
        "main": drift.Now(False, "back at NetBox: “Single sign-on failed.\n Please try again”"),
        "troubleshooting-1": drift.Now(True),
        "troubleshooting-2": drift.Now(True),  # unchanged: no line
        "new-one": drift.Now(False, "Authentik 2026.8.7 refused the guide's blueprint"),
    }
    lines = drift.drift_lines(RECORD_2, current, "4.8.0", "2026.8.7")
    assert lines == [
        "main: passed on 2026-12-01 against NetBox 4.7.3 / Authentik 2025.12.4, 2026.5.0-rc1, fails now against "
        "NetBox 4.8.0 / Authentik 2026.8.7: back at NetBox: “Single sign-on failed. Please try again”",
        "troubleshooting-1: failed on 2026-12-01 against NetBox 4.7.3 / Authentik 2026.5.0-rc1, passes now "
        "against NetBox 4.8.0 / Authentik 2026.8.7",
        "new-one: not in the record of 2026-12-01, fails now against NetBox 4.8.0 / Authentik 2026.8.7: "
        "Authentik 2026.8.7 refused the guide's blueprint",
        "gone: in the record of 2026-12-01, not run now (the guide no longer has it)",
    ]
    # --only/--quick: the record's other scenarios are not reported as missing
    assert drift.drift_lines(RECORD_2, {"main": drift.Now(True)}, "4.8.0", "2026.8.7", complete=False) == []


def test_drift_lines_long_problem_is_cut():
    line = drift.drift_lines(RECORD_2, {"main": drift.Now(False, "x" * 1000)}, "4.8.0", "2026.8.7", complete=False)[0]
    assert line.endswith("x" * 300 + " …")


def test_drift_lines_committed_record():
    """Against the repository's own record (format 1, the emulator's, or format 2)."""
    record = json.loads((REPO / "verification/record.json").read_text())
    first = record["scenarios"][0]
    assert first["result"] == "pass"
    [line] = drift.drift_lines(record, {first["name"]: drift.Now(False, "boom")}, "4.8.0", "2026.8.7", complete=False)
    assert line.startswith(f"{first['name']}: passed on {record['verified_at'][:10]} against NetBox "
                           f"{record['versions']['netbox']} / Authentik ")
    assert line.endswith(", fails now against NetBox 4.8.0 / Authentik 2026.8.7: boom")
    if record.get("version") == 1:
        assert "/ Authentik the emulator " in line
    assert drift.drift_lines({}, {"main": drift.Now(True)}, "4.8.0", "2026.8.7") == [
        "main: not in the record of ?, passes now against NetBox 4.8.0 / Authentik 2026.8.7"]


# --- authentik_install: requires-python, unpinned source -----------------------------------------

@pytest.mark.parametrize("spec, minor", [
    ("==3.13.*", "3.13"), ("==3.14.*", "3.14"), ("== 3.14.2", "3.14"), ("~=3.14.0", "3.14"),
    (">=3.14,<3.15", "3.14"), (">=3.14.1, <3.15", "3.14"), ("==3.14.*,>=3.14", "3.14"),
])
def test_python_minor(spec, minor):
    assert authentik_install.python_minor(f'[project]\nname = "authentik"\nrequires-python = "{spec}"\n') == minor


@pytest.mark.parametrize("spec", [">=3.13", ">=3.13,<3.15", "~=3.14", "==3.13.*,==3.14.*", "", "^3.14"])
def test_python_minor_refuses_ranges(spec):
    with pytest.raises(authentik_install.InstallError):
        authentik_install.python_minor(f'[project]\nrequires-python = "{spec}"\n')


@pytest.mark.parametrize("version, minor", [("2025.12.4", "3.13"), ("2026.5.0-rc1", "3.14")])
def test_python_minor_of_vendored_releases_matches_releases_table(version, minor):
    archive = authentik_install.archives_dir() / authentik_install.RELEASES[version].archive
    if not archive.exists():
        pytest.skip(f"{archive} not here")
    with tarfile.open(archive) as tar:
        text = tar.extractfile(f"authentik-{version}/pyproject.toml").read().decode()
    assert authentik_install.python_minor(text) == minor == authentik_install.RELEASES[version].python


def _tarball(path: Path, files: dict[str, str], comment: str | None = None, symlinks: dict[str, str] = {}) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(path, "w:gz", format=tarfile.PAX_FORMAT,
                      pax_headers={"comment": comment} if comment else {}) as tar:
        dirs = sorted({str(Path(n).parent) for n in files} - {"."})
        for d in dirs:
            info = tarfile.TarInfo(d + "/")
            info.type, info.mode = tarfile.DIRTYPE, 0o755
            tar.addfile(info)
        for name, text in files.items():
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), 0o644
            tar.addfile(info, io.BytesIO(data))
        for name, target in symlinks.items():
            info = tarfile.TarInfo(name)
            info.type, info.linkname = tarfile.SYMTYPE, target
            tar.addfile(info)
    return path


def test_source_top():
    assert authentik_install.source_top(["authentik-version-2026.8.7/", "authentik-version-2026.8.7/manage.py",
                                         "authentik-version-2026.8.7/web/x.js"]) == "authentik-version-2026.8.7"
    assert authentik_install.source_top(["./authentik-2025.12.4/manage.py"]) == "authentik-2025.12.4"
    with pytest.raises(authentik_install.InstallError, match="one top directory"):
        authentik_install.source_top(["a/manage.py", "b/manage.py"])
    with pytest.raises(authentik_install.InstallError, match="no manage.py"):
        authentik_install.source_top(["a/web/manage.py"])


def test_unpinned_upstream_source_is_unpacked_and_said(tmp_path):
    """GitHub's tag archive (the whole repository under authentik-version-<v>/), already downloaded into
    the state directory: unpacked without a pin, only the core's parts taken, its sha256 and commit said."""
    version = "2026.8.7"
    top = f"authentik-version-{version}"
    state = tmp_path / "state"
    archive = _tarball(authentik_install.upstream_archive(version, state), {
        f"{top}/manage.py": "# manage\n",
        f"{top}/pyproject.toml": '[project]\nname = "authentik"\nrequires-python = "==3.14.*"\n',
        f"{top}/uv.lock": "",
        f"{top}/authentik/__init__.py": "VERSION = '2026.8.7'\n",
        f"{top}/packages/ak-guardian/pyproject.toml": "",
        f"{top}/web/packages/sfe/package.json": "{}",
        f"{top}/website/docs/index.md": "",
    }, comment="0123456789abcdef0123456789abcdef01234567", symlinks={f"{top}/website/escape": "/etc/passwd"})
    with pytest.raises(authentik_install.InstallError, match="unknown Authentik version"):
        authentik_install.release(version)
    rel = authentik_install.allow_unpinned(version)
    assert not rel.pinned and rel.tag == f"version/{version}"
    assert authentik_install.allow_unpinned("2025.12.4") is authentik_install.RELEASES["2025.12.4"]
    said: list[str] = []
    src = authentik_install.ensure_source(version, state, said.append)
    assert src == state / f"authentik-{version}" / "src"
    assert (src / "manage.py").is_file() and (src / "authentik/__init__.py").is_file()
    assert (src / "packages/ak-guardian/pyproject.toml").is_file()
    assert not (src / "web").exists() and not (src / "website").exists()
    sha = authentik_install._sha256(archive)
    assert any(f"sha256 {sha}" in s and "commit 0123456789abcdef" in s and "UNPINNED" in s for s in said), said
    # again: kept (no unpacking), and the sha256 is not said a second time in this process
    said.clear()
    assert authentik_install.ensure_source(version, state, said.append) == src
    assert said == []
    assert authentik_install.python_minor((src / "pyproject.toml").read_text()) == "3.14"


def test_unpinned_runtime_takes_requires_python(tmp_path):
    version = "2099.1.0"
    top = f"authentik-version-{version}"
    state = tmp_path / "state"
    _tarball(authentik_install.upstream_archive(version, state), {
        f"{top}/manage.py": "", f"{top}/pyproject.toml": '[project]\nrequires-python = "==3.15.*"\n'})
    authentik_install.allow_unpinned(version)
    said: list[str] = []
    with pytest.raises(authentik_install.InstallError, match="no way to get Python 3.15"):
        authentik_install.ensure_runtime(version, state, said.append)
    assert any("requires-python names Python 3.15" in s for s in said)


def test_unpinned_refuses_non_versions():
    with pytest.raises(authentik_install.InstallError):
        authentik_install.allow_unpinned("main")


@pytest.mark.parametrize("version", list(authentik_install.RELEASES))
def test_pinned_archives_unpack_as_before(version):
    """The -python archives: the filter by SOURCE_PARTS takes every member, as the unfiltered unpacking did."""
    archive = authentik_install.archives_dir() / authentik_install.RELEASES[version].archive
    if not archive.exists():
        pytest.skip(f"{archive} not here")
    with tarfile.open(archive) as tar:
        top, members = authentik_install._source_members(tar)
        names = tar.getnames()
    assert top == f"authentik-{version}"
    assert [m.name for m in members] == names


# --- authentik_sfe: the web part of an unpinned release -------------------------------------------

REGISTRY_API = ["2025.10.0-rc1-1760614339", "2025.10.0-rc3", "2025.10.4", "2025.12.0", "2025.12.1", "2025.12.5",
                "2025.12.6", "2026.2.0", "2026.2.3-rc1", "2026.5.4", "2026.5.6", "2026.8.1", "2026.8.3"]


@pytest.mark.parametrize("version, api", [
    ("2026.8.3", "2026.8.3"),  # published: the same
    ("2026.8.7", "2026.8.3"),  # the newest of its line not newer than it
    ("2026.8.2", "2026.8.1"),
    ("2026.5.0-rc1", "2026.5.4"),  # nothing older in its line: the oldest (as ARCHIVES chose)
    ("2026.2.3", "2026.2.0"),  # rc and timestamped builds are not candidates
])
def test_choose_api(version, api):
    assert authentik_sfe.choose_api(version, REGISTRY_API) == api


def test_choose_api_nothing_in_line():
    with pytest.raises(authentik_sfe.SfeError, match="2026.11 line"):
        authentik_sfe.choose_api("2026.11.0", REGISTRY_API)


def test_sfe_unpacks_the_web_part_of_the_upstream_archive(tmp_path):
    top = "authentik-version-2026.8.7"
    archive = _tarball(tmp_path / "up.tar.gz", {
        f"{top}/manage.py": "",
        f"{top}/web/package-lock.json": json.dumps({"packages": {"node_modules/rollup": {"version": "4.0.0"}}}),
        f"{top}/web/packages/sfe/package.json": json.dumps({"dependencies": {"rollup": "^4"}}),
        f"{top}/web/packages/sfe/rollup.config.mjs": "x",
        f"{top}/web/packages/formdata-polyfill/package.json": "{}",
        f"{top}/web/packages/other/package.json": "{}",
    })
    with tarfile.open(archive) as tar:
        assert authentik_sfe.archive_top(tar.getnames()) == top
    dest = tmp_path / "web"
    lock = authentik_sfe._unpack(archive, top + "/web/", dest,
                                 ("packages/sfe/", "packages/formdata-polyfill/", "package-lock.json"))
    assert authentik_sfe._locked_version(lock, "rollup") == "4.0.0"
    assert (dest / "packages/sfe/package.json").is_file() and (dest / "packages/formdata-polyfill/package.json").is_file()
    assert not (dest / "packages/other").exists()
    with pytest.raises(authentik_sfe.SfeError):
        authentik_sfe.archive_top(["a/web/x", "b/web/y"])


@pytest.mark.parametrize("version", list(authentik_sfe.ARCHIVES))
def test_sfe_top_of_vendored_web_archives_is_as_before(version):
    archive = authentik_sfe.archives_dir() / authentik_sfe.ARCHIVES[version].archive
    if not archive.exists():
        pytest.skip(f"{archive} not here")
    with tarfile.open(archive) as tar:
        assert authentik_sfe.archive_top(tar.getnames()) == f"authentik-{version}"


# --- harness: --newest keeps the normal run's NetBox state apart ---------------------------------

@pytest.fixture
def harness(tmp_path, monkeypatch):
    monkeypatch.setenv("E2E_STATE", str(tmp_path / "state"))
    import harness as module
    module = importlib.reload(module)
    yield module
    monkeypatch.delenv("E2E_STATE")
    importlib.reload(module)


def test_netbox_of_the_pinned_version_keeps_the_normal_state(harness):
    nb = harness.NetBoxBuild(harness.NETBOX_VERSION)
    state = harness.STATE
    assert (nb.venv, nb.instance, nb.template_marker, nb.static_marker, nb.template_db) == (
        state / "venv", state / "instance", state / "template.done", state / "static.done", "netbox_e2e_template")
    assert nb.manage() == [state / "venv/bin/netbox"]
    assert nb.env(nb.default_root()) == {"NETBOX_ROOT": str(state / "instance")}
    assert nb.conf_file(nb.default_root()) == state / "instance/conf/configuration.py"


def test_netbox_of_another_version_has_its_own_state(harness):
    state = harness.STATE
    normal = harness.NetBoxBuild(harness.NETBOX_VERSION)
    nb = harness.NetBoxBuild("4.8.0")
    assert nb.venv == state / "netbox-4.8.0/venv" and nb.instance == state / "netbox-4.8.0/instance"
    assert nb.template_marker == state / "netbox-4.8.0/template.done"
    assert nb.static_marker == state / "netbox-4.8.0/static.done"
    assert nb.template_db == "netbox_e2e_template_4_8_0"
    assert {normal.venv, normal.instance, normal.template_marker, normal.static_marker}.isdisjoint(
        {nb.venv, nb.instance, nb.template_marker, nb.static_marker})
    with pytest.raises(harness.SetupError):
        harness.NetBoxBuild("4.8.0; rm -rf /")


def test_classic_netbox_is_a_source_tree(harness, tmp_path):
    """NetBox 4.6 as its documentation installs it: manage.py, netbox/netbox/configuration.py, and a
    configuration module of its own for each NetBox loaded ahead (NETBOX_CONFIGURATION)."""
    state = harness.STATE
    nb = harness.NetBoxBuild("4.6.8", classic=True)
    app = state / "netbox-4.6.8/netbox/netbox"
    assert nb.manage() == [state / "netbox-4.6.8/venv/bin/python", app / "manage.py"]
    assert nb.template_db == "netbox_e2e_template_4_6_8"
    default, second = nb.roots(2)
    assert default == app / "netbox/configuration.py" and nb.conf_file(default) == default
    assert nb.env(default) == {"PYTHONPATH": str(app)}
    assert nb.env(second) == {"PYTHONPATH": str(app), "NETBOX_CONFIGURATION": "netbox.configuration_b"}
    assert nb.static_root() == app / "static" and nb.package_dir() == app / "netbox"
    assert nb.gunicorn_conf() == state / "netbox-4.6.8/netbox/contrib/gunicorn.py"


def test_classic_netbox_refuses_an_archive_that_is_not_pinned(harness, tmp_path, monkeypatch):
    archive = tmp_path / "netbox-4.6.8.tar.gz"
    archive.write_bytes(b"not the release")
    monkeypatch.setattr(harness, "NETBOX_ARCHIVES", tmp_path)
    with pytest.raises(harness.SetupError, match="sha256"):
        harness.NetBoxBuild("4.6.8", classic=True).unpack()
    archive.unlink()
    with pytest.raises(harness.SetupError, match="source archive"):
        harness.NetBoxBuild("4.6.8", classic=True).unpack()


def test_newest_netbox_setup_error(harness, monkeypatch):
    class Done:
        returncode, stdout, stderr = 1, "", "ERROR: No matching distribution found for netbox\n"
    monkeypatch.setattr(harness, "run", lambda *a, **k: Done())
    with pytest.raises(harness.SetupError, match="pip index versions netbox"):
        harness.newest_netbox()
    Done.returncode, Done.stdout = 0, PIP_OUTPUT
    assert harness.newest_netbox() == "4.7.3"


def test_newest_authentik_unpinned_is_allowed(harness, monkeypatch):
    monkeypatch.setenv("E2E_AUTHENTIK_NEWEST", "2026.9.1")
    assert harness.newest_authentik() == "2026.9.1"
    assert not harness.authentik_install.release("2026.9.1").pinned
    monkeypatch.setenv("E2E_AUTHENTIK_NEWEST", "nightly")
    with pytest.raises(harness.SetupError, match="E2E_AUTHENTIK_NEWEST"):
        harness.newest_authentik()
    monkeypatch.delenv("E2E_AUTHENTIK_NEWEST")
    assert harness.newest_authentik() == max(harness.authentik_install.RELEASES, key=drift.authentik_key)


def test_newest_refuses_authentik_option(harness, monkeypatch):
    monkeypatch.setattr(sys, "argv", ["harness.py", "--newest", "--authentik", "2025.12.4"])
    with pytest.raises(SystemExit) as exc:
        harness.main()
    assert exc.value.code == 2
