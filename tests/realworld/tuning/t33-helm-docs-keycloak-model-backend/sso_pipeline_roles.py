from netbox.authentication import Group


def set_role(response, user, backend, *args, **kwargs):
    client_id = 'ipam-portal'
    roles = []
    try:
        roles = response['resource_access'][client_id]['roles']
    except KeyError:
        pass
    user.is_staff = ('admin' in roles)
    user.is_superuser = ('superuser' in roles)
    user.save()
    groups = Group.objects.all()
    for group in groups:
        try:
            if group.name in roles:
                group.users.add(user)
            else:
                group.users.remove(user)
        except Group.DoesNotExist:
            continue
