"""Vietnam's 34 provinces and centrally-run cities (since 12 June 2025) and our delivery zones."""

from django.utils.translation import gettext_lazy as _

from pages.text import fold

LANG_SON = "Lạng Sơn"

# The north of Vietnam (Bắc Bộ) besides Lạng Sơn: one rate for these, another for the rest.
NORTH = [
    "Hà Nội",
    "Hải Phòng",
    "Bắc Ninh",
    "Cao Bằng",
    "Điện Biên",
    "Hưng Yên",
    "Lai Châu",
    "Lào Cai",
    "Ninh Bình",
    "Phú Thọ",
    "Quảng Ninh",
    "Sơn La",
    "Thái Nguyên",
    "Tuyên Quang",
]

REST = [
    "Huế",
    "Đà Nẵng",
    "Thành phố Hồ Chí Minh",
    "Cần Thơ",
    "An Giang",
    "Cà Mau",
    "Đắk Lắk",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Tĩnh",
    "Khánh Hòa",
    "Lâm Đồng",
    "Nghệ An",
    "Quảng Ngãi",
    "Quảng Trị",
    "Tây Ninh",
    "Thanh Hóa",
    "Vĩnh Long",
]

PROVINCES = sorted([LANG_SON, *NORTH, *REST], key=fold)

ZONE_LANG_SON, ZONE_NORTH, ZONE_REST = "lang-son", "north", "rest"
ZONE_NAMES = {
    ZONE_LANG_SON: _("Lạng Sơn"),
    ZONE_NORTH: _("the north of Vietnam"),
    ZONE_REST: _("the rest of Vietnam"),
}


def zone_of(province):
    """The delivery zone of a province name as the address form stores it."""
    if province == LANG_SON:
        return ZONE_LANG_SON
    if province in NORTH:
        return ZONE_NORTH
    return ZONE_REST
