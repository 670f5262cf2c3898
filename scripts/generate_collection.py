#!/usr/bin/env python3
"""Generate a realistic synthetic collection for benchmarks: N records, a registry of a few
hundred units, Vietnamese text with diacritics (both tone placements), the real mix of types,
numbers in both grammars, references that form chains and cite documents outside the
collection, assignments to units and groups. Deterministic for a given seed.

By default the collection is as messy as a real office's: about 15 % of tasks name a unit the
registry does not know and some records come from unregistered issuers (schools, associations),
about 10 % are unnumbered draft copies (some with the day left blank), some records replace or
amend earlier ones, deadlines recur ("trước ngày 15/12 hằng năm"), bodies range from 1 KB to
200 KB (log-normal, a few very long plans) and some records name an original file. ``--clean``
gives the old, tidy data (all numbered, registered names, ~4 KB bodies) for comparison.

Usage: python scripts/generate_collection.py OUT_DIR N [--seed 1] [--clean]
The output is a project folder (mkdocs.yml, docs/, hooks/ copied from this repository).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from vanban.core.text import slugify  # noqa

STATE_TYPES = [("Công văn", None, 45), ("Quyết định", "QĐ", 15), ("Kế hoạch", "KH", 12), ("Thông báo", "TB", 10),
               ("Báo cáo", "BC", 8), ("Hướng dẫn", "HD", 4), ("Chỉ thị", "CT", 3), ("Tờ trình", "TTr", 3)]
PARTY_TYPES = [("Công văn", "CV", 35), ("Kế hoạch", "KH", 15), ("Thông báo", "TB", 20), ("Kết luận", "KL", 10),
               ("Hướng dẫn", "HD", 10), ("Nghị quyết", "NQ", 5), ("Chỉ thị", "CT", 5)]
OUTSIDE = [("Luật", "{n}/{y}/QH{k}", "Quốc hội"), ("Nghị định", "{n}/{y}/NĐ-CP", "Chính phủ"),
           ("Thông tư", "{n}/{y}/TT-BNV", "Bộ Nội vụ"), ("Chỉ thị", "{n}/CT-TTg", "Thủ tướng Chính phủ"),
           ("Kết luận", "{n}-KL/TW", "Ban Chấp hành Trung ương Đảng"), ("Quy định", "{n}-QĐ/TW", "Bộ Chính trị")]
ROLES = ["chu_tri", "phoi_hop", "thuc_hien", "bao_cao", "theo_doi"]
DEADLINES = ["hằng năm", "hằng quý", "hằng tháng", "thường xuyên", None]
MESSY_DEADLINES = ["trước ngày 15/12 hằng năm", "định kỳ 6 tháng", "trong quý III", "trước ngày 30/6 hằng năm",
                   "hằng quý, trước ngày 20 tháng cuối quý", "2024-06-30", "2025-03"]
UNREGISTERED_UNITS = ["Ban Quản lý dự án đầu tư xây dựng khu vực số {n}", "Trung tâm Dịch vụ công số {n}",
                      "Trường Trung học phổ thông số {n}", "Hội Nông dân xã Số {n}", "Ban chỉ đạo {n} của tỉnh",
                      "Công ty TNHH Môi trường số {n}"]
UNREGISTERED_ISSUERS = ["Trường Trung học cơ sở số {n}", "Hội Chữ thập đỏ huyện Số {n}",
                        "Ban Quản lý Khu kinh tế số {n}"]
SUBJECTS = [
    "tăng cường công tác cải cách hành chính, nâng cao chỉ số hài lòng của người dân",
    "triển khai thực hiện chương trình chuyển đổi số trong cơ quan nhà nước",
    "đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
    "tổ chức kỳ thi tốt nghiệp trung học phổ thông và tuyển sinh đầu cấp",
    "phòng, chống thiên tai, tìm kiếm cứu nạn mùa mưa bão",
    "quản lý, sử dụng tài sản công tại các cơ quan, đơn vị",
    "thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
    "công tác văn thư, lưu trữ và số hoá tài liệu lưu trữ",
    "phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi",
    "bảo đảm an toàn thực phẩm trong dịp Tết Nguyên đán",
    "tiếp tục thực hiện cuộc vận động toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh",
    "kiện toàn tổ chức bộ máy, tinh giản biên chế",
]
SENTENCES = [
    "Các cơ quan, đơn vị tiếp tục quán triệt, nâng cao nhận thức của cán bộ, công chức, viên chức về {s}.",
    "Tăng cường công tác kiểm tra, giám sát; kịp thời phát hiện, chấn chỉnh những hạn chế, thiếu sót.",
    "Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trước Chủ tịch UBND tỉnh về kết quả thực hiện nhiệm vụ được giao.",
    "Đẩy mạnh ứng dụng công nghệ thông tin, chuyển đổi số trong hoạt động chỉ đạo, điều hành.",
    "Ban Thường vụ Tỉnh uỷ yêu cầu các cấp uỷ, tổ chức đảng tổ chức thực hiện nghiêm túc, hiệu quả.",
    "Ban Thường vụ Tỉnh ủy đề nghị các cấp ủy, chính quyền quan tâm lãnh đạo, chỉ đạo sát sao.",
    "Quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc, đề nghị phản ánh về Sở Nội vụ để tổng hợp.",
    "Bố trí kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp hiện hành và các nguồn hợp pháp khác.",
    "Chú trọng công tác tuyên truyền, phổ biến, giáo dục pháp luật; phát huy vai trò giám sát của Mặt trận Tổ quốc.",
    "Thực hiện tốt công tác thi đua, khen thưởng; biểu dương kịp thời các tập thể, cá nhân có thành tích xuất sắc.",
    "Xây dựng kế hoạch cụ thể, phân công rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ kết quả.",
    "Cụ thể hoá các chủ trương của Đảng, chính sách, pháp luật của Nhà nước phù hợp với điều kiện thực tế địa phương.",
]


def _pick(rng: random.Random, weighted):
    return rng.choices(weighted, weights=[w for *_, w in weighted])[0]


def _registry(rng: random.Random) -> dict:
    """The real registry plus generated communes and their groups: a few hundred units."""
    data = yaml.safe_load((ROOT / "records" / "registry.yml").read_text(encoding="utf-8"))
    orgs, groups = data["organisations"], data["groups"]
    district_ids = [o["id"] for o in orgs if o["id"].startswith(("ubnd-huyen-", "ubnd-tp-", "ubnd-tx-"))]
    for district in district_ids:
        members = []
        for n in range(1, 13):
            cid = f"ubnd-xa-{district.removeprefix('ubnd-')}-{n}"
            orgs.append({"id": cid, "name": f"Ủy ban nhân dân xã Số {n} ({district})", "kind": "state",
                         "parent": district})
            members.append(cid)
        groups.append({"id": f"ubnd-cap-xa-{district}", "name": f"UBND các xã, thị trấn ({district})",
                       "scope": district, "local_aliases": ["UBND các xã, thị trấn"], "members": members})
    return data


def _body_length(rng: random.Random, clean: bool) -> int:
    """~4 KB when clean; otherwise log-normal between 1 KB and 200 KB (median ~3.6 KB, one
    record in two hundred a long plan near the top)."""
    if clean:
        return 3800
    if rng.random() < 0.005:
        return rng.randint(150_000, 200_000)
    return int(min(200_000, max(1_000, rng.lognormvariate(8.2, 0.8))))


def generate(out: Path, count: int, seed: int = 1, clean: bool = False) -> Path:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, out / name)
    for folder in ("docs", "hooks"):
        shutil.rmtree(out / folder, ignore_errors=True)
        shutil.copytree(ROOT / folder, out / folder, ignore=shutil.ignore_patterns("__pycache__"))
    records_dir = out / "records"
    shutil.rmtree(records_dir, ignore_errors=True)
    records_dir.mkdir()
    registry = _registry(rng)
    (records_dir / "registry.yml").write_text(yaml.safe_dump(registry, allow_unicode=True, sort_keys=False),
                                             encoding="utf-8")
    orgs = registry["organisations"]
    state_issuers = [o for o in orgs
                     if o.get("kind") == "state" and not o["id"].startswith("ubnd-xa-")
                     and o.get("parent") in ("ubnd-nghe-an", None) and "nghe-an" in o["id"]
                     or o["id"].startswith("ubnd-huyen")]
    party_issuers = [o for o in orgs if o.get("kind") == "party" and "nghe-an" in o["id"]]
    units = [o for o in orgs if o.get("parent") == "ubnd-nghe-an"]
    group_names = ["Các Sở, ban, ngành cấp tỉnh", "UBND các huyện, thành phố, thị xã"]
    serials: dict[tuple, int] = {}
    made: list[dict] = []
    last_of: dict[tuple[str, str], dict] = {}
    outside = [(t, f.format(n=rng.randint(1, 300), y=rng.randint(2010, 2022), k=rng.randint(11, 15)), i)
               for t, f, i in OUTSIDE for _ in range(300)]
    for index in range(count):
        party = rng.random() < 0.2
        issuer = rng.choice(party_issuers if party else state_issuers)
        if not clean and not party and rng.random() < 0.05:
            issuer = {"id": "-", "name": rng.choice(UNREGISTERED_ISSUERS).format(n=rng.randint(1, 60)), "code": "UBND"}
        doc_type, abbr, _ = _pick(rng, PARTY_TYPES if party else STATE_TYPES)
        year = rng.randint(2019, 2025)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        key = (issuer["id"], year, doc_type)
        serials[key] = serials.get(key, 0) + rng.randint(1, 7)
        serial = serials[key]
        code = (issuer.get("code") or "UBND").replace(" ", "")
        if party:
            number = f"{serial}-{abbr}/{code}"
        else:
            office = rng.choice(["TH", "VX", "KT", "NC", "VP"])
            number = f"{serial}/{abbr}-{code}" if abbr else f"{serial}/{code}-{office}"
        unnumbered = not clean and rng.random() < 0.10
        subject_core = rng.choice(SUBJECTS)
        if unnumbered:
            # an unnumbered copy is known by issuer, month, symbol and trích yếu; two alike would be
            # one document twice (an error, rightly), so each copy's trích yếu starts apart
            subject_core = f"đợt {index + 1} {subject_core}"
        references = []
        for _ in range(rng.randint(1, 4)):
            if made and rng.random() < 0.6:
                target = made[-rng.randint(1, min(len(made), 300))]
                relations = ["implements", "cites", "based_on", "reports_on"]
                same_issuer = target["issuer"] == (issuer.get("short") or issuer["name"])
                if not clean and target["type"] == doc_type and same_issuer:
                    relations += ["replaces", "amends"]  # a later document of the same body and type
                references.append({"type": target["type"], "number": target["number"], "date": target["date"],
                                   "issuer": target["issuer"], "relation": rng.choice(relations)})
            else:
                t, n, i = rng.choice(outside)
                relation = rng.choice(["based_on", "cites", "implements"])
                references.append({"type": t, "number": n, "issuer": i, "relation": relation})
        earlier = last_of.get((issuer["name"], doc_type))
        if not clean and earlier and rng.random() < 0.15:  # a later document of the same body and type
            references.append({**earlier, "relation": rng.choice(["replaces", "amends"])})
        unique = {}
        for ref in references:
            unique.setdefault(ref["number"], ref)
        references = list(unique.values())
        assignments = []
        for _ in range(rng.randint(0, 4)):
            picked = rng.choice(units)
            unit = rng.choice(group_names) if rng.random() < 0.3 else picked.get("short") or picked["name"]
            if not clean and rng.random() < 0.15:
                unit = rng.choice(UNREGISTERED_UNITS).format(n=rng.randint(1, 200))
            item = {"unit": unit, "role": rng.choice(ROLES), "task": f"Thực hiện nhiệm vụ về {rng.choice(SUBJECTS)}"}
            deadline = rng.choice(DEADLINES if clean else DEADLINES + MESSY_DEADLINES)
            if deadline:
                item["deadline"] = deadline
            assignments.append(item)
        mentions = " ".join(f"Thực hiện {r['type']} số {r['number']} của {r['issuer']}." for r in references)
        paragraphs = [mentions]
        target_length = _body_length(rng, clean)
        while sum(len(p) for p in paragraphs) < target_length:
            paragraphs.append(" ".join(rng.choice(SENTENCES).format(s=subject_core) for _ in range(4)))
        date = f"{year}-{month:02d}-{day:02d}"
        if unnumbered:
            symbol = number.split("/", 1)[1] if "/" in number and not party else number.split("-", 1)[1]
            number = None
            if rng.random() < 0.5:
                date = f"{year}-{month:02d}"  # the day is written in when the copy is numbered
        front = {"number": number, "type": doc_type, "issuer": issuer.get("short") or issuer["name"],
                 "date": date, "place": "Nghệ An",
                 "subject": ("V/v " if doc_type == "Công văn" else "Về ") + subject_core,
                 "references": references}
        if unnumbered:
            front = {"number": None, "symbol": symbol, **{k: v for k, v in front.items() if k != "number"}}
        if assignments:
            front["assignments"] = assignments
        if not clean and rng.random() < 0.05:
            front["source"] = f"{slugify(number or symbol)}.pdf"
        front["sample"] = True
        if number:
            made.append({"type": doc_type, "number": number, "date": front["date"], "issuer": front["issuer"]})
            last_of[(issuer["name"], doc_type)] = made[-1]
        folder = records_dir / str(year)
        folder.mkdir(exist_ok=True)
        front_text = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
        text = "---\n" + front_text + "---\n\n" + "\n\n".join(paragraphs) + "\n"
        (folder / f"{index:06d}-{slugify(number or symbol)}.md").write_text(text, encoding="utf-8")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("count", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--clean", action="store_true", help="tidy data, for comparison with earlier figures")
    args = parser.parse_args()
    generate(args.out, args.count, args.seed, args.clean)
    print(f"{args.count} records in {args.out / 'records'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
