//! The sandbox every executable check runs in (SECURITY.md): bubblewrap, with
//! - no real privileges: when the tool runs as root it first drops to `nobody` (setpriv), and the
//!   program is root only inside a user namespace of its own, with no capability but binding
//!   ports in its own network namespace;
//! - its own user, mount, network, PID, IPC and UTS namespaces (no network, no other process);
//! - a read-only filesystem of the program, the shared libraries and the files it is given, a
//!   private writable `/tmp` (memory) and nothing else of the machine;
//! - a wall-clock time limit, after which its whole process group is killed (the PID namespace
//!   takes everything started inside with it), and a cap on the output kept.
//!
//! When the sandbox cannot be made, the check fails with a message saying so: nothing runs
//! unconfined.

use std::ffi::OsString;
use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

/// The longest a sandboxed program may run.
pub const TIME_LIMIT: Duration = Duration::from_secs(20);

/// The most output kept from a sandboxed program (the rest is read and dropped).
pub const OUTPUT_CAP: usize = 64 * 1024;

/// The account the sandbox runs as when the tool runs as root (Debian's `nobody`).
const NOBODY: u32 = 65534;

/// The program's user database inside: root only (root of the user namespace). A program that
/// looks up its default user (nginx: `nobody`) finds the same account, so it never changes owner
/// of a file to an id the namespace does not map.
const PASSWD: &str = "root:x:0:0:root:/:/usr/sbin/nologin\nnobody:x:0:0:nobody:/:/usr/sbin/nologin\n";
const GROUP: &str = "root:x:0:\nnobody:x:0:\nnogroup:x:0:\n";

/// What a sandboxed program printed on stderr, and how it ended.
#[derive(Debug)]
pub struct Output {
    /// Exit status 0.
    pub success: bool,
    /// Its standard error, at most [`OUTPUT_CAP`] bytes of it.
    pub stderr: String,
    /// Whether it printed more than [`OUTPUT_CAP`].
    pub truncated: bool,
}

/// A sandbox being prepared: a private directory whose files the program will see, read-only.
pub struct Sandbox {
    staging: tempfile::TempDir,
    bwrap: PathBuf,
    /// What the check is, for messages: `nginx-test`.
    purpose: &'static str,
    /// The longest the program may run.
    time_limit: Duration,
}

/// `CONFIGCHECK_BWRAP` if set, else bwrap on PATH or where Debian installs it.
fn bwrap_binary() -> Option<PathBuf> {
    program("CONFIGCHECK_BWRAP", "bwrap", "/usr/bin/bwrap")
}

/// A program to run: the file the environment variable `chosen` names if it is set (and nothing
/// if that is no file), else `name` on PATH, else the `fallback` path where Debian installs it.
pub(super) fn program(chosen: &str, name: &str, fallback: &str) -> Option<PathBuf> {
    if let Some(chosen) = std::env::var_os(chosen) {
        let chosen = PathBuf::from(chosen);
        return chosen.is_file().then_some(chosen);
    }
    let from_path = std::env::var_os("PATH")
        .into_iter()
        .flat_map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .map(|dir| dir.join(name));
    from_path.chain([PathBuf::from(fallback)]).find(|p| p.is_file())
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("Uid:")).map(|l| l.split_whitespace().nth(2) == Some("0")))
        .unwrap_or(false)
}

impl Sandbox {
    /// A new sandbox for the check `purpose` (named in messages). Fails, with the fix, when
    /// bubblewrap is missing.
    pub fn new(purpose: &'static str) -> Result<Sandbox> {
        let Some(bwrap) = bwrap_binary() else {
            bail!(
                "book.toml enables `{purpose}`, which runs only inside a bubblewrap sandbox, but `bwrap` is not installed (looked at $CONFIGCHECK_BWRAP, on PATH and at /usr/bin/bwrap): install it (Debian: apt-get install bubblewrap) or set `{purpose} = false`"
            );
        };
        let staging = tempfile::Builder::new()
            .prefix("mdbook-configcheck-sandbox-")
            .tempdir()
            .context("cannot create a temporary directory for the sandbox")?;
        std::fs::write(staging.path().join("passwd"), PASSWD).context("cannot prepare the sandbox")?;
        std::fs::write(staging.path().join("group"), GROUP).context("cannot prepare the sandbox")?;
        Ok(Sandbox { staging, bwrap, purpose, time_limit: TIME_LIMIT })
    }

    /// The private directory: what the caller writes here it can show to the program.
    pub fn staging(&self) -> &Path {
        self.staging.path()
    }

