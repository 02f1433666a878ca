# /opt/netbox/netbox/netbox/custom_pipeline.py
# Put each signed-in user into the NetBox group named after the first role
# in the token's "roles" claim.
from django.contrib.auth.models import Group


class AuthFailed(Exception):
    pass


def set_role(response, user, backend, *args, **kwargs):
    try:
        role = response['roles'][0]
    except KeyError:
        raise AuthFailed("No role in the token")

    try:
        group = Group.objects.get(name="{}".format(role))
    except Group.DoesNotExist:
        raise AuthFailed("No group for role {}".format(role))

    group.user_set.add(user)
