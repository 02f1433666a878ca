####
## Extra configuration that can't be expressed as plain environment variables.
## Everything here is env-gated so one file serves dev and prod.
####

from os import environ

## Serving below a path (prod: https://netbox.example.net/netbox, and the dev rehearsal proxy).
## netbox-docker has no variable for this, so read BASE_PATH (e.g. "netbox/") here. The proxy must map
## <BASE_PATH>static/ to /static/ and pass app routes WITHOUT stripping the prefix.
if environ.get("BASE_PATH"):
    BASE_PATH = environ["BASE_PATH"]

## Media on S3 (prod) only when S3_MEDIA_BUCKET is set; no keys: boto3's default chain (instance role).
if environ.get("S3_MEDIA_BUCKET"):
    STORAGES = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": environ["S3_MEDIA_BUCKET"],
                "region_name": environ.get("AWS_REGION", "eu-central-1"),
                "location": environ.get("S3_MEDIA_PREFIX", "netbox-media"),
                "file_overwrite": False,
            },
        },
    }
