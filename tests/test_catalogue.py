"""The catalogue is built by resolution, then frozen: renderers can read it, never change it,
and what they need of the registry is in it."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import cong_van


def _catalogue(collection):
    collection.add("tb.md", {"number": "904-TB/TU", "type": "Thông báo", "issuer": "Tỉnh uỷ",
                             "date": "2023-05-16", "subject": "Thông báo"})
    collection.add("cv.md", cong_van(
        references=[{"number": "904-TB/TU", "relation": "implements", "date": "2023-05-16"}],
        assignments=[{"unit": "Các sở, ban, ngành", "role": "thuc_hien", "task": "Thực hiện"},
                     {"unit": "UBND các huyện, thành phố, thị xã", "role": "bao_cao"}]))
    return collection.catalogue()


def test_nothing_in_a_built_catalogue_can_be_changed(collection):
    cat = _catalogue(collection)
    issuer = cat.issuers["ubnd-tinh"]
    directive = cat.directives["tinh-uy-2023-904-tb-tu"]
    unit = cat.units["so-ban-nganh"]
    assert issuer.record_ids and directive.citations and unit.tasks and unit.members
    with pytest.raises(dataclasses.FrozenInstanceError):
        cat.records_read = 0  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        issuer.name = "Khác"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        unit.tasks = ()  # type: ignore[misc]
    for mapping in (cat.records, cat.issuers, cat.directives, cat.units, cat.directive_of_record,
                    cat.names, cat.aliases, cat.memberships):
        with pytest.raises(TypeError):
            mapping["x"] = None  # type: ignore[index]
    for sequence in (issuer.record_ids, directive.citations, unit.tasks, unit.members, cat.groups_of("so-noi-vu")):
        with pytest.raises(AttributeError):
            sequence.append(None)  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        cat.problems.warning("records/x.md", "", "thử", "test")  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError):
        cat.problems.items = ()  # type: ignore[misc]


def test_the_catalogue_holds_what_renderers_need_of_the_registry(collection):
    cat = _catalogue(collection)
    assert not hasattr(cat, "registry")
    # a group member valid only from 2024 got no task from the 2023 document, yet is named
    assert "ubnd-huyen-moi" not in cat.units
    assert cat.unit_name("ubnd-huyen-moi") == "Ủy ban nhân dân huyện Mới"
    assert cat.unit_name("so-noi-vu") == cat.units["so-noi-vu"].name
    assert cat.unit_name("khong-co") is None
    assert cat.issuer_name("tinh-uy") == "Tỉnh ủy Nghệ An"
    assert cat.issuer_name("so-tai-chinh") == "Sở Tài chính tỉnh Nghệ An"  # registered, issued nothing
    assert cat.aliases["ubnd-tinh"] == ("UBND tỉnh Nghệ An", "UBND tỉnh", "Uỷ ban nhân dân tỉnh")
    assert "ubnd-huyen-moi" not in cat.aliases  # no short name, no alias
    assert cat.groups_of("so-noi-vu") == ("so-ban-nganh",)
    assert cat.groups_of("ubnd-huyen-moi") == ("ubnd-cap-huyen",)
    assert cat.groups_of("tinh-uy") == ()


def test_groups_of_names_only_groups_in_the_catalogue(collection):
    collection.add("cv.md", cong_van(assignments=[{"unit": "Sở Nội vụ", "role": "chu_tri"}]))
    cat = collection.catalogue()
    assert "so-noi-vu" in cat.units and "so-ban-nganh" not in cat.units
    assert cat.groups_of("so-noi-vu") == ()
