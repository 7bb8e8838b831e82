"""Page-to-record parsing: bytes or HTML in, an `ExtractedPage` out. Knows nothing about spiders or storage.

Boilerplate removal is trafilatura's job (no hand-written rules here). Comments are excluded on
purpose: a reader comment that misspells a name is not the outlet's error. Tables are kept: in news
they are content (results, figures, who said what), and keeping them scores better on the benchmark
(bench/extraction.py). One repair sits on top of trafilatura: an article body split into several
same-class containers (Condé Nast's `body__inner-container` chunks between ads) is extracted from all
of them, since trafilatura alone keeps only the first chunk (`_rejoin_split_body`). Metadata prefers
what the page declares (JSON-LD, then `<meta>`), because those are the publisher's own statements, and
falls back to trafilatura's heuristics.

Dates are the weak field of every extractor, and later stages order outlets by them ("who was first",
or a tie), so each published date carries its provenance: the value, its precision (an instant, or
only a day), whether an offset was stated, and the rule that produced it. See `RULES` for the order.
"""
from __future__ import annotations

import codecs
import copy
import hashlib
import html as html_lib
import json
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import lxml.html
import trafilatura
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom

logger = logging.getLogger(__name__)

#: JSON-LD types that declare a page to be an article.
ARTICLE_TYPES = {"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting",
                 "OpinionNewsArticle", "BackgroundNewsArticle", "Report", "LiveBlogPosting", "ReviewNewsArticle",
                 "AskPublicNewsArticle", "SatiricalArticle", "TechArticle", "Blog", "SocialMediaPosting"}
#: `<meta>` names and properties that state a publication date, most specific first.
_DATE_META = ("article:published_time", "og:article:published_time", "og:published_time", "datepublished",
              "article.published", "published_time", "publish-date", "publishdate", "pubdate", "date",
              "dc.date.issued", "dcterms.issued", "dcterms.date", "dc.date", "dcterms.created",
              "citation_publication_date", "sailthru.date", "parsely-pub-date", "rnews:datepublished")
_AUTHOR_META = ("author", "article:author", "parsely-author", "dc.creator", "byl")

#: Where a published date can come from, in the order they are tried. The page's own machine-readable
#: declarations come first (JSON-LD, `<meta>`, `<time datetime>`), then the dateline a reader sees
#: (these two looked for in the article first, then in the rest of the page, never in navigation,
#: sidebars, related links or comments), then what the site says elsewhere (feed entry, then sitemap
#: `lastmod`, which is a modification time), then a date in the URL, then htmldate's heuristics, and
#: the crawl time only when nothing else states anything. A later rule may still refine an earlier one
#: that is less precise and agrees with it (see `_choose_published`); the sitemap and the crawl time
#: never refine.
RULES = ("json-ld", "meta", "time-element", "visible-dateline", "feed", "sitemap", "url", "htmldate",
         "crawl-time")
#: Rules whose dates are statements of the page itself; only these enter `content_hash`, so that a
#: new crawl time or sitemap entry does not make an unchanged article look changed.
PAGE_RULES = frozenset({"json-ld", "meta", "time-element", "visible-dateline", "url", "htmldate"})
#: Earliest year a published date may have; anything before is a parsing accident (epoch zero, "0001").
_MIN_YEAR = 1990


class UndecodablePage(ValueError):
    """Raised by `decode_html` when the bytes are not text in any encoding worth trying.

    `reason` says why in a few words (for a stats key or a log line): an empty body, binary content,
    or text that no encoding decodes without many replacement characters.
    """

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class PublishedDate:
    """A publication date and where it came from.

    `value` is ISO 8601: `YYYY-MM-DD` for a day, `YYYY-MM-DDTHH:MM:SS[.ffffff][±HH:MM]` for an instant
    (with the offset the source stated; without one when it stated none).
    """

    value: str
    precision: str  # "instant" | "day"
    has_offset: bool
    rule: str | None  # one of RULES; None from parse_dateline, which knows no context

    @property
    def rank(self) -> int:
        """How much the date says: 0 a day, 1 a wall-clock time with no offset, 2 an instant."""
        return 0 if self.precision == "day" else 2 if self.has_offset else 1

    @property
    def parsed(self) -> date | datetime:
        return date.fromisoformat(self.value) if self.precision == "day" else datetime.fromisoformat(self.value)

    def local_day(self) -> date:
        """The calendar day in the source's own offset (or wall clock)."""
        value = self.parsed
        return value if isinstance(value, date) and not isinstance(value, datetime) else value.date()


