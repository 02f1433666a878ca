SOCIAL_AUTH_PROTECTED_USER_FIELDS = ['groups']

# configuration.py
from django.contrib.auth.models import Group

def map_groups(backend, user, response, *args, **kwargs):
    idp_groups = response.get('groups', []) or []
    # role flags
    user.is_staff = 'nb-operators' in idp_groups or 'nb-admins' in idp_groups
    user.is_superuser = 'nb-admins' in idp_groups
    user.save()
    # mirror the identity provider's groups onto NetBox groups that already exist
    wanted = Group.objects.filter(name__in=idp_groups)
    user.groups.set(wanted)

SOCIAL_AUTH_PIPELINE = (
    'social_core.pipeline.social_auth.social_details',
    'social_core.pipeline.social_auth.social_uid',
    'social_core.pipeline.social_auth.social_user',
    'social_core.pipeline.user.get_username',
    'social_core.pipeline.user.create_user',
    'social_core.pipeline.social_auth.associate_user',
    'configuration.map_groups',
    'social_core.pipeline.social_auth.load_extra_data',
    'social_core.pipeline.user.user_details',
)
