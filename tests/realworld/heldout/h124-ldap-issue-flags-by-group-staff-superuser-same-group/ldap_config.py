AUTH_LDAP_USER_FLAGS_BY_GROUP = {
    "is_active": "CN=GG_INVENTORY_USE,OU=Permissions,OU=Infra,DC=ad,DC=corp-lab,DC=test",
    "is_staff": "CN=GG_INVENTORY_OWN,OU=Permissions,OU=Infra,DC=ad,DC=corp-lab,DC=test",
    "is_superuser": "CN=GG_INVENTORY_OWN,OU=Permissions,OU=Infra,DC=ad,DC=corp-lab,DC=test"
}
