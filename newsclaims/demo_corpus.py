"""Builder for the bundled, FICTIONAL demo news corpus (Fernhollow, Harrow County).

Everything (town, outlets, people, events) is invented.  The single source is
``data/demo/corpus.toml``; this module renders every page the demo server
serves (:func:`build_site`) and computes the ground truth (:func:`build_truth`)
from the inline markup in that file:

``{PERSON_ID|surface}``          a mention of a person (rendered as ``surface``)
``{PERSON_ID|surface|quoted}``   a metalinguistic, quoted use of a name form
``{!|word}``                     a planted non-mention (person-like common word)
``{@CLAIM=VALUE|surface}``       the text ``surface`` asserts VALUE for a claim
a paragraph ``"@copy N"``        verbatim copy of paragraph N of ``copies`` source

Pages may contain the server placeholders ``{{origin:SLUG}}``, ``{{offsite}}``,
``{{nonce}}`` and ``{{now}}``; this module never knows real ports.  Pure: no
network, no ports, deterministic output.

    python -m newsclaims.demo_corpus --write-truth   # regenerates data/demo/truth.json
"""

from __future__ import annotations

import argparse
import email.utils
import html
import json
import re
import sys
import tomllib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape as _xml_escape

DEFAULT_SOURCE: Path = Path(__file__).resolve().parents[1] / "data/demo/corpus.toml"
DEFAULT_TRUTH: Path = DEFAULT_SOURCE.with_name("truth.json")

OFFSITE = "offsite"
HTML = "text/html; charset=utf-8"
FIELDS_USING = ("title", "text", "description", "keywords")  # fields where a form is "used"


@dataclass(frozen=True)
class Page:
    body: str  # may contain the {{...}} placeholders
    content_type: str = HTML
    status: int = 200


class CorpusError(ValueError):
    """The corpus source is inconsistent."""


# --------------------------------------------------------------------------- markup

_MARKUP_RE = re.compile(r"\{([^{}|]+)\|([^{}|]+)(?:\|([^{}|]+))?\}")
_PERSON_ID_RE = re.compile(r"[a-z][a-z0-9_]*\Z")
_COPY_RE = re.compile(r"@copy (\d+)\Z")


@dataclass(frozen=True)
class Span:
    kind: str  # "person" | "non" | "claim"
    ref: str  # person id, claim id, or "" for non-mentions
    surface: str
    quoted: bool = False
    value: str = ""


def parse_markup(text: str, where: str = "?") -> tuple[str, list[Span]]:
    """Return (plain text, spans) for a marked-up string."""
    spans: list[Span] = []

    def repl(m: re.Match[str]) -> str:
        tag, surface, flag = m.group(1), m.group(2), m.group(3)
        if flag is not None and flag != "quoted":
            raise CorpusError(f"{where}: unknown markup flag {flag!r} in {m.group(0)!r}")
        if tag == "!":
            if flag:
                raise CorpusError(f"{where}: non-mention cannot be quoted: {m.group(0)!r}")
            spans.append(Span("non", "", surface))
        elif tag.startswith("@"):
            claim, sep, value = tag[1:].partition("=")
            if not sep or not claim or not value or flag:
                raise CorpusError(f"{where}: bad claim markup {m.group(0)!r}")
            spans.append(Span("claim", claim, surface, value=value))
        elif _PERSON_ID_RE.match(tag):
            spans.append(Span("person", tag, surface, quoted=flag == "quoted"))
        else:
            raise CorpusError(f"{where}: bad markup tag {m.group(0)!r}")
        return surface

    plain = _MARKUP_RE.sub(repl, text)
    if "{" in plain or "}" in plain:
        raise CorpusError(f"{where}: stray brace in {text!r}")
    return plain, spans


def plain(text: str) -> str:
    return parse_markup(text)[0]


# --------------------------------------------------------------------------- model


@dataclass
class Outlet:
    slug: str
    name: str
    authoritative: bool
    style: dict
    feed: dict | None
    sitemap: bool
    robots_disallow: list[str]


@dataclass
class Article:
    outlet: str
    path: str
    title: str  # raw (markup)
    published: str
    author: str
    paragraphs: list[str]  # raw, copies resolved
    description: str | None
    keywords: list[str]
    related: list[dict]  # {"label", "title" (raw), "href"}
    comments: list[dict]  # {"author", "text" (raw)}
    off_topic: bool
    homepage: bool
    copies: dict | None
    section: str | None
    excluded_reason: str | None = None  # set for excluded article-like pages

    @property
    def dt(self) -> datetime:
        return datetime.fromisoformat(self.published)

    @property
    def key(self) -> tuple[str, str]:
        return (self.outlet, self.path)


@dataclass
class Corpus:
    story: dict
    people: list[dict]
    claims: list[dict]
    outlets: list[Outlet]
    offsite: Outlet
    articles: list[Article]  # truth articles (not excluded pages)
    extra_pages: list[Article]  # article-like excluded pages (robots, offsite)
    excluded: list[dict]
    by_key: dict[tuple[str, str], Article] = field(default_factory=dict)

    def outlet(self, slug: str) -> Outlet:
        if slug == OFFSITE:
            return self.offsite
        for o in self.outlets:
            if o.slug == slug:
                return o
        raise CorpusError(f"unknown outlet {slug!r}")


