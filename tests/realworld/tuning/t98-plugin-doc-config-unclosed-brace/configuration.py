PLUGINS = ['nbxsync']
PLUGINS_CONFIG = {
    "nbxsync": {
        'sot': {
            'proxygroup': 'netbox',
            'proxy': 'zabbix',
            'macro': 'netbox',
            'host': 'netbox',
            'hostmacro': 'netbox',
            'hostgroup': 'netbox',
            'hostinterface': 'netbox',
            'hosttemplate': 'netbox',
            'maintenance': 'netbox',
        },
        'statusmapping': {
            'device': {
                'active': 'enabled',
                'planned': 'disabled',
                'failed': 'deleted',
                'offline': 'deleted',
            },
            'virtualmachine': {
                'active': 'enabled',
                'planned': 'enabled_in_maintenance',
                'failed': 'deleted',
            },
        },
        'snmpconfig': {
            'snmp_community': '{$SNMP_COMMUNITY}',
            'snmp_authpass': '{$SNMP_AUTHPASS}',
        },
        'backgroundsync': {
            'objects': {
                'enabled': True,
                'interval': 60, # 1 hour
            },
            'maintenance': {
                'enabled': True,
                'interval': 15, # 15 minutes
            },
        },
        'no_alerting_tag': 'NO_ALERTING',
    }
