# Remote authentication: users sign in through TACACS+ (django-auth-tacacs)
REMOTE_AUTH_BACKEND = 'django_auth_tacacs.django.TACACSPlusAuthenticationBackend'
REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_DEFAULT_GROUPS = ['noc-operators']
REMOTE_AUTH_GROUP_SYNC_ENABLED = False
