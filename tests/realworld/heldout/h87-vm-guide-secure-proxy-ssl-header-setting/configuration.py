# "Minimum configuration settings to get right" and "NetBox proxy settings should tell the app
# that the external scheme is HTTPS" (NetBox v4.6.0 behind nginx on the VM and HAProxy at the edge)
ALLOWED_HOSTS = ['netbox.lab.example.com', '10.30.200.23']
CSRF_TRUSTED_ORIGINS = ['https://netbox.lab.example.com']
SECURE_PROXY_SSL_HEADER = ('HTTP_X_FORWARDED_PROTO', 'https')