def _parse_dt(value: str, where: str) -> str:
    try:
        dt = datetime.fromisoformat(value)
    except ValueError as exc:
        raise CorpusError(f"{where}: bad published {value!r}") from exc
    if dt.utcoffset() is None:
        raise CorpusError(f"{where}: published {value!r} lacks a UTC offset")
    return value


def _make_outlet(raw: dict) -> Outlet:
    known = {"slug", "name", "authoritative", "feed", "sitemap", "robots_disallow", "style"}
    unknown = set(raw) - known
    if unknown:
        raise CorpusError(f"outlet {raw.get('slug')}: unknown keys {sorted(unknown)}")
    return Outlet(
        slug=raw["slug"],
        name=raw["name"],
        authoritative=bool(raw.get("authoritative", False)),
        style=raw["style"],
        feed=raw.get("feed"),
        sitemap=bool(raw.get("sitemap", False)),
        robots_disallow=list(raw.get("robots_disallow", [])),
    )


_ARTICLE_KEYS = {
    "outlet", "path", "title", "published", "author", "paragraphs", "description",
    "keywords", "copies", "boilerplate_related", "comments", "off_topic", "homepage", "section",
}


def _make_article(raw: dict, where: str) -> Article:
    unknown = set(raw) - _ARTICLE_KEYS
    if unknown:
        raise CorpusError(f"{where}: unknown keys {sorted(unknown)}")
    for key in ("outlet", "path", "title", "published", "author", "paragraphs"):
        if key not in raw:
            raise CorpusError(f"{where}: missing {key!r}")
    if not raw["path"].startswith("/") or "?" in raw["path"] or "#" in raw["path"]:
        raise CorpusError(f"{where}: bad path {raw['path']!r}")
    related = []
    for rel in raw.get("boilerplate_related", []):
        related.append(dict(rel))
    return Article(
        outlet=raw["outlet"],
        path=raw["path"],
        title=raw["title"],
        published=_parse_dt(raw["published"], where),
        author=raw["author"],
        paragraphs=list(raw["paragraphs"]),
        description=raw.get("description"),
        keywords=list(raw.get("keywords", [])),
        related=related,
        comments=[dict(c) for c in raw.get("comments", [])],
        off_topic=bool(raw.get("off_topic", False)),
        homepage=bool(raw.get("homepage", True)),
        copies=dict(raw["copies"]) if raw.get("copies") else None,
        section=raw.get("section"),
    )


def load(source: Path = DEFAULT_SOURCE) -> Corpus:
    data = tomllib.loads(Path(source).read_text(encoding="utf-8"))
    outlets = [_make_outlet(o) for o in data["outlets"]]
    offsite = _make_outlet({**data["offsite"], "slug": OFFSITE})
    corpus = Corpus(
        story=data["story"],
        people=data["people"],
        claims=data["claims"],
        outlets=outlets,
        offsite=offsite,
        articles=[],
        extra_pages=[],
        excluded=[],
    )
    slugs = [o.slug for o in outlets]
    if len(set(slugs)) != len(slugs) or OFFSITE in slugs:
        raise CorpusError("outlet slugs must be unique and not 'offsite'")
    for i, raw in enumerate(data["articles"]):
        art = _make_article(raw, f"articles[{i}]")
        if art.outlet not in slugs:
            raise CorpusError(f"articles[{i}]: unknown outlet {art.outlet!r}")
        corpus.articles.append(art)
    for i, raw in enumerate(data["excluded"]):
        ex = dict(raw)
        if "page" in ex:
            page = dict(ex.pop("page"))
            page.setdefault("outlet", ex["outlet"])
            page.setdefault("path", ex["path"])
            page.setdefault("homepage", False)
            art = _make_article(page, f"excluded[{i}].page")
            art.excluded_reason = ex["reason"]
            corpus.extra_pages.append(art)
        corpus.excluded.append(ex)
    for art in corpus.articles + corpus.extra_pages:
        if art.key in corpus.by_key:
            raise CorpusError(f"duplicate page {art.key}")
        corpus.by_key[art.key] = art
    _resolve_copies(corpus)
    _validate(corpus)
    return corpus


def _resolve_copies(corpus: Corpus) -> None:
    """Replace "@copy N" paragraphs by the (resolved) source paragraph strings."""
    done: set[tuple[str, str]] = set()
    active: set[tuple[str, str]] = set()

    def resolve(art: Article) -> None:
        if art.key in done:
            return
        if art.key in active:
            raise CorpusError(f"copy cycle at {art.key}")
        active.add(art.key)
        directives = [(_COPY_RE.match(p), p) for p in art.paragraphs]
        if any(m for m, _ in directives) and not art.copies:
            raise CorpusError(f"{art.key}: '@copy' paragraphs without 'copies'")
        if art.copies:
            src_key = (art.copies["outlet"], art.copies["path"])
            src = corpus.by_key.get(src_key)
            if src is None or src.excluded_reason:
                raise CorpusError(f"{art.key}: unknown copy source {src_key}")
            resolve(src)
            wanted = list(art.copies["paragraphs"])
            used = [int(m.group(1)) for m, _ in directives if m]
            if sorted(used) != sorted(wanted) or len(set(used)) != len(used):
                raise CorpusError(f"{art.key}: '@copy' paragraphs {used} != copies.paragraphs {wanted}")
            for n in used:
                if not 0 <= n < len(src.paragraphs):
                    raise CorpusError(f"{art.key}: copy index {n} out of range")
            if src.dt >= art.dt:
                raise CorpusError(f"{art.key}: copy published before its source")
            art.paragraphs = [src.paragraphs[int(m.group(1))] if m else p for m, p in directives]
        active.discard(art.key)
        done.add(art.key)

    for art in corpus.articles + corpus.extra_pages:
        resolve(art)


