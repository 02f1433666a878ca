# Settings the chart's values become (basePath), plus the key the reporter added to the
# netbox.yaml ConfigMap by hand on a second try
BASE_PATH = 'netbox/'

STATIC_URL = '/netbox/static/'
