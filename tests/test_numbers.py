"""Number-symbols in the state and Party grammars."""

import pytest
from vanban.core.numbers import find_type, normalise_number, number_key, parse_number, parse_symbol, type_agrees


def test_normalise_dashes_and_spaces():
    assert normalise_number("13/2015/TT– BVHTTDL") == "13/2015/TT-BVHTTDL"
    assert normalise_number("904 — TB/TU") == "904-TB/TU"


@pytest.mark.parametrize("number,system,abbr,year", [
    ("930/UBND-TH", "state", None, None),
    ("123/QĐ-UBND", "state", "QĐ", None),
    ("30/2020/NĐ-CP", "state", "NĐ", 2020),
    ("80/2015/QH13", "state", None, 2015),
    ("26/CT-TTg", "state", "CT", None),
    ("1856/SGDĐT-TCCB", "state", None, None),
    ("904-TB/TU", "party", "TB", None),
    ("21-KL/TW", "party", "KL", None),
    ("234-CV/BTGTU", "party", "CV", None),
])
def test_parse_number(number, system, abbr, year):
    parsed = parse_number(number)
    assert parsed is not None
    assert (parsed.system, parsed.type_abbr, parsed.year) == (system, abbr, year)


@pytest.mark.parametrize("number", ["930", "UBND-TH", "930/", "904-TB", "abc/def/ghi/jkl", "9 30/UBND"])
def test_numbers_fitting_no_grammar(number):
    assert parse_number(number) is None


def test_parse_symbol_of_unnumbered_copy():
    assert parse_symbol("UBND-TH").system == "state"
    assert parse_symbol("TB/TU").system == "party"


def test_type_agreement():
    assert type_agrees(parse_number("930/UBND-TH"), find_type("Công văn"))
    assert type_agrees(parse_number("123/QĐ-UBND"), find_type("Quyết định"))
    assert not type_agrees(parse_number("123/QĐ-UBND"), find_type("Công văn"))
    assert not type_agrees(parse_number("904-TB/TU"), find_type("Kết luận"))
    assert type_agrees(parse_number("12-QĐ/TW"), find_type("Quy định"))
    assert find_type("Giấy uỷ quyền") is find_type("Giấy ủy quyền")


def test_number_key_folds_and_drops_leading_zeros():
    assert number_key("05/CT-UBND") == number_key("5/CT-UBND")
    assert number_key("30/2020/NĐ-CP") == number_key("30/2020/ND-CP")