    /// Run `program args…` in the sandbox, with each `(staged, inside)` pair (a path under
    /// [`Sandbox::staging`] and where the program sees it) bound read-only.
    pub fn run(&self, program: &Path, args: &[OsString], binds: &[(PathBuf, &str)]) -> Result<Output> {
        let purpose = self.purpose;
        let root = is_root();
        if root {
            self.open_to_nobody()?;
        }
        let mut command = if root {
            // Drop root before anything else: the sandbox is made by, and runs as, `nobody`.
            let mut c = Command::new("setpriv");
            c.arg(format!("--reuid={NOBODY}"))
                .arg(format!("--regid={NOBODY}"))
                .args(["--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--"])
                .arg(&self.bwrap);
            c
        } else {
            Command::new(&self.bwrap)
        };
        command.args([
            "--unshare-user",
            "--uid",
            "0",
            "--gid",
            "0",
            "--unshare-ipc",
            "--unshare-pid",
            "--unshare-net",
            "--unshare-uts",
            "--unshare-cgroup-try",
            "--die-with-parent",
            "--new-session",
            "--cap-drop",
            "ALL",
            // Root of its own network namespace may bind `listen 443` there, and do nothing else.
            "--cap-add",
            "CAP_NET_BIND_SERVICE",
        ]);
        for dir in ["/usr/lib", "/usr/lib64", "/usr/lib32", "/lib", "/lib64", "/lib32"] {
            let path = Path::new(dir);
            match std::fs::symlink_metadata(path) {
                Ok(meta) if meta.file_type().is_symlink() => {
                    let target = std::fs::read_link(path).with_context(|| format!("cannot read the link {dir}"))?;
                    command.arg("--symlink").arg(target).arg(dir);
                }
                Ok(meta) if meta.is_dir() => {
                    command.arg("--ro-bind").arg(dir).arg(dir);
                }
                _ => {}
            }
        }
        command.arg("--ro-bind").arg(program).arg(program);
        command.args(["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]);
        command.arg("--ro-bind").arg(self.staging().join("passwd")).arg("/etc/passwd");
        command.arg("--ro-bind").arg(self.staging().join("group")).arg("/etc/group");
        for (staged, inside) in binds {
            command.arg("--ro-bind").arg(staged).arg(inside);
        }
        command.args(["--chdir", "/", "--clearenv", "--"]).arg(program).args(args);
        command.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::piped()).process_group(0);
        let mut child = command.spawn().with_context(|| {
            let how = if root { "setpriv (util-linux), to drop root, then " } else { "" };
            format!("`{purpose}`: cannot start the sandbox ({how}{})", self.bwrap.display())
        })?;
        let pipe = child.stderr.take();
        let reader = std::thread::spawn(move || capped(pipe));
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait()? {
                break status;
            }
            if started.elapsed() > self.time_limit {
                kill_group(&child);
                let _ = child.wait();
                let _ = reader.join();
                bail!(
                    "`{purpose}`: {} did not finish within {} s and was killed",
                    program.display(),
                    self.time_limit.as_secs()
                );
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        // The PID namespace ended with its first process: nothing inside holds the pipe open.
        let (stderr, truncated) = reader.join().unwrap_or_default();
        Ok(Output { success: status.success(), stderr, truncated })
    }

    /// When the sandbox is made by `nobody`, the staged files must be readable by it, and the
    /// directories above them passable.
    fn open_to_nobody(&self) -> Result<()> {
        let purpose = self.purpose;
        for ancestor in self.staging().ancestors().skip(1) {
            let mode = std::fs::metadata(ancestor).map(|m| m.permissions().mode()).unwrap_or(0);
            if mode & 0o001 == 0 {
                bail!(
                    "`{purpose}` runs its sandbox as the user nobody, which cannot pass {} (the temporary directory's parent): set TMPDIR to a directory other users can pass, such as /tmp",
                    ancestor.display()
                );
            }
        }
        let mut pending = vec![self.staging().to_path_buf()];
        while let Some(dir) = pending.pop() {
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755))
                .with_context(|| format!("cannot prepare the sandbox: {}", dir.display()))?;
            for entry in std::fs::read_dir(&dir).with_context(|| format!("cannot read {}", dir.display()))? {
                let entry = entry?;
                let kind = entry.file_type()?;
                if kind.is_dir() {
                    pending.push(entry.path());
                } else if kind.is_file() {
                    std::fs::set_permissions(entry.path(), std::fs::Permissions::from_mode(0o644))?;
                }
            }
        }
        Ok(())
    }
}

