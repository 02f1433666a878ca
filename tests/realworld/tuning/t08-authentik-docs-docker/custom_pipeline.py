from netbox.authentication import Group


def add_groups(response, user, backend, *args, **kwargs):
    try:
        claimed = response['groups']
    except KeyError:
        pass

    for name in claimed:
        group, _ = Group.objects.get_or_create(name=name)
        user.groups.add(group)


def remove_groups(response, user, backend, *args, **kwargs):
    try:
        claimed = response['groups']
    except KeyError:
        user.groups.clear()
        pass

    current = [g.name for g in user.groups.all()]
    for name in set(current) - set(claimed):
        user.groups.remove(Group.objects.get(name=name))


def set_roles(response, user, backend, *args, **kwargs):
    user.is_superuser = False
    user.is_staff = False
    try:
        claimed = response['groups']
    except KeyError:
        user.save()
        pass

    user.is_superuser = 'superusers' in claimed
    user.is_staff = 'staff' in claimed
    user.save()
