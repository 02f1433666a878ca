# NetBox's own settings.py as it sits beside configuration.py in the fork's tree (commit
# 092060e21ce8bbad0b2366924d72f616828f9460, netbox/netbox/settings.py line 19): only the line
# that names the release is written here, in our own file. `lint` reads it to judge
# configuration.py for that release.
VERSION = '2.8.2-dev'
