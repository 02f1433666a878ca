PLUGINS = ["netbox_vault_secrets"]

PLUGINS_CONFIG = {
    "netbox_vault_secrets": {
        "api_url": "http://localhost:8200/",
        "kv_mount_path": "/kv",
        "secret_path_prefix": "/inventory",
        "login_methods": ["token", "oidc"],
        "oidc": {
            "roles": {
                "lab": "Corporate SSO",
            },
        },
    }
}
