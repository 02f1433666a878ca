# Text shown on the login page above the form. HTML is allowed.
BANNER_LOGIN = ''

# Base URL path when NetBox is installed in a directory, e.g. http://example.com/netbox/:
BASE_PATH = 'netbox/'
#BASE_PATH = ''

# Cache timeout in seconds; 0 switches caching off. Defaults to 900 (15 minutes)
CACHE_TIMEOUT = 900
