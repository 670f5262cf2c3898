"""The HTML of generated pages comes from Jinja templates, one per fragment, that a site can
override — as Material's own partials are overridden.

Why templates and not f-strings: a site (a province, a Party committee) may want other labels,
another order or extra markup, and should not have to fork the library for it. A file at
``<override dir>/vanban/<name>.html`` (for the bundled site, ``docs/overrides/vanban/…``) takes
the place of the library's template of the same name. Autoescape is on for every template, so
record text is escaped wherever it is printed; HTML made by another template or by the body
renderer travels as ``Markup`` and is printed as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined, Template, TemplateError
from markupsafe import Markup, escape

OVERRIDE_FOLDER = "vanban"
"""Templates are named ``vanban/<fragment>.html``, so an override directory shared with the
theme (Material's ``custom_dir``) keeps ours apart from the theme's."""


class TemplateProblem(Exception):
    """A fragment (most likely a site's override) that does not render: names the file, the
    line and the values the fragment is given, in Vietnamese and English."""

    def __init__(self, name: str, error: TemplateError, given: list[str]) -> None:
        line = getattr(error, "lineno", None) or _template_line(error, f"{name}.html")
        where = f"{OVERRIDE_FOLDER}/{name}.html" + (f":{line}" if line else "")
        super().__init__(f"mẫu {where} không dựng được ({error.message or error}); mẫu này nhận: {', '.join(given)} "
                         f"(template {where} failed: {error.message or error}; it is given: {', '.join(given)})")


def _template_line(error: BaseException, file_name: str) -> int | None:
    """The line of the template in a render-time error: Jinja puts the template's own file and
    line into the traceback it re-raises."""
    tb = error.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(file_name):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


class Templates:
    """The template set of one build: the library's own, under any site overrides."""

    def __init__(self, override_dirs: Sequence[Path] = ()) -> None:
        loaders = [FileSystemLoader([str(d) for d in override_dirs if (d / OVERRIDE_FOLDER).is_dir()]),
                   PackageLoader("vanban.site", "templates")]
        self.env = Environment(loader=ChoiceLoader(loaders), autoescape=True, undefined=StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
                               auto_reload=False)
        self._cache: dict[str, Template] = {}
        self._own_link = f"{OVERRIDE_FOLDER}/link.html" not in self.overridden()
        """No site override of ``link``: written here directly, as its template writes it (a
        record page has a few dozen links; through Jinja they cost a tenth of its time)."""

    def render(self, name: str, **values: object) -> Markup:
        """The fragment ``vanban/<name>.html`` rendered with ``values``, as HTML."""
        try:
            template = self._cache.get(name)
            if template is None:
                template = self._cache[name] = self.env.get_template(f"{OVERRIDE_FOLDER}/{name}.html")
            return Markup(template.render(**values).strip())  # noqa: S704 — autoescaped by the template
        except TemplateError as exc:
            raise TemplateProblem(name, exc, sorted(values)) from None

    def link(self, href: str | None, text: str) -> Markup:
        if self._own_link:
            return Markup('<a href="{}">{}</a>').format(href, text) if href else escape(text)
        return self.render("link", href=href, text=text)

    def overridden(self) -> list[str]:
        """Names of the fragments a site overrides (for the build summary)."""
        first = self.env.loader.loaders[0] if isinstance(self.env.loader, ChoiceLoader) else None
        if not isinstance(first, FileSystemLoader):
            return []
        return sorted(name for name in first.list_templates() if name.startswith(f"{OVERRIDE_FOLDER}/"))


__all__ = ["OVERRIDE_FOLDER", "Templates"]
