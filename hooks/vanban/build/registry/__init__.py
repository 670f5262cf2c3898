"""The registry of organisations and groups: who can issue documents and receive tasks.

Documents write the same body in many ways, so every name is looked up by a normalised key;
units change over time, so each entry has validity dates and a group expands to the members
valid on the document's date. One module per job: ``entries`` (what an entry is), ``index``
(name lookup and suggestions), ``values`` (one entry's values checked), ``parse`` (the registry
built from its YAML data), ``links`` (checks across entries) and ``file`` (reading the file
safely). Callers import from here.
"""

from vanban.build.registry.entries import HEAD_TITLE, Entry, Group, Organisation, without_head_title
from vanban.build.registry.file import MAX_REGISTRY_BYTES, load_registry
from vanban.build.registry.index import SUGGEST_CUTOFF, SUGGEST_MEMO_SIZE, Registry
from vanban.build.registry.parse import build_registry

__all__ = ["HEAD_TITLE", "MAX_REGISTRY_BYTES", "SUGGEST_CUTOFF", "SUGGEST_MEMO_SIZE", "Entry", "Group",
           "Organisation", "Registry", "build_registry", "load_registry", "without_head_title"]
