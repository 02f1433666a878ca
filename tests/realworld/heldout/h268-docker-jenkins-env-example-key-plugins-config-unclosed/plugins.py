# Add your plugins and plugin settings here.

# Either netbox_bgp or netbox_routing, can't install both (same accessor for prefix_list).
PLUGINS = [
    # 'netbox_acls',
    # 'netbox_bgp',               # using netbox_routing
    'netbox_contract',
    'netbox_routing',
    'netbox_topology_views',
    'nextbox_ui_plugin',
    # 'netbox_diode_plugin',
    'netbox_custom_objects',
]


PLUGINS_CONFIG = {
#    'netbox_topology_views': {
#        'static_image_directory': 'netbox_topology_views/img',
#        'allow_coordinates_saving': True,
#    },
   "netbox_diode_plugin": {
      # Diode gRPC target for communication with Diode server
      "diode_target_override": "grpc://192.0.2.80:8080",

      # Username associated with changes applied via plugin
      "diode_username": "diode-user",
      # netbox-to-diode client_secret created during diode bootstrap.
      "netbox_to_diode_client_secret": "Qm3-our-diode-secret-7Tz=",
#     # },
}
