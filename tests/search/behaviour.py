"""What searching must do, whichever engine answers: run against each backend by a subclass.

A subclass provides an `engine` fixture: the backend under test, its index built from `sample`;
a test that adds items rebuilds it with `engine.rebuild(all_items())`.
"""

import pytest

from search.backends import SearchQuery
from search.indexing import all_items


def search(engine, text="", **options):
    """What `engine` finds for `text`; `options` are the rest of the `SearchQuery`."""
    return engine.search(SearchQuery(text, **options))


def titles(results):
    return [hit.title for hit in results.hits]


@pytest.mark.django_db
class SearchBehaviour:
    def test_unaccented_words_find_the_accented_product_first(self, engine, sample):
        assert titles(search(engine, "ao cham", language="vi"))[0] == "Áo chàm thổ cẩm"

    def test_two_mark_vowels_fold(self, engine, sample):
        assert titles(search(engine, "dau hoi", language="vi"))[0] == "Dầu hồi Văn Quan 100 ml"

    def test_d_with_stroke_folds_to_d(self, engine, sample):
        assert titles(search(engine, "dong dang", language="vi"))[0] == "Làng rèn Đồng Đăng"

    def test_folded_word_finds_every_spelling(self, engine, sample):
        found = titles(search(engine, "huong", language="vi"))
        assert "Hương trầm Nà Phiêng" in found
        assert "Hạt hướng dương rang" in found

    def test_exact_accented_match_ranks_above_folded_match(self, engine, sample):
        found = titles(search(engine, "hướng dương", language="vi"))
        assert found[0] == "Hạt hướng dương rang"
        found = titles(search(engine, "hương", language="vi"))
        assert found.index("Hương trầm Nà Phiêng") < found.index("Hạt hướng dương rang")

    def test_title_match_ranks_above_body_match(self, engine, sample):
        found = titles(search(engine, "hoa hồi", language="vi"))
        assert found[0] == "Hoa hồi khô 500 g"
        assert "Dầu hồi Văn Quan 100 ml" in found  # "hoa hồi" in its description

    def test_one_typo_in_a_longer_word_is_forgiven(self, engine, sample):
        assert "Hương trầm Nà Phiêng" in titles(search(engine, "huong phiemg", language="vi"))

    def test_no_typo_forgiven_in_short_words(self, engine, sample):
        assert titles(search(engine, "khen", language="vi")) == []

    def test_chinese_query_finds_chinese_text(self, engine, sample):
        assert "那飘制香村" in titles(search(engine, "制香", language="zh-hans"))

    def test_synonym_finds_the_vietnamese_product_from_chinese(self, engine, sample):
        found = titles(search(engine, "八角", language="vi"))
        assert "Hoa hồi khô 500 g" in found

    def test_chinese_synonym_finds_the_chinese_page(self, engine, sample):
        assert "那飘制香村" in titles(search(engine, "八角", language="zh-hans"))

    def test_english_query_finds_english_text(self, engine, sample):
        assert titles(search(engine, "incense", language="en"))[0] == "Na Phieng incense village"

    def test_english_synonym_finds_vietnamese_products(self, engine, sample):
        assert "Hoa hồi khô 500 g" in titles(search(engine, "star anise", language="en"))

    def test_pages_are_found_in_their_own_language_only(self, engine, sample):
        assert "Na Phieng incense village" not in titles(search(engine, "incense", language="vi"))

    def test_kind_filter_and_kind_counts(self, engine, sample):
        results = search(engine, "hoi", language="vi", kind="tour")
        assert titles(results) == ["Một ngày ở vùng hồi Văn Quan"]
        assert results.kinds["tour"] == 1
        assert results.kinds["product"] >= 2

    def test_facet_counts_and_combined_filters(self, engine, sample):
        names = ["category", "producer", "price_band"]
        everything = search(engine, "", language="vi", kind="product", facet_names=names)
        assert everything.total == 6
        assert everything.facets["category"]["Dệt may"] == 2
        assert everything.facets["producer"]["HTX Hồi Văn Quan"] == 2

        woven = search(
            engine,
            "",
            language="vi",
            kind="product",
            filters={"category": ["Dệt may"]},
            facet_names=names,
        )
        assert sorted(titles(woven)) == ["Khăn thổ cẩm dệt tay", "Áo chàm thổ cẩm"]
        # The chosen facet still counts its other values; the others count within the choice.
        assert woven.facets["category"]["Gia vị"] == 2
        assert woven.facets["producer"] == {"HTX Dệt chàm Bắc Sơn": 2}
        assert woven.facets["price_band"] == {"300000-1000000": 2}

        cheap_woven = search(
            engine,
            "",
            language="vi",
            kind="product",
            filters={"category": ["Dệt may"], "price_band": ["300000-1000000"]},
        )
        assert cheap_woven.total == 2
        spices_or_oils = search(
            engine, "", language="vi", kind="product", filters={"category": ["Gia vị", "Tinh dầu"]}
        )
        assert spices_or_oils.total == 3

    def test_sorting_by_price(self, engine, sample):
        cheapest_first = titles(search(engine, "", language="vi", kind="product", sort="price"))
        assert cheapest_first[0] == "Hạt hướng dương rang"
        dearest_first = titles(search(engine, "", language="vi", kind="product", sort="-price"))
        assert dearest_first[0] == "Áo chàm thổ cẩm"

    def test_pagination(self, engine, sample):
        first = search(engine, "", language="vi", kind="product", sort="price", per_page=4)
        second = search(engine, "", language="vi", kind="product", sort="price", per_page=4, page=2)
        assert first.total == second.total == 6
        assert len(first.hits) == 4
        assert len(second.hits) == 2
        assert not set(titles(first)) & set(titles(second))

    def test_autocomplete_mixes_kinds_and_stops_at_eight(self, engine, sample):
        found = engine.autocomplete("lang", language="vi")
        assert {suggestion.kind for suggestion in found} == {"village"}
        mixed = engine.autocomplete("h", language="vi")
        assert len(mixed) <= 8
        assert {"product", "tour", "geopark_site"} <= {suggestion.kind for suggestion in mixed}

    def test_autocomplete_folds_the_prefix(self, engine, sample):
        found = [suggestion.title for suggestion in engine.autocomplete("ao ch", language="vi")]
        assert found == ["Áo chàm thổ cẩm"]

    # --- typos (issue 16, point 1) ----------------------------------------------------------

    @pytest.mark.parametrize(
        "typed",
        ["huong phiemg", "huong pheng", "huong phieeng", "huong pheing"],
        ids=["wrong", "missing", "extra", "swapped"],
    )
    def test_one_typo_in_a_word_of_five_letters_or_more_finds_the_item(self, engine, sample, typed):
        assert "Hương trầm Nà Phiêng" in titles(search(engine, typed, language="vi"))

    def test_two_typos_in_a_long_word_are_forgiven_as_fuzziness_auto_allows(self, engine, sample):
        assert "Na Phieng incense village" in titles(search(engine, "insence", language="en"))

    def test_a_short_word_is_corrected_next_to_its_neighbour(self, engine, sample):
        assert titles(search(engine, "dau hoj", language="vi"))[0] == "Dầu hồi Văn Quan 100 ml"
        assert "Hoa hồi khô 500 g" in titles(search(engine, "hoa hoii", language="vi"))

    def test_a_typo_gets_did_you_mean_with_the_corrected_word(self, engine, sample):
        results = search(engine, "dau hoj", language="vi")
        assert results.suggestions == ["dau hoi"]
        assert results.corrected == {"hoi"}

    def test_no_did_you_mean_when_the_words_are_right(self, engine, sample):
        assert search(engine, "dau hoi", language="vi").suggestions == []

    # --- every language finds every item (point 2) ------------------------------------------

    def test_a_name_in_another_language_finds_the_page(self, engine, sample):
        assert "那飘制香村" in titles(search(engine, "Na Phieng", language="zh-hans"))
        assert "Na Phieng incense village" in titles(search(engine, "lang huong", language="en"))
        assert "Làng hương Nà Phiêng" in titles(search(engine, "incense village", language="vi"))

    def test_an_untranslated_page_is_found_in_every_language_as_written(self, engine, sample):
        for language in ("en", "zh-hans"):
            [hit] = search(engine, "dong dang", language=language).hits
            assert (hit.title, hit.fallback, hit.written_in) == ("Làng rèn Đồng Đăng", True, "vi")
        [hit] = search(engine, "dong dang", language="vi").hits
        assert (hit.fallback, hit.written_in) == (False, "vi")

    def test_the_visitors_language_comes_first(self, engine, sample):
        found = search(engine, "hoi", language="en").hits
        fallbacks = [hit.fallback for hit in found]
        assert fallbacks == sorted(fallbacks)  # every hit in English before any in Vietnamese
        assert "Một ngày ở vùng hồi Văn Quan" in [hit.title for hit in found]

    def test_a_translated_page_is_found_once_per_language(self, engine, sample):
        found = titles(search(engine, "phieng", language="en", kind="village"))
        assert found == ["Na Phieng incense village"]

    # --- Chinese (point 3) ----------------------------------------------------------------

    def test_chinese_is_matched_by_bigrams_a_third_may_be_missing(self, engine, sample):
        # 家家户户用树皮和八角手工搓香: 树皮, 八角 and 搓香 are there, 皮八 is not.
        assert "那飘制香村" in titles(search(engine, "树皮八角", language="zh-hans"))
        assert "那飘制香村" in titles(search(engine, "手工搓香", language="zh-hans"))
        assert titles(search(engine, "手机电脑", language="zh-hans")) == []

    # --- result cards (point 4) -----------------------------------------------------------

    def test_a_product_hit_carries_what_its_card_shows(self, engine, sample):
        shirt = sample["ao_cham"]
        shirt.ocop_stars = 4
        shirt.save()
        engine.rebuild(all_items())
        [hit] = search(engine, "ao cham", language="vi", kind="product").hits
        assert (hit.price, hit.ocop_stars, hit.buyable) == (650000, 4, True)
        # The description alone: the SKU is searched by, not glued to the text.
        assert hit.summary == "Áo nhuộm chàm thủ công."
