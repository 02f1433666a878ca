SOCIAL_AUTH_PIPELINE = (
'social_core.pipeline.social_auth.social_details',
'social_core.pipeline.social_auth.social_uid',
'social_core.pipeline.social_auth.social_user',
'social_core.pipeline.user.get_username',
'social_core.pipeline.social_auth.associate_by_email',
'social_core.pipeline.user.create_user',
'social_core.pipeline.social_auth.associate_user',
'netbox.authentication.user_default_groups_handler',
'social_core.pipeline.social_auth.load_extra_data',
'social_core.pipeline.user.user_details',
'nbc_auth_extensions.saml_authentication.saml_map_groups',
)

SOCIAL_AUTH_PIPELINE_CONFIG = {
    'SAML_USER_FLAGS_BY_GROUP': {
        "is_staff": {
            "netops-staff" # remove this line if no group should be granted 'Staff'
        },
        "is_superuser": {
            "netops-admins" # remove this line if no group should be granted 'Superuser'
        }
    },
    'SAML_GROUP_MAP': {
        "netops-engineers": "Network Engineers",
        "netops-readonly": "Read Only"
    }
}
