# Redis through Sentinel, with an ACL user for NetBox
REDIS = {
    "tasks": {
        "SENTINELS": [
            ("kv1.dc.example.org", 26379),
            ("kv2.dc.example.org", 26379),
            ("kv2.dc.example.org", 26379),
        ],
        "SENTINEL_SERVICE": "ipam",
        "SENTINEL_TIMEOUT": 10,
        "USERNAME": "ipam",
        "PASSWORD": "f3Rw9LqzX2",
        "DATABASE": 0,
        "SSL": False,
    },
    "caching": {
        "SENTINELS": [
            ("kv1.dc.example.org", 26379),
            ("kv2.dc.example.org", 26379),
            ("kv2.dc.example.org", 26379),
        ],
        "SENTINEL_SERVICE": "ipam",
        "SENTINEL_TIMEOUT": 10,
        "USERNAME": "ipam",
        "PASSWORD": "f3Rw9LqzX2",
        "DATABASE": 1,
        "SSL": False,
    },
}
