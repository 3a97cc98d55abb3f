from django.template import Context, Template
from django.utils import translation

import pytest

from pages.text import fold, listed, slugify


@pytest.mark.parametrize(
    ("typed", "folded"),
    [
        ("Áo chàm", "ao cham"),
        ("Dầu hồi", "dau hoi"),
        ("Đồng Đăng", "dong dang"),
        ("Hương", "huong"),
    ],
)
def test_fold_drops_vietnamese_marks_and_d_stroke(typed, folded):
    assert fold(typed) == folded


@pytest.mark.parametrize(
    ("title", "slug"),
    [("Đồi chè", "doi-che"), ("Rượu men lá Mẫu Sơn", "ruou-men-la-mau-son"), ("八角", "bajiao")],
)
def test_slugs_are_readable_ascii(title, slug):
    assert slugify(title) == slug


@pytest.mark.parametrize(
    ("language", "written"),
    [
        ("vi", "Nhuộm chàm, Dệt thổ cẩm"),
        ("en", "Nhuộm chàm, Dệt thổ cẩm"),
        ("zh-hans", "Nhuộm chàm、Dệt thổ cẩm"),
    ],
)
def test_a_list_is_written_as_the_page_language_writes_one(language, written):
    with translation.override(language):
        assert listed(["Nhuộm chàm", "Dệt thổ cẩm"]) == written


def test_the_listed_filter_escapes_each_item_and_keeps_the_separator():
    page = Template("{% load chrome %}{{ items|listed }}")
    with translation.override("zh-hans"):
        html = page.render(Context({"items": ["<b>蓝靛</b>", "织锦"]}))
    assert html == "&lt;b&gt;蓝靛&lt;/b&gt;、织锦"
