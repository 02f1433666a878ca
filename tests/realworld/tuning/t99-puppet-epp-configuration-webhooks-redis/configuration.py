# Rendered by the configuration management tool; the slots it fills are kept as {{ … }}.
ALLOWED_HOSTS = ['{{ hosts }}']

DATABASE = {
    'NAME': '{{ db_name }}',
    'USER': '{{ db_user }}',
    'PASSWORD': '{{ db_password }}',
    'HOST': '{{ db_host }}',
    'PORT': {{ db_port }},
    'CONN_MAX_AGE': {{ db_conn_max_age }},
}

REDIS = {
    'webhooks': {
        'HOST': '{{ queue_host }}',
        'PORT': {{ queue_port }},
        'PASSWORD': '{{ queue_password }}',
        'DATABASE': {{ queue_db }},
        'SSL': {{ queue_ssl }},
    },
    'caching': {
        'HOST': '{{ cache_host }}',
        'PORT': {{ cache_port }},
        'PASSWORD': '{{ cache_password }}',
        'DATABASE': {{ cache_db }},
        'SSL': {{ cache_ssl }},
    },
}

SECRET_KEY = '{{ django_secret }}'

ADMINS = [
    {{ admin_tuples }}
]

BASE_PATH = '{{ url_prefix }}'
CACHE_TIMEOUT = 600
CHANGELOG_RETENTION = 30
DEBUG = False
ENFORCE_GLOBAL_UNIQUE = True
ENFORCE_GLOBAL_UNIQUE = True
LOGIN_REQUIRED = False
MAINTENANCE_MODE = False
NAPALM_USERNAME = ''
NAPALM_PASSWORD = ''
NAPALM_TIMEOUT = 20
TIME_ZONE = 'Europe/Oslo'
DATE_FORMAT = 'j. N Y'
SHORT_DATETIME_FORMAT = 'd.m.Y H:i'
