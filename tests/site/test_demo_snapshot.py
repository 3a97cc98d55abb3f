"""The demo the tests visit (tests/demo.py) is made again whenever what `load_demo` would make
could differ: any file outside tests/ changed, a migration added."""

import pytest

from tests import databases, demo


@pytest.fixture
def project(tmp_path, monkeypatch):
    for name, text in {
        "villages/data/villages.yaml": "- Làng hồi Văn Quan\n",
        "villages/migrations/0001_initial.py": "# migration\n",
        "requirements/constraints.txt": "Django==5.2\n",
        "pyproject.toml": "[project]\n",
        "tests/test_villages.py": "# a test\n",
        ".pytest_cache/v/cache/lastfailed": "{}\n",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    monkeypatch.setattr(databases, "ROOT", tmp_path)
    demo._digest.cache_clear()
    yield tmp_path
    demo._digest.cache_clear()


def digest_after(change):
    change()
    demo._digest.cache_clear()
    return demo._digest()


def test_the_demo_is_made_again_when_its_data_or_migrations_change(project):
    first = demo._digest()
    data = project / "villages/data/villages.yaml"
    changed = digest_after(lambda: data.write_text("- Làng hồi Văn Quan\n- Làng Kỳ Lừa\n"))
    assert changed != first, "new sample data"
    migration = project / "villages/migrations/0002_more.py"
    assert digest_after(lambda: migration.write_text("# migration\n")) != changed, "a migration"


def test_a_change_to_the_tests_or_a_cache_keeps_the_demo(project):
    first = demo._digest()
    assert digest_after(lambda: (project / "tests/test_villages.py").write_text("# b\n")) == first
    cache = project / ".pytest_cache/v/cache/lastfailed"
    assert digest_after(lambda: cache.write_text('{"x": true}\n')) == first
