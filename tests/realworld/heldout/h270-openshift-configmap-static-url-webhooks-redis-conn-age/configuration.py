#!/usr/bin/env python
# /etc/netbox/config/configuration.py from the ConfigMap netbox-config (key configuration.py)
import os
from netbox.configuration import *

ALLOWED_HOSTS = ['*']
STATIC_URL = "/"
SECRET_KEY = os.environ.get('SECRET_KEY', '')
GRAPHQL_ENABLED = True
WEBHOOKS_ENABLED = True
