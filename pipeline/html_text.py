"""The article in a saved web page: main text, title, address and date, without site chrome.

Why: a page fed as text keeps its menu of regions, "read also" headlines and footer, and
each of them turns into false places, people and dates. trafilatura (a maintained boilerplate
remover) keeps the article body and reads the page's metadata (title, canonical address, and
the publication date through htmldate).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import trafilatura

# trafilatura logs every page it finds too short at WARNING: a batch run reports them itself
logging.getLogger("trafilatura").setLevel(logging.ERROR)


MIN_ARTICLE_WORDS = 8


@dataclass(frozen=True)
class HtmlArticle:
    """What a page holds: ``text`` is the article body (headline first) the record's offsets
    refer to; the rest is metadata, None where the page has none."""

    text: str
    title: str | None
    url: str | None
    published: str | None


def article_from_html(html: str, url: str | None = None) -> HtmlArticle | None:
    """The main article of ``html``, or None when the page holds no article text."""
    if not html or not html.strip():
        return None
    try:
        found = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True,
            favor_precision=True,
        )
    except Exception:
        return None
    if found is None:
        return None
    data = found.as_dict() if hasattr(found, "as_dict") else dict(found)
    text = (data.get("text") or "").strip()
    if len(text.split()) < MIN_ARTICLE_WORDS:
        return None  # a menu, a cookie banner or an empty template, not an article
    title = data.get("title") or None
    if title and not text.startswith(title):
        text = f"{title}\n{text}"  # the headline names places and people too
    published = data.get("date") or None
    return HtmlArticle(text=text, title=title, url=data.get("url") or url, published=published)
