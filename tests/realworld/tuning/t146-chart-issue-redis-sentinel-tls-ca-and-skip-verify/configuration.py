# The settings netbox-chart's configuration.py builds from the ConfigMap's netbox.yaml
# (SENTINELS given as "host:port" strings, split into (host, port) tuples by the chart).
ALLOWED_HOSTS = ['netbox.example.org']

REDIS = {
    'tasks': {
        'SENTINELS': [('kv-0.kv-headless', '26379'), ('kv-1.kv-headless', '26379'), ('kv-2.kv-headless', '26379')],
        'SENTINEL_SERVICE': 'netbox-kv',
        'SENTINEL_TIMEOUT': 300,
        'USERNAME': None,
        'DATABASE': 0,
        'SSL': True,
        'INSECURE_SKIP_TLS_VERIFY': True,
        'CA_CERT_PATH': '/etc/ssl/kv_ca',
    },
    'caching': {
        'SENTINELS': [('kv-0.kv-headless', '26379'), ('kv-1.kv-headless', '26379'), ('kv-2.kv-headless', '26379')],
        'SENTINEL_SERVICE': 'netbox-kv',
        'SENTINEL_TIMEOUT': 300,
        'USERNAME': None,
        'DATABASE': 1,
        'SSL': True,
        'INSECURE_SKIP_TLS_VERIFY': True,
        'CA_CERT_PATH': '/etc/ssl/kv_ca',
    },
}
