ALLOWED_HOSTS = ['*']
BASE_PATH = 'netbox/'
CSRF_TRUSTED_ORIGINS = ['https://home.example.net']
DATABASE = {
'NAME': 'netbox',
'USER': 'netbox',
'PASSWORD': 'nb-local-db',
'HOST': 'postgres-netbox',
'PORT': '5432',
}

REDIS = {
'tasks': {
'HOST': 'redis',
'PORT': 6379,
'PASSWORD': '',
'DATABASE': 0,
'SSL': False,
},
'caching': {
'HOST': 'redis',
'PORT': 6379,
'PASSWORD': '',
'DATABASE': 1,
'SSL': False,
}
}
SECRET_KEY = 'k7R!q2Wz@Lm9#Vb4$Np8%Xc3^Ht6&Jd1*Fs5(Gy0-Qw_Ze=Ua+Pr2Tn7Yb4Mc9Lk'
