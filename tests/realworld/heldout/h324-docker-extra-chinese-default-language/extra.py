####
## This file contains extra configuration options that can't be configured
## directly through environment variables.
####

## Remote authentication support
# REMOTE_AUTH_DEFAULT_PERMISSIONS = {}

## By default uploaded media is stored on the local filesystem. Using Django-storages is also supported. Provide the
## class path of the storage driver and any configuration options in STORAGES. For example:
# STORAGES = {
#     'default': {
#         'BACKEND': 'storages.backends.s3boto3.S3Boto3Storage',
#         'OPTIONS': {
#             'bucket_name': 'netbox',
#         }
#     },
# }

# Use NetBox's own Chinese locale code (zh); the mounted zh catalogue was converted to Traditional Chinese.
DEFAULT_LANGUAGE = "zh"
TRANSLATION_ENABLED = True
TIME_ZONE = 'Asia/Taipei'
