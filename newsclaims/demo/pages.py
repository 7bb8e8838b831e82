"""Render the HTML pages of one outlet: articles, the homepage and tag (index) pages.

Each outlet has its own template (``style`` in corpus.toml): header and nav, ad slots carrying a
per-request ``{{nonce}}``, a visible "Page generated ``{{now}}``", an ``<article>`` with ``<h1>``, byline
and date placed the way that layout places them, an ``<aside>`` of related links, sometimes comments.
That variety, and the boilerplate that changes on every request, is what the extractor must see through.
"""
from __future__ import annotations

import json

from newsclaims.demo.formatting import attr, esc, fmt_date, origin
from newsclaims.demo.markup import plain
from newsclaims.demo.model import Article, Corpus, Outlet


def _href_for(here: str, outlet: str, path: str) -> str:
    return path if outlet == here else origin(outlet) + path



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


def _metadata(corpus: Corpus, outlet: Outlet, art: Article, modified: str | None = None) -> list[str]:
    st = outlet.style
    title = plain(art.title)
    url = origin(outlet.slug) + art.path
    # A syndicated copy names its source as canonical (another outlet's URL): the outlet's own word.
    canonical = origin(art.canonical["outlet"]) + art.canonical["path"] if art.canonical else url
    out = [f'<link rel="canonical" href="{canonical}">']
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
        if modified:
            out.append(f'<meta property="article:modified_time" content="{attr(modified)}">')
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
        if modified:
            ld["dateModified"] = modified
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


def render_article(corpus: Corpus, art: Article, phase: int = 1) -> str:
    """The article page; in phase 2 an article with a second version shows that version (its text and,
    where the outlet publishes metadata, its modified time), as a page edited after publication does."""
    second = art.second if phase == 2 else None
    paragraphs = second["paragraphs"] if second else art.paragraphs
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
    for i, p in enumerate(paragraphs):
        body.append(f"<p>{esc(plain(p))}</p>")
        if i + 1 == inline_after and len(paragraphs) > inline_after:
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
    head = _head(outlet, f"{title}{sep}{outlet.name}", _metadata(corpus, outlet, art, second and second["modified"]))
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
