from .required import *
from .miscellaneous import *
from .development import *
from .plugins import *
