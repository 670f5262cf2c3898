"""Our overrides of Material's templates must not drift silently: each was last compared with
the installed Material's original whose SHA-256 is recorded here. When Material changes one of
those originals (an upgrade), this test fails: compare the new original with our override, carry
over what matters, and record the new hash."""

from __future__ import annotations

import hashlib
from pathlib import Path

import material
import pytest
from conftest import REPO

THEME = Path(material.__file__).parent / "templates"
REVIEWED = {
    # partials/header.html: ours replaces the search block (our own search, not the lunr plugin),
    # labels the drawer button in Vietnamese, and leaves out palette, alternate-language and
    # sticky-tabs parts the site does not use (the palette part adds an inline script).
    "partials/header.html": "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f",
    # partials/source.html: ours drops data-md-component="source", which makes Material's script
    # ask the hosting service's API for stars and forks.
    "partials/source.html": "6847616d67be4920d39c278c2799bf20222bbc02ee2a8393aca85e3eaa518752",
    # partials/tabs-item.html: ours also marks a tab active on the detail pages of its folder
    # (they are not in the navigation, so Material marks none), with aria-current.
    "partials/tabs-item.html": "52fe1f551aa2dbfc9e15a19718a4cadd1f1e728d567ca21fea493ebfccaf3fe2",
    # 404.html: ours is in Vietnamese, with links to the lists and a pointer to the search box.
    "404.html": "80c93494b5432b1bcdf292caeb67a0653c45b37372f49e08ad4a70ca695a7495",
    # main.html extends base.html and fills its site_meta block.
    "base.html": "a919e32d2225e09ecbdeb8076ca6ce9ca0836329760bf7871a04172569b77842",
}


@pytest.mark.parametrize("name", sorted(REVIEWED))
def test_the_original_of_each_override_is_the_one_we_compared_with(name):
    digest = hashlib.sha256((THEME / name).read_bytes()).hexdigest()
    assert digest == REVIEWED[name], (
        f"Material's {name} changed since our override was compared with it; review "
        f"docs/overrides/{'main.html' if name == 'base.html' else name} and record {digest}")


def test_every_override_is_reviewed():
    """Each of our templates that replaces one of Material's is listed above; templates of our
    own (a language file Material does not have) replace nothing."""
    overrides = {p.relative_to(REPO / "docs" / "overrides").as_posix()
                 for p in (REPO / "docs" / "overrides").rglob("*.html")}
    replacing = {name for name in overrides if (THEME / name).exists()} | {"main.html"}
    assert replacing == {"main.html" if n == "base.html" else n for n in REVIEWED}
    assert (THEME / "partials" / "languages" / "vi.html").exists()  # what vi-kho.html builds on