def _raw_fields(art: Article) -> list[tuple[str, str]]:
    """(field, raw text) for every marked-up string of an article page, in page order."""
    out = [("title", art.title)]
    out += [("text", p) for p in art.paragraphs]
    if art.description:
        out.append(("description", art.description))
    out += [("keywords", k) for k in art.keywords]
    out += [("boilerplate", r["title"]) for r in art.related if "title" in r]
    out += [("boilerplate", c["text"]) for c in art.comments]
    return out


def _name_tokens(corpus: Corpus) -> re.Pattern[str]:
    """Every token of every person's names and error forms (to catch unmarked mentions)."""
    tokens: set[str] = set()
    for p in corpus.people:
        for name in [p["canonical"], *p.get("accepted", []), *p.get("error_forms", [])]:
            tokens.update(name.split())
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, tokens))) + r")\b", re.I)


def _validate(corpus: Corpus) -> None:
    people = {p["id"] for p in corpus.people}
    name_rx = _name_tokens(corpus)
    person_rx = {p["id"]: re.compile(r"\b(?:" + "|".join(
        re.escape(t) for n in [p["canonical"], *p.get("accepted", []), *p.get("error_forms", [])] for t in n.split()
    ) + r")\b", re.I) for p in corpus.people}
    claims = {c["id"]: c for c in corpus.claims}
    feed_only = {a.key for a in corpus.articles if not a.homepage}
    for art in corpus.articles + corpus.extra_pages:
        where = f"{art.outlet}{art.path}"
        for fld, raw in _raw_fields(art):
            if "{{" in raw or "}}" in raw:
                raise CorpusError(f"{where}: placeholders are not allowed in content ({fld})")
            _, spans = parse_markup(raw, where)
            unmarked = name_rx.search(_MARKUP_RE.sub(" ", raw))
            if unmarked:
                raise CorpusError(f"{where}: unmarked name {unmarked.group(0)!r} in {fld}: {raw!r}")
            for sp in spans:
                if sp.kind == "person" and sp.ref not in people:
                    raise CorpusError(f"{where}: unknown person {sp.ref!r}")
                if sp.kind == "person" and not person_rx[sp.ref].search(sp.surface):
                    raise CorpusError(f"{where}: surface {sp.surface!r} names no form of {sp.ref}")
                if sp.kind == "claim":
                    c = claims.get(sp.ref)
                    if c is None or sp.value not in (str(c["correct"]), str(c["wrong"])):
                        raise CorpusError(f"{where}: bad claim {sp.ref}={sp.value}")
                if art.off_topic and sp.kind == "person":
                    raise CorpusError(f"{where}: off-topic article mentions {sp.ref}")
        outlet = corpus.outlet(art.outlet)
        if not art.homepage and not art.excluded_reason and not (outlet.feed or outlet.sitemap):
            raise CorpusError(f"{where}: not on homepage and the outlet has no feed/sitemap")
        for rel in art.related:
            if "outlet" in rel and (rel["outlet"], rel["path"]) in feed_only:
                raise CorpusError(f"{where}: related link to feed/sitemap-only article {rel['path']}")
    for ex in corpus.excluded:
        if ex["reason"] not in ("offsite", "robots", "not-article", "tracking-duplicate"):
            raise CorpusError(f"excluded: bad reason {ex['reason']!r}")
        if ex["reason"] == "tracking-duplicate" and (ex["outlet"], ex["path"]) not in corpus.by_key:
            raise CorpusError(f"excluded: tracking link to unknown article {ex['path']}")
        if ex["reason"] == "robots":
            if not any(ex["path"].startswith(d) for d in corpus.outlet(ex["outlet"]).robots_disallow):
                raise CorpusError(f"excluded: {ex['path']} is not disallowed by robots.txt")
    for art in corpus.articles:
        if any(art.path.startswith(d) for d in corpus.outlet(art.outlet).robots_disallow):
            raise CorpusError(f"{art.outlet}{art.path}: article disallowed by robots.txt")


# --------------------------------------------------------------------------- helpers

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_TZ_NAMES = {timedelta(hours=-5): "EST", timedelta(hours=-4): "EDT", timedelta(0): "UTC"}


