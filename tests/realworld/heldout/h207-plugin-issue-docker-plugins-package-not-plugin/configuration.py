# Lines added to netbox-docker's configuration/configuration.py (the rest of the file is netbox-docker's own)
PLUGINS = ['netdoc', 'ntc-templates']
PLUGINS_CONFIG = {
    'netdoc': {
        # 'MAX_INGESTED_LOGS': 50,
        'NTC_TEMPLATES_DIR': '/opt/ntc-templates/ntc_templates/templates',
        # 'NORNIR_LOG': f'{settings.BASE_DIR}/nornir.log',
        # 'NORNIR_TIMEOUT': 300,
        # 'RAISE_ON_CDP_FAIL': True,
    },
}
