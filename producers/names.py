"""How the producer's space names the person signed in."""

# Family names common in Lạng Sơn (Kinh, Tày, Nùng…): they tell which field holds the family name.
FAMILY_NAMES = {
    name.casefold()
    for name in [
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Huỳnh",
        "Phan",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
        "Lộc",
        "Nông",
        "Lương",
        "Triệu",
        "Lăng",
        "Chu",
        "Mã",
        "Đinh",
        "Đàm",
        "Hứa",
        "Mạc",
        "Tô",
        "Trương",
        "Vương",
        "Đoàn",
        "Tạ",
        "Lục",
    ]
}


def given_name(user):
    """The name to greet a person by: the given name, which a Vietnamese name puts last.

    Accounts hold names three ways: the whole name in first_name ("Hoàng Thị Lan", from an
    invitation), family and middle names in first_name and the given name in last_name ("Hoàng
    Thị" / "Lan", the demo), or the given name in first_name and the family name in last_name
    ("Lan" / "Hoàng", the Western way). All three greet "Lan".
    """
    first = (user.first_name or "").split()
    last = (user.last_name or "").split()
    if (
        first
        and last
        and last[0].casefold() in FAMILY_NAMES
        and first[0].casefold() not in FAMILY_NAMES
    ):
        return first[-1]
    words = first + last
    return words[-1] if words else user.get_username()
