"""The registry: name lookup by normalised key, validity dates, groups, integrity checks."""

from conftest import TINY_REGISTRY
from vanban.build.registry import Group, build_registry
from vanban.core.dates import PartialDate
from vanban.core.problems import ProblemLog


def registry(data=TINY_REGISTRY):
    log = ProblemLog()
    return build_registry(data, "records/registry.yml", log), log


def test_lookup_by_alias_tone_placement_abbreviation_and_fold():
    reg, log = registry()
    assert not list(log)
    for name in ["UBND tỉnh", "Uỷ ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh Nghệ An", "ubnd tinh nghe an"]:
        entry, _ = reg.lookup(name)
        assert entry is not None and entry.id == "ubnd-tinh", name
    assert reg.lookup("Ban Thường vụ Tỉnh uỷ")[0].id == "btv-tinh-uy"
    assert reg.lookup("Sở Ngoại vụ")[0] is None


def test_groups_are_found_and_expand_to_members_valid_on_the_date():
    reg, _ = registry()
    group, _ = reg.lookup("các sở, ban, ngành")
    assert isinstance(group, Group) and group.id == "so-ban-nganh"
    districts = reg.groups["ubnd-cap-huyen"]
    assert [m.id for m in reg.members_on(districts, PartialDate.parse("2023-05"))] == ["ubnd-huyen-do-luong"]
    assert [m.id for m in reg.members_on(districts, PartialDate.parse("2025-09-01"))] == ["ubnd-huyen-moi"]
    assert {g.id for g in reg.groups_of("so-noi-vu")} == {"so-ban-nganh"}


def test_ancestors_and_suggestions():
    reg, _ = registry()
    assert reg.ancestors("btv-tinh-uy") == ["tinh-uy"]
    assert reg.suggest("Sở Nôi vụ") == "Sở Nội vụ tỉnh Nghệ An" or reg.suggest("Sở Nôi vụ") == "Sở Nội vụ"


def test_integrity_errors():
    data = {
        "organisations": [
            {"id": "a", "name": "A", "parent": "missing"},
            {"id": "a", "name": "A again"},
            {"id": "Bad Id", "name": "B"},
            {"id": "c", "name": "C", "aliases": ["Chung"]},
            {"id": "d", "name": "D", "aliases": ["chung"]},
        ],
        "groups": [{"id": "g", "name": "G", "members": ["nobody"]}],
    }
    reg, log = registry(data)
    texts = " | ".join(p.message_en for p in log)
    assert "duplicate id 'a'" in texts
    assert "parent 'missing'" in texts
    assert "member 'nobody'" in texts
    assert "may hold only" in texts
    assert "shared by: c, d" in texts


def test_renamed_units_may_share_a_name_when_their_times_do_not_overlap():
    data = {"organisations": [
        {"id": "old", "name": "Sở X", "valid_to": "2020-12-31"},
        {"id": "new", "name": "Sở X", "valid_from": "2021-01-01"},
    ]}
    reg, log = registry(data)
    assert not list(log)
    assert reg.lookup("Sở X", PartialDate.parse("2019-05-01"))[0].id == "old"
    assert reg.lookup("Sở X", PartialDate.parse("2022"))[0].id == "new"


def test_real_registry_is_consistent():
    from pathlib import Path

    from vanban.build.registry import load_registry

    root = Path(__file__).resolve().parents[1]
    log = ProblemLog()
    reg = load_registry(root / "records" / "registry.yml", root, log)
    assert not list(log), [p.format() for p in log]
    districts = reg.lookup("UBND các huyện, thành phố, thị xã")[0]
    assert isinstance(districts, Group)
    assert len(reg.members_on(districts, PartialDate.parse("2023-05"))) == 21


def test_a_body_named_by_its_heads_title_is_the_body():
    reg, _ = registry()
    for name in ["Giám đốc Sở Nội vụ", "giám đốc Sở Nội vụ tỉnh Nghệ An", "Chủ tịch UBND tỉnh"]:
        entry, _ = reg.lookup(name)
        assert entry is not None and entry.id in ("so-noi-vu", "ubnd-tinh"), name
        assert reg.is_exact(name), name  # spelled as the registry has it: no "misspelt" warning
    assert reg.lookup("Thủ trưởng các sở, ban, ngành")[0].id == "so-ban-nganh"
    assert reg.lookup("Giám đốc Sở Ngoại vụ")[0] is None  # still unknown without the title
    assert reg.lookup("Giám đốc")[0] is None
