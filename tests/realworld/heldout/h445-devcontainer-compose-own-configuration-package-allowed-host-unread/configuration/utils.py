from os import environ
from typing import Any, Callable


def environ_get_and_map(key: str, default: str | None = None, mapper: Callable[[str], Any] | None = None) -> Any | None:
    raw = environ.get(key, default)
    if not mapper:
        return raw
    return mapper(raw)


AS_BOOL = lambda raw: raw.lower() in ('true', '1', 'yes', 'y', 'on')
AS_INT = lambda raw: int(raw)
AS_LIST = lambda raw: list(filter(None, raw.split(',')))
