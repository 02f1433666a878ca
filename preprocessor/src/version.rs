//! Versions of the software a book targets (`[preprocessor.configcheck.targets]`).

use std::fmt;
use std::str::FromStr;

/// A `major.minor.patch` version; missing parts are zero (`"4.7"` is 4.7.0). A release candidate
/// (`"2026.5.0-rc1"`) comes before its release: 2026.5.0-rc1 < 2026.5.0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Version {
    /// Major.
    pub major: u32,
    /// Minor.
    pub minor: u32,
    /// Patch.
    pub patch: u32,
    /// `Some(n)` for the release candidate `-rcN`; `None` for the release itself.
    pub rc: Option<u32>,
}

impl Version {
    /// Build a version.
    pub const fn new(major: u32, minor: u32, patch: u32) -> Self {
        Self { major, minor, patch, rc: None }
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // A release (no rc) sorts after every one of its release candidates.
        let rank = |v: &Version| v.rc.unwrap_or(u32::MAX);
        (self.major, self.minor, self.patch, rank(self)).cmp(&(other.major, other.minor, other.patch, rank(other)))
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl FromStr for Version {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let shape = || format!("`{text}` is not a version like `4.7`, `4.7.3` or `2026.5.0-rc1`");
        let trimmed = text.trim().trim_start_matches('v');
        let (release, rc) = match trimmed.split_once('-') {
            Some((release, suffix)) => {
                let n = suffix.strip_prefix("rc").and_then(|n| n.parse().ok()).ok_or_else(shape)?;
                (release, Some(n))
            }
            None => (trimmed, None),
        };
        let mut parts = release.split('.');
        let mut next = |required: bool| -> Result<u32, String> {
            match parts.next() {
                Some(part) => part.parse().map_err(|_| shape()),
                None if required => Err(shape()),
                None => Ok(0),
            }
        };
        let version = Version { major: next(true)?, minor: next(false)?, patch: next(false)?, rc };
        if parts.next().is_some() {
            return Err(format!("`{text}` has more than three parts; write it like `4.7.3`"));
        }
        Ok(version)
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)?;
        match self.rc {
            Some(n) => write!(f, "-rc{n}"),
            None => Ok(()),
        }
    }
}

/// The software a rule's fact is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Product {
    /// NetBox (and the python-social-auth and Django versions it pins).
    NetBox,
    /// Authentik.
    Authentik,
    /// nginx.
    Nginx,
}

impl Product {
    /// Name as written in reports.
    pub fn name(self) -> &'static str {
        match self {
            Product::NetBox => "NetBox",
            Product::Authentik => "Authentik",
            Product::Nginx => "nginx",
        }
    }
}

/// The versions a book is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Targets {
    /// NetBox version.
    pub netbox: Version,
    /// Authentik version.
    pub authentik: Version,
    /// nginx version.
    pub nginx: Version,
}

impl Default for Targets {
    /// The newest versions the facts cover and the verification ran (NetBox 4.7.3; Authentik
    /// 2026.5.0-rc1, the newest Authentik whose source could be run here).
    fn default() -> Self {
        Targets {
            netbox: Version::new(4, 7, 3),
            authentik: Version { major: 2026, minor: 5, patch: 0, rc: Some(1) },
            nginx: Version::new(1, 22, 0),
        }
    }
}

impl Targets {
    /// The targeted version of a product.
    pub fn of(&self, product: Product) -> Version {
        match product {
            Product::NetBox => self.netbox,
            Product::Authentik => self.authentik,
            Product::Nginx => self.nginx,
        }
    }
}