def fmt_date(iso: str, fmt: str) -> str:
    dt = datetime.fromisoformat(iso)
    return fmt.format(
        month=_MONTHS[dt.month - 1],
        mon=_MONTHS[dt.month - 1][:3],
        weekday=_WEEKDAYS[dt.weekday()],
        day=dt.day,
        dd=f"{dt.day:02d}",
        mm=f"{dt.month:02d}",
        year=dt.year,
        hour12=dt.hour % 12 or 12,
        HH=f"{dt.hour:02d}",
        MM=f"{dt.minute:02d}",
        ampm="AM" if dt.hour < 12 else "PM",
        ap="a.m." if dt.hour < 12 else "p.m.",
        tz=_TZ_NAMES.get(dt.utcoffset(), dt.strftime("%z")),
    )


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def xesc(text: str) -> str:
    return _xml_escape(text)


def origin(slug: str) -> str:
    return "{{offsite}}" if slug == OFFSITE else "{{origin:%s}}" % slug


def _href_for(here: str, outlet: str, path: str) -> str:
    return path if outlet == here else origin(outlet) + path


def _sorted_articles(arts: list[Article]) -> list[Article]:
    return sorted(arts, key=lambda a: (a.dt.astimezone(timezone.utc), a.outlet, a.path))


# --------------------------------------------------------------------------- HTML


def _head(outlet: Outlet, title: str, extra: list[str]) -> str:
    st = outlet.style
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>{esc(title)}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="{attr(st.get("generator", "newsclaims demo corpus"))}">',
    ]
    if outlet.feed:
        kind = "application/atom+xml" if outlet.feed["kind"] == "atom" else "application/rss+xml"
        lines.append(f'<link rel="alternate" type="{kind}" title="{attr(outlet.name)}" '
                     f'href="{origin(outlet.slug)}{outlet.feed["path"]}">')
    lines += extra
    lines.append(f"<style>body{{font-family:{st.get('font', 'Georgia, serif')};margin:0}}"
                 f".site-header{{background:{st.get('color', '#333')};color:#fff;padding:.5em 1em}}"
                 f".site-header a{{color:#fff}}.ad{{border:1px dashed #aaa;color:#777;font-size:.8em;padding:.5em}}"
                 f"</style>")
    lines.append("</head>")
    return "\n".join(lines)


def _ad(outlet: Outlet, position: str) -> str:
    if position not in outlet.style.get("ads", []):
        return ""
    return (f'<div class="ad ad-{position}" id="ad-{position}-{{{{nonce}}}}" data-ad-id="{{{{nonce}}}}">'
            f'Advertisement <span class="ad-id">#{{{{nonce}}}}</span></div>')


def _header(outlet: Outlet) -> str:
    st = outlet.style
    layout = st["layout"]
    nav = "".join(f'<li><a href="{attr(h)}">{esc(label)}</a></li>' for label, h in st["nav"])
    parts = [f'<header class="site-header {layout}-header">']
    if layout in ("press", "government"):
        parts.append(f'<div class="agency-banner">{esc(st.get("banner", "An official website"))}</div>')
    parts.append(f'<a class="logo" href="/">{esc(outlet.name)}</a>')
    if st.get("tagline"):
        parts.append(f'<span class="tagline">{esc(st["tagline"])}</span>')
    if layout == "radio":
        parts.append('<div class="listen-live"><a href="/#listen">&#9654; Listen live</a> '
                     '<span class="now-playing">Valley Morning News</span></div>')
    if layout in ("aggregator", "repost"):
        parts.append('<div class="trending-bar">Trending: <a href="/#local">Local</a> '
                     '<a href="/#weather">Weather</a> <a href="/#viral">Viral</a></div>')
    parts.append(f'<nav class="main-nav" aria-label="Main"><ul>{nav}</ul></nav>')
    parts.append("</header>")
    return "\n".join(parts)


def _footer(corpus: Corpus, outlet: Outlet) -> str:
    st = outlet.style
    return "\n".join([
        f'<footer class="site-footer {st["layout"]}-footer">',
        f'<div class="footer-note">{esc(st.get("footer_note", ""))}</div>',
        f'<div class="fictional-notice"><strong>{esc(corpus.story["footer"])}</strong></div>',
        '<div class="generated">Page generated {{now}}</div>',
        "</footer>",
    ])


def _visible_date(outlet: Outlet, art: Article) -> str:
    st = outlet.style
    text = fmt_date(art.published, st["date_format"])
    label = st.get("date_label", "")
    label_html = f'<span class="label">{esc(label)}</span> ' if label else ""
    if st.get("time_element"):
        return f'{label_html}<time datetime="{attr(art.published)}">{esc(text)}</time>'
    return f'{label_html}<span class="date">{esc(text)}</span>'


def _metadata(corpus: Corpus, outlet: Outlet, art: Article) -> list[str]:
    st = outlet.style
    title = plain(art.title)
    url = origin(outlet.slug) + art.path
    out = [f'<link rel="canonical" href="{url}">']
    if art.description:
        out.append(f'<meta name="description" content="{attr(plain(art.description))}">')
    if art.keywords:
        out.append(f'<meta name="keywords" content="{attr(", ".join(plain(k) for k in art.keywords))}">')
    meta = st.get("metadata", [])
    if "meta" in meta:
        out += [
            '<meta property="og:type" content="article">',
            f'<meta property="og:title" content="{attr(title)}">',
            f'<meta property="og:url" content="{url}">',
            f'<meta property="og:site_name" content="{attr(outlet.name)}">',
            f'<meta property="article:published_time" content="{attr(art.published)}">',
            f'<meta name="author" content="{attr(art.author)}">',
        ]
    if "dcterms" in meta:
        out += [
            f'<meta name="dcterms.title" content="{attr(title)}">',
            f'<meta name="dcterms.date" content="{attr(art.published)}">',
            f'<meta name="dcterms.publisher" content="{attr(outlet.name)}">',
        ]
    if "jsonld" in meta:
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": title,
            "datePublished": art.published,
            "author": {"@type": st.get("author_type", "Person"), "name": art.author},
            "publisher": {"@type": "Organization", "name": outlet.name},
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        }
        if art.description:
            ld["description"] = plain(art.description)
        blob = json.dumps(ld, ensure_ascii=False, indent=1).replace("</", "<\\/")
        out.append(f'<script type="application/ld+json">\n{blob}\n</script>')
    return out


