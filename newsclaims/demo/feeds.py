"""Render the machine-readable files of one outlet: its RSS or Atom feed, sitemap and robots.txt.

RSS and Atom are two functions on purpose: they list the same items, but each is easiest to check
against its own format when read top to bottom.
"""
from __future__ import annotations

import email.utils
from datetime import datetime

from newsclaims.demo.formatting import origin, xesc
from newsclaims.demo.markup import plain
from newsclaims.demo.model import Article, Corpus, Outlet


def _rfc822(iso: str) -> str:
    return email.utils.format_datetime(datetime.fromisoformat(iso))


def _dated(art: Article, phase: int) -> str:
    """The date an index gives an entry: in phase 2 an edited article is re-dated to its modified time,
    as CMSs re-date an entry they edit (that is how a crawler learns to fetch it again)."""
    return art.second["modified"] if phase == 2 and art.second else art.published


def _summary(art: Article) -> str:
    return plain(art.description) if art.description else plain(art.paragraphs[0])


def render_rss(corpus: Corpus, outlet: Outlet, arts: list[Article], phase: int = 1) -> str:
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
            f"<pubDate>{_rfc822(_dated(a, phase))}</pubDate>",
            f"<dc:creator>{xesc(a.author)}</dc:creator>",
            f"<description>{xesc(_summary(a))}</description>",
            "</item>",
        ]
    lines += ["</channel>", "</rss>", ""]
    return "\n".join(lines)


def render_atom(corpus: Corpus, outlet: Outlet, arts: list[Article], phase: int = 1) -> str:
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
            f"<updated>{_dated(a, phase)}</updated>",
            f"<author><name>{xesc(a.author)}</name></author>",
            f"<summary>{xesc(_summary(a))}</summary>",
            "</entry>",
        ]
    lines += ["</feed>", ""]
    return "\n".join(lines)


def render_sitemap(outlet: Outlet, arts: list[Article], phase: int = 1) -> str:
    o = origin(outlet.slug)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for a in sorted(arts, key=lambda a: a.dt, reverse=True):
        lines.append(f"<url><loc>{o}{xesc(a.path)}</loc><lastmod>{_dated(a, phase)}</lastmod></url>")
    lines += ["</urlset>", ""]
    return "\n".join(lines)


def render_robots(outlet: Outlet) -> str:
    lines = [f"# robots.txt for {outlet.name} (fictional demo site)", "User-agent: *"]
    lines += [f"Disallow: {d}" for d in outlet.robots_disallow] or ["Disallow:"]
    if outlet.sitemap:
        lines += ["", f"Sitemap: {origin(outlet.slug)}/sitemap.xml"]
    return "\n".join(lines) + "\n"
