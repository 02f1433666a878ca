ALLOWED_HOSTS = ['*']

DATABASE = {
'NAME': 'netbox', # Database name you created
'USER': 'netbox', # PostgreSQL username you created
'PASSWORD': 'g7^Hk2$%tqwe9z', # PostgreSQL password you set
'HOST': 'localhost', # Database server
'PORT':'', # Database port (leave blank for default)
}

SECRET_KEY = 'Rw8##pLq2Xz+Mv5Tn1*Ks7&Jb4(Hd9)Gf3_Cx6Yu0Ea2Wr5Qo8'