def _aside(corpus: Corpus, outlet: Outlet, art: Article | None, extra_links: list[tuple[str, str, str]]) -> str:
    st = outlet.style
    groups: dict[str, list[str]] = {}
    if art is not None:
        for rel in art.related:
            label = rel.get("label", st.get("related_label", "Related"))
            if "outlet" in rel:
                target = corpus.by_key[(rel["outlet"], rel["path"])]
                title, href = plain(target.title), _href_for(outlet.slug, rel["outlet"], rel["path"])
                source = "" if rel["outlet"] == outlet.slug else f' <span class="source">{esc(corpus.outlet(rel["outlet"]).name)}</span>'
            else:
                title, href, source = plain(rel["title"]), rel["href"], ""
            groups.setdefault(label, []).append(f'<li><a href="{attr(href)}">{esc(title)}</a>{source}</li>')
    for label, title, href in extra_links:
        groups.setdefault(label, []).append(f'<li><a href="{attr(href)}">{esc(title)}</a></li>')
    parts = [f'<aside class="sidebar {st["layout"]}-sidebar">']
    for label, items in groups.items():
        parts.append(f'<section class="related"><h2>{esc(label)}</h2><ul>{"".join(items)}</ul></section>')
    parts.append(_ad(outlet, "sidebar"))
    parts.append(f'<div class="promo">{esc(st.get("promo", "Sign up for our newsletter."))}</div>')
    parts.append("</aside>")
    return "\n".join(p for p in parts if p)


def _comments(outlet: Outlet, art: Article) -> str:
    if not art.comments:
        return ""
    n = len(art.comments)
    heading = outlet.style.get("comments_title", "Comments")
    items = []
    for i, c in enumerate(art.comments, 1):
        items.append(f'<div class="comment" id="comment-{i}"><span class="comment-author">{esc(c["author"])}</span>'
                     f'<p>{esc(plain(c["text"]))}</p></div>')
    return (f'<section class="comments" id="comments"><h2>{esc(heading)} ({n})</h2>\n'
            + "\n".join(items) + "\n</section>")


def _excluded_links(corpus: Corpus, slug: str, path: str) -> list[tuple[str, str, str]]:
    """(label, text, href) of excluded-page links to render on page (slug, path)."""
    out = []
    for ex in corpus.excluded:
        lf = ex["linked_from"]
        if (lf["outlet"], lf["path"]) != (slug, path):
            continue
        href = _href_for(slug, ex["outlet"], ex["path"])
        if ex.get("query"):
            href += "?" + ex["query"]
        out.append((ex["link_label"], ex["link_text"], href))
    return out


def render_article(corpus: Corpus, art: Article) -> str:
    outlet = corpus.outlet(art.outlet)
    st = outlet.style
    layout = st["layout"]
    title = plain(art.title)
    byline = f'<div class="byline">{esc(st["byline"].format(author=art.author))}</div>'
    date = f'<div class="published">{_visible_date(outlet, art)}</div>'
    top: list[str] = []
    bottom: list[str] = []
    if st.get("section") or art.section:
        top.append(f'<div class="kicker">{esc(art.section or st["section"])}</div>')
    top.append(f"<h1>{esc(title)}</h1>")
    if layout in ("press", "government"):
        top.append(date)
        bottom.append(byline)
    elif layout == "ledger":
        top.append(byline)
        dateline = fmt_date(art.published, st["date_format"])
        top.append(f'<div class="dateline">{esc(st["dateline"])} &mdash; {esc(dateline)}</div>')
    elif layout == "repost":
        top.append(f'<div class="meta-line">{esc(st["byline"].format(author=art.author))} &middot; '
                   f'{_visible_date(outlet, art)}</div>')
    else:
        top += [byline, date]
    if st.get("share"):
        top.append('<div class="share">Share: <a href="#share-facebook">Facebook</a> '
                   '<a href="#share-x">X</a> <a href="#share-email">Email</a></div>')
    body = []
    inline_after = st.get("inline_ad_after", 2)
    for i, p in enumerate(art.paragraphs):
        body.append(f"<p>{esc(plain(p))}</p>")
        if i + 1 == inline_after and len(art.paragraphs) > inline_after:
            ad = _ad(outlet, "inline")
            if ad:
                body.append(ad)
    if st.get("end_mark"):
        bottom.append(f'<div class="end-mark">{esc(st["end_mark"])}</div>')
    if st.get("contact"):
        bottom.append(f'<div class="media-contact">{esc(st["contact"])}</div>')
    article = "\n".join([
        f'<article class="story {layout}-story">',
        "<header class=\"story-header\">", *top, "</header>",
        '<div class="story-body">', *body, "</div>",
        *bottom,
        "</article>",
    ])
    sep = st.get("title_sep", " | ")
    head = _head(outlet, f"{title}{sep}{outlet.name}", _metadata(corpus, outlet, art))
    crumbs = ""
    if st.get("breadcrumbs"):
        crumbs = ('<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/">Home</a> &rsaquo; '
                  f'<a href="/#{attr(st["breadcrumbs"].lower())}">{esc(st["breadcrumbs"])}</a></nav>')
    aside = _aside(corpus, outlet, art, _excluded_links(corpus, art.outlet, art.path))
    return "\n".join(p for p in [
        head,
        f'<body class="{layout} article-page">',
        _ad(outlet, "top"),
        _header(outlet),
        crumbs,
        '<main id="content">',
        article,
        _ad(outlet, "bottom"),
        _comments(outlet, art),
        "</main>",
        aside,
        _footer(corpus, outlet),
        "</body>",
        "</html>",
        "",
    ] if p)


