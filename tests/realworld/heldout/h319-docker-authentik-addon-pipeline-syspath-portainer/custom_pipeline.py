def add_groups(response, user, backend, *args, **kwargs):
    from netbox.authentication import Group

    for name in response.get("groups", []):
        group, _ = Group.objects.get_or_create(name=name)
        user.groups.add(group)


def remove_groups(response, user, backend, *args, **kwargs):
    from netbox.authentication import Group

    names = response.get("groups")
    if names is None:
        user.groups.clear()
        return

    current = [g.name for g in user.groups.all()]
    for stale in set(current) - set(names):
        user.groups.remove(Group.objects.get(name=stale))


def set_roles(response, user, backend, *args, **kwargs):
    names = response.get("groups", [])

    user.is_superuser = "it-admins" in names
    user.is_staff = "staff" in names
    user.save()