@dataclass
class ExtractedPage:
    url: str
    title: str | None
    text: str
    canonical_url: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601; see PublishedDate.value
    published_rule: str | None = None  # one of RULES
    outlet_name: str | None = None
    language: str | None = None  # ISO 639-1 code, lower case
    description: str | None = None
    keywords: str | None = None
    captions: str | None = None  # the article's <figcaption> texts, one per line: SEO errors hide there too
    declared_article: bool = False  # JSON-LD or og:type says "article"
    published_precision: str | None = None  # "instant" | "day"
    published_has_offset: bool | None = None
    language_rule: str | None = None  # "html-lang" | "meta" | "json-ld" | "http-header" | "detected"

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    @property
    def content_hash(self) -> str:
        """A hash of what the outlet published (title, author, date, text), not of the raw page.

        The date counts only when the page itself states it (`PAGE_RULES`): a crawl time or a
        sitemap entry changes without the article changing.
        """
        published = self.published if self.published_rule in PAGE_RULES else ""
        parts = [self.title or "", self.author or "", published or "", self.description or "", self.keywords or "",
                 self.text]
        if self.captions:  # a corrected caption is a changed article; pages without captions hash as before
            parts.append(self.captions)
        content = "\x1f".join(parts)
        return hashlib.sha256(content.encode("utf-8")).hexdigest()

    def as_dict(self) -> dict:
        return asdict(self)


# --------------------------------------------------------------------------- decoding


def decode_html(body: bytes, content_type: str | None) -> str:
    """Decode an HTML response body to text without mojibake; `UndecodablePage` when it is not text.

    Declarations are often wrong, so each is checked by a strict decode before it is believed:

    1. a byte-order mark (UTF-8, UTF-16, UTF-32) wins, as in browsers;
    2. a UTF-16/32 charset in the header or a `<meta>` is honoured when the bytes hold NULs, as
       UTF-16/32 markup does; undeclared, markup that starts `<\x00` or `\x00<` is UTF-16 too;
    3. bytes that decode as UTF-8 are UTF-8, whatever the header or `<meta>` says: non-ASCII text in a
       single-byte encoding almost never forms valid UTF-8, so a wrong `<meta charset=iso-8859-1>` on
       a UTF-8 page cannot turn "é" into "Ã©";
    4. a declared encoding other than UTF-8 and cp1252 (header, then `<meta>`, as w3lib finds and
       resolves them), if it decodes strictly;
    5. mostly-UTF-8 bytes with a few stray bytes (a cp1252 snippet pasted into a UTF-8 page) stay
       UTF-8, the stray bytes read as cp1252;
    6. a declared encoding of step 4 with replacement characters, if they stay under 1% of the text
       (a Shift_JIS page with one corrupt byte is still Shift_JIS);
    7. cp1252 as browsers read it (its five unassigned bytes as C1 controls): the usual truth behind
       a `charset=utf-8` header on a legacy page, and what w3lib makes of "latin-1" and "ascii".

    So only an empty body or binary content (NUL or control bytes, or the magic number of gzip,
    PDF, an image or a ZIP) raises. A body cut off inside a multi-byte character (a truncated
    download) loses only that character.

    >>> decode_html("caf\u00e9 \u201cquoted\u201d".encode("cp1252"), "text/html; charset=utf-8")
    'café “quoted”'
    """
    if not body:
        raise UndecodablePage("empty body")
    bom_encoding, bom = read_bom(body)
    if bom_encoding:
        body = body[len(bom):]
        text = _strict(body, bom_encoding)
        if text is not None:
            return text
        if bom_encoding != "utf-8":  # UTF-16/32 bytes mean nothing in any other encoding
            return codecs.getincrementaldecoder(bom_encoding)("replace").decode(body, final=False)
    declared = list(dict.fromkeys(e for e in (http_content_type_encoding(content_type) if content_type else None,
                                              html_body_declared_encoding(body)) if e))
    if b"\x00" in body[:4096]:
        wide = [e for e in declared if e.startswith(("utf-16", "utf-32"))]
        wide += ["utf-16-le"] if body.startswith(b"<\x00") else ["utf-16-be"] if body.startswith(b"\x00<") else []
        for encoding in wide:
            text = _strict(body, encoding)
            if text is not None:
                return text
    binary = _binary_reason(body)
    if binary:
        raise UndecodablePage(binary)
    text = _strict(body, "utf-8")
    if text is not None:
        return text
    legacy = [e for e in declared if e not in ("utf-8", "cp1252") and not e.startswith(("utf-16", "utf-32"))]
    for encoding in legacy:
        text = _strict(body, encoding)
        if text is not None:
            return text
    text = _mostly_utf8(body)
    if text is not None:
        return text
    for encoding in legacy:
        text = body.decode(encoding, "replace")
        if text.count("\ufffd") <= len(text) / 100:
            return text
    return _cp1252(body)


