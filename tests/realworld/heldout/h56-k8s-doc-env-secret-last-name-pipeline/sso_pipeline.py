def get_user_details(strategy, details, response, user=None, *args, **kwargs):
    """User fields from the sign-on response, never empty where NetBox needs a value"""
    out = {
        'username': details.get('username'),
        'email': details.get('email', ''),
        'first_name': details.get('first_name', ''),
        'last_name': details.get('last_name', ''),
    }

    # no family name in the token: derive one
    if not out['last_name']:
        full_name = details.get('fullname') or details.get('first_name', '')
        name_parts = full_name.split(' ', 1) if full_name else []

        if len(name_parts) == 2:
            out['first_name'] = name_parts[0]
            out['last_name'] = name_parts[1]
        else:
            out['last_name'] = out.get('first_name', 'User')

    return {'details': out}
