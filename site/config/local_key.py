"""A secret key of this checkout's own for development, kept in its `.env`.

A key written in the code would be the same on every developer's machine, and anyone could forge
the signed cookies (an open basket, a session) of a demo reachable by others.
"""

import secrets


def local_secret_key(env_file):
    """The SECRET_KEY line of `env_file`, added there with a fresh random key the first time."""
    lines = env_file.read_text().splitlines() if env_file.exists() else []
    for line in lines:
        name, _, value = line.partition("=")
        if name.strip() == "SECRET_KEY" and value.strip():
            return value.strip().strip("'\"")
    key = secrets.token_urlsafe(50)  # letters, digits, - and _: nothing .env would read specially
    with env_file.open("a") as file:
        if lines and lines[-1].strip():
            file.write("\n")
        file.write(
            f"# Made by the development settings on first use; never used in production.\nSECRET_KEY='{key}'\n"
        )
    return key
