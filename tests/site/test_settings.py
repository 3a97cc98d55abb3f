"""Settings come from the environment; production refuses to run on defaults."""

import os
import subprocess
import sys
from pathlib import Path

from config.local_key import local_secret_key

ROOT = Path(__file__).resolve().parents[2]


def settings_value(expression, **env):
    """Evaluate `expression` on a settings module loaded in a fresh interpreter with `env`."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DJANGO_SETTINGS_MODULE",
            "DATABASE_URL",
            "CACHE_URL",
            "REDIS_URL",
            "SECRET_KEY",
            "ELASTICSEARCH_URL",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    environment.update(env)
    code = (
        # Reading a setting loads the settings module; the apps need not be set up for that.
        "import sys; sys.path.insert(0, 'site'); from django.conf import settings; "
        f"print(repr(({expression})))"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "ALLOWED_HOSTS": "langnghe.example",
    "DATABASE_URL": "postgres://langnghe@db.internal:5432/langnghe",
    "CACHE_URL": "redis://redis.internal:6379/1",
}


def test_production_refuses_to_start_without_a_secret_key():
    result = settings_value("settings.SECRET_KEY", **PRODUCTION)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_passes_the_deployment_checks_without_warnings():
    environment = {
        **PRODUCTION,
        "SECRET_KEY": "x" * 20 + "-production-like-secret-key-9f8e7d6c5b4a",
    }
    environment = {
        **{
            k: v
            for k, v in os.environ.items()
            if k not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
        },
        **environment,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_database_defaults_to_a_sqlite_file_under_var():
    result = settings_value(
        "str(settings.DATABASES['default']['NAME'])", DJANGO_SETTINGS_MODULE="config.settings.dev"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().strip("'").endswith("var/db.sqlite3")


def test_database_url_selects_postgresql():
    result = settings_value(
        "settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME']",
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL="postgres://someone@db.internal:5432/langnghe",
    )
    assert result.returncode == 0, result.stderr
    assert "postgresql" in result.stdout and "'langnghe'" in result.stdout


def test_redis_url_gives_a_cache_shared_by_every_app_server():
    result = settings_value(
        "settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE",
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        REDIS_URL="redis://127.0.0.1:6379/1",
    )
    assert result.returncode == 0, result.stderr
    assert "redis" in result.stdout.lower()
    assert "cached_db" in result.stdout


def test_cache_is_local_memory_when_no_url_is_given():
    result = settings_value(
        "settings.CACHES['default']['BACKEND']", DJANGO_SETTINGS_MODULE="config.settings.dev"
    )
    assert "LocMemCache" in result.stdout


def test_media_goes_to_object_storage_when_a_bucket_is_named():
    result = settings_value(
        "settings.STORAGES['default']['BACKEND']",
        **PRODUCTION,
        SECRET_KEY="k" * 50,
        MEDIA_BUCKET="langnghe-media",
    )
    assert result.returncode == 0, result.stderr
    assert "storages.backends.s3.S3Storage" in result.stdout


def test_elasticsearch_url_is_read_from_the_environment():
    result = settings_value(
        "settings.ELASTICSEARCH_URL",
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        ELASTICSEARCH_URL="http://search.internal:9200",
    )
    assert "http://search.internal:9200" in result.stdout


def test_development_makes_a_secret_key_of_its_own_once_and_production_never_reads_it(tmp_path):
    kept = tmp_path / "var" / "dev-secret-key"

    first = local_secret_key(kept)
    again = local_secret_key(kept)
    elsewhere = local_secret_key(tmp_path / "other" / "dev-secret-key")

    assert first == again, "kept, so sessions survive a restart"
    assert len(first) >= 50 and first != elsewhere
    assert "dev-only-key" not in (ROOT / "site/config/settings/dev.py").read_text()
    assert "dev-secret-key" not in (ROOT / "site/config/settings/production.py").read_text()
