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

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined, Template
from markupsafe import Markup

OVERRIDE_FOLDER = "vanban"
"""Templates are named ``vanban/<fragment>.html``, so an override directory shared with the
theme (Material's ``custom_dir``) keeps ours apart from the theme's."""


class Templates:
    """The template set of one build: the library's own, under any site overrides."""

    def __init__(self, override_dirs: Sequence[Path] = ()) -> None:
        loaders = [FileSystemLoader([str(d) for d in override_dirs if (d / OVERRIDE_FOLDER).is_dir()]),
                   PackageLoader("vanban.site", "templates")]
        self.env = Environment(loader=ChoiceLoader(loaders), autoescape=True, undefined=StrictUndefined,
                               trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
                               auto_reload=False)
        self._cache: dict[str, Template] = {}

    def render(self, name: str, **values: object) -> Markup:
        """The fragment ``vanban/<name>.html`` rendered with ``values``, as HTML."""
        template = self._cache.get(name)
        if template is None:
            template = self._cache[name] = self.env.get_template(f"{OVERRIDE_FOLDER}/{name}.html")
        return Markup(template.render(**values).strip())

    def link(self, href: str | None, text: str) -> Markup:
        return self.render("link", href=href, text=text)

    def overridden(self) -> list[str]:
        """Names of the fragments a site overrides (for the build summary)."""
        first = self.env.loader.loaders[0] if isinstance(self.env.loader, ChoiceLoader) else None
        if not isinstance(first, FileSystemLoader):
            return []
        return sorted(name for name in first.list_templates() if name.startswith(f"{OVERRIDE_FOLDER}/"))


__all__ = ["OVERRIDE_FOLDER", "Templates"]
