//! The nginx rules' test helpers: variations of the reference deployment.

use crate::rules::testing::NGINX;

pub fn nginx(from: &str, to: &str) -> String {
    assert!(NGINX.contains(from), "{from}");
    NGINX.replace(from, to)
}
