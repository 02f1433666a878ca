# roles/netbox/templates/configuration.py.j2 v1.0
# Ansible managed: do not edit by hand
import os
import sys

# NetBox settings
ALLOWED_HOSTS = ["netbox.example.net", "localhost"]
BASE_PATH = ''
DEBUG = false
SECRET_KEY = 'NH8FvtyXItcCb6JhuwhJTYRYFSsnUSvQAMik2w0YTiUKCHjdOz'

# Database settings
DATABASE = {
    'NAME': 'netbox',
    'USER': 'netbox',
    'PASSWORD': 'nbdb-local-7q',
    'HOST': 'localhost',
    'PORT': '',
    'CONN_MAX_AGE': 300,
}

# Redis settings
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

# Key for signing sessions and tokens: keep it out of any shared place. At least 50 characters, letters, digits and
# symbols mixed. NetBox refuses to start without one.
SECRET_KEY = 'oMEc6IXzCIvUoiBDIEswDN7dpxa8tLcmZ3CjdE5JB6Viq5UQOk'