def _strict(body: bytes, encoding: str) -> str | None:
    """`body` decoded strictly, an incomplete character at the very end dropped; None if invalid."""
    try:
        return codecs.getincrementaldecoder(encoding)("strict").decode(body, final=False)
    except (UnicodeDecodeError, LookupError):
        return None


_STRAY_BYTES = re.compile("[\udc80-\udcff]+")


def _mostly_utf8(body: bytes) -> str | None:
    """UTF-8 with stray invalid bytes read as cp1252, if valid multi-byte characters outnumber them."""
    text = body.decode("utf-8", "surrogateescape")
    stray = sum(len(m) for m in _STRAY_BYTES.findall(text))
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - stray
    if multibyte <= stray:
        return None

    return _STRAY_BYTES.sub(lambda m: _cp1252(bytes(ord(ch) - 0xDC00 for ch in m.group())), text)


def _cp1252(raw: bytes) -> str:
    """cp1252 as the WHATWG Encoding Standard reads it: the five unassigned bytes become C1 controls."""
    return raw.decode("cp1252", "surrogateescape").translate(_UNASSIGNED_CP1252)


_UNASSIGNED_CP1252 = {0xDC00 + b: b for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


_MAGIC = ((b"\x1f\x8b", "gzip-compressed bytes (decompress before decoding)"), (b"%PDF-", "a PDF document"),
          (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
          (b"PK\x03\x04", "a ZIP archive"))


def _binary_reason(body: bytes) -> str | None:
    for magic, what in _MAGIC:
        if body.startswith(magic):
            return f"binary content: {what}"
    head = body[:4096]
    controls = sum(1 for b in head if b < 0x20 and b not in b"\t\n\r\f")
    if b"\x00" in head or controls > len(head) / 20:
        return "binary content: control bytes"
    return None


# --------------------------------------------------------------------------- extraction


def extract_response(body: bytes, content_type: str | None, url: str, *, hints: dict | None = None) -> ExtractedPage | None:
    """Decode a response body and extract it: the whole bytes-to-record step, in one picklable call
    (the crawl runs it in a worker process; `--reextract` and `newsclaims extract` call it directly).
    Raises `UndecodablePage` when the bytes cannot be read as text."""
    return extract_page(decode_html(body, content_type), url, hints=hints)


def extract_page(html: str, url: str, *, hints: dict | None = None) -> ExtractedPage | None:
    """Extract an article's main text and metadata from one HTML page; None when there is no text.

    `url` only tells the extractor where the page came from (to resolve relative links and read a date
    in its path); nothing is fetched. `hints` holds what the crawl knows from outside the page, all
    optional ISO 8601 strings: `feed_published` (the feed entry's date), `sitemap_lastmod`,
    `fetched_at` (when the page was fetched; also bounds every date from above), and
    `content_language` (the HTTP Content-Language header).
    """
    if not html or not html.strip():
        return None
    hints = hints or {}
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        # Only dates the page states; no guessing from stray years in the text.
        date_extraction_params={"extensive_search": False, "original_date": True},
        **_TRAFILATURA_OPTIONS,
    )
    if document is None or not (document.text or "").strip():
        return None
    text = _rejoin_split_body(tree, document.text.strip(), url)
    declared = _json_ld(tree)
    meta = _meta(tree)
    language, language_rule = _language(tree, meta, declared, hints, text)
    published = _choose_published(_date_candidates(tree, url, declared, meta, document.date, hints, language),
                                  _parse_machine_date(hints.get("fetched_at")))
    return ExtractedPage(
        url=url,
        title=_title(tree, declared, meta, document.title),
        text=text,
        canonical_url=_canonical(tree, url),
        author=_first(declared.get("author"), *(meta.get(k) for k in _AUTHOR_META), document.author),
        published=published.value if published else None,
        published_rule=published.rule if published else None,
        published_precision=published.precision if published else None,
        published_has_offset=published.has_offset if published else None,
        outlet_name=_first(declared.get("publisher"), meta.get("og:site_name"), None),
        language=language,
        language_rule=language_rule,
        description=_first(meta.get("description"), meta.get("og:description"), document.description),
        keywords=meta.get("keywords"),
        captions=_captions(tree),
        declared_article=bool(declared.get("is_article")) or meta.get("og:type") == "article",
    )


_TRAFILATURA_OPTIONS = {"include_comments": False, "include_tables": True}


def _rejoin_split_body(tree, text: str, url: str) -> str:
    """`text`, or the text of every chunk when the article body is split into same-class containers.

    Some templates cut the body into sibling containers that share one class (ads and promos between
    them); trafilatura keeps the best-scoring one, often a third of the article. The container that
    holds the extracted text's first paragraph is looked up (its nearest classed ancestor, up to four
    levels, inside `<article>`/`<main>`); if other elements in the same `<article>` (or `<main>`, or
    `<body>`) share its tag and class, trafilatura runs again on all of them together. The result is
    used only if it keeps at least 90% of the tokens of the first extraction and adds at least 20%:
    the repair can add chunks, never swap the article. On the benchmark pages it fires on exactly the
    two split Condé Nast bodies (Wired, The New Yorker), taking their F1 from about .63 to .99.
    """
    first = next((line for line in text.split("\n") if len(line.split()) >= 8), None)
    if first is None:
        return text
    start = " ".join(first.split())[:60]
    holder = next((p for p in tree.iter("p") if " ".join(p.text_content().split()).startswith(start)), None)
    node = holder
    for _ in range(4):
        node = node.getparent() if node is not None else None
        if node is None or node.tag in ("article", "main", "body", "html"):
            return text
        if not node.get("class"):
            continue
        home = next(node.iterancestors("article", "main", "body"), None)
        chunks = [e for e in tree.xpath("//*[@class=$c]", c=node.get("class"))
                  if e.tag == node.tag and next(e.iterancestors("article", "main", "body"), None) is home]
        chunks = [e for e in chunks if not any(a in chunks for a in e.iterancestors())]  # no chunk twice
        if len(chunks) < 2:
            continue
        page = lxml.html.fromstring("<html><body><article></article></body></html>")
        article = page.find(".//article")
        for chunk in chunks:
            article.append(copy.deepcopy(chunk))
        joined = trafilatura.bare_extraction(page, url=url, **_TRAFILATURA_OPTIONS)
        joined_text = (joined.text or "").strip() if joined is not None else ""
        before, after = Counter(_WORD.findall(text.lower())), Counter(_WORD.findall(joined_text.lower()))
        kept = sum((before & after).values())
        if kept >= 0.9 * sum(before.values()) and sum(after.values()) >= 1.2 * sum(before.values()):
            return joined_text
        return text
    return text


_WORD = re.compile(r"\w+")


def _title(tree, declared: dict, meta: dict, fallback: str | None) -> str | None:
    """The headline: the first declared title (JSON-LD, og:title, twitter:title) that matches an `<h1>`.

    Pages often declare a search-engine headline that differs from the one readers see; the visible
    one is what an outlet is accountable for. When no declared title matches an `<h1>`, the first
    declared one wins, then trafilatura's.
    """
    declared_titles = [t for t in (_first(declared.get("headline")), _first(meta.get("og:title")),
                                   _first(meta.get("twitter:title"))) if t]
    visible = {_comparable(h.text_content()) for h in tree.iter("h1")}
    for title in declared_titles:
        if _comparable(title) in visible:
            return title
    return _first(*declared_titles, fallback)


def _comparable(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _first(*values):
    for value in values:
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _json_ld(tree) -> dict:
    """Headline, author, dates, publisher and language of the first article object in the page's JSON-LD."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            # strict=False: raw newlines and tabs inside strings are common in the wild.
            data = json.loads(script.text_content() or "", strict=False)
        except ValueError:
            continue
        for obj in _ld_objects(data):
            types = obj.get("@type")
            types = set(types) if isinstance(types, list) else {types}
            if types & ARTICLE_TYPES:
                return {
                    "is_article": True,
                    "headline": _ld_text(obj.get("headline")) or _ld_text(obj.get("name")),
                    "author": _ld_name(obj.get("author")),
                    "datePublished": _ld_text(obj.get("datePublished")) or _ld_text(obj.get("dateCreated")),
                    "publisher": _ld_name(obj.get("publisher")),
                    "inLanguage": _ld_text(obj.get("inLanguage")),
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
        return _ld_text(value.get("name"))
    return _ld_text(value)


def _ld_text(value) -> str | None:
    """A JSON-LD string value; HTML entities are decoded, since some CMSs escape twice (`&#039;`)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name") or value.get("alternateName")
    return html_lib.unescape(value) if isinstance(value, str) else None


def _meta(tree) -> dict:
    found: dict[str, str] = {}
    for element in tree.xpath("//meta[@content]"):
        key = (element.get("property") or element.get("name") or element.get("itemprop")
               or element.get("http-equiv") or "").strip().lower()
        if key and key not in found:
            found[key] = element.get("content")
    return found


def _canonical(tree, url: str) -> str | None:
    for href in tree.xpath('//link[@rel="canonical"]/@href') + tree.xpath('//meta[@property="og:url"]/@content'):
        if href.strip():
            return urljoin(url, href.strip())
    return None


# --------------------------------------------------------------------------- language


def _language(tree, meta: dict, declared: dict, hints: dict, text: str) -> tuple[str | None, str | None]:
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


# --------------------------------------------------------------------------- dates


def _date_candidates(tree, url: str, declared: dict, meta: dict, htmldate_value: str | None, hints: dict,
                     language: str | None):
    """Every date statement about the page, in `RULES` order, each parsed to a `PublishedDate`."""
    yield _parse_machine_date(declared.get("datePublished"), "json-ld")
    for key in _DATE_META:
        yield _parse_machine_date(meta.get(key), "meta")
    for value in tree.xpath('//*[@itemprop="datePublished"]/@content | //*[@itemprop="datePublished"]/@datetime'):
        yield _parse_machine_date(value, "meta")
    scope = _article_scope(tree)
    yield from _time_elements(scope)
    yield from _visible_datelines(scope, language)
    if scope is not tree:
        yield from _time_elements(tree)
        yield from _visible_datelines(tree, language)
    yield _parse_machine_date(hints.get("feed_published"), "feed")
    yield _parse_machine_date(hints.get("sitemap_lastmod"), "sitemap")
    yield _url_date(url)
    yield _parse_machine_date(htmldate_value, "htmldate")


def _choose_published(candidates, fetched_at: PublishedDate | None) -> PublishedDate | None:
    """The first plausible candidate in `RULES` order, refined by a later, more precise one that agrees.

    "Agrees" means a later statement says everything the chosen one says: a day is refined by an
    instant on that day (in the instant's own offset), a wall-clock time without offset by an instant
    with the same wall-clock time. So a JSON-LD "2026-03-04" next to an `article:published_time` of
    "2026-03-04T15:05:00-05:00" gives the instant (rule "meta"), while a contradicting later statement
    is ignored. Sitemap `lastmod` (a modification time) never refines. Dates after the fetch (plus a
    day, for time zones) are impossible and skipped. Nothing at all gives the crawl time.
    """
    latest = None
    if fetched_at is not None and fetched_at.precision == "instant":
        latest = datetime.fromisoformat(fetched_at.value)
        latest = (latest if latest.tzinfo else latest.replace(tzinfo=timezone.utc)) + timedelta(days=1)
    chosen: PublishedDate | None = None
    for candidate in candidates:
        if candidate is None or not _plausible(candidate, latest):
            continue
        if chosen is None:
            chosen = candidate
        elif candidate.rank > chosen.rank and candidate.rule != "sitemap" and _agrees(chosen, candidate):
            chosen = candidate
        if chosen.rank == 2:  # an instant with offset: nothing later can refine it (and parsing costs)
            break
    if chosen is None and fetched_at is not None:
        return PublishedDate(fetched_at.value, fetched_at.precision, fetched_at.has_offset, "crawl-time")
    return chosen


def _plausible(candidate: PublishedDate, latest: datetime | None) -> bool:
    value = candidate.parsed
    if value.year < _MIN_YEAR:
        return False
    if latest is None:
        return True
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)) <= latest
    return value <= latest.date()


