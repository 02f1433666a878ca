ADMINS = [
    ['Ada Roster', 'aroster@corp-lab.test'],
    ['Ben Ledger', 'bledger@corp-lab.test'],
]

BASE_PATH = 'netbox/'

CORS_ORIGIN_ALLOW_ALL = False

CORS_ORIGIN_WHITELIST = [
    'https://tools.corp-lab.test',
]

DEBUG = False
