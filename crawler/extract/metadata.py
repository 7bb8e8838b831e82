"""Page metadata: title, canonical URL, captions, language, and the JSON-LD and `<meta>` readers.

What the page declares (JSON-LD, then `<meta>`) is preferred, because those are the publisher's own
statements; trafilatura's heuristics are the fallback.
"""
from __future__ import annotations

import html as html_lib
import json
import re
import unicodedata
from urllib.parse import urljoin

from crawler.extract.scope import article_scope, outside_article

#: JSON-LD types that declare a page to be an article.
ARTICLE_TYPES = {"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
                 "OpinionNewsArticle", "BackgroundNewsArticle", "Report", "LiveBlogPosting", "ReviewNewsArticle",
                 "AskPublicNewsArticle", "SatiricalArticle", "TechArticle", "Blog", "SocialMediaPosting"}


def find_title(tree, declared: dict, meta: dict, fallback: str | None) -> str | None:
    """The headline: the first declared title (JSON-LD, og:title, twitter:title) that matches an `<h1>`.

    Pages often declare a search-engine headline that differs from the one readers see; the visible
    one is what an outlet is accountable for. When no declared title matches an `<h1>`, the first
    declared one wins, then trafilatura's.
    """
    declared_titles = [t for t in (first_text(declared.get("headline")), first_text(meta.get("og:title")),
                                   first_text(meta.get("twitter:title"))) if t]
    visible = {_comparable(h.text_content()) for h in tree.iter("h1")}
    for title in declared_titles:
        if _comparable(title) in visible:
            return title
    return first_text(*declared_titles, fallback)


def _comparable(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def first_text(*values):
    for value in values:
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _ld_documents(tree):
    """Each JSON-LD block of the page, parsed; a block that is not JSON is skipped."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            # strict=False: raw newlines and tabs inside strings are common in the wild.
            yield json.loads(script.text_content() or "", strict=False)
        except ValueError:
            continue


def read_json_ld(tree) -> dict:
    """Headline, author, dates (published and modified), publisher and language of the first article object in the page's JSON-LD."""
    for data in _ld_documents(tree):
        for obj in _ld_objects(data):
            types = obj.get("@type")
            types = set(types) if isinstance(types, list) else {types}
            if types & ARTICLE_TYPES:
                return {
                    "is_article": True,
                    "headline": _ld_text(obj.get("headline")) or _ld_text(obj.get("name")),
                    "author": _ld_name(obj.get("author")),
                    "datePublished": _ld_text(obj.get("datePublished")) or _ld_text(obj.get("dateCreated")),
                    "dateModified": _ld_text(obj.get("dateModified")),
                    "publisher": _ld_name(obj.get("publisher")),
                    "inLanguage": _ld_text(obj.get("inLanguage")),
                }
    return {}


#: JSON-LD types that declare a page to be a list of other pages (an index, a tag page, search results).
LISTING_TYPES = {"CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage", "WebSite", "SiteNavigationElement"}


def declared_types(tree) -> set[str]:
    """Every JSON-LD `@type` the page declares (top-level objects and `@graph` members)."""
    found: set[str] = set()
    for data in _ld_documents(tree):
        for obj in _ld_objects(data):
            types = obj.get("@type")
            found.update(t for t in (types if isinstance(types, list) else [types]) if isinstance(t, str))
    return found


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
        return _ld_text(value.get("name"))
    return _ld_text(value)


def _ld_text(value) -> str | None:
    """A JSON-LD string value; HTML entities are decoded, since some CMSs escape twice (`&#039;`)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name") or value.get("alternateName")
    return html_lib.unescape(value) if isinstance(value, str) else None


def read_meta(tree) -> dict:
    """Every `<meta content>` by its lower-cased property, name, itemprop or http-equiv; the first one wins."""
    found: dict[str, str] = {}
    for element in tree.xpath("//meta[@content]"):
        key = (element.get("property") or element.get("name") or element.get("itemprop")
               or element.get("http-equiv") or "").strip().lower()
        if key and key not in found:
            found[key] = element.get("content")
    return found


def find_canonical(tree, url: str) -> str | None:
    """The page's `<link rel=canonical>` (else `og:url`), made absolute against `url`."""
    for href in tree.xpath('//link[@rel="canonical"]/@href') + tree.xpath('//meta[@property="og:url"]/@content'):
        if href.strip():
            return urljoin(url, href.strip())
    return None


def find_captions(tree) -> str | None:
    """Figure captions inside the article (trafilatura leaves images and their captions out)."""
    scope = article_scope(tree)
    lines = [" ".join(element.text_content().split()) for element in scope.iter("figcaption")
             if not outside_article(element)]
    return "\n".join(line for line in lines if line) or None


def find_language(tree, meta: dict, declared: dict, hints: dict, text: str) -> tuple[str | None, str | None]:
    """The page's language as an ISO 639-1 code, and which rule gave it.

    What the page declares wins (`<html lang>`, then a `<meta>` language, then JSON-LD `inLanguage`),
    then the HTTP Content-Language header; only then is the text classified, with py3langid when it
    is installed (the detector trafilatura uses).
    """
    lang = tree.get("lang") if tree.tag == "html" else None
    if not lang:
        found = tree.xpath("//html/@lang | //html/@xml:lang",
                           namespaces={"xml": "http://www.w3.org/XML/1998/namespace"})
        lang = found[0] if found else None
    for value, rule in ((lang, "html-lang"), (meta.get("content-language"), "meta"), (meta.get("language"), "meta"),
                        (meta.get("og:locale"), "meta"), (meta.get("dc.language"), "meta"),
                        (declared.get("inLanguage"), "json-ld"), (hints.get("content_language"), "http-header")):
        code = _language_code(value)
        if code:
            return code, rule
    detected = detect_language(text)
    return (detected, "detected") if detected else (None, None)


def _language_code(value: str | None) -> str | None:
    if not value or not value.strip():
        return None
    code = re.split(r"[-_,;\s]", value.strip().lower())[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def detect_language(text: str) -> str | None:
    """The language of `text` by py3langid, or None when the text is too short or py3langid is absent."""
    if len(text) < 20:
        return None
    try:
        import py3langid
    except ImportError:
        return None
    code, _ = py3langid.classify(text[:10_000])
    return code
