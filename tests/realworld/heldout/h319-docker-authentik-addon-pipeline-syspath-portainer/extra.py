####
## Extra configuration options that can't be configured directly through environment variables.
####

import sys

# netbox-docker loads the files of /etc/netbox/config by path, but python-social-auth
# imports pipeline steps by module name, so put the directory on the import path.
if "/etc/netbox/config" not in sys.path:
    sys.path.insert(0, "/etc/netbox/config")

SOCIAL_AUTH_PIPELINE = (
    'social_core.pipeline.social_auth.social_details',
    'social_core.pipeline.social_auth.social_uid',
    'social_core.pipeline.social_auth.auth_allowed',
    'social_core.pipeline.social_auth.social_user',
    'social_core.pipeline.user.get_username',
    # 'social_core.pipeline.social_auth.associate_by_email',
    'social_core.pipeline.user.create_user',
    'social_core.pipeline.social_auth.associate_user',
    'social_core.pipeline.social_auth.load_extra_data',
    'social_core.pipeline.user.user_details',

    # group and role mapping from Authentik
    'custom_pipeline.add_groups',
    'custom_pipeline.remove_groups',
    'custom_pipeline.set_roles',
)
