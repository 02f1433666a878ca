####
## Extra settings that cannot be set through environment variables.
####

## Name and e-mail tuples of the administrators, told about application errors (when e-mail is set up).
# ADMINS = [
#     # ['Jane Roe', 'jroe@example.net'],
# ]


## URL schemes allowed in links
# ALLOWED_URL_SCHEMES = (
#     'file', 'ftp', 'ftps', 'http', 'https', 'irc', 'mailto', 'sftp', 'ssh', 'tel', 'telnet', 'tftp', 'vnc', 'xmpp',
# )


## Optional NAPALM arguments, as a dictionary.
# NAPALM_ARGS = {}


## Enable installed plugins: add each plugin's name to the list.
# from netbox.configuration.configuration import PLUGINS
# PLUGINS.append('my_plugin')

## Plugin settings, keyed by the plugin's name.
# from netbox.configuration.configuration import PLUGINS_CONFIG
# PLUGINS_CONFIG['my_plugin'] = {
#   'alpha': 'one',
#   'beta': 'two'
# }


## Remote authentication
# REMOTE_AUTH_DEFAULT_PERMISSIONS = {}


## Uploaded media go to the local file system by default; django-storages is supported too. Give the storage
## driver's class path in STORAGE_BACKEND and its options in STORAGE_CONFIG, for example:
# STORAGE_BACKEND = 'storages.backends.s3boto3.S3Boto3Storage'
# STORAGE_CONFIG = {
#     'AWS_ACCESS_KEY_ID': 'Key ID',
#     'AWS_SECRET_ACCESS_KEY': 'Secret',
#     'AWS_STORAGE_BUCKET_NAME': 'inventory',
#     'AWS_S3_REGION_NAME': 'eu-central-1',
# }


## Any Python may go here, e.g.:
# from datetime import datetime
# started = datetime.now().strftime("%d/%m/%Y %H:%M:%S")
# BANNER_TOP = f'<span>Started {started}.</span>'
