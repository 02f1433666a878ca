from django.contrib.auth.models import Group


def add_groups(response, user, backend, *args, **kwargs):
    for name in response.get('groups', []):
        group, _ = Group.objects.get_or_create(name=name)
        user.groups.add(group)


def remove_groups(response, user, backend, *args, **kwargs):
    wanted = response.get('groups', [])
    for group in user.groups.all():
        if group.name not in wanted:
            user.groups.remove(group)


def set_roles(response, user, backend, *args, **kwargs):
    wanted = response.get('groups', [])
    user.is_superuser = 'inventory-admins' in wanted
    user.is_staff = user.is_superuser or 'inventory-staff' in wanted
    user.save()
