"""The JSON Schema of a record's front-matter: one source of truth for editors and for the build.

The same schema is published with the site (``schema/record.schema.json``) so that editors such
as VS Code validate records while people type, and it is what ``validate`` checks first. Checks a
schema cannot express (real calendar dates, number grammar, registry names) live in
``validate``. Each property is declared with its field in ``vanban.core.fields``; this module
only assembles them. The vocabularies are re-exported here for the modules that read them.
"""

from __future__ import annotations

from vanban.core.fields import (
    FIELDS,
    ORIGINAL_PATTERN,
    ORIGINAL_SUFFIXES,
    RELATIONS,
    RELATIONS_INVERSE,
    ROLES,
    SECRECY_GRADES,
    URGENCIES,
)

RECORD_SCHEMA: dict = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "$id": "record.schema.json",
    "title": "Kho văn bản — front-matter của một văn bản",
    "description": "Front-matter YAML của một tệp trong records/. Xem trang Định dạng bản ghi.",
    "type": "object",
    "additionalProperties": False,
    "required": [f.key for f in FIELDS if f.required],
    "properties": {f.key: f.schema for f in FIELDS},
}

FIELD_LABELS: dict[str, str] = {f.name: f.label for f in FIELDS}
"""Vietnamese label of each field (``fields.label`` reads one)."""

__all__ = ["RECORD_SCHEMA", "FIELD_LABELS", "RELATIONS", "RELATIONS_INVERSE", "ROLES", "URGENCIES",
           "SECRECY_GRADES", "ORIGINAL_SUFFIXES", "ORIGINAL_PATTERN"]
