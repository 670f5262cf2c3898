"""Status derived from later documents and the build date, as a clerk reads vbpl.vn's
"Tình trạng hiệu lực"."""

from __future__ import annotations

import datetime as dt

from conftest import cong_van
from vanban.build.lifecycle import derive

CT12 = {"number": "12/CT-UBND", "type": "Chỉ thị", "date": "2022-05-10", "issuer": "UBND tỉnh"}


def _collection(collection):
    collection.add("ct12.md", cong_van(**CT12, subject="Về tăng cường kỷ luật"))
    collection.add("ct05.md", cong_van(number="05/CT-UBND", type="Chỉ thị", date="2024-03-18",
                                       subject="Về kỷ luật, kỷ cương hành chính",
                                       references=[{**CT12, "relation": "replaces"}]))
    collection.add("qd.md", cong_van(number="100/QĐ-UBND", type="Quyết định", date="2023-01-05",
                                     references=[{**CT12, "relation": "amends"},
                                                 {"number": "30/2020/NĐ-CP", "type": "Nghị định",
                                                  "date": "2020-03-05", "relation": "repeals"}]))
    return collection.catalogue()


def _id(cat, number):
    return next(r for r, e in cat.records.items() if e.record.number == number)


def test_replaced_once_the_replacement_is_issued(collection):
    cat = _collection(collection)
    ct12 = _id(cat, "12/CT-UBND")
    before = derive(cat, dt.date(2023, 6, 1)).of_record(ct12)
    assert (before.code, before.label, before.legal_force) == ("in_force", "Còn hiệu lực", "InForce")
    assert [c.relation for c in before.changes] == ["amends"]  # the amendment of 2023 is in its history
    after = derive(cat, dt.date(2026, 12, 2)).of_record(ct12)
    assert (after.code, after.label, after.legal_force) == ("replaced", "Bị thay thế", "NotInForce")
    assert after.decided_by is not None and after.decided_by.record_id == _id(cat, "05/CT-UBND")
    assert [c.relation for c in after.changes] == ["amends", "replaces"]  # oldest first: the timeline
    assert after.ends_tasks and not after.in_force


def test_the_replacement_itself_and_uncited_records_are_in_force(collection):
    cat = _collection(collection)
    lifecycle = derive(cat, dt.date(2026, 12, 2))
    assert lifecycle.of_record(_id(cat, "05/CT-UBND")).code == "in_force"
    assert lifecycle.of_record(_id(cat, "100/QĐ-UBND")).code == "in_force"


def test_a_document_outside_the_collection_gets_the_status_a_record_states(collection):
    cat = _collection(collection)
    lifecycle = derive(cat, dt.date(2026, 12, 2))
    nd30 = next(d for d in cat.directives.values() if d.number == "30/2020/NĐ-CP")
    status = lifecycle.of_directive(nd30)
    assert (status.code, status.label) == ("repealed", "Bị bãi bỏ")
    assert status.decided_by is not None and status.decided_by.label == "Bị bãi bỏ bởi"
