## Enable installed plugins. Add the name of each plugin to the list.
# from netbox.configuration.configuration import PLUGINS
# PLUGINS.append('my_plugin')

PLUGINS.append('netbox_topology_views')

## Plugins configuration settings. These settings are used by various plugins that the user may have installed.
## Each key in the dictionary is the name of an installed plugin and its value is a dictionary of settings.
# from netbox.configuration.configuration import PLUGINS_CONFIG
# PLUGINS_CONFIG['my_plugin'] = {
#   'foo': 'bar',
#   'buzz': 'bazz'
# }

PLUGINS_CONFIG['netbox_topology_views'] = {
    'static_image_directory': 'netbox_topology_views/img',
    'allow_coordinates_saving': True,
    'always_save_coordinates': True
}
