"""`site/` is a folder on the import path, not a package: every entry point must still find it."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-test-secret-key-with-enough-entropy-0123456789abcdef",
    "ALLOWED_HOSTS": "langnghe.example",
    "DATABASE_URL": "sqlite:////tmp/langnghe-layout-check.sqlite3",
    # These check how the site starts, not the page caches, which need a shared cache (Redis).
    "PAGE_CACHE_SECONDS": "0",
    "FRAGMENT_CACHE_SECONDS": "0",
}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(args, env=None, cwd=ROOT):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment.update(env or {})
    return subprocess.run(
        args, cwd=cwd, env=environment, capture_output=True, text=True, timeout=120
    )


def test_manage_py_finds_the_settings_without_help():
    result = run([sys.executable, "manage.py", "check"])
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_plain_gunicorn_serves_the_site_under_production_settings():
    port = free_port()
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    environment.update(
        PRODUCTION_ENV, ALLOWED_HOSTS="127.0.0.1", BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY="1"
    )
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn)], cwd=ROOT, env=environment, stderr=subprocess.PIPE, text=True
    )
    try:
        body = None
        for _ in range(100):
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/health/", timeout=2
                ) as response:
                    body = json.load(response)
                break
            except OSError:
                if server.poll() is not None:
                    break
                time.sleep(0.2)
    finally:
        server.terminate()
        errors = server.communicate(timeout=20)[1]
    assert body and body["database"] == "ok", errors


def test_asgi_application_imports_under_production_settings():
    code = (
        "import sys; sys.path.insert(0, 'site'); import config.asgi; print(config.asgi.application)"
    )
    result = run([sys.executable, "-c", code], env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "ASGIHandler" in result.stdout


def test_standard_library_site_module_is_untouched():
    import site

    assert hasattr(site, "getsitepackages"), "the stdlib `site` module must not be shadowed"


@pytest.mark.parametrize(
    "folder", ["site", "catalogue", "tours", "villages", "search", "themes", "tests"]
)
def test_design_card_folders_exist(folder):
    assert (ROOT / folder).is_dir()
