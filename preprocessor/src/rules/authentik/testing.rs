//! The authentik rules' test helpers: variations of the reference deployment.

use crate::rules::testing::BLUEPRINT;

pub fn blueprint(from: &str, to: &str) -> String {
    assert!(BLUEPRINT.contains(from), "{from}");
    BLUEPRINT.replace(from, to)
}
