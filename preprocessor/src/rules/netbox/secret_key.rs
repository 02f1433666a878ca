//! The `SECRET_KEY` NetBox runs with, and where it comes from, for the three rules that judge
//! it (`secret-key-empty`, `secret-key-short`, `secret-key-public`).

use crate::model::NetboxConfig;
use crate::parse::netbox::{Conversion, Setting, Value, ValueKind};

/// Where the key comes from, said after the setting in a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum KeySource {
    /// The configuration's own literal: nothing to add.
    Configuration,
    /// netbox-docker's variable, which its configuration.py reads unless a
    /// /run/secrets/secret_key file exists: `_read_secret('secret_key', environ.get('SECRET_KEY',
    /// ''))` (from 0.26.0, 6bada66; 3.0.2 configuration/configuration.py L115), shown, or in
    /// an image from 0.26.0 or not known to be older.
    VariableUnlessFile,
    /// The variable, read by a configuration shown with a plain lookup
    /// (`os.environ.get('SECRET_KEY', read_secret('secret_key'))`, netbox-docker 0.3.1 to
    /// 0.25.0, L45-L50, or one's own): whenever it is set, whatever the default would read.
    Lookup,
    /// The variable, read by the configuration of an image that takes it whenever it is set
    /// (netbox-docker before 0.26.0, NetBox's own image of 2016-2017, which read no file; see
    /// [`crate::parse::compose::image_reads_secret_key_variable_first`]). Such an image runs
    /// NetBox 2.8 or earlier.
    OldImage,
}

impl KeySource {
    /// Whether NetBox takes the variable whenever it is set, so a secret file is no fix.
    pub(super) fn variable_first(self) -> bool {
        matches!(self, Self::Lookup | Self::OldImage)
    }
}

impl std::fmt::Display for KeySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Configuration => "",
            Self::VariableUnlessFile => {
                " (netbox-docker from 0.26.0 uses it unless a /run/secrets/secret_key file replaces it)"
            }
            Self::Lookup => " (the configuration shown reads the variable and uses it whenever it is set)",
            Self::OldImage => {
                " (this image's configuration uses the variable whether or not a /run/secrets/secret_key file exists)"
            }
        })
    }
}

/// The `SECRET_KEY` NetBox runs with, and where it comes from (see [`KeySource`]): a
/// configuration shown decides how the variable is read; where none is, the image does.
pub(super) fn in_use(nb: &NetboxConfig) -> Option<(&Setting, KeySource)> {
    let stock = nb.stock_configuration();
    // A service given the Docker secret `secret_key` has /run/secrets/secret_key, which a
    // configuration reading it first takes instead of the variable: the variable's value is then
    // not known to be used. Other secrets (an OAuth client's) leave the variable in use.
    let secret_file = stock.is_some_and(|stock| stock.secret_key_secret);
    let image = if stock.is_some_and(|stock| stock.secret_key_variable_first) {
        KeySource::OldImage
    } else {
        KeySource::VariableUnlessFile
    };
    let image_reads_the_file = secret_file && image == KeySource::VariableUnlessFile;
    match nb.get("SECRET_KEY") {
        // netbox-docker's own line from 0.26.0, shown: the file first, whatever the image.
        Some(Setting {
            value: Value { kind: ValueKind::Env { var, conversion: Conversion::Secret, .. }, .. }, ..
        }) => nb.environment_variable(var).filter(|_| !secret_file).map(|var| (var, KeySource::VariableUnlessFile)),
        // A plain lookup shown, given its value by the environment.
        Some(setting) if nb.is_from_environment(setting) => Some((setting, KeySource::Lookup)),
        Some(setting) => Some((setting, KeySource::Configuration)),
        // The image's configuration.py reads the variable; a configuration that sets SECRET_KEY
        // itself (shown, or whole) wins over it.
        None if !nb.is_complete() && !image_reads_the_file => {
            nb.environment_variable("SECRET_KEY").map(|var| (var, image))
        }
        None => None,
    }
}

/// The variable the key is read from: the one a configuration shown looks up
/// (`os.environ.get('NETBOX_SECRET_KEY')`), else netbox-docker's `SECRET_KEY`.
pub(super) fn variable(nb: &NetboxConfig) -> &str {
    match nb.as_written("SECRET_KEY").map(|setting| &setting.value.kind) {
        Some(ValueKind::Env { var, .. }) => var.as_str(),
        _ => "SECRET_KEY",
    }
}
