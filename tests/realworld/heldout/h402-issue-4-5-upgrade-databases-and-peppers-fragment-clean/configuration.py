DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': 'inventory',            # Database name
        'USER': 'inventory',            # PostgreSQL username
        'PASSWORD': 'Vq3-hTr8pLw2-Kd9', # PostgreSQL password
        'HOST': 'pg01.corp.example.net', # Database server
        'PORT': '5432',                 # Database port (leave blank for default)
        'CONN_MAX_AGE': 300,            # Max database connection age
    }

}

API_TOKEN_PEPPERS = {
    1: 'p7Rk2vX9qL4mW8sT1nB6yH3cF5jD0gA2eU7iO9zQ4xV6rN1kM8',
}
