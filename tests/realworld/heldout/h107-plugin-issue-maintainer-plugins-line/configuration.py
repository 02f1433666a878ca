PLUGINS = ['netbox_virtual_circuit_plugin']  # Note that the name here use underscore, not hyphen.
