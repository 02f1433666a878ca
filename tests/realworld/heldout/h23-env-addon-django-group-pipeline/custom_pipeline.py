from django.contrib.auth.models import Group


def add_groups(response, user, backend, *args, **kwargs):
    names = response.get("groups", []) or []
    for name in names:
        group, _ = Group.objects.get_or_create(name=name)
        user.groups.add(group)


def remove_groups(response, user, backend, *args, **kwargs):
    names = response.get("groups")
    if not names:
        user.groups.clear()
        return

    keep = set(names)
    for group in list(user.groups.all()):
        if group.name not in keep:
            user.groups.remove(group)


def set_roles(response, user, backend, *args, **kwargs):
    names = set(response.get("groups", []) or [])
    user.is_superuser = "superusers" in names
    user.is_staff = "staff" in names
    user.save()
