# /opt/netbox/netbox/netbox/configuration.py (the lines the runbook sets)
ALLOWED_HOSTS = ['netbox.home.example.fr', '192.168.10.2', '192.168.10.8']

# added after "403 CSRF verification failed" behind Traefik (TLS ends at Traefik)
CSRF_TRUSTED_ORIGINS = ['https://netbox.home.example.fr']