/// Read a pipe to its end, keeping at most [`OUTPUT_CAP`] bytes.
fn capped(pipe: Option<std::process::ChildStderr>) -> (String, bool) {
    let Some(pipe) = pipe else { return (String::new(), false) };
    let mut kept = Vec::new();
    let mut limited = pipe.take(OUTPUT_CAP as u64);
    let _ = limited.read_to_end(&mut kept);
    let mut rest = limited.into_inner();
    let dropped = std::io::copy(&mut rest, &mut std::io::sink()).unwrap_or(0);
    (String::from_utf8_lossy(&kept).into_owned(), dropped > 0)
}

/// Kill the sandbox's process group (setpriv/bwrap; the sandbox itself dies with it).
fn kill_group(child: &std::process::Child) {
    let group = rustix::process::Pid::from_child(child);
    let _ = rustix::process::kill_process_group(group, rustix::process::Signal::KILL);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `dash -c SCRIPT` in a sandbox, with /usr/bin's tools (which a check is not given).
    fn sh(sandbox: &Sandbox, script: &str) -> Result<Output> {
        let args: Vec<OsString> = vec!["-c".into(), script.into()];
        sandbox.run(Path::new("/usr/bin/dash"), &args, &[(PathBuf::from("/usr/bin"), "/usr/bin")])
    }

    fn sandbox() -> Sandbox {
        // CI installs bubblewrap: a missing one fails here, loudly.
        assert!(bwrap_binary().is_some(), "bubblewrap is needed (apt-get install bubblewrap)");
        Sandbox::new("test").unwrap()
    }

    #[test]
    fn the_machine_outside_is_neither_readable_nor_writable() {
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret");
        std::fs::write(&secret, "outside-secret\n").unwrap();
        let written = outside.path().join("written");
        let script = format!(
            "cat {s} /etc/shadow /etc/hostname >&2; echo x > {w}; echo y > /usr/lib/configcheck-written; echo z > /tmp/private && echo tmp-ok >&2",
            s = secret.display(),
            w = written.display()
        );
        let out = sh(&sandbox(), &script).unwrap();
        assert!(!out.stderr.contains("outside-secret"), "{}", out.stderr);
        assert!(out.stderr.contains("/etc/shadow: No such file"), "{}", out.stderr);
        assert!(!written.exists());
        assert!(!Path::new("/usr/lib/configcheck-written").exists());
        assert!(out.stderr.contains("tmp-ok"), "a private /tmp is writable: {}", out.stderr);
    }

    #[test]
    fn no_network_no_other_process_no_privilege() {
        // Only the sandbox's own processes; only a loopback interface; root only in name.
        let out = sh(
            &sandbox(),
            "ls /proc | grep -c '^[0-9]' >&2; tail -n +3 /proc/net/dev | cut -d: -f1 >&2; grep CapEff /proc/self/status >&2; cat /proc/self/uid_map >&2",
        )
        .unwrap();
        let lines: Vec<&str> = out.stderr.lines().map(str::trim).collect();
        assert_eq!(lines.len(), 4, "{}", out.stderr);
        let processes: usize = lines[0].parse().unwrap();
        assert!(processes <= 6, "{}", out.stderr);
        assert_eq!(lines[1], "lo", "{}", out.stderr);
        assert!(lines[2].ends_with("0000000000000400"), "only CAP_NET_BIND_SERVICE: {}", out.stderr);
        // Root inside is an ordinary user outside (nobody when the tool runs as root).
        let map: Vec<&str> = lines[3].split_whitespace().collect();
        assert_eq!(map[0], "0");
        assert_ne!(map[1], "0", "root inside must not be root outside: {}", out.stderr);
    }

    #[test]
    fn a_program_that_runs_too_long_is_killed_with_what_it_started() {
        let mut sandbox = sandbox();
        sandbox.time_limit = Duration::from_secs(1);
        let marker = "987.654321";
        let started = Instant::now();
        let error = sh(&sandbox, &format!("sleep {marker} & sleep {marker}")).unwrap_err();
        assert!(format!("{error:#}").contains("did not finish within 1 s"), "{error:#}");
        assert!(started.elapsed() < Duration::from_secs(5));
        // The background sleep went with the sandbox (its PID namespace).
        std::thread::sleep(Duration::from_millis(200));
        let left = std::fs::read_dir("/proc")
            .unwrap()
            .filter_map(|e| std::fs::read(e.unwrap().path().join("cmdline")).ok())
            .filter(|cmdline| String::from_utf8_lossy(cmdline).contains(marker))
            .count();
        assert_eq!(left, 0, "a process of the sandbox survived it");
    }

    #[test]
    fn output_beyond_the_cap_is_dropped_and_said() {
        let out = sh(&sandbox(), "head -c 1000000 /dev/zero | tr '\\0' x >&2").unwrap();
        assert_eq!(out.stderr.len(), OUTPUT_CAP);
        assert!(out.truncated);
    }
}
