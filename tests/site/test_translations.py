"""Every interface string of ours exists in Vietnamese and Chinese, and the compiled files are current."""

from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = sorted(ROOT.glob("locale*/*/LC_MESSAGES/django.po"))


def test_there_are_catalogues_for_both_languages():
    languages = {path.parts[-3] for path in CATALOGUES}
    assert {"vi", "zh_Hans"} <= languages


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_catalogue_is_fully_translated(path):
    catalogue = polib.pofile(str(path))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not missing and not fuzzy, {"untranslated": missing, "fuzzy": fuzzy}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(ROOT)))
def test_compiled_catalogue_matches_its_source(path):
    compiled = {
        (entry.msgctxt, entry.msgid): entry for entry in polib.mofile(str(path.with_suffix(".mo")))
    }
    for entry in polib.pofile(str(path)).translated_entries():
        assert (entry.msgctxt, entry.msgid) in compiled, f"{entry.msgid!r}: run `make messages`"
        assert compiled[(entry.msgctxt, entry.msgid)].msgstr == entry.msgstr or entry.msgid_plural


@pytest.mark.parametrize(
    ("language", "english", "translated"),
    [
        ("vi", "Basket", "Giỏ hàng"),
        ("zh-hans", "Basket", "购物车"),
        ("vi", "Proceed to checkout", "Tiến hành thanh toán"),
        ("vi", "Sign in", "Đăng nhập"),
        ("zh-hans", "Sign in", "登录"),
    ],
)
def test_interface_speaks_the_visitors_language(language, english, translated):
    with translation.override(language):
        assert gettext(english) == translated
