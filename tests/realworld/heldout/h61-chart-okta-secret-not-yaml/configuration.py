# netbox-chart 5.0.57 values, remoteAuth, written as the settings the chart's configmap makes of them
# (the chart's defaults for the other REMOTE_AUTH_* keys are not shown)
REMOTE_AUTH_ENABLED = True
REMOTE_AUTH_BACKEND = ['social_core.backends.okta_openidconnect.OktaOpenIdConnect']
# remoteAuth.extraConfig: [{secret: {secretName: netbox-okta-credentials}}]