def _teaser(outlet: Outlet, art: Article, lead: bool) -> str:
    title = plain(art.title)
    cls = "teaser lead" if lead else "teaser"
    extra = ""
    if lead and art.description:
        extra = f'<div class="summary">{esc(plain(art.description))}</div>'
    date = fmt_date(art.published, outlet.style["date_format"])
    return (f'<li class="{cls}"><a href="{attr(art.path)}">{esc(title)}</a> '
            f'<span class="teaser-date">{esc(date)}</span>{extra}</li>')


def render_home(corpus: Corpus, outlet: Outlet, arts: list[Article]) -> str:
    st = outlet.style
    listed = sorted((a for a in arts if a.homepage), key=lambda a: a.dt, reverse=True)
    on_topic = [a for a in listed if not a.off_topic]
    other = [a for a in listed if a.off_topic]
    parts = ['<main id="content" class="home">', f'<h1 class="visually-hidden">{esc(outlet.name)}</h1>']
    if on_topic:
        parts.append(f'<section class="top-stories" id="local"><h2>{esc(st.get("home_label", "Latest news"))}</h2><ul>')
        parts += [_teaser(outlet, a, i == 0) for i, a in enumerate(on_topic)]
        parts.append("</ul></section>")
    if other:
        parts.append('<section class="more-news" id="more"><h2>More news</h2><ul>')
        parts += [_teaser(outlet, a, False) for a in other]
        parts.append("</ul></section>")
    extra = _excluded_links(corpus, outlet.slug, "/")
    if extra:
        groups: dict[str, list[str]] = {}
        for label, text, href in extra:
            groups.setdefault(label, []).append(f'<li><a href="{attr(href)}">{esc(text)}</a></li>')
        for label, items in groups.items():
            parts.append(f'<section class="extra-links"><h2>{esc(label)}</h2><ul>{"".join(items)}</ul></section>')
    parts.append(_ad(outlet, "inline"))
    parts.append("</main>")
    head = _head(outlet, f"{outlet.name}{st.get('title_sep', ' | ')}{st.get('tagline', 'Home')}",
                 [f'<link rel="canonical" href="{origin(outlet.slug)}/">',
                  f'<meta name="description" content="{attr(st.get("tagline", outlet.name))}">'])
    return "\n".join(p for p in [
        head, f'<body class="{st["layout"]} home-page">', _ad(outlet, "top"), _header(outlet),
        *parts, _aside(corpus, outlet, None, []), _footer(corpus, outlet), "</body>", "</html>", "",
    ] if p)


def render_tag_page(corpus: Corpus, outlet: Outlet, ex: dict, arts: list[Article]) -> str:
    st = outlet.style
    listed = sorted((a for a in arts if a.homepage and not a.off_topic), key=lambda a: a.dt, reverse=True)
    items = [_teaser(outlet, a, False) for a in listed]
    title = ex["tag_title"]
    head = _head(outlet, f"{title}{st.get('title_sep', ' | ')}{outlet.name}",
                 [f'<link rel="canonical" href="{origin(outlet.slug)}{ex["path"]}">',
                  '<meta name="robots" content="noindex, follow">'])
    return "\n".join([
        head, f'<body class="{st["layout"]} tag-page">', _ad(outlet, "top"), _header(outlet),
        f'<main id="content" class="tag-index"><h1>{esc(title)}</h1>',
        f'<p class="tag-intro">{esc(ex["tag_intro"])}</p>',
        f'<ul class="tag-list">{"".join(items)}</ul>', "</main>",
        _aside(corpus, outlet, None, []), _footer(corpus, outlet), "</body>", "</html>", "",
    ])


# --------------------------------------------------------------------------- feeds


def _rfc822(iso: str) -> str:
    return email.utils.format_datetime(datetime.fromisoformat(iso))


def _summary(art: Article) -> str:
    return plain(art.description) if art.description else plain(art.paragraphs[0])