def _agrees(coarse: PublishedDate, fine: PublishedDate) -> bool:
    if coarse.precision == "day":
        return fine.local_day() == coarse.local_day()
    return datetime.fromisoformat(fine.value).replace(tzinfo=None) == datetime.fromisoformat(coarse.value)


def _parse_machine_date(value, rule: str | None = None) -> PublishedDate | None:
    """A machine-readable date (ISO 8601, RFC 822, or failing those a human-readable one) as a `PublishedDate`."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return PublishedDate(date.fromisoformat(value).isoformat(), "day", False, rule)
        except ValueError:
            return None
    parsed = None
    try:
        parsed = datetime.fromisoformat(value.replace(" ", "T", 1) if re.match(r"\d{4}-\d{2}-\d{2} \d", value)
                                        else value)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            found = parse_dateline(value)
            return PublishedDate(found.value, found.precision, found.has_offset, rule) if found else None
    return _instant(parsed, rule)


def _instant(value: datetime, rule: str | None) -> PublishedDate:
    return PublishedDate(value.isoformat(), "instant", value.tzinfo is not None, rule)


_EXCLUDED_ANCESTORS = re.compile(r"comment|related|sidebar|teaser|promo|recommend|more-|trending|popular|"
                                 r"newsletter|footer|breadcrumb", re.I)
_EXCLUDED_TAGS = {"aside", "nav", "footer", "form", "script", "style", "noscript"}
_DATE_HINT = re.compile(r"date|time|publish|posted|byline|meta|stamp", re.I)
_UPDATE_LABEL = re.compile(r"\b(?:updated?|modified|edited|revised|last\s+changed)\b", re.I)
_PUBLISH_LABEL = re.compile(r"\b(?:published|posted|first\s+published|created|released?)\b", re.I)


def _captions(tree) -> str | None:
    """Figure captions inside the article (trafilatura leaves images and their captions out)."""
    scope = _article_scope(tree)
    lines = [" ".join(element.text_content().split()) for element in scope.iter("figcaption")
             if not _outside_article(element)]
    return "\n".join(line for line in lines if line) or None


def _article_scope(tree):
    """The element that holds the article: the `<article>` around the first `<h1>`, else `<main>`, else the page."""
    for xpath in ("(//h1)[1]/ancestor::article[1]", "(//article)[1]", "(//main)[1]"):
        found = tree.xpath(xpath)
        if found:
            return found[0]
    return tree


def _outside_article(element) -> bool:
    """Whether `element` sits in navigation, a sidebar, related links or comments."""
    for node in element.iterancestors():
        if node.tag in _EXCLUDED_TAGS:
            return True
        if _EXCLUDED_ANCESTORS.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
    return False


def _labelled_update(element) -> bool:
    """Whether the words around `element` call its date an update rather than the publication."""
    parent = element.getparent()
    context = parent.text_content() if parent is not None and len(parent.text_content()) < 200 else ""
    context = f"{context} {element.text_content()} {element.get('class', '')} {element.get('itemprop', '')}"
    return bool(_UPDATE_LABEL.search(context)) and not _PUBLISH_LABEL.search(context)


def _time_elements(scope):
    """`<time datetime>` values in `scope`, publication-labelled before update-labelled ones."""
    elements = [t for t in scope.iter("time") if t.get("datetime") and not _outside_article(t)]
    elements.sort(key=_labelled_update)  # stable: document order within each group
    for element in elements:
        yield _parse_machine_date(element.get("datetime"), "time-element")


def _visible_datelines(scope, language: str | None, limit: int = 8):
    """Dates a reader sees near the headline: short elements whose class, id or itemprop says date."""
    found = []
    for element in scope.iter():
        if not isinstance(element.tag, str) or element.tag in _EXCLUDED_TAGS:
            continue
        attrs = f"{element.get('class', '')} {element.get('id', '')} {element.get('itemprop', '')}"
        if element.tag != "time" and not _DATE_HINT.search(attrs):
            continue
        text = " ".join(element.text_content().split())
        if not 6 <= len(text) <= 160 or _outside_article(element):
            continue
        found.append(element)
        if len(found) >= limit:
            break
    found.sort(key=_labelled_update)
    for element in found:
        parsed = parse_dateline(element.text_content(), language=language)
        if parsed is not None:
            yield PublishedDate(parsed.value, parsed.precision, parsed.has_offset, "visible-dateline")


_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)")


def _url_date(url: str) -> PublishedDate | None:
    """A `/YYYY/MM/DD/`-style date in the URL path (also `YYYY-MM-DD` and `YYYYMMDD`): a day."""
    match = _URL_DATE.search(urlsplit(url).path)
    if not match:
        return None
    try:
        return PublishedDate(date(*map(int, match.groups())).isoformat(), "day", False, "url")
    except ValueError:
        return None


# Time-zone abbreviations in datelines. North American ones map to the region's zone rather than a
# fixed offset: publishers write "ET" all year and often "EST" in summer too, meaning the local wall
# clock, so America/New_York gives -05:00 in winter and -04:00 under DST. The rest are fixed.
_ZONES: dict[str, ZoneInfo | timezone] = {
    **dict.fromkeys(("ET", "EST", "EDT"), ZoneInfo("America/New_York")),
    **dict.fromkeys(("CT", "CST", "CDT"), ZoneInfo("America/Chicago")),
    **dict.fromkeys(("MT", "MST", "MDT"), ZoneInfo("America/Denver")),
    **dict.fromkeys(("PT", "PST", "PDT"), ZoneInfo("America/Los_Angeles")),
    **dict.fromkeys(("AKT", "AKST", "AKDT"), ZoneInfo("America/Anchorage")),
    "HST": ZoneInfo("Pacific/Honolulu"),
    **dict.fromkeys(("AET", "AEST", "AEDT"), ZoneInfo("Australia/Sydney")),
    **dict.fromkeys(("CET", "CEST"), ZoneInfo("Europe/Berlin")),
    "UTC": timezone.utc, "GMT": timezone.utc, "Z": timezone.utc,
    "BST": timezone(timedelta(hours=1)), "AWST": timezone(timedelta(hours=8)),
    "JST": timezone(timedelta(hours=9)), "KST": timezone(timedelta(hours=9)),
    "SGT": timezone(timedelta(hours=8)), "MYT": timezone(timedelta(hours=8)),
    "HKT": timezone(timedelta(hours=8)), "EAT": timezone(timedelta(hours=3)),
    "SAST": timezone(timedelta(hours=2)), "WAT": timezone(timedelta(hours=1)),
}
# A clock time, optionally AM/PM, optionally a zone: "3:05 PM ET", "7:45 AM EST", "13:30 UTC",
# "10:00 GMT+1", "09:15 +02:00". Minutes are required unless AM/PM is given ("7 PM").
_TIME = re.compile(
    r"(?<![\d:.])(?P<hour>[01]?\d|2[0-3])(?:[:.h](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?!\.?\d))?"
    r"\s*(?P<ampm>[AP]M)?\b"
    r"(?:\s*\(?(?P<zone>" + "|".join(sorted(_ZONES, key=len, reverse=True)) + r")\b\)?"
    r"(?P<zone_offset>[+-]\d{1,2}(?::?\d{2})?)?|\s*(?P<offset>[+-](?:[01]\d|2[0-3]):?[0-5]\d)\b)?",
)
_AMPM = re.compile(r"\b([ap])\.?\s?m\b\.?", re.I)
_ABBREVIATED_MONTH = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.", re.I)
_DOTTED_DATE = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b")
_DATEPARSER_SETTINGS = {"PARSERS": ["absolute-time"], "REQUIRE_PARTS": ["day", "month", "year"],
                        "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": True}


def parse_dateline(text: str, *, language: str | None = None) -> PublishedDate | None:
    """Parse a human-readable dateline into a `PublishedDate` (rule None): an instant when it states a time.

    The calendar date is found by dateparser (absolute dates only, day, month and year all required),
    in the page's language and English. The clock time and zone are read by one small pattern first,
    because dateparser neither reads "a.m." nor knows "ET", and drops a zone it cannot place. A time
    with a zone gives an instant with its offset (zone abbreviations per `_ZONES`); a time without one
    gives a wall-clock instant without offset; no time gives a day. Text after an "Updated" label is
    ignored when a date precedes it.

    >>> parse_dateline("March 4, 2026 · 3:05 PM ET").value
    '2026-03-04T15:05:00-05:00'
    >>> parse_dateline("Published 7:45 a.m. EST, March 4, 2026").value
    '2026-03-04T07:45:00-05:00'
    >>> parse_dateline("Wednesday, March 4, 2026").value
    '2026-03-04'
    """
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    head = _UPDATE_LABEL.split(text, maxsplit=1)[0]
    if _day_and_time(head, language) is not None:
        text = head
    found = _day_and_time(text, language)
    if found is None:
        return None
    day, clock = found
    if clock is None:
        return PublishedDate(day.isoformat(), "day", False, None)
    hour, minute, second, zone = clock
    moment = datetime.combine(day, time(hour, minute, second))
    if zone is not None:
        moment = moment.replace(tzinfo=zone)
        moment = datetime.fromisoformat(moment.isoformat())  # a fixed offset, not the zone's name
    return _instant(moment, None)


def _day_and_time(text: str, language: str | None):
    text = _AMPM.sub(lambda m: f"{m.group(1).upper()}M", text)
    text = _ABBREVIATED_MONTH.sub(r"\1", text)
    clock, rest = None, text
    for match in _TIME.finditer(text):
        if match.group("minute") is None and match.group("ampm") is None:
            continue
        clock = _clock(match)
        if clock is not None:
            rest = text[:match.start()] + " " + text[match.end():]
            break
    day = _calendar_day(rest, language)
    return (day, clock) if day is not None else None


def _clock(match: re.Match):
    hour, minute, second = int(match.group("hour")), int(match.group("minute") or 0), int(match.group("second") or 0)
    ampm = match.group("ampm")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.upper() == "PM" else 0)
    zone = None
    if match.group("zone"):
        zone = _ZONES[match.group("zone")]
        if match.group("zone_offset"):  # "GMT+1", "UTC-05:00"
            zone = _fixed_offset(match.group("zone_offset"))
    elif match.group("offset"):
        zone = _fixed_offset(match.group("offset"))
    return hour, minute, second, zone


def _fixed_offset(text: str) -> timezone | None:
    match = re.fullmatch(r"([+-])(\d{1,2}):?(\d{2})?", text)
    if not match:
        return None
    minutes = int(match.group(2)) * 60 + int(match.group(3) or 0)
    if minutes > 14 * 60:
        return None
    return timezone(timedelta(minutes=-minutes if match.group(1) == "-" else minutes))


def _calendar_day(text: str, language: str | None) -> date | None:
    # Imported here: dateparser takes a noticeable moment to load, and most pages never need it.
    from dateparser.search import search_dates

    english = language in (None, "en")
    languages = ["en"] if english else [language, "en"]
    # All-numeric dates: month first only on English pages with slashes ("03/04/2026" in the US);
    # dotted dates ("04.03.2026") and other languages put the day first.
    settings = {**_DATEPARSER_SETTINGS, "DATE_ORDER": "MDY" if english and not _DOTTED_DATE.search(text) else "DMY"}
    try:
        found = search_dates(text, languages=languages, settings=settings)
    except ValueError:  # a language dateparser does not know
        found = search_dates(text, languages=["en"], settings=settings)
    for _, value in found or ():
        if value.year >= _MIN_YEAR:
            return value.date()
    return None
