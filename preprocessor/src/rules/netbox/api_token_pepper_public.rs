//! `netbox/api-token-pepper-public`: an API token pepper that netbox-docker publishes in its
//! example environment.
//!
//! ## What it does
//! Finds a pepper of `API_TOKEN_PEPPERS` (written in configuration.py, or netbox-docker's
//! `API_TOKEN_PEPPER_1`) that is the one netbox-docker's example `env/netbox.env` has carried
//! since it supported NetBox 4.5's peppers.
//!
//! ## Why is this bad?
//! NetBox 4.5 and later store each v2 API token as an HMAC of its secret keyed with the pepper,
//! so that a copy of the database does not give the tokens away. With a pepper everyone can read
//! in netbox-docker's repository, the digests are keyed with a public value: what is left is the
//! strength of the token secrets alone. NetBox accepts it (it checks only the length), so
//! nothing says so. A hint: the harm needs the database to leak.
//!
//! ## Example
//! `API_TOKEN_PEPPER_1=Qy+F=OTeGskWQ(…` kept from netbox-docker's example.
//!
//! Use instead: a pepper of your own, 50 characters or more, under a higher number (NetBox hashes
//! each new token with the highest-numbered pepper); once the tokens made with the published one
//! are made again, remove it.

use super::shared::{PEPPER_1_SOURCE, at_value, peppers};
use crate::finding::{Finding, Rule, Severity};
use crate::rules::input::Input;
use crate::version::{Applies, Targets};

/// A pepper netbox-docker publishes.
pub const API_TOKEN_PEPPER_PUBLIC: Rule = Rule {
    id: "netbox/api-token-pepper-public",
    severity: Severity::Info,
    summary: "a pepper of `API_TOKEN_PEPPERS` (in configuration.py, or netbox-docker's `API_TOKEN_PEPPER_1`) is the one netbox-docker publishes in its example env/netbox.env: the API token digests in the database are keyed with a public value",
    help: "generate a pepper of your own, 50 characters or more (as for `SECRET_KEY`), and add it under a higher number: NetBox hashes each new token with the highest-numbered pepper; once the tokens made with the published one are made again, remove it",
    fact: "netbox-docker commit 1f0ef020a9d1 'Support new API_TOKEN format' (Tobias Genannt, 2025-10-08) adds `API_TOKEN_PEPPER_1=Qy+F=OTeGskWQ(wTMgjc+NPPlz6YwFXY=KHIIg=wpYXT&e(6u8` as the first line of env/netbox.env and `API_TOKEN_PEPPERS.update({1: api_token_pepper})` from that variable to configuration/configuration.py (L119-121); the line is unchanged to 'Preparation for 5.0.1' (693d45e, 2026-05-06) (read in the history of AndresGonsua/netbox-docker, a fork carrying netbox-docker's own commits; netbox-docker issue #1617 quotes it as 'the default value set in netbox.env'); NetBox 4.5.0 settings.py L80 reads API_TOKEN_PEPPERS and L233-234 calls utilities/security.py validate_peppers, which checks type and length only; NetBox 4.6.8 users/models/tokens.py L265-274 `update_digest` stores `hmac.new(pepper, token, hashlib.sha256).hexdigest()` for a v2 token, with the highest-numbered pepper (users/utils.py L79-86 `get_current_pepper`). Seen in tests/realworld/tuning/t189-… and t215-…",
    applies: Applies::netbox_since(4, 5, 0),
};

/// netbox-docker's example pepper (see the rule's fact).
const PUBLISHED: &str = "Qy+F=OTeGskWQ(wTMgjc+NPPlz6YwFXY=KHIIg=wpYXT&e(6u8";

pub fn api_token_pepper_public(d: &Input<'_>, _: &Targets, out: &mut Vec<Finding>) {
    for pepper in peppers(&d.netbox) {
        if pepper.value.as_str() != Some(PUBLISHED) {
            continue;
        }
        let where_from = if pepper.from_variable { PEPPER_1_SOURCE } else { "" };
        let what = if pepper.newest {
            "NetBox keys the digest of every new API token with it, so a copy of the database is protected by the token secrets alone"
        } else {
            "a pepper of a higher number keys new tokens, but the tokens made with this one keep digests keyed with a public value until they are made again and it is removed"
        };
        // The pepper is public, but the message need not repeat it.
        out.push(at_value(
            &API_TOKEN_PEPPER_PUBLIC,
            pepper.setting,
            pepper.value,
            format!("{} is the pepper netbox-docker publishes in its example env/netbox.env{where_from}: {what}", pepper.name),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::netbox::testing::{assert_cases, assert_fires_in_chapter, assert_quiet_in_chapter};

    /// (rule, target NetBox, a block that makes it fire on the given line, a close block that must not)
    const CASES: &[(&str, &str, &str, usize, &str)] = &[
        (
            "netbox/api-token-pepper-public",
            "4.6",
            "API_TOKEN_PEPPERS = {\n    1: 'Qy+F=OTeGskWQ(wTMgjc+NPPlz6YwFXY=KHIIg=wpYXT&e(6u8',\n}\n",
            2,
            "API_TOKEN_PEPPERS = {\n    1: 'Qy+F=OTeGskWQ(wTMgjc+NPPlz6YwFXY=KHIIg=wpYXT&e(6u9',\n}\n",
        ),
        // One of one's own under a higher number keys new tokens: the published one is still
        // reported, as the tokens made with it.
        (
            "netbox/api-token-pepper-public",
            "4.6",
            "API_TOKEN_PEPPERS = {\n    1: 'Qy+F=OTeGskWQ(wTMgjc+NPPlz6YwFXY=KHIIg=wpYXT&e(6u8',\n    2: 'Vn2Qx8Lc4Tz6Wb9Km3Pr7Hs1Dy5Fj0Ga2Ue6Io8Ks4Mx7Nb1Rc9Tq3W',\n}\n",
            2,
            "API_TOKEN_PEPPERS = {\n    2: 'Vn2Qx8Lc4Tz6Wb9Km3Pr7Hs1Dy5Fj0Ga2Ue6Io8Ks4Mx7Nb1Rc9Tq3W',\n}\n",
        ),
        // Before NetBox 4.5 nothing reads a pepper.
        ("netbox/api-token-pepper-public", "4.4", "", 0, "API_TOKEN_PEPPERS = {1: 'Qy+F=OTeGskWQ(wTMgjc+NPPlz6YwFXY=KHIIg=wpYXT&e(6u8'}\n"),
    ];

    #[test]
    fn fires_on_its_cases_and_stays_quiet_on_the_near_misses() {
        assert_cases(&super::API_TOKEN_PEPPER_PUBLIC, CASES);
    }

    /// netbox-docker's environment file kept as its example writes it (corpus cases t189, t215).
    #[test]
    fn in_netbox_dockers_environment_file() {
        let env = |pepper: &str| format!("# t\n\n```sh,check=env\nDB_HOST=postgres\nAPI_TOKEN_PEPPER_1={pepper}\n```\n");
        assert_fires_in_chapter("netbox/api-token-pepper-public", &env("Qy+F=OTeGskWQ(wTMgjc+NPPlz6YwFXY=KHIIg=wpYXT&e(6u8"), 2);
        assert_quiet_in_chapter("netbox/api-token-pepper-public", &env("Vn2Qx8Lc4Tz6Wb9Km3Pr7Hs1Dy5Fj0Ga2Ue6Io8Ks4Mx7Nb1Rc9Tq3W"));
    }
}
