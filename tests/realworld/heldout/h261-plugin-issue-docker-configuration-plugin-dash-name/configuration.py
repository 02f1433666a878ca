# Lines added to netbox-docker's configuration/configuration.py (the rest of that file, which reads the
# environment, is netbox-docker's own and not repeated here).

PLUGINS = [
    "netbox-dns",
]
