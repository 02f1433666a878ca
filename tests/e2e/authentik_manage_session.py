"""Authentik's management commands, run one after another in one long-lived Python process.

``python -m manage apply_blueprint X`` spends about 7 s starting Django for a second of work; the
harness applies a blueprint for most scenarios. This script does what ``manage.py`` does (Authentik's
``setup()``, Django's ``setup()``) once, then runs each command it is sent through Django's own
``call_command``: the same ``apply_blueprint`` command, the same code path, the same database.

It is run by the Authentik version's own Python (inside the sid chroot for 3.14), from its source
tree. Protocol: one JSON list of arguments per line on stdin; for each, one line on stdout starting
with REPLY and holding ``{"exit": N, "output": "..."}``. Everything else on stdout and stderr is
Authentik's own logging, which the harness keeps in its log.
"""

import io
import json
import os
import sys
import traceback

REPLY = "\x1ee2e-manage-reply "


def main() -> None:
    sys.path.insert(0, os.getcwd())  # Authentik's source tree, as for ``python -m manage``
    from authentik.root.setup import setup

    setup()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import close_old_connections

    print(REPLY + json.dumps({"exit": 0, "output": "ready"}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        args = json.loads(line)
        output = io.StringIO()
        code = 0
        close_old_connections()
        try:
            call_command(*args, stdout=output, stderr=output)
        except SystemExit as exc:  # apply_blueprint exits 1 on an invalid blueprint
            code = exc.code if isinstance(exc.code, int) else 1
        except Exception:  # what manage.py would print before exiting 1
            output.write(traceback.format_exc())
            code = 1
        close_old_connections()
        print(REPLY + json.dumps({"exit": code, "output": output.getvalue()}), flush=True)


if __name__ == "__main__":
    main()
