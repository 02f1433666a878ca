####
## This file contains extra configuration options that can't be configured
## directly through environment variables.
####

## NAPALM optional arguments (see http://napalm.readthedocs.io/en/latest/support/#optional-arguments). Arguments must
## be provided as a dictionary.
# NAPALM_ARGS = {}

## Enable installed plugins. Add the name of each plugin to the list.
# from netbox.configuration.configuration import PLUGINS
# PLUGINS.append('my_plugin')

DEBUG = TEMPLATE_DEBUG = True
TIME_ZONE = 'America/Sao_Paulo'


## This file can contain arbitrary Python code, e.g.:
from datetime import datetime
now = datetime.now().strftime("%d/%m/%Y %H:%M:%S")
BANNER_TOP = f'<marquee width="800px">TEST INSTANCE FOR PLUGIN DEVELOPMENT, STARTED AT {now} UTC.</marquee>'
