# -----------------------------------------------------------------------------
# configuration.py: NetBox settings for the lab's IPAM host
# -----------------------------------------------------------------------------
# Rendered by Ansible from roles/netbox/templates/configuration.py.j2; edit the template, not this file.
# -----------------------------------------------------------------------------

ALLOWED_HOSTS = ["ipam01.corp-lab.net", "netbox.corp-lab.net", "10.40.2.15", "localhost"]

DATABASE = {
    'ENGINE': 'django.db.backends.postgresql',
    'NAME': 'netbox',
    'USER': 'netbox',
    'PASSWORD': 'Vq3rLw8Tz1NfYc6Hd',
    'HOST': 'localhost',
    'PORT': '',
    'CONN_MAX_AGE': 300,
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

SECRET_KEY = '204e8505b5b1d59cb166bfd99b6baeb352468c6ea81e077e6d98831a36895f9a2b8ecd1b73670134acee6ee697dbac587060'

# -----------------------------------------------------------------------------
# Optional settings
# -----------------------------------------------------------------------------

ALLOWED_URL_SCHEMES = (
    'file', 'ftp', 'ftps', 'http', 'https', 'irc', 'mailto', 'sftp', 'ssh',
    'tel', 'telnet', 'tftp', 'vnc', 'xmpp',
)

TIME_ZONE = 'America/Chicago'
LANGUAGE_CODE = 'en-us'

LOGGING = {
    'version': 1,
    'disable_existing_loggers': False,
    'handlers': {
        'file': {
            'level': 'INFO',
            'class': 'logging.FileHandler',
            'filename': '/var/log/netbox/netbox.log',
        },
    },
    'loggers': {
        'django': {
            'handlers': ['file'],
            'level': 'INFO',
            'propagate': True,
        },
    },
}
