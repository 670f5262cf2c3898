"""Page kinds and templates: a site overrides one fragment without forking the library, record
text is escaped by the templates themselves, and a new kind is one class the renderer, the
incremental scope and the landing signatures all pick up."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from conftest import cong_van
from vanban.site import urls
from vanban.site.kinds import KINDS, PageKind, related
from vanban.site.page import Page, PageText
from vanban.site.renderer import SiteRenderer
from vanban.site.templates import Templates


def test_a_site_override_takes_the_place_of_the_library_fragment(tmp_path):
    (tmp_path / "vanban").mkdir()
    (tmp_path / "vanban" / "empty.html").write_text('<p class="rieng">{{ text }} (mẫu riêng)</p>', encoding="utf-8")
    templates = Templates([tmp_path])
    assert templates.render("empty", text="<b>x</b>") == '<p class="rieng">&lt;b&gt;x&lt;/b&gt; (mẫu riêng)</p>'
    assert Templates().render("empty", text="a") == '<p class="vb-empty">a</p>'
    assert templates.overridden() == ["vanban/empty.html"]


def test_overridden_record_item_shows_on_every_list(collection, tmp_path):
    collection.add("a.md", cong_van(subject="V/v <b>đậm</b> & \"x\""))
    overrides = tmp_path / "ov"
    (overrides / "vanban").mkdir(parents=True)
    (overrides / "vanban" / "record-item.html").write_text('<span class="tinh">{{ record }} — {{ subject }}</span>',
                                                          encoding="utf-8")
    pages = {p.src_uri: p.markdown for p in SiteRenderer(collection.catalogue(), urls.Linker(),
                                                         Templates([overrides])).pages()}
    issuer = pages["co-quan/ubnd-tinh.md"]
    assert '<span class="tinh"><a href="../../van-ban/' in issuer
    assert "V/v &lt;b&gt;đậm&lt;/b&gt; &amp; &#34;x&#34;</span>" in issuer  # escaped by autoescape
    assert "<b>đậm" not in "".join(pages.values())


class SignerKind(PageKind):
    """A kind the library does not have: documents by signer. Written as a site would."""

    name = "signer"

    def keys(self) -> Iterable[Hashable]:
        return sorted({e.record.signer.name for e in self.cat.records.values() if e.record.signer})

    def pages(self, key: Hashable) -> list[Page]:
        entries = [e for e in self.cat.records.values() if e.record.signer and e.record.signer.name == key]
        here = f"nguoi-ky/{str(key).lower().replace(' ', '-')}.md"
        text = PageText().heading(1, str(key)).html(self.site.record_list(here, entries))
        return [text.page(here, str(key))]

    def signature(self) -> int:
        return hash(tuple(self.keys()))

    @classmethod
    def affected(cls, cat, record_id: str) -> set[Hashable]:
        signer = cat.records[record_id].record.signer
        return {signer.name} if signer else set()


def test_a_new_kind_is_one_class(collection):
    collection.add("a.md", cong_van(signer={"name": "Lê Hồng Vinh", "title": "Phó Chủ tịch"}))
    cat = collection.catalogue()
    renderer = SiteRenderer(cat, urls.Linker(), kinds=(*KINDS, SignerKind))
    pages = {p.src_uri: p for p in renderer.pages()}
    assert "nguoi-ky/lê-hồng-vinh.md" in pages
    assert 'href="../../van-ban/ubnd-tinh-2023-930-ubnd-th/"' in pages["nguoi-ky/lê-hồng-vinh.md"].markdown
    assert "signer" in renderer.landing_signatures()
    record_id = next(iter(cat.records))
    assert ("signer", "Lê Hồng Vinh") in related(cat, record_id, (*KINDS, SignerKind))
    only = renderer.unique_pages({("signer", "Lê Hồng Vinh")})
    assert "nguoi-ky/lê-hồng-vinh.md" in {p.src_uri for p in only}
    # no record page (the first page of each landing list, "van-ban/index.md" among them, is always there)
    assert not any(p.src_uri.startswith("van-ban/") and p.src_uri != urls.all_records_page() for p in only)


def test_blocks_stand_as_placeholders_the_renderer_issued(collection):
    collection.add("a.md", cong_van(subject="VBBLOCK000000000000x0Z <dl>"))
    page = next(p for p in SiteRenderer(collection.catalogue(), urls.Linker()).pages()
                if p.src_uri.startswith("van-ban/"))
    assert page.blocks and "<dl" not in page.stashed  # the panels are out of the Markdown
    assert page.markdown.count('<dl class="vb-meta">') == 1
    # an engine's HTML of the stashed text gets every block back, and nothing else changes
    engine_html = page.stashed.replace("\n\n", "\n")
    restored = page.restore("\n".join(f"<p>{line}</p>" if line.startswith("VBBLOCK") else line
                                      for line in engine_html.splitlines()))
    assert all(block in restored for block in page.blocks)
    assert "VBBLOCK000000000000x0Z &lt;dl&gt;" in restored  # the record's own text is left as written


def test_a_broken_override_is_named_with_its_line(tmp_path):
    import pytest
    from vanban.site.templates import TemplateProblem

    (tmp_path / "vanban").mkdir()
    (tmp_path / "vanban" / "empty.html").write_text("<p>\n{{ text | khong_co }}</p>", encoding="utf-8")
    with pytest.raises(TemplateProblem) as caught:
        Templates([tmp_path]).render("empty", text="a")
    message = str(caught.value)
    assert "vanban/empty.html" in message and "mẫu" in message and "template" in message
    assert "nhận: text" in message
    (tmp_path / "vanban" / "empty.html").write_text("<p>{{ khong_co.x }}</p>", encoding="utf-8")
    with pytest.raises(TemplateProblem, match="vanban/empty.html:1"):
        Templates([tmp_path]).render("empty", text="a")


def test_links_are_written_as_the_link_template_writes_them(tmp_path):
    """Links skip Jinja unless a site overrides them; hand-written expectations, then the
    library's own template as an independent second opinion, then a site's override."""
    templates = Templates()
    assert templates.link("../x/", 'Sở <Nội vụ> & "Ban"') == \
        '<a href="../x/">Sở &lt;Nội vụ&gt; &amp; &#34;Ban&#34;</a>'
    assert templates.link('a"b<', "x") == '<a href="a&#34;b&lt;">x</a>'
    assert templates.link(None, "<i>") == "&lt;i&gt;"
    for href, text in [("../x/", 'Sở <Nội vụ> & "Ban"'), (None, "<i>"), ("", "t"), ("q?a=1&b=2", "ok")]:
        assert templates.link(href, text) == templates.render("link", href=href, text=text)
    (tmp_path / "vanban").mkdir()
    override = '<a class="rieng" href="{{ href }}">{{ text }}</a>'
    (tmp_path / "vanban" / "link.html").write_text(override, encoding="utf-8")
    assert Templates([tmp_path]).link("x/", "<b>") == '<a class="rieng" href="x/">&lt;b&gt;</a>'
