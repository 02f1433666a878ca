REMOTE_AUTH_BACKEND='social_core.backends.keycloak.KeycloakOAuth2'
SOCIAL_AUTH_KEYCLOAK_KEY ='netbox-inventory'
SOCIAL_AUTH_KEYCLOAK_SECRET='Vq7Lr2Hx9NcT4bWz8KpM3sYd6FgJ1aEu'
SOCIAL_AUTH_KEYCLOAK_PUBLIC_KEY="MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvj/QDcRY2M7TlHshvNQwTUBN6YBxqoqYHMQiwHPJs6lk1pRKWnAOSxFOh6NN/840anY97h529eRQ6s9Ssh4jiUsWNUwUsLmTALIdQ/wPfHb7ZB523tGGguxlC7Fwc3NyWJaUdDvUohYYC2WlNMJvPNaYtFeWoJ33JfuGQfAwqkcY+pkEokLikrhKRE2562w/bmY60iUY9xrFhT9+3YJeMUtYGmEWxQ1EmZZSYnno+z9ArPIuwSWgp8j0sfpFmxe6Em9L9iQIwM5+copL5TvBdRlHW5CgV/Kmr1nDtdRxRYcBXRVL7+vbEhLErOiF86l0YJu/Ot4TtarSwgtKoUZzpwIDAQAB"
SOCIAL_AUTH_KEYCLOAK_AUTHORIZATION_URL='http://sso.plant-lab.example/realms/plant/protocol/openid-connect/auth'
SOCIAL_AUTH_KEYCLOAK_ACCESS_TOKEN_URL='http://sso.plant-lab.example/realms/plant/protocol/openid-connect/token'
SOCIAL_AUTH_KEYCLOAK_ID_KEY='preferred_username'
REMOTE_AUTH_GROUP_SYNC_ENABLED=True
REMOTE_AUTH_SUPERUSER_GROUPS=["netbox-admins"]
REMOTE_AUTH_STAFF_GROUPS=['netbox-staff']
# Header where the username is stored

# Header where groups are passed

# Separator for multiple groups in the header
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_AUTO_CREATE_GROUPS=True

SOCIAL_AUTH_PIPELINE = [
    'social_core.pipeline.social_auth.social_details',
    'social_core.pipeline.social_auth.social_uid',
    'social_core.pipeline.social_auth.auth_allowed',
    'social_core.pipeline.social_auth.social_user',
    'social_core.pipeline.user.get_username',
    'social_core.pipeline.user.create_user',
    'users.pipeline.keycloak_group_mapper',  # << custom step
    'social_core.pipeline.social_auth.associate_user',
    'social_core.pipeline.social_auth.load_extra_data',
    'social_core.pipeline.user.user_details',
]
