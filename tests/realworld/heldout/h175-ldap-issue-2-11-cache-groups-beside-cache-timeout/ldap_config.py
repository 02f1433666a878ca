# ldap_config.py for NetBox 2.11: the settings that differ from NetBox's LDAP guide
# (server, bind account, user and group searches as in the guide, not shown here)

AUTH_LDAP_FIND_GROUP_PERMS = False
AUTH_LDAP_CACHE_GROUPS = True
AUTH_LDAP_CACHE_TIMEOUT = 60
AUTH_LDAP_GROUP_CACHE_TIMEOUT = 60
AUTH_LDAP_REQUIRE_GROUP = "CN=IPAM Users,OU=Security Groups,DC=corp,DC=example,DC=org"
AUTH_LDAP_MIRROR_GROUPS = ["IPAM Admins", "IPAM Users"]
AUTH_LDAP_USER_FLAGS_BY_GROUP = {
    "is_superuser": ["CN=IPAM Admins,OU=Security Groups,DC=corp,DC=example,DC=org"]
}
