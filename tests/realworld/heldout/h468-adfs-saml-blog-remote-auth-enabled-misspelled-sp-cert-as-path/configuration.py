# Where users land after signing out: the ADFS sign-out endpoint.
LOGOUT_REDIRECT_URL = 'https://sso.lab07.example-corp.net/adfs/ls/?wa=wsignout1.0'

# (the other settings of the example configuration are left as they were)

# Remote authentication support
EMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = 'social_core.backends.saml.SAMLAuth'
SOCIAL_AUTH_SAML_SP_ENTITY_ID = 'https://ipam02.lab07.example-corp.net'
SOCIAL_AUTH_SAML_SP_PUBLIC_CERT = '/etc/ssl/private/ipam02-cert.pem'
SOCIAL_AUTH_SAML_SP_PRIVATE_KEY = '/etc/ssl/private/ipam02-key.pem'
SOCIAL_AUTH_SAML_ORG_INFO = {
                "en-US": {
                "name": "IPAM",
                "displayname": "IPAM",
                "url": "https://ipam02.lab07.example-corp.net"
        }
}
SOCIAL_AUTH_SAML_TECHNICAL_CONTACT = {
                "emailAddress": "noc@example-corp.net",
                "givenName": "Technical"
                }

SOCIAL_AUTH_SAML_SUPPORT_CONTACT = {
                "emailAddress": "noc@example-corp.net",
                "givenName": "Support"
                }
SOCIAL_AUTH_SAML_ENABLED_IDPS = {
                "SAML": {
                "entity_id": "http://sso.lab07.example-corp.net/adfs/services/trust",
                "url": "https://sso.lab07.example-corp.net/adfs/ls/",
                "attr_user_permanent_id": "name_id",
                "attr_username": "name_id",
                "attr_first_name": "attr_first_name",
                "attr_last_name": "attr_last_name",
                "attr_email": "attr_email",
                "attr_full_name": "attr_full_name",
                "x509cert": "MIIDMzCCAhugAwIBAgIUHcR+jI8bp9vWZ0vn73F9rh6l7SowDQYJKoZIhvcNAQELBQAwKTEnMCUGA1UEAwweYWRmczAyYS5sYWIwNy5leGFtcGxlLWNvcnAubmV0MB4XDTI2MTIwMzE0NTg1MFoXDTI3MTIwMzE0NTg1MFowKTEnMCUGA1UEAwweYWRmczAyYS5sYWIwNy5leGFtcGxlLWNvcnAubmV0MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAy+LZNKRDqq1RtBCKukpK6zHfswj0L6oxwOyi/vFV6SFXe28B3psUaIyHZSt1XFjoX8do1wNq0yvpxNedz9z4NpzJrEerldnInLCapeDDbyynjjP9/L5aBZHoJtNCB3p/80N3pnrIvTaSFUu9uktNFVhQxnKnTCoefYwUt+wkZXcnWsXrTesGblG6/ARCnxaeOrS60IOw8gLPGfmLB55IPA33mcWqXQjt9G/8EMybnFhpLKHitBsgnaAwLGGmwnMPXEKt0EHsUqzxnjirFBQdmKFEagfBq5e4pXDFlRf+XsTNi+/epneAEXClNH91qRGqLmFV+2JEc6BtyFC1XU2nPQIDAQABo1MwUTAdBgNVHQ4EFgQUN5DkW01ZDVQBGTnn+fqcloSCUqswHwYDVR0jBBgwFoAUN5DkW01ZDVQBGTnn+fqcloSCUqswDwYDVR0TAQH/BAUwAwEB/zANBgkqhkiG9w0BAQsFAAOCAQEActuw4D0c1RKrEoRVFzx5/fOteYNYq6xutHTVgq3Tbffh4qnaIeDIx45myDJaQ60tf97ydX3Na3U/yD89LKEU8K3G9hBLcmxIz0RVBdjUsvXRe4BIa1rxSRAwlsR0PxnIU2uM+b0RR0fL/Nl/wD85lqFUCg9Wi+lKFccij+jKLF0n1FxIVmfSK+VN220t5TIGCs9ap02TpnWCrU5Y/v5hsbZah/tDI3l9BUmKYZKsytL1Ki/p2TGkwKD1OSevcON8oj6wqf8ZWfG1Oxv3AvrOrDW0Cp9dtIYtaPPUztbAdyY58JrpfOG2O6i12f73+BagWJGI4uGVplIEmM5acfModA=="
                }
}

REMOTE_AUTH_AUTO_CREATE_USER = True
SOCIAL_AUTH_SAML_EXTRA_DATA = [("http://schemas.xmlsoap.org/claims/Group", "Group")]
SOCIAL_AUTH_SAML_SECURITY_CONFIG = {"requestedAuthnContext": False}
SOCIAL_AUTH_REDIRECT_IS_HTTPS = True

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
    'netbox.samlgetgroups.set_role',
)
