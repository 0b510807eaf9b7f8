"""HTML pages -> articles: the main text, title, date and url through trafilatura.

Menus, comments and boilerplate are left out; each extracted paragraph becomes a
blank-line separated paragraph, as the coder expects. A page where trafilatura finds no
article text is a bad input, not an empty article.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

from quiquoi.ingest.readers import BadInput, InputArticle, parse_date

MIN_CHARS = 40      # below this the "article" is a caption or a cookie banner


def read_html(raw: bytes, origin: str, published: date | None = None) -> InputArticle | BadInput:
    if not raw.strip():
        return BadInput(origin, "empty input")
    if b"\x00" in raw[:4096]:
        return BadInput(origin, "binary content (NUL bytes), not HTML")
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, include_tables=False,
                                          include_images=False, favor_precision=True)
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        return BadInput(origin, f"unreadable HTML: {exc}")
    title = (getattr(doc, "title", None) or None) if doc is not None else None
    text = _paragraphs(getattr(doc, "text", None) if doc is not None else None, title)
    if len(text) < MIN_CHARS:
        return BadInput(origin, "HTML without article text (no main content found)")
    pub = published
    if pub is None:
        try:
            pub = parse_date(getattr(doc, "date", None))
        except ValueError:
            pub = None
    name = Path(origin).name
    for suffix in (".html", ".htm"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return InputArticle(id=name, text=text, published=pub, title=title,
                        url=getattr(doc, "url", None) or None, source=getattr(doc, "sitename", None) or None,
                        language=None, origin=origin,
                        heading=getattr(doc, "description", None) or None)


def _paragraphs(text: str | None, title: str | None) -> str:
    if not text:
        return ""
    paras = [line.strip() for line in text.splitlines() if line.strip()]
    # the page's <h1> repeats the title, which is kept in its own field
    if paras and title and paras[0].strip(" .") == title.strip(" ."):
        paras = paras[1:]
    return "\n\n".join(paras)
