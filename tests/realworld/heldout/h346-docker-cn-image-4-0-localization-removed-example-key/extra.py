####
## This file contains extra configuration options that can't be configured
## directly through environment variables.
####

## Enable installed plugins. Add the name of each plugin to the list.
# from netbox.configuration.configuration import PLUGINS
# PLUGINS.append('my_plugin')

## Remote authentication support
# REMOTE_AUTH_DEFAULT_PERMISSIONS = {}

## This file can contain arbitrary Python code, e.g.:
# from datetime import datetime
# now = datetime.now().strftime("%d/%m/%Y %H:%M:%S")
# BANNER_TOP = f'<marquee width="200px">This instance started on {now}.</marquee>'
ENABLE_LOCALIZATION = True

DEFAULT_LANGUAGE = 'zh-cn'

TIME_ZONE = 'Asia/Shanghai'
