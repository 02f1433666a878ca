ALLOWED_HOSTS = ['netbox.seclab.example.org', 'localhost']

# PostgreSQL database configuration.
DATABASE = {
    'NAME': 'netbox',         # Database name
    'USER': 'netbox',         # PostgreSQL username
    'PASSWORD': 'changeme',   # PostgreSQL password
    'HOST': 'localhost',      # Database server
    'PORT': '',               # Database port (leave blank for default)
}

# Put a value of at least 50 characters here; netbox/generate_secret_key.py
# makes one.
SECRET_KEY = 'changeme'

# Banners
BANNER_BOTTOM = 'SecLab - https://www.seclab.example.org'
BANNER_LOGIN = 'This NetBox is readable by anyone without an account. To make changes, ask a member of the infrastructure team for one.'  # noqa
