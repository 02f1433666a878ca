//! `nginx/media-served-without-login`: NetBox's uploads served by nginx from disk.

use crate::finding::{Finding, Rule, Severity};
use crate::model::netbox::Presence;
use crate::rules::input::Input;
use crate::version::{Applies, Targets, Version};

/// A `location /media/` that serves files itself, around the checks NetBox makes.
pub const MEDIA_SERVED_WITHOUT_LOGIN: Rule = Rule {
    id: "nginx/media-served-without-login",
    severity: Severity::Warning,
    summary: "A `location /media/` serves NetBox's uploads (image attachments, device-type images) from disk, around NetBox's login and permission checks",
    help: "remove the /media/ location and let NetBox serve its uploads through the `location /` that proxies it, as NetBox's contrib/nginx.conf does (it aliases only /static/)",
    fact: "NetBox serves media itself 'to pipe it through LoginRequiredMiddleware' (netbox/netbox/urls.py L64-65 and CoreMiddleware's LOGIN_REQUIRED redirect, 3.6.6); 4.6.8 urls.py `path('media/<path:path>', MediaView)`, and from 4.6.3 MediaView also requires view permission on the image attachment or device type a file belongs to (netbox/netbox/views/misc.py; not in 4.6.2); contrib/nginx.conf (4.6.8) aliases only /static/; facts §1.1 (LOGIN_REQUIRED, default True since 4.0.2: `git show v4.0.1:netbox/netbox/settings.py` L108 `False`, v4.0.2 L108 `True`); a whole configuration that leaves LOGIN_REQUIRED out gets that default",
    applies: Applies::Always,
};

/// From this release NetBox checks view permission on the uploads it serves, whatever
/// LOGIN_REQUIRED says.
const PERMISSION_CHECKED_SINCE: Version = Version::new(4, 6, 3);

/// The first minor line whose every release requires a login by default (4.0.2 changed the
/// default; 4.0.0 and 4.0.1 did not).
const DEFAULT_LOGIN_REQUIRED_SINCE: Version = Version::new(4, 1, 0);

pub fn media_served_without_login(d: &Input<'_>, targets: &Targets, out: &mut Vec<Finding>) {
    let Some(server) = d.flow.as_ref().map(|f| f.server).or_else(|| d.nginx.netbox_server()) else { return };
    // Set, or NetBox's default when the whole configuration is shown and leaves it out: True
    // from 4.0.2 (settings.py, `getattr(configuration, 'LOGIN_REQUIRED', True)`; False up to
    // 4.0.1), so for a target line from 4.1 on.
    let login_required = match d.netbox.presence("LOGIN_REQUIRED") {
        Presence::Set(setting) => setting.value.truthy(),
        Presence::Unset => Some(targets.netbox >= DEFAULT_LOGIN_REQUIRED_SINCE),
        Presence::Unknown => None,
    };
    let permission_checked = targets.netbox >= PERMISSION_CHECKED_SINCE;
    // Only where NetBox would check something: a known LOGIN_REQUIRED = True, or a release
    // that checks permissions; an unknown or False LOGIN_REQUIRED on an older release is quiet.
    if !permission_checked && login_required != Some(true) {
        return;
    }
    for location in &server.locations {
        let prefix = matches!(location.modifier.as_str(), "" | "^~");
        let media = location.path.ends_with("/media/") || location.path.ends_with("/media");
        if !(prefix && media && location.files_from.is_some() && location.proxy_pass.is_none()) {
            continue;
        }
        let checks = match (login_required == Some(true), permission_checked) {
            (true, true) => "a login (LOGIN_REQUIRED) and view permission on the attachment or device type each file belongs to",
            (true, false) => "a login (LOGIN_REQUIRED)",
            _ => "view permission on the attachment or device type each file belongs to",
        };
        out.push(Finding::in_block(
            &MEDIA_SERVED_WITHOUT_LOGIN,
            location.block,
            location.head.clone(),
            format!(
                "`location {}` hands NetBox's uploads to anyone who reaches nginx: NetBox serves /media/ itself so that it can require {checks}, and this location answers from disk first",
                location.path
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::nginx::testing::nginx;
    use crate::rules::testing::{BLUEPRINT, NETBOX, assert_fires, assert_quiet, fired_with};
    use crate::version::{Targets, Version};

    const MEDIA: &str = "    location /media/ {\n        alias /opt/netbox/netbox/media/;\n    }\n    location / {";
    const STATIC: &str = "    location /static/ {\n        alias /opt/netbox/netbox/static/;\n    }\n    location / {";

    #[test]
    fn media_served_without_login() {
        // The default target checks permissions on uploads: an alias goes around them.
        assert_fires("nginx/media-served-without-login", (NETBOX, &nginx("    location / {", MEDIA), BLUEPRINT), "location /media/ {");
        // Static files are public: contrib/nginx.conf aliases them.
        assert_quiet("nginx/media-served-without-login", (NETBOX, &nginx("    location / {", STATIC), BLUEPRINT));
        // Media proxied to NetBox like the rest.
        let proxied = "    location /media/ {\n        proxy_pass http://127.0.0.1:8001;\n        proxy_set_header X-Forwarded-Host $http_host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n    }\n    location / {";
        assert_quiet("nginx/media-served-without-login", (NETBOX, &nginx("    location / {", proxied), BLUEPRINT));
    }

    #[test]
    fn before_permission_checks_only_a_known_login_requirement_counts() {
        let old = Targets { netbox: Version::new(3, 6, 6), ..Targets::default() };
        let site = nginx("    location / {", MEDIA);
        let required = format!("{NETBOX}LOGIN_REQUIRED = True\n");
        let fired = fired_with(old, &required, &site, BLUEPRINT);
        assert!(fired.iter().any(|(r, l)| *r == "nginx/media-served-without-login" && l.contains("location /media/")), "{fired:#?}");
        // LOGIN_REQUIRED not shown (3.6's default is False) or False: NetBox checks nothing either.
        for netbox in [NETBOX.to_string(), format!("{NETBOX}LOGIN_REQUIRED = False\n")] {
            let fired = fired_with(old, &netbox, &site, BLUEPRINT);
            assert!(!fired.iter().any(|(r, _)| *r == "nginx/media-served-without-login"), "{fired:#?}");
        }
    }

    /// NetBox 4.4 with a whole configuration that leaves LOGIN_REQUIRED out: its default, True
    /// since 4.0.2, requires a login the alias goes around (an Ansible role's LXC site, corpus).
    #[test]
    fn a_whole_configuration_without_login_required_has_netboxs_default() {
        let site = nginx("    location / {", MEDIA);
        let fired = |netbox: Version| {
            fired_with(Targets { netbox, ..Targets::default() }, NETBOX, &site, BLUEPRINT)
                .iter()
                .any(|(r, l)| *r == "nginx/media-served-without-login" && l.contains("location /media/"))
        };
        assert!(fired(Version::new(4, 4, 0)));
        // 4.0.0 and 4.0.1 still defaulted to False.
        assert!(!fired(Version::new(4, 0, 0)));
    }
}
