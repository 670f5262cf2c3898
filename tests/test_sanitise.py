"""The allowlist sanitiser on its own: every corpus payload, and generated markup (hypothesis)."""

from __future__ import annotations

import html as html_lib
import re

import pytest
from hostile_corpus import BODY_PAYLOADS
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html
from vanban.site.render.body import render_body
from vanban.site.render.sanitise import clean_html

_SQUEEZE = re.compile(r"[\x00-\x20\x7f]+")
_FORBIDDEN_SCHEME = re.compile(r"^(?:javascript|vbscript|data|file|about|blob):", re.IGNORECASE)


def _violations(fragment: str) -> list[str]:
    if not fragment.strip():
        return []
    root = html.fragment_fromstring(fragment, create_parent="div")
    found = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            if name.lower().startswith("on") or name.lower() in ("style", "srcset", "formaction", "id", "name"):
                found.append(f"<{element.tag} {name}>")
            if name.lower() in ("href", "src", "action", "poster", "data"):
                if _FORBIDDEN_SCHEME.match(_SQUEEZE.sub("", html_lib.unescape(value))):
                    found.append(f"<{element.tag} {name}={value!r}>")
        if element.tag in ("script", "iframe", "object", "embed", "svg", "math", "style", "form", "base",
                           "meta", "link", "input", "button"):
            found.append(f"<{element.tag}>")
        if element.tag == "img" and re.match(r"^\s*(?:[a-z]+:|[/\\]{2})", element.get("src", ""), re.I):
            found.append(f"remote <img src={element.get('src')!r}>")
    return found


@pytest.mark.parametrize("key", sorted(BODY_PAYLOADS))
def test_every_body_payload_renders_harmless(key):
    rendered, _ = render_body(BODY_PAYLOADS[key])
    assert not _violations(rendered), rendered


def test_document_markup_survives():
    source = ("# I. MỤC ĐÍCH\n\n1. **Thực hiện** nghiêm *túc*\n2. Báo cáo\n\n| Đơn vị | Thời hạn |\n|:--|--:|\n"
              "| Sở Nội vụ | 30/6 |\n\n<table><tr><td colspan=\"2\" rowspan=\"1\">gộp</td></tr></table>\n\n"
              "H<sub>2</sub>O, m<sup>2</sup>, <u>gạch chân</u> [vbpl](https://vbpl.vn/) ![sơ đồ](anh/so-do.png)\n")
    rendered, _ = render_body(source)
    root = html.fragment_fromstring(rendered, create_parent="div")
    assert [e.tag for e in root.iter("h1", "ol", "table", "sub", "sup", "u", "strong", "em")]
    assert root.xpath("//td[@colspan='2']") and root.xpath("//td[@align='right'] | //th[@align='right']")
    assert root.xpath("//a[@href='https://vbpl.vn/']") and root.xpath("//img[@src='anh/so-do.png']")


_tags = st.sampled_from(["a", "img", "svg", "math", "p", "div", "table", "td", "script", "iframe", "b",
                         "style", "object", "form", "input", "video", "x-y", "animate", "image"])
_attrs = st.sampled_from(["href", "src", "onerror", "onclick", "OnLoad", "style", "srcset", "id", "name",
                          "xlink:href", "formaction", "poster", "data", "title", "colspan", "class"])
_values = st.one_of(
    st.sampled_from(["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:x", " javascript:x",
                     "&#106;avascript:x", "&#x6A;avascript:x", "javascript&colon;x", "vbscript:x",
                     "data:text/html,x", "//evil.invalid/x", "\\\\evil.invalid\\x", "http://evil.invalid/x",
                     "https://vbpl.vn", "a.png", "2", "alert(1)", "x\" onerror=\"alert(1)", "'>"]),
    st.text(max_size=12))


@st.composite
def _markup(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 6))):
        tag = draw(_tags)
        attrs = " ".join(f'{draw(_attrs)}="{draw(_values)}"' for _ in range(draw(st.integers(0, 3))))
        sep = draw(st.sampled_from([" ", "/", "\t", "\n"]))
        parts.append(f"<{tag}{sep}{attrs}>{draw(st.text(max_size=8))}" + draw(st.sampled_from(["", f"</{tag}>"])))
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(_markup())
def test_sanitiser_output_never_has_handlers_or_forbidden_schemes(markup):
    assert not _violations(clean_html(markup))


@settings(max_examples=150, deadline=None)
@given(_markup())
def test_bodies_through_markdown_stay_clean(markup):
    rendered, _ = render_body(markup)
    assert not _violations(rendered)