def render_rss(corpus: Corpus, outlet: Outlet, arts: list[Article]) -> str:
    o = origin(outlet.slug)
    items = sorted(arts, key=lambda a: a.dt, reverse=True)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
        "<channel>",
        f"<title>{xesc(outlet.name)}</title>",
        f"<link>{o}/</link>",
        f"<description>{xesc(outlet.style.get('tagline', outlet.name))} (fictional demo data)</description>",
        "<language>en-us</language>",
        f'<atom:link href="{o}{outlet.feed["path"]}" rel="self" type="application/rss+xml"/>',
        f"<lastBuildDate>{_rfc822(items[0].published)}</lastBuildDate>",
    ]
    for a in items:
        url = o + a.path
        lines += [
            "<item>",
            f"<title>{xesc(plain(a.title))}</title>",
            f"<link>{url}</link>",
            f'<guid isPermaLink="true">{url}</guid>',
            f"<pubDate>{_rfc822(a.published)}</pubDate>",
            f"<dc:creator>{xesc(a.author)}</dc:creator>",
            f"<description>{xesc(_summary(a))}</description>",
            "</item>",
        ]
    lines += ["</channel>", "</rss>", ""]
    return "\n".join(lines)


def render_atom(corpus: Corpus, outlet: Outlet, arts: list[Article]) -> str:
    o = origin(outlet.slug)
    items = sorted(arts, key=lambda a: a.dt, reverse=True)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{xesc(outlet.name)}</title>",
        f"<subtitle>{xesc(outlet.style.get('tagline', ''))} (fictional demo data)</subtitle>",
        f"<id>{o}/</id>",
        f'<link rel="self" type="application/atom+xml" href="{o}{outlet.feed["path"]}"/>',
        f'<link rel="alternate" type="text/html" href="{o}/"/>',
        f"<updated>{items[0].published}</updated>",
        f"<author><name>{xesc(outlet.name)}</name></author>",
    ]
    for a in items:
        url = o + a.path
        lines += [
            "<entry>",
            f"<title>{xesc(plain(a.title))}</title>",
            f'<link rel="alternate" type="text/html" href="{url}"/>',
            f"<id>{url}</id>",
            f"<published>{a.published}</published>",
            f"<updated>{a.published}</updated>",
            f"<author><name>{xesc(a.author)}</name></author>",
            f"<summary>{xesc(_summary(a))}</summary>",
            "</entry>",
        ]
    lines += ["</feed>", ""]
    return "\n".join(lines)


def render_sitemap(outlet: Outlet, arts: list[Article]) -> str:
    o = origin(outlet.slug)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for a in sorted(arts, key=lambda a: a.dt, reverse=True):
        lines.append(f"<url><loc>{o}{xesc(a.path)}</loc><lastmod>{a.published}</lastmod></url>")
    lines += ["</urlset>", ""]
    return "\n".join(lines)


def render_robots(outlet: Outlet) -> str:
    lines = [f"# robots.txt for {outlet.name} (fictional demo site)", "User-agent: *"]
    lines += [f"Disallow: {d}" for d in outlet.robots_disallow] or ["Disallow:"]
    if outlet.sitemap:
        lines += ["", f"Sitemap: {origin(outlet.slug)}/sitemap.xml"]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- site


def build_site(source: Path = DEFAULT_SOURCE) -> dict[str, dict[str, Page]]:
    """outlet slug (plus "offsite") -> {URL path without query: Page}."""
    corpus = load(source)
    site: dict[str, dict[str, Page]] = {}
    for outlet in corpus.outlets + [corpus.offsite]:
        slug = outlet.slug
        arts = [a for a in corpus.articles if a.outlet == slug]
        extra = [a for a in corpus.extra_pages if a.outlet == slug]
        pages: dict[str, Page] = {}

        def put(path: str, page: Page) -> None:
            if path in pages:
                raise CorpusError(f"{slug}: two pages at {path}")
            pages[path] = page

        put("/", Page(render_home(corpus, outlet, arts + [a for a in extra if a.homepage])))
        put("/robots.txt", Page(render_robots(outlet), "text/plain; charset=utf-8"))
        for a in arts + extra:
            put(a.path, Page(render_article(corpus, a)))
        if outlet.feed:
            if outlet.feed["kind"] == "atom":
                put(outlet.feed["path"], Page(render_atom(corpus, outlet, arts), "application/atom+xml; charset=utf-8"))
            else:
                put(outlet.feed["path"], Page(render_rss(corpus, outlet, arts), "application/rss+xml; charset=utf-8"))
        if outlet.sitemap:
            put("/sitemap.xml", Page(render_sitemap(outlet, arts), "application/xml; charset=utf-8"))
        for ex in corpus.excluded:
            if ex["outlet"] == slug and ex["reason"] == "not-article":
                put(ex["path"], Page(render_tag_page(corpus, outlet, ex, arts)))
        site[slug] = pages
    return site


# --------------------------------------------------------------------------- truth


def _ref(a: Article) -> dict:
    return {"outlet": a.outlet, "path": a.path}


