# The settings NetBox ends up with on this deployment. The role does not template Python: it mounts a small loader
# as netbox/configuration.py, which reads every YAML file under /opt/netbox/config and copies each top-level key into
# the module's globals; the only file there is flat.yaml, the role's netbox_flat_config dumped with to_nice_yaml.
# Below is that YAML as the Python names the loader creates (inventory values are our own).

ALLOWED_HOSTS = ['netbox.famulus-ops.net']

DATABASE = {
    'ENGINE': 'django.db.backends.postgresql',
    'NAME': 'netbox',
    'USER': 'netbox',
    'PASSWORD': 'Rk8vN2qWx5Lt7ZpC3hJd',
    'HOST': '/run/postgresql',
}

REDIS = {
    'tasks': {
        'HOST': '172.17.0.1',
        'PORT': 6379,
        'USERNAME': 'netbox',
        'PASSWORD': 'Hs4mQ9eT2yWb6XcV8nLa',
        'DATABASE': 0,
        'SSL': False,
    },
    'caching': {
        'HOST': '172.17.0.1',
        'PORT': 6379,
        'USERNAME': 'netbox',
        'PASSWORD': 'Hs4mQ9eT2yWb6XcV8nLa',
        'DATABASE': 1,
        'SSL': False,
    },
}

SECRET_KEY = 'yWHnWHMOJ2dp2qyskUg6HzArwPXxQUHWrZ9zSQkMuUZjzzNmqI'

ALLOW_TOKEN_RETRIEVAL = False
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_SECURE = True

LOGIN_REQUIRED = True

PROTECTION_RULES = {
    'dcim.site': [
        {
            'status': [
                {'eq': 'decommisioning'},
            ],
        },
    ],
}

POWERFEED_DEFAULT_VOLTAGE = 230

CENSUS_REPORTING_ENABLED = False
CHANGELOG_RETENTION = 500

CHANGELOG_SKIP_EMPTY_CHANGES = True

METRICS_ENABLED = True

PLUGINS = ['netbox_topology_views', 'netbox_inventory', 'netbox_bgp']
