import pytest

from pages.text import fold, slugify


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
