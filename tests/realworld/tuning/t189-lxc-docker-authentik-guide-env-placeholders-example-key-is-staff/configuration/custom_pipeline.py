from netbox.authentication import Group  # NetBox 4.0 and later


class AuthFailed(Exception):
    pass


def add_groups(response, user, backend, *args, **kwargs):
    try:
        groups = response['groups']
    except KeyError:
        pass

    # add every group of the token
    for group in groups:
        group, created = Group.objects.get_or_create(name=group)
        user.groups.add(group)


def remove_groups(response, user, backend, *args, **kwargs):
    try:
        groups = response['groups']
    except KeyError:
        # no groups in the token: drop them all
        user.groups.clear()
        pass

    current = [item.name for item in user.groups.all()]
    stale = list(set(current) - set(groups))

    for name in stale:
        group = Group.objects.get(name=name)
        user.groups.remove(group)


def set_roles(response, user, backend, *args, **kwargs):
    # reset the roles first
    user.is_superuser = False
    user.is_staff = False
    try:
        groups = response['groups']
    except KeyError:
        # no groups: save without roles
        user.save()
        pass

    user.is_superuser = True if 'superusers' in groups else False
    user.is_staff = True if 'staff' in groups else False
    user.save()
