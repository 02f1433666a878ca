def set_superuser(backend, user, response, *args, **kwargs):
    groups = response.get('groups', [])
    normalized = [g.lstrip('/') for g in groups]

    if 'administrator' in normalized:
        user.is_superuser = True
        user.is_staff = True
    elif 'developer' in normalized:
        user.is_staff = True
    else:
        user.is_superuser = False
        user.is_staff = False

    user.save()