/// The versions the rules know, per product: `(product, first, first after, in words, why)`. A
/// target outside is checked all the same, with a `configcheck/unknown-target` warning.
pub const KNOWN: &[(Product, Version, Version, &str, &str)] = &[
    (
        Product::NetBox,
        Version::new(3, 1, 0),
        Version::new(4, 8, 0),
        "3.1 to 4.7.x",
        "single sign-on came with 3.1.0; the facts end at 4.7.3, the newest release on the package index when they were written",
    ),
    (
        Product::Authentik,
        Version::new(2024, 8, 0),
        Version::new(2026, 9, 0),
        "2024.8 to 2026.8.x",
        "the releases the facts cover (redirect URI lists from 2024.8.5, the provider fields up to 2026.8)",
    ),
    (
        Product::Nginx,
        Version::new(1, 0, 0),
        Version::new(2, 0, 0),
        "1.x",
        "the nginx rules read directives that have not changed across nginx 1.x",
    ),
];

/// The warning for a target version outside [`KNOWN`], if it is.
pub fn unknown_target(product: Product, version: Version) -> Option<String> {
    let &(_, first, after, known, why) = KNOWN.iter().find(|(p, ..)| *p == product)?;
    (version < first || version >= after).then(|| {
        format!(
            "{} {version} is not a version the rules know: they know {} {known} ({why}); findings for {version} may be missing or wrong",
            product.name(),
            product.name()
        )
    })
}

/// The versions a rule's fact holds for: `since <= target < before`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applies {
    /// Every version.
    Always,
    /// A range of one product's versions.
    Range {
        /// The product.
        product: Product,
        /// First version the fact holds for.
        since: Option<Version>,
        /// First version it no longer holds for.
        before: Option<Version>,
    },
}

impl Applies {
    /// NetBox `since` and later.
    pub const fn netbox_since(major: u32, minor: u32, patch: u32) -> Self {
        Applies::Range { product: Product::NetBox, since: Some(Version::new(major, minor, patch)), before: None }
    }

    /// NetBox before `before`.
    pub const fn netbox_before(major: u32, minor: u32, patch: u32) -> Self {
        Applies::Range { product: Product::NetBox, since: None, before: Some(Version::new(major, minor, patch)) }
    }

    /// Whether the targets fall in the range.
    pub fn holds_for(&self, targets: &Targets) -> bool {
        match *self {
            Applies::Always => true,
            Applies::Range { product, since, before } => {
                let version = targets.of(product);
                since.is_none_or(|since| version >= since) && before.is_none_or(|before| version < before)
            }
        }
    }
}

impl fmt::Display for Applies {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Applies::Always => f.write_str("all versions"),
            Applies::Range { product, since, before } => match (since, before) {
                (Some(since), Some(before)) => write!(f, "{} {since} to before {before}", product.name()),
                (Some(since), None) => write!(f, "{} {since} and later", product.name()),
                (None, Some(before)) => write!(f, "{} before {before}", product.name()),
                (None, None) => write!(f, "all {} versions", product.name()),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_versions_fill_with_zero_and_compare_numerically() {
        let v: Version = "4.7".parse().unwrap();
        assert_eq!(v, Version::new(4, 7, 0));
        assert!("3.10".parse::<Version>().unwrap() > "3.9.9".parse().unwrap());
        assert!("four".parse::<Version>().is_err());
        assert!("1.2.3.4".parse::<Version>().is_err());
    }

    #[test]
    fn a_release_candidate_comes_before_its_release() {
        let rc: Version = "2026.5.0-rc1".parse().unwrap();
        assert_eq!(rc.to_string(), "2026.5.0-rc1");
        assert!(rc < Version::new(2026, 5, 0));
        assert!(rc > Version::new(2026, 2, 0));
        assert!(rc < "2026.5.0-rc2".parse().unwrap());
        assert!("2026.5.0-beta1".parse::<Version>().is_err());
    }

    #[test]
    fn ranges_follow_the_target() {
        let targets = Targets { netbox: Version::new(3, 4, 7), ..Targets::default() };
        assert!(Applies::netbox_before(3, 4, 8).holds_for(&targets));
        assert!(!Applies::netbox_since(4, 0, 0).holds_for(&targets));
    }
}
