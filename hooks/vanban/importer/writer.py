"""Write records: front-matter + body as a Markdown file, in the layout people edit by hand.

Used by ``vanban import`` and ``vanban new``. Dates are written unquoted (``date: 2023-05``)
as in the record-format guide; our loader keeps them as text. The file name follows the same
id formula as the site's URLs, so ``records/2023/ubnd-nghe-an-2023-930-ubnd-th.md`` becomes
``van-ban/ubnd-nghe-an-2023-930-ubnd-th/``.
"""

from __future__ import annotations

from pathlib import Path

import frontmatter
import yaml

from vanban.build.loader import load_record_text
from vanban.build.registry import Organisation, Registry
from vanban.build.resolve import record_id
from vanban.build.validate import validate_record
from vanban.core.fields import KEY_ORDER
from vanban.core.problems import ProblemLog
from vanban.core.text import slugify


class _RecordDumper(yaml.SafeDumper):
    """SafeDumper that writes records the way the format guide shows them: date-like strings
    plain, list items indented under their key, long lines not folded."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


_RecordDumper.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeDumper.yaml_implicit_resolvers.items()
}


def ordered(front_matter: dict) -> dict:
    """The keys in the order of the field table (``fields.KEY_ORDER``, the order of the schema
    and of the record-format guide); keys it does not know keep their order, after them."""
    known = {key: front_matter[key] for key in KEY_ORDER if key in front_matter}
    return known | {key: value for key, value in front_matter.items() if key not in known}


def record_text(front_matter: dict, body: str) -> str:
    """The record file's text, its keys in the field table's order."""
    post = frontmatter.Post(body.strip("\n") + "\n" if body.strip() else "", **ordered(front_matter))
    text = frontmatter.dumps(post, Dumper=_RecordDumper, sort_keys=False, width=10_000)
    return text if text.endswith("\n") else text + "\n"


def record_path(front_matter: dict, records_dir: Path, registry: Registry) -> Path:
    """Where a record belongs: ``records/<year>/<id>.md``, the id as the site computes it."""
    log = ProblemLog()
    raw = load_record_text(record_text(front_matter, ""), "new.md", log)
    record = validate_record(raw, log) if raw else None
    if record is None:
        year = str(front_matter.get("date", "khong-ro"))[:4]
        name = slugify(str(front_matter.get("number") or front_matter.get("subject") or "van-ban")) or "van-ban"
        return records_dir / year / f"{name}.md"
    entry, _ = registry.lookup(record.issuer, record.date)
    issuer_id = entry.id if isinstance(entry, Organisation) else slugify(record.issuer)
    return records_dir / str(record.date.year) / f"{record_id(record, issuer_id)}.md"
