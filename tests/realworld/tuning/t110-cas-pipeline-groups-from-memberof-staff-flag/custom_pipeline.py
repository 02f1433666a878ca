# Pipeline for Python Social Auth.
# Create groups from the memberOf claim our single sign-on server returns
# (LDAP DNs) and add the signed-in user to them.
import logging

from django.conf import settings
from django.contrib.auth import get_user_model

# NetBox has its own Group model.
try:
    from users.models import Group
except ModuleNotFoundError:
    from django.contrib.auth.models import Group

logger = logging.getLogger('social')


def cn_to_group_name(cn: str) -> str:
    # cn=netops,ou=groups,dc=corp,dc=example becomes "netops"
    return cn.split(',')[0].removeprefix('cn=')


def superuser(user):
    groups = getattr(settings, 'REMOTE_AUTH_SUPERUSER_GROUPS', [])
    if isinstance(groups, str):
        groups = [groups,]
    user.is_superuser = len(
        set(groups) & set(user.groups.all().values_list('name', flat=True))
    ) > 0
    user.save()
    return user


def staff(user):
    groups = getattr(settings, 'REMOTE_AUTH_STAFF_GROUPS', [])
    if isinstance(groups, str):
        groups = [groups,]
    user.is_staff = len(
        set(groups) & set(user.groups.all().values_list('name', flat=True))
    ) > 0
    user.save()
    return user


def add_user_to_groups(strategy, details, backend, user=None, *args, **kwargs) -> None:
    if not user:
        logger.warning('backend: %s, details: %s, user is None', backend, details)
        return

    User = get_user_model()
    user = User.objects.get(username=user.username)
    groups = kwargs.get('response', {}).get('memberOf', [])

    oidc_groups = []
    for group in groups:
        name = cn_to_group_name(group)
        if hasattr(settings, 'SOCIAL_AUTH_ALLOW_GROUPS') \
                and name not in settings.SOCIAL_AUTH_ALLOW_GROUPS:
            continue
        g, created = Group.objects.get_or_create(name=name)
        oidc_groups.append(g)
        user.groups.add(g)

    for group in user.groups.all():
        if group not in oidc_groups:
            user.groups.remove(group)

    superuser(user)
    staff(user)
