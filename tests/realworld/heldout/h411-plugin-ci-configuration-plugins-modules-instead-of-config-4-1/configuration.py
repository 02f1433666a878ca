###################################################################
#  Base configuration for the plugin's CI test run only.          #
#  Never use it for a real NetBox.                                 #
###################################################################

ALLOWED_HOSTS = ['*']

DATABASE = {
    'NAME': 'netbox',
    'USER': 'netbox',
    'PASSWORD': 'ci-db-secret',
    'HOST': 'localhost',
    'PORT': '',
    'CONN_MAX_AGE': 300,
}

PLUGINS = [
    'netbox_config_backup',
]

PLUGINS_MODULES = {
    'netbox_config_backup': {
        'repository': '/tmp/backup-repo/',
        'committer': 'CI Robot <ci-robot@builds.example.org>',
        'author': 'CI Robot <ci-robot@builds.example.org>',
        'frequency': 3600,
    },
}

REDIS = {
    'tasks': {
        'HOST': 'localhost',
        'PORT': 6379,
        'PASSWORD': '',
        'DATABASE': 0,
        'SSL': False,
    },
    'caching': {
        'HOST': 'localhost',
        'PORT': 6379,
        'PASSWORD': '',
        'DATABASE': 1,
        'SSL': False,
    }
}

SECRET_KEY = 'ci-only-0123456789ZYXWVUTSRQPONMLKJIHGFEDCBAzyxwvutsrqponmlk'
