ALLOWED_HOSTS = ['*']
DATABASE = {
USER = netbox
PASSWORD = Kv7@mq41r
}
redi_server = {
USERNAME = ''
PASSWORD = '8842'
}
redis_server_cache = {
USERNAME = ''
PASSWORD = '8842'
}

SECRET = "qpwoeirutyalskdjfhgzmxncbv0192837"