def build_truth(source: Path = DEFAULT_SOURCE) -> dict:
    corpus = load(source)
    people = {p["id"]: p for p in corpus.people}
    arts = _sorted_articles(corpus.articles)
    order = {a.key: i for i, a in enumerate(arts)}

    articles, mentions, non_mentions = [], [], []
    claim_hits: dict[str, dict[str, list[Article]]] = {c["id"]: {} for c in corpus.claims}
    error_res = {(pid, form): re.compile(r"\b" + re.escape(form) + r"\b", re.I)
                 for pid, p in people.items() for form in p.get("error_forms", [])}
    for a in arts:
        persons: set[str] = set()
        for fld, raw in _raw_fields(a):
            _, spans = parse_markup(raw)
            for sp in spans:
                if sp.kind == "person":
                    is_error = any(rx.search(sp.surface) for (pid, _), rx in error_res.items() if pid == sp.ref)
                    mentions.append({"outlet": a.outlet, "path": a.path, "person": sp.ref, "surface": sp.surface,
                                     "field": fld, "error": is_error, "quoted": sp.quoted})
                    if fld in ("title", "text"):
                        persons.add(sp.ref)
                elif sp.kind == "non":
                    non_mentions.append({"outlet": a.outlet, "path": a.path, "surface": sp.surface, "field": fld})
                elif fld in ("title", "text"):
                    hits = claim_hits[sp.ref].setdefault(sp.value, [])
                    if a not in hits:
                        hits.append(a)
        articles.append({
            "outlet": a.outlet, "path": a.path, "title": plain(a.title), "published": a.published,
            "author": a.author, "off_topic": a.off_topic,
            "persons": sorted(persons, key=list(people).index),
            "copies": ({"outlet": a.copies["outlet"], "path": a.copies["path"],
                        "paragraphs": list(a.copies["paragraphs"])} if a.copies else None),
        })

    errors = []
    for (pid, form), rx in error_res.items():
        using, quoted, boiler = [], [], []
        for a in arts:
            ms = [m for m in mentions if (m["outlet"], m["path"]) == a.key and m["person"] == pid
                  and rx.search(m["surface"])]
            if any(not m["quoted"] and m["field"] in FIELDS_USING for m in ms):
                using.append(a)
            elif any(m["quoted"] and m["field"] in FIELDS_USING for m in ms):
                quoted.append(a)
            elif any(m["field"] == "boilerplate" for m in ms):
                boiler.append(a)
        if not using:
            raise CorpusError(f"error form {form!r} of {pid} is never used")
        outlets_using = sorted({a.outlet for a in using})
        other = set(outlets_using) | {a.outlet for a in quoted}
        errors.append({
            "person": pid, "form": form,
            "first": {**_ref(using[0]), "published": using[0].published},
            "articles": [_ref(a) for a in using],
            "quoted_articles": [_ref(a) for a in quoted],
            "outlets": outlets_using,
            "boilerplate_only_outlets": sorted({a.outlet for a in boiler} - other),
        })

    claims = []
    for c in corpus.claims:
        wrong = claim_hits[c["id"]].get(str(c["wrong"]), [])
        if not wrong:
            raise CorpusError(f"claim {c['id']}: wrong value never asserted")
        entry = {
            "id": c["id"], "kind": c["kind"], "correct": c["correct"], "wrong": c["wrong"],
            "introduced_by": _ref(wrong[0]),
            "repeated_by": [_ref(a) for a in wrong[1:]],
        }
        if "quote" in c:
            entry["quote"] = c["quote"]
        claims.append(entry)

    copies = [{"copy": _ref(a), "source": {"outlet": a.copies["outlet"], "path": a.copies["path"]},
               "paragraphs": len(a.copies["paragraphs"])} for a in arts if a.copies]

    excluded = []
    for ex in corpus.excluded:
        excluded.append({
            "outlet": ex["outlet"], "path": ex["path"],
            "url_suffix": ex["path"] + ("?" + ex["query"] if ex.get("query") else ""),
            "reason": ex["reason"],
            "linked_from": {"outlet": ex["linked_from"]["outlet"], "path": ex["linked_from"]["path"]},
        })

    return {
        "fictional": True,
        "story": corpus.story["slug"],
        "outlets": [{"slug": o.slug, "name": o.name, "authoritative": o.authoritative} for o in corpus.outlets],
        "articles": articles,
        "people": [{"id": p["id"], "canonical": p["canonical"], "title": p.get("title", ""),
                    "accepted": list(p.get("accepted", [])), "error_forms": list(p.get("error_forms", []))}
                   for p in corpus.people],
        "mentions": mentions,
        "non_mentions": non_mentions,
        "errors": errors,
        "claims": claims,
        "copies": copies,
        "excluded": excluded,
    }


def truth_json(source: Path = DEFAULT_SOURCE) -> str:
    return json.dumps(build_truth(source), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Build the fictional Fernhollow demo corpus.")
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--write-truth", action="store_true", help=f"write {DEFAULT_TRUTH}")
    ap.add_argument("--truth-out", type=Path, default=DEFAULT_TRUTH)
    args = ap.parse_args(argv)
    site = build_site(args.source)
    if args.write_truth:
        args.truth_out.write_text(truth_json(args.source), encoding="utf-8")
        print(f"wrote {args.truth_out}")
    else:
        n = sum(len(p) for p in site.values())
        print(f"{n} pages on {len(site)} sites; use --write-truth to regenerate {DEFAULT_TRUTH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
