//! The argument counts the parser holds for nginx's directives ([`ARGUMENTS`]) against nginx's
//! own: each directive with 0 to 4 arguments under `nginx -t`, in the first context that allows
//! it (a location, a server, `http`). nginx answers "invalid number of arguments" exactly when
//! the count is outside the table's range (four accepted stands for no limit).
//!
//! CI installs nginx; without it this test fails, it does not skip.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, reason = "tests fail loudly")]

use std::path::PathBuf;
use std::process::Command;

use mdbook_configcheck::parse::nginx::ARGUMENTS;

fn nginx() -> PathBuf {
    let found = std::env::var_os("CONFIGCHECK_NGINX")
        .map(PathBuf::from)
        .into_iter()
        .chain(["/usr/sbin/nginx".into(), "/usr/bin/nginx".into()])
        .find(|p| p.is_file());
    found.expect("nginx is needed for this test (CI installs it: apt-get install nginx-light)")
}

#[test]
fn the_argument_counts_are_nginxs() {
    let nginx = nginx();
    let dir = tempfile::tempdir().unwrap();
    let conf = dir.path().join("nginx.conf");
    let mut disagreements = Vec::new();
    for &(name, min, max) in ARGUMENTS.iter().filter(|(name, ..)| *name != "location") {
        for count in 0..=4 {
            let statement = format!("{name} {};", vec!["1"; count].join(" "));
            let contexts = [
                format!("http {{ server {{ location / {{ {statement} }} }} }}"),
                format!("http {{ server {{ {statement} }} }}"),
                format!("http {{ {statement} }}"),
            ];
            let mut said = String::new();
            for context in &contexts {
                let text = format!("pid {}/nginx.pid;\nevents {{}}\n{context}\n", dir.path().display());
                std::fs::write(&conf, text).unwrap();
                let out = Command::new(&nginx)
                    .arg("-t")
                    .arg("-p")
                    .arg(dir.path())
                    .args(["-e", "stderr", "-c"])
                    .arg(&conf)
                    .output()
                    .unwrap();
                said = String::from_utf8_lossy(&out.stderr).into_owned();
                if !said.contains("is not allowed here") {
                    break;
                }
            }
            assert!(!said.contains("unknown directive"), "{name}: {said}");
            let refused = said.contains("invalid number of arguments");
            let expected = count < min || count > max;
            if refused != expected {
                disagreements.push(format!(
                    "{name} with {count}: nginx {} ({said})",
                    if refused { "refuses" } else { "accepts" }
                ));
            }
        }
    }
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}
