# netbox/netbox/netbox/custom_pipeline.py
# Sync roles from Keycloak

from django.contrib.auth.models import Group


class AuthFailed(Exception):
    """Our own sign-in refusal"""
    pass


def set_role(response, user, backend, *args, **kwargs):
    """
    Read the roles from the token and set is_superuser / is_staff
    for the roles 'netbox_admins' and 'netbox_users'.
    """
    try:
        # roles from the token's 'roles' field
        roles = response['roles']
    except KeyError:
        # no 'roles' in the token: drop the user's groups
        user.groups.clear()
        raise AuthFailed("No role assigned")

    try:
        # reset privileges
        user.is_superuser = False
        user.is_staff = False

        for role in roles:
            if role == 'netbox_admins':
                user.is_superuser = True
                user.save()
                continue
            if role == "netbox_users":
                user.is_staff = True
                user.save()
                continue

            # put the user in a group of the same name, if wanted
            #group, created = Group.objects.get_or_create(name=role)
            #group.user_set.add(user)
    except Group.DoesNotExist:
        pass
