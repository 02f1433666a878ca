"""
Configuração LDAP para integrar o NetBox (Django) ao Active Directory.

Autenticação segura dos usuários e controle de acesso por grupos via LDAPS.

Principais parâmetros:
- Servidor LDAP: ldaps://dc01.corp.example.net:389
- Conta de serviço: CN=svc-netbox,OU=Contas de Servico,DC=corp,DC=example,DC=net
- Certificados:
    - Ignorar erros de certificado: False (recomendado em produção)
    - Diretório de CAs: /etc/ssl/certs
    - Arquivo da CA: /path/to/company-ca.crt
- Busca de usuários limitada à OU=Usuarios
- Mapeamento de atributos:
    - username <- sAMAccountName
    - email <- mail
    - first_name <- givenName
    - last_name <- sn
- Login exige um dos grupos: NB_ADMINS ou NB_LEITURA
- Comportamento:
    - Perfil do usuário atualizado a cada login
    - Dados do LDAP em cache por 1 hora

Obs.: confira se o arquivo da CA é válido e confiável; não desative a validação de certificados em produção.
"""

# Módulos para a autenticação LDAP do Django
import ldap
from django_auth_ldap.config import LDAPSearch, NestedGroupOfNamesType, LDAPGroupQuery

# Servidor LDAP
AUTH_LDAP_SERVER_URI = "ldaps://dc01.corp.example.net:389"  # LDAPS para comunicação segura

# Opções de conexão
AUTH_LDAP_CONNECTION_OPTIONS = {
    ldap.OPT_REFERRALS: 0  # sem referrals (necessário no AD)
}

# Conta de serviço para as consultas no AD
AUTH_LDAP_BIND_DN = "CN=svc-netbox,OU=Contas de Servico,DC=corp,DC=example,DC=net"
AUTH_LDAP_BIND_PASSWORD = "Tr3vo-Azul-2025"

# Certificados SSL/TLS
LDAP_IGNORE_CERT_ERRORS = False
LDAP_CA_CERT_DIR = "/etc/ssl/certs"
LDAP_CA_CERT_FILE = "/path/to/company-ca.crt"

# Busca de usuários no AD
AUTH_LDAP_USER_SEARCH = LDAPSearch(
    "ou=Usuarios,dc=corp,dc=example,dc=net",
    ldap.SCOPE_SUBTREE,
    "(&(objectClass=user)(|(userPrincipalName=%(user)s)(sAMAccountName=%(user)s)(cn=%(user)s)))"
)

# Sem template de DN
AUTH_LDAP_USER_DN_TEMPLATE = None

# Atributos do LDAP para os campos do Django
AUTH_LDAP_USER_ATTR_MAP = {
    "username": "sAMAccountName",
    "email": "mail",
    "first_name": "givenName",
    "last_name": "sn",
}

# Campo usado para localizar o usuário
AUTH_LDAP_USER_QUERY_FIELD = "username"

# Busca de grupos
AUTH_LDAP_GROUP_SEARCH = LDAPSearch(
    "dc=corp,dc=example,dc=net",
    ldap.SCOPE_SUBTREE,
    "(objectClass=group)"
)

# Grupos aninhados
AUTH_LDAP_GROUP_TYPE = NestedGroupOfNamesType()

# Espelhamento de grupos
AUTH_LDAP_MIRROR_GROUPS = False

# Permissões pelos grupos
AUTH_LDAP_FIND_GROUP_PERMS = True

# Cache do LDAP (1 hora)
AUTH_LDAP_CACHE_TIMEOUT = 3600

# Atualiza os dados do usuário a cada login
AUTH_LDAP_ALWAYS_UPDATE_USER = True

# Atributos padrão do usuário
def ldap_user_defaults(profile):
    profile.is_active = True

AUTH_LDAP_PROFILE_FLAGS = ldap_user_defaults

# Login exige pelo menos um dos grupos
AUTH_LDAP_REQUIRE_GROUP = (
    LDAPGroupQuery("CN=NB_ADMINS,ou=Usuarios,dc=corp,dc=example,dc=net") |
    LDAPGroupQuery("CN=NB_LEITURA,ou=Usuarios,dc=corp,dc=example,dc=net")
)
