#
# NetBox remote authentication against TACACS+ / RADIUS
#

# Enable remote authentication and point NetBox to the backend
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = "netboxauth.backend.NetBoxRemoteAuthBackend"

# Create local NetBox users after a successful AAA login
REMOTE_AUTH_AUTO_CREATE_USER = True

# Groups given to every remote user (optional)
REMOTE_AUTH_DEFAULT_GROUPS = ["nb-operators"]

# Keep NetBox groups in sync with the roles the AAA server returns
REMOTE_AUTH_GROUP_SYNC_ENABLED = True

# Groups that grant the superuser / staff flags
REMOTE_AUTH_SUPERUSER_GROUPS = ["nb-admins"]
REMOTE_AUTH_STAFF_GROUPS = ["nb-operators"]

# AAA method: "tacacs" or "radius"
NETBOX_REMOTE_AUTH_METHOD = "tacacs"

# TACACS+ servers, tried in order
NETBOX_REMOTE_AUTH_TACACS = {
    "SERVERS": [
        {"HOST": "192.0.2.41", "PORT": 49},
        {"HOST": "192.0.2.42", "PORT": 49},
    ],
    "SECRET": "t4c4cs-shared-Kq82",
    "TIMEOUT": 5,
}

# RADIUS servers, tried in order
NETBOX_REMOTE_AUTH_RADIUS = {
    "SERVERS": [
        {"HOST": "192.0.2.51", "PORT": 1812},
        {"HOST": "192.0.2.52", "PORT": 1812},
    ],
    "SECRET": "r4dius-shared-Pw37",
    "TIMEOUT": 5,
}

# Optional: AAA attributes copied to the user's profile
NETBOX_REMOTE_AUTH_FIRST_NAME_ATTR = None
NETBOX_REMOTE_AUTH_LAST_NAME_ATTR = None
NETBOX_REMOTE_AUTH_EMAIL_ATTR = None
