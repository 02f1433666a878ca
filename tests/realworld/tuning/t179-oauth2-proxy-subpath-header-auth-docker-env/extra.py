from os import environ

# Subdirectory deployment: https://portal.example.org/netbox/
BASE_PATH = environ.get("BASE_PATH", "netbox/")
