"""Stage 3 — resolve: names → registry ids, references → directives, groups → members.

Input: validated ``Record`` objects and the ``Registry``. Output: one frozen ``Catalogue``.
Nothing is dropped: an issuer or unit the registry does not know is indexed under the name as
written (and warned about); a citation that matches no record still gets its directive.

One module per job, because each has its own rules and tests: ``identity`` (the ids of
documents), ``names`` (a written name → a registered body), ``references`` (citations →
directives), ``assignments`` (tasks → units, through groups), ``drafts`` (the working
structures and their freezing) and ``resolver`` (the order of the steps). Callers import from
here.
"""

from vanban.build.resolve.identity import document_id, record_id, unnumbered_id
from vanban.build.resolve.resolver import resolve

__all__ = ["document_id", "record_id", "resolve", "unnumbered_id"]
