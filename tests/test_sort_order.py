"""Lists sort in Vietnamese dictionary order (letters first, tones second), not by code point."""

from __future__ import annotations

from conftest import Collection, cong_van
from vanban.core.text import vietnamese_sort_key

# Ordered by a person, as a Vietnamese dictionary or phone book would list them.
BY_HAND = ["An Giang", "Ăn", "Âu", "Ban Tuyên giáo", "Công an tỉnh", "Cục Thuế", "Dương", "Đảng ủy Khối",
           "Sở Y tế", "Sở Yên", "Tân Kỳ", "Thanh Chương", "Uỷ ban kiểm tra", "Ủy ban nhân dân tỉnh", "Ưu",
           "Văn phòng UBND tỉnh"]


def test_the_key_gives_dictionary_order():
    assert sorted(reversed(BY_HAND), key=vietnamese_sort_key) == BY_HAND
    assert sorted(["mạ", "má", "mã", "mả", "mà", "ma"], key=vietnamese_sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sorted(BY_HAND) != BY_HAND  # code-point order would put Đ, Ă, Ủ … after z


def test_the_issuer_list_is_in_vietnamese_order(collection: Collection):
    from vanban.site import urls
    from vanban.site.renderer import SiteRenderer

    for index, issuer in enumerate(["Văn phòng UBND tỉnh Nghệ An", "Đảng ủy Khối Cơ quan", "Ủy ban Kiểm tra Tỉnh ủy",
                                    "Ban Tuyên giáo Tỉnh ủy"]):
        collection.add(f"2023/{index}.md", cong_van(number=f"{900 + index}/UBND-TH", issuer=issuer))
    renderer = SiteRenderer(collection.catalogue(), urls.Linker(True))
    landing = renderer.kind("issuer").landing()[0].markdown
    names = ("Ban Tuyên giáo", "Đảng ủy Khối", "Ủy ban Kiểm tra", "Văn phòng UBND")
    positions = [landing.index(name) for name in names]
    assert positions == sorted(positions)
