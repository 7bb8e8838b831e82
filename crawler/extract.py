"""Page-to-record parsing: HTML in, an `ExtractedPage` out. Knows nothing about spiders or storage.

Boilerplate removal is trafilatura's job (no hand-written rules here). Comments are excluded on
purpose: a reader comment that misspells a name is not the outlet's error. Metadata prefers what the
page declares (JSON-LD, then `<meta>`), because those are the publisher's own statements, and falls
back to trafilatura's heuristics; every date records the rule that produced it so later stages can
say how sure "who was first" is.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass
from urllib.parse import urljoin

import lxml.html
import trafilatura

#: JSON-LD types that declare a page to be an article.
ARTICLE_TYPES = {"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
                 "OpinionNewsArticle", "BackgroundNewsArticle", "Report"}
_DATE_META = ("article:published_time", "og:published_time", "datePublished", "date", "pubdate",
              "publishdate", "dc.date.issued", "sailthru.date", "parsely-pub-date")
_AUTHOR_META = ("author", "article:author", "parsely-author", "dc.creator", "byl")


@dataclass
class ExtractedPage:
    url: str
    title: str | None
    text: str
    canonical_url: str | None = None
    author: str | None = None
    published: str | None = None
    published_rule: str | None = None
    outlet_name: str | None = None
    language: str | None = None
    description: str | None = None
    keywords: str | None = None
    declared_article: bool = False  # JSON-LD or og:type says "article"

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    @property
    def content_hash(self) -> str:
        """A hash of what the outlet published (title, author, date, text), not of the raw page."""
        content = "\x1f".join([self.title or "", self.author or "", self.published or "", self.description or "",
                                 self.keywords or "", self.text])
        return hashlib.sha256(content.encode("utf-8")).hexdigest()

    def as_dict(self) -> dict:
        return asdict(self)


def extract_page(html: str, url: str) -> ExtractedPage | None:
    """Extract an article's main text and metadata from one HTML page; None when there is no text.

    `url` only tells the extractor where the page came from (to resolve relative links); nothing is
    fetched.
    """
    if not html or not html.strip():
        return None
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # Only dates the page states; no guessing from stray years in the text.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None or not (document.text or "").strip():
        return None
    declared = _json_ld(tree)
    meta = _meta(tree)
    published, rule = _published(declared, meta, document.date)
    author = _first(declared.get("author"), meta.get("author"), document.author)
    return ExtractedPage(
        url=url,
        title=_first(declared.get("headline"), meta.get("og:title"), document.title),
        text=document.text.strip(),
        canonical_url=_canonical(tree, url),
        author=author,
        published=published,
        published_rule=rule,
        outlet_name=_first(declared.get("publisher"), meta.get("og:site_name"), None),
        language=_language(tree) or document.language,
        description=_first(meta.get("description"), meta.get("og:description"), document.description),
        keywords=meta.get("keywords"),
        declared_article=bool(declared.get("is_article")) or meta.get("og:type") == "article",
    )


def _first(*values):
    for value in values:
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _json_ld(tree) -> dict:
    """Headline, author, dates and publisher of the first article object in the page's JSON-LD."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "")
        except ValueError:
            continue
        for obj in _ld_objects(data):
            types = obj.get("@type")
            types = set(types) if isinstance(types, list) else {types}
            if types & ARTICLE_TYPES:
                return {
                    "is_article": True,
                    "headline": obj.get("headline"),
                    "author": _ld_name(obj.get("author")),
                    "datePublished": obj.get("datePublished"),
                    "publisher": _ld_name(obj.get("publisher")),
                }
    return {}


def _ld_objects(data):
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_objects(data["@graph"])


def _ld_name(value) -> str | None:
    if isinstance(value, list):
        names = [_ld_name(v) for v in value]
        return ", ".join(n for n in names if n) or None
    if isinstance(value, dict):
        return value.get("name")
    return value if isinstance(value, str) else None


def _meta(tree) -> dict:
    found: dict[str, str] = {}
    for element in tree.xpath("//meta[@content]"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        if key and key not in found:
            found[key] = element.get("content")
    return found


def _published(declared: dict, meta: dict, fallback: str | None) -> tuple[str | None, str | None]:
    if _first(declared.get("datePublished")):
        return declared["datePublished"].strip(), "json-ld"
    for key in _DATE_META:
        if _first(meta.get(key.lower())):
            return meta[key.lower()].strip(), "meta"
    if fallback:
        return fallback, "htmldate"
    return None, None


def _canonical(tree, url: str) -> str | None:
    for href in tree.xpath('//link[@rel="canonical"]/@href') + tree.xpath('//meta[@property="og:url"]/@content'):
        if href.strip():
            return urljoin(url, href.strip())
    return None


def _language(tree) -> str | None:
    lang = tree.get("lang") if tree.tag == "html" else None
    if lang is None:
        found = tree.xpath("//html/@lang")
        lang = found[0] if found else None
    return re.split(r"[-_]", lang.strip().lower())[0] if lang and lang.strip() else None
