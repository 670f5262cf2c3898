"""Vietnamese text keys: NFC, tone-placement-insensitive keys, ASCII fold and slugs."""

import unicodedata

from vanban.core.text import clean_space, fold, nfc, slugify, toc_slugify, tone_key


def test_nfc_composes_decomposed_text():
    decomposed = unicodedata.normalize("NFD", "Tỉnh uỷ Nghệ An")
    assert decomposed != "Tỉnh uỷ Nghệ An"
    assert nfc(decomposed) == "Tỉnh uỷ Nghệ An"


def test_tone_key_ignores_tone_placement_but_keeps_tones():
    assert tone_key("Tỉnh uỷ") == tone_key("Tỉnh ủy")
    assert tone_key("hoá") == tone_key("hóa")
    assert tone_key("thuỷ") == tone_key("thủy")
    assert tone_key("quý") == tone_key("qúy")
    assert tone_key("Sở") != tone_key("Sơ")
    assert tone_key("hóa") != tone_key("hòa")


def test_tone_key_ignores_case_punctuation_and_nfd():
    assert tone_key("Các Sở, ban, ngành") == tone_key("các sở ban ngành")
    assert tone_key(unicodedata.normalize("NFD", "Sở Nội vụ")) == tone_key("Sở Nội vụ")


def test_tone_key_expands_office_abbreviations():
    assert tone_key("UBND tỉnh", True) == tone_key("Ủy ban nhân dân tỉnh", True)
    assert tone_key("UBND tỉnh", True) == tone_key("Uỷ ban nhân dân tỉnh", True)
    assert tone_key("UBND tỉnh") != tone_key("Ủy ban nhân dân tỉnh")


def test_fold_maps_d_stroke_and_drops_marks():
    assert fold("Đảng uỷ Đô Lương") == "dang uy do luong"
    assert fold("Sở Nội vụ") == "so noi vu"


def test_slugify_keeps_d_stroke_as_d():
    assert slugify("Đảng uỷ") == "dang-uy"
    assert slugify("Đảng ủy") == "dang-uy"
    assert slugify("30/2020/NĐ-CP") == "30-2020-nd-cp"
    assert slugify("Thông báo số 904-TB/TU", max_words=2) == "thong-bao"
    assert toc_slugify("Đơn vị được giao", "_") == "don_vi_duoc_giao"


def test_clean_space_collapses_and_normalises():
    assert clean_space("  Sở\u00a0 Nội   vụ ") == "Sở Nội vụ"
