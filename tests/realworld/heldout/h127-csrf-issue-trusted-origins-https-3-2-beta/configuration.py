CSRF_TRUSTED_ORIGINS = ['https://netbox.corp-lab.test']
