from netbox_branching.utilities import DynamicSchemaDict
from .configuration import DATABASE

# branching keeps each branch in a schema of its own
DATABASES = DynamicSchemaDict({
    'default': DATABASE,
})

# route queries to the active branch's schema
DATABASE_ROUTERS = [
    'netbox_branching.database.BranchAwareRouter',
]
