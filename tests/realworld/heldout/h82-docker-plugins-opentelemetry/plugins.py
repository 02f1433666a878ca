# Mounted over /etc/netbox/config/plugins.py in the netbox-docker image.
PLUGINS = ["netbox_opentelemetry_plugin"]

PLUGINS_CONFIG = {
    "netbox_opentelemetry_plugin": {
        # The collector endpoint comes from OTEL_EXPORTER_OTLP_ENDPOINT in env/netbox.env.
        "logs": {
            "level": "INFO",
            # NetBox's default LOGGING is empty, so the netbox logger stays at WARNING without this.
            "set_logger_levels": True,
        },
    },
}
