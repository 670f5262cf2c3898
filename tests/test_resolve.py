"""Stage 3: resolution — issuers, references → directives, groups → members, identity."""

from conftest import cong_van


def test_issuer_resolves_through_alias_and_unknown_names_are_kept(collection):
    collection.add("a.md", cong_van(issuer="Uỷ ban nhân dân tỉnh"))
    collection.add("b.md", cong_van(number="5/UBND-VX", issuer="Sở Ngoại vụ"))
    cat = collection.catalogue()
    assert cat.records["ubnd-tinh-2023-930-ubnd-th"].issuer_id == "ubnd-tinh"
    unknown = cat.issuers["so-ngoai-vu"]
    assert not unknown.known and unknown.name == "Sở Ngoại vụ"
    warning = [p for p in cat.problems.warnings if p.field == "issuer"]
    assert warning and warning[0].path == "records/b.md"


def test_references_resolve_by_number_issuer_and_year(collection):
    collection.add("tb.md", {"number": "904-TB/TU", "type": "Thông báo", "issuer": "Ban Thường vụ Tỉnh uỷ",
                             "date": "2023-05-16", "subject": "Thông báo"})
    collection.add("cv.md", cong_van(references=[
        {"number": "904-TB/TU", "relation": "implements", "date": "2023-05-16", "issuer": "Ban Thường vụ Tỉnh ủy"},
        {"number": "21-KL/TW", "relation": "cites", "type": "Kết luận", "date": "2021-10-25",
         "issuer": "Ban Chấp hành Trung ương Đảng"},
    ]))
    collection.add("other.md", cong_van(number="931/UBND-TH", references=[
        {"number": "21 - KL/TW", "relation": "implements"}]))
    cat = collection.catalogue()
    tb = cat.directives["btv-tinh-uy-2023-904-tb-tu"]
    assert tb.record_id == "btv-tinh-uy-2023-904-tb-tu"
    assert [c.record_id for c in cat.cited_by(tb.record_id)] == ["ubnd-tinh-2023-930-ubnd-th"]
    # the cited document outside the collection still gets one directive, shared by both citers
    outside = [d for d in cat.directives.values() if d.number == "21-KL/TW"]
    assert len(outside) == 1 and outside[0].record_id is None
    assert {c.record_id for c in outside[0].citations} == {"ubnd-tinh-2023-930-ubnd-th", "ubnd-tinh-2023-931-ubnd-th"}


def test_wrong_year_does_not_resolve(collection):
    collection.add("tb.md", {"number": "904-TB/TU", "type": "Thông báo", "issuer": "Tỉnh uỷ", "date": "2023-05-16"})
    collection.add("cv.md", cong_van(references=[{"number": "904-TB/TU", "relation": "cites", "date": "2019-01-02"}]))
    cat = collection.catalogue()
    ref = cat.records["ubnd-tinh-2023-930-ubnd-th"].references[0]
    assert cat.directives[ref.directive_id].record_id is None


def test_unnumbered_record_is_never_a_target(collection):
    collection.add("draft.md", cong_van(number=None, symbol="UBND-TH", date="2023-05"))
    collection.add("cv.md", cong_van(number="1/UBND-TH", references=[{"number": "UBND-TH", "relation": "cites"}]))
    cat = collection.catalogue()
    assert all(d.record_id is None for d in cat.directives.values())


def test_ambiguous_reference_is_a_warning(collection):
    collection.add("a.md", cong_van(number="12/CT-UBND", type="Chỉ thị", issuer="UBND tỉnh", date="2022-01-05"))
    collection.add("b.md", cong_van(number="12/CT-UBND", type="Chỉ thị", issuer="UBND huyện Đô Lương",
                                    date="2022-03-05"))
    collection.add("c.md", cong_van(number="7/UBND-TH", references=[{"number": "12/CT-UBND", "relation": "cites"}]))
    cat = collection.catalogue()
    assert any("several records" in p.message_en and p.path == "records/c.md" for p in cat.problems.warnings)
    ref = cat.records["ubnd-tinh-2023-7-ubnd-th"].references[0]
    assert cat.directives[ref.directive_id].record_id is None


def test_duplicate_identity_is_an_error_naming_both_files(collection):
    collection.add("a.md", cong_van())
    collection.add("b.md", cong_van(subject="Bản khác"))
    cat = collection.catalogue()
    errors = cat.problems.errors
    assert {p.path for p in errors} == {"records/a.md", "records/b.md"}
    assert all("records/a.md" in p.message_en and "records/b.md" in p.message_en for p in errors)
    assert not cat.records


def test_group_assignment_expands_to_members_valid_on_the_date(collection):
    collection.add("cv.md", cong_van(assignments=[
        {"unit": "Các sở, ban, ngành", "role": "thuc_hien", "task": "Thực hiện"},
        {"unit": "UBND các huyện, thành phố, thị xã", "role": "bao_cao", "deadline": "hằng năm"},
        {"unit": "Sở Nội vụ", "role": "chu_tri", "task": "Tổng hợp"},
    ]))
    cat = collection.catalogue()
    group = cat.units["so-ban-nganh"]
    assert group.is_group and group.members == ("so-noi-vu", "so-tai-chinh")
    noi_vu = cat.units["so-noi-vu"]
    assert [(t.role, t.via) for t in noi_vu.tasks] == [("thuc_hien", "so-ban-nganh"), ("chu_tri", None)]
    assert [t.via for t in cat.units["so-tai-chinh"].tasks] == ["so-ban-nganh"]
    # the 2023 document reaches the district valid then, not the one created in 2024
    assert "ubnd-huyen-do-luong" in cat.units and "ubnd-huyen-moi" not in cat.units


def test_unknown_unit_is_kept_and_scoped_to_its_issuer(collection):
    collection.add("a.md", cong_van(assignments=[{"unit": "Phòng Nội vụ", "role": "chu_tri"}]))
    collection.add("b.md", cong_van(number="2/UBND-VP", issuer="UBND huyện Đô Lương",
                                    assignments=[{"unit": "Phòng Nội vụ", "role": "chu_tri"}]))
    cat = collection.catalogue()
    scoped = [u for u in cat.units.values() if u.name.startswith("Phòng Nội vụ")]
    assert len(scoped) == 2 and all(not u.known for u in scoped)
    assert sum("Phòng Nội vụ" in p.message_en for p in cat.problems.warnings) == 2


def test_record_ids_are_stable_and_derived_from_metadata(collection):
    collection.add("deep/folder/any-name.md", cong_van(number="30/2020/NĐ-CP", type="Nghị định",
                                                      issuer="Chính phủ", date="2020-03-05"))
    collection.add("x.md", cong_van(number=None, symbol="UBND-TH", date="2023-05",
                                    subject="V/v triển khai Đề án đô thị"))
    cat = collection.catalogue()
    assert set(cat.records) == {"chinh-phu-30-2020-nd-cp", "ubnd-tinh-2023-05-ubnd-th-trien-khai-de-an-do-thi"}


def test_one_broken_record_does_not_take_others_down(collection):
    collection.add("good.md", cong_van())
    collection.add("bad.md", cong_van(number="5/UBND-TH", date="2023-02-30"))
    cat = collection.catalogue()
    assert list(cat.records) == ["ubnd-tinh-2023-930-ubnd-th"]
    assert [p.path for p in cat.problems.errors] == ["records/bad.md"]
    assert cat.records_read == 2
