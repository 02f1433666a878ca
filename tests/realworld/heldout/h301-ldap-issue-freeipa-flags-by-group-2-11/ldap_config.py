# Map FreeIPA groups to the user flags
AUTH_LDAP_USER_FLAGS_BY_GROUP = {
    "is_active": "CN=ipausers,CN=groups,CN=accounts,DC=example,DC=net",
    "is_staff": "CN=netops,CN=groups,CN=accounts,DC=example,DC=net",
    "is_superuser": "CN=netops,CN=groups,CN=accounts,DC=example,DC=net"
}
