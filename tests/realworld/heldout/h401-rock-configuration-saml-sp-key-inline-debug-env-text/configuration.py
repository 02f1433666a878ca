import json
import os
import urllib.parse

ALLOWED_HOSTS = json.loads(os.environ.get("APP_ALLOWED_HOSTS", "[]"))

db_url = os.environ.get("APP_POSTGRES_URL", "")
parsed_db_url = urllib.parse.urlparse(db_url)

DATABASE = {
    'ENGINE': 'django.db.backends.postgresql',
    "NAME": parsed_db_url.path.removeprefix("/"),
    "USER": parsed_db_url.username,
    "PASSWORD": parsed_db_url.password,
    "HOST": parsed_db_url.hostname,
    "PORT": parsed_db_url.port or "5432",
    'CONN_MAX_AGE': 300,
}

redis_hostname = os.environ.get('APP_REDIS_HOST', 'localhost')
redis_port = os.environ.get('APP_REDIS_PORT', 6379)
redis_username = os.environ.get('APP_REDIS_USERNAME', '')
redis_password = os.environ.get('APP_REDIS_PASSWORD', '')

REDIS = {
    'tasks': {
        'HOST': redis_hostname,
        'PORT': redis_port,
        'USERNAME': redis_username,
        'PASSWORD': redis_password,
        'DATABASE': 0,
        'SSL': False,
    },
    'caching': {
        'HOST': redis_hostname,
        'PORT': redis_port,
        'USERNAME': redis_username,
        'PASSWORD': redis_password,
        'DATABASE': 1,
        'SSL': False,
    }
}

# The platform hands over a key shorter than 50 characters; double it until that is fixed.
SECRET_KEY = os.environ['APP_SECRET_KEY'] * 2

BASE_PATH = os.environ.get("APP_BASE_PATH", "")

DEBUG = os.environ.get("APP_DEBUG", False)

ENABLE_LOCALIZATION = False
LOGIN_REQUIRED = False
LOGOUT_REDIRECT_URL = 'home'
RELEASE_CHECK_URL = None
TIME_ZONE = 'UTC'
DATE_FORMAT = 'N j, Y'
SHORT_DATE_FORMAT = 'Y-m-d'

REMOTE_AUTH_ENABLED = False
if "SAML_IDP_ENTITY_ID" in os.environ:
    REMOTE_AUTH_ENABLED = True
    REMOTE_AUTH_BACKEND = 'social_core.backends.saml.SAMLAuth'
    SOCIAL_AUTH_SAML_ORG_INFO = {
        "en-US": {
            "name": "lab",
            "displayname": "Lab Networks",
            "url": "http://ipam.lab.example"
        }
    }
    SOCIAL_AUTH_SAML_TECHNICAL_CONTACT = {
        "givenName": "NetOps",
        "emailAddress": "netops@lab.example"
    }
    SOCIAL_AUTH_SAML_SUPPORT_CONTACT = {
        "givenName": "Helpdesk",
        "emailAddress": "helpdesk@lab.example"
    }
    SOCIAL_AUTH_SAML_SP_ENTITY_ID = "https://ipam.lab.example"
    SOCIAL_AUTH_SAML_ENABLED_IDPS = {
        "saml": {
            "entity_id": os.environ.get("SAML_IDP_ENTITY_ID"),
            "url": os.environ.get("SAML_IDP_SSO_URL"),
            "x509cert": os.environ.get("SAML_IDP_X509CERT"),
            "attr_user_permanent_id": "email",
        }
    }
    # TODO: generate these at build time instead of keeping them here
    SOCIAL_AUTH_SAML_SP_PUBLIC_CERT = "b3Vycy1ub3QtYS1yZWFsLWNlcnQt+LppDgyrk33oaah5oIgJEPkhl9Ived8WNxEn8tawDKX/pSaKwz+oUTr+3D7cW8fSEZJZAqagw0EwA2pDaMzV5+wbbOYtbevHqjJMYsKYUv9SCtkQP4gb+iXybW2T76yHgDfWkd3LeDY1AbqamQSfqECNlwmxtkm62YqlJ0+nFEvG1ZA71wh9BEqdC4HxmN+bbI5gAFs/7b6iOsCPcwpE2LVQGZh1i77ibWR0Ew8T1uetauhTHVZzD/NlM+BuFSVejlV8LpLBrdoxU5BrdpoG15I1IvsopaRtyjPfANOkVDnejFiwqYw7KWqzWsOZzdNUfKbRjzSLeRWtNKeaRjfHVznBe57GxEmNW6RBlGCD2mJv4W4Dl57vVsiaKUb3RDqillNdQUtKIFTJiyWzOuteDKTr8uGkA3OSw0fY1b01IrozYSpETYCvsrk6r5iGZGjBohEaHxVBZ+Ca+bCMEHpisUG7B9kzhF3qCQm65LCTkOig4H2OpBN1lFjFWdyVX4usJRnAB4WNn5U1bWZnyPd1zyat4F9e0K3BDMw69JjrTexhAssMii+OsZuQf67GFusw+ayrbuSDHqHtSo2ISZUVVe/+OY6/B/u64W5+iRYlDWBoirYDh+tOpdXbDWuiOhy8ix1gI4Tjf5JZ51xm2T0ZeqUWN6w="
    SOCIAL_AUTH_SAML_SP_PRIVATE_KEY = "b3Vycy1ub3QtYS1yZWFsLWtleS0kpyyablh5tkt9kLZl3s6Z65v6/wUMLZfOLoYmF7PPJdK9Ly0HuDNLCaqWHmzgzR+krTMGQFO76vRdLuPuLNyVKvrPCc99mRBmlZv/rvqImvO/YFNMi1xTWG4f2stgBo8yjikO9M62++6LFRoQ9RmVS+ahRfIFnTlOnughns4EtGYwa8osjKWcPPRDbmkffz/pZmrkHtHXMl+M5b/aCqJWAGrLbyGZbYTbl4GftxmDHJ3uWy0SNSWp20FRlu+XxuAyz1x8jmPdmBFi1dghJCUcXSlUZl4iBj3twtgfFryXAhu0K6HHwmpLrQgTN+ORztBZnxXencFKwW88rFyD9a9UlAHMc2tq0O5pckRXehxwvg8S7/9riBHNE3kdTdIOqgsoPfitc+Sd8u+haj6fJBD/mU+/Ed8pwDaCRlctkTWN65w4ZKPS/PcRcHS8H72f3d5eZHOGg9TpdOacCot3h5neMs9a+aAL7pZWdoDWKU57tWRNHEXSPd/qEXzVT2nnpG05mUTWYr53xKJ0pefWPOGWdOmn2HqMtmTybXSH35cXgoxuKmMOJS2I+3ELoXiGoZ8Eb8B6wbPCtOiewOQN8OHxnyoNf6gQTRsXhJmHjW/dxhf8o3DWd26NwoXdUF5tvzyWqNQfzkTCHxMwZhDcz5APqzJGl9m1YBq8rfZhqAlAAN6DuHwYopE7fYFd3MYn2cMJZXZy2VeRZwPguSpbD48t6pWqBeqVdLc6noUjTKUFKcsMhKpO6o6+n4bByOSjZ2RcSZWJDbzRh1Q8s3gjbZCxrOQJKxQ4ypk="

REMOTE_AUTH_AUTO_CREATE_USER = True
REMOTE_AUTH_DEFAULT_GROUPS = []
REMOTE_AUTH_DEFAULT_PERMISSIONS = {}
