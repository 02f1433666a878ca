# netbox-docker configuration/extra.py

CENSUS_REPORTING_ENABLED = False
LOGIN_PERSISTENCE = True

# pynetbox does not send its token with version requests
# LOGIN_REQUIRED = False
LOGIN_REQUIRED = True

MEDIA_ROOT = "/opt/netbox/netbox/media"
TIME_ZONE = "Europe/Berlin"

# TODO: move to v4.2 once the plugins support it
PLUGINS = [
    "netbox_acls",
    "netbox_attachments",
    "netbox_dns",
    "netbox_interface_synchronization",
    "netbox_inventory",
    # "netbox_lists",
    "netbox_otp_plugin",
    "netbox_reorder_rack",
    # "netbox_routing",
    "netbox_secrets",
    "netbox_storage",
    "netbox_topology_views",
    "nextbox_ui_plugin",
]

PLUGINS_CONFIG = {
    "netbox_acls": {"top_level_menu": True},
    "netbox_otp_plugin": {"otp_required": False},
    "netbox_secrets": {"top_level_menu": True},
    "netbox_topology_views": {"allow_coordinates_saving": True},
}

shortcuts = """\
|    |    |
|:---|---:|
| [Topology](/plugins/netbox_topology_views/topology/?filter_id=2) | [Racks](/dcim/rack-elevations/) |
| [Prefixes](/ipam/prefixes/) | [Servers](/dcim/devices/?role_id=5) |
"""

DEFAULT_DASHBOARD = [
    {
        "widget": "extras.NoteWidget",
        "width": 4,
        "height": 4,
        "title": "Shortcuts",
        "color": "black",
        "config": {"content": shortcuts},
    },
    {
        "widget": "extras.BookmarksWidget",
        "width": 8,
        "height": 4,
        "title": "Bookmarks",
        "color": "black",
        "config": {"order_by": "name"},
    },
    {
        "widget": "extras.ObjectListWidget",
        "width": 12,
        "height": 6,
        "title": "Changelog",
        "color": "black",
        "config": {
            "model": "core.objectchange",
            "page_size": 10,
        },
    },
]
