"""A secret key of this checkout's own for development, kept in `var/dev-secret-key`.

A key written in the code would be the same on every developer's machine, and anyone could forge
the signed cookies (an open basket, a session) of a demo reachable by others. The key is kept
apart from `.env`, which production reads too: production must never start on a development key.
"""

import secrets


def local_secret_key(path):
    """The key kept at `path`, made there with a fresh random key the first time."""
    if path.exists() and path.read_text().strip():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key + "\n")
    path.chmod(0o600)
    return key
