from django.contrib.auth.models import Group


def set_role(response, user, backend, *args, **kwargs):
    client_id = 'netbox-dcim'
    roles = []
    try:
        roles = response['resource_access'][client_id]['roles']
    except KeyError:
        pass
    user.is_staff = ('admin' in roles)
    user.is_superuser = ('superuser' in roles)
    user.save()
    groups = Group.objects.all()

    # Debug
    print("All available groups in Netbox setting: ")
    print(groups)

    for group in groups:
        try:
            if group.name in roles:
                group.user_set.add(user)
            else:
                group.user_set.remove(user)
        except Group.DoesNotExist:
            continue
