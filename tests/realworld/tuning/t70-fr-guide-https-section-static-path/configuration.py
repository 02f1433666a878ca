SECURE_SSL_REDIRECT = False   # nginx redirects, not Django
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
