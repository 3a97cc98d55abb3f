from search.text import (
    clean,
    edit_distance,
    highlight,
    one_edit_apart,
    query_groups,
    query_words,
    terms,
    words,
)


def test_one_edit_apart():
    assert one_edit_apart("phieng", "phiemg")  # changed
    assert one_edit_apart("phieng", "pheing")  # swapped neighbours
    assert one_edit_apart("phieng", "phieeng")  # added
    assert one_edit_apart("phieng", "pieng")  # removed
    assert not one_edit_apart("phieng", "phieng")
    assert not one_edit_apart("phieng", "pheimg")


def test_highlight_marks_folded_matches_in_the_original_spelling():
    assert highlight("Đồng Đăng", ["dong"]) == "<mark>Đồng</mark> Đăng"


def test_highlight_marks_whole_words_in_latin_letters_and_any_run_of_han_characters():
    assert highlight("Hoa hồi phơi khô", ["hoi"]) == "Hoa <mark>hồi</mark> phơi khô"
    assert highlight("文关八角油", ["八角"]) == "文关<mark>八角</mark>油"


def test_highlight_escapes_everything_else():
    assert highlight('<a href="x">Đăng</a>', ["dang"]) == (
        "&lt;a href=&quot;x&quot;&gt;<mark>Đăng</mark>&lt;/a&gt;"
    )


def test_vocabulary_leaves_out_single_letters_numbers_and_chinese():
    assert words("ao cham tho cam 100 ml 八角 phieng a") == {
        "ao",
        "cham",
        "tho",
        "cam",
        "ml",
        "phieng",
    }


def test_edit_distance_counts_a_swap_as_one_and_stops_at_the_limit():
    assert edit_distance("insence", "incense", 2) == 2
    assert edit_distance("stra", "star", 1) == 1
    assert edit_distance("rou", "ruou", 1) == 1
    assert edit_distance("phieng", "hoa", 2) == 3


def test_chinese_runs_become_bigrams():
    assert terms("文关八角油 100ml") == ["文关", "关八", "八角", "角油", "100ml"]
    assert terms("香") == ["香"]
    assert query_groups("母山米酒") == [
        ["母山米酒", ("母山", "山米"), ("母山", "米酒"), ("山米", "米酒")]
    ]


def test_clean_keeps_words_apart_across_tags():
    assert clean("<p>Dầu hồi</p><p>OCOP</p>") == "Dầu hồi OCOP"


def test_query_words_are_cut_as_the_standard_tokenizer_cuts_them():
    assert query_words("mai pha cat-lion maks 八角油") == [
        "mai",
        "pha",
        "cat",
        "lion",
        "maks",
        "八角油",
    ]
