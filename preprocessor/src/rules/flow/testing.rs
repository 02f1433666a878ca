//! The flow rules' test helpers: variations of the reference deployment.

use crate::rules::testing::NETBOX;

pub fn netbox(from: &str, to: &str) -> String {
    assert!(NETBOX.contains(from), "{from}");
    NETBOX.replace(from, to)
}

/// The quoted value a configuration assigns to `name`.
pub fn value_of<'a>(netbox: &'a str, name: &str) -> &'a str {
    let line = netbox.lines().find(|l| l.starts_with(name)).unwrap();
    line.split('\'').nth(1).unwrap()
}
