# /opt/netbox/netbox/netbox/remote_auth_api_skip.py
#
# Workaround: NetBox's RemoteUserMiddleware logs the header's user in on every
# request, API calls included, and a session login makes REST POSTs fail the
# CSRF check ("CSRF cookie not set"). API clients use tokens, so let the header
# backend decline anything under /api and leave those requests to token auth.
from netbox.authentication import RemoteUserBackend


class ApiSkippingRemoteUserBackend(RemoteUserBackend):

    def authenticate(self, request, remote_user, remote_groups=None):
        if request.META['PATH_INFO'].startswith('/api'):
            return None
        return super().authenticate(request, remote_user, remote_groups)
