PLUGINS = [
    "netbox_contract",
    "netbox_inventory",
    "netbox_rack_report",
    "netbox_contract_timeline",
    "netbox_topology_views",
]

PLUGINS_CONFIG = {
    "netbox_contract": {
        "top_level_menu": True,
    },
    "netbox_rack_report": {
        "alert_threshold": 75,
    },
    "netbox_contract_timeline": {
        "red_max_months": 3,
        "orange_max_months": 6,
        "yellow_max_months": 12,
    },
    "netbox_inventory": {},
    "netbox_topology_views": {},
}
