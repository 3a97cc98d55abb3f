from search.text import highlight, one_edit_apart, words


def test_one_edit_apart():
    assert one_edit_apart("phieng", "phiemg")  # changed
    assert one_edit_apart("phieng", "pheing")  # swapped neighbours
    assert one_edit_apart("phieng", "phieeng")  # added
    assert one_edit_apart("phieng", "pieng")  # removed
    assert not one_edit_apart("phieng", "phieng")
    assert not one_edit_apart("phieng", "pheimg")


def test_highlight_marks_folded_matches_in_the_original_spelling():
    assert highlight("Đồng Đăng", ["dong"]) == "<mark>Đồng</mark> Đăng"


def test_highlight_escapes_everything_else():
    assert highlight('<a href="x">Đăng</a>', ["dang"]) == (
        "&lt;a href=&quot;x&quot;&gt;<mark>Đăng</mark>&lt;/a&gt;"
    )


def test_vocabulary_leaves_out_short_words_numbers_and_chinese():
    assert words("ao cham tho cam 100 ml 八角 phieng") == {"cham", "phieng"}
