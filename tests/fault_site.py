"""A site of awkward pages for the crawler, served by the demo server on loopback.

Each page tests one behaviour of a crawl that must run unattended: odd encodings, a gzip bomb, a
50 MB page, a redirect to another origin, a slow page, a server error, a gzipped sitemap announced in
robots.txt, a Google News sitemap, and feeds found only through `<link rel="alternate">`.
"""
from __future__ import annotations

import gzip
from dataclasses import dataclass

TOPIC = "Alder Creek"
#: Text every article page carries, so it is long enough and on topic.
FILLER = (f"The {TOPIC} footbridge inspection continued on Tuesday as engineers walked the span with the county. "
          "Residents asked when the road would reopen and what the repairs would cost the town this year. ") * 4


@dataclass(frozen=True)
class FaultPage:
    body: str | bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: tuple = ()
    delay: float = 0
    validators: bool = True


def article(title: str, sentence: str, extra_head: str = "") -> str:
    return (f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>{extra_head}</head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1><p>{sentence}</p><p>{FILLER}</p></article>"
            "<footer>Fictional fault-test site.</footer></body></html>")


#: Exact strings each decoding page must yield (curly quotes, accents, dashes), by path.
EXPECTED_STRINGS = {
    "/news/cp1252.html": "“Café owners” said it’s — finally — safe",
    "/news/wrong-meta.html": "Zoë Brontë’s café “reopened” — naïve hopes",
    "/news/bom.html": "Ångström measured “the gap” — exactly",
    "/news/broken.html": "The broken page still says Alder Creek crews worked late",
    "/news/slow.html": "The slow page arrives after a pause",
    "/news/google-news-only.html": "This page is listed only in the Google News sitemap",
    "/news/from-feed.html": "This page is listed only in a feed found by discovery",
    "/news/from-gz-sitemap.html": "This page is listed only in the gzipped sitemap",
    "/news/syndicated.html": "This wire story names its original on another outlet",
    "/news/brief.html": "A wire brief: Alder Creek footbridge reopens on Friday after the county inspection, officials said",
}
#: A page as short as the brief but stated to be an article by nothing (no date, no article type).
STUB = "/news/stub.html"
#: A page whose rel=canonical points to another outlet: syndication evidence, not a merge.
SYNDICATED = ("/news/syndicated.html", "/news/original.html")
NEWS_SITEMAP_DATE = "2026-03-05T08:15:00-05:00"
#: Pages that must not be stored, with the reason key the crawl records.
REFUSED = {"/news/bomb.html": "error", "/news/huge.html": "error", "/news/error500.html": "error"}
HUGE_BYTES = 50 * 1024 * 1024
BOMB_BYTES = 16 * 1024 * 1024


def build_fault_site() -> dict[str, dict[str, FaultPage]]:
    links = "".join(f"<li><a href='{path}'>{path}</a></li>" for path in
                    ["/news/syndicated.html", "/news/cp1252.html", "/news/wrong-meta.html", "/news/bom.html", "/news/broken.html",
                     "/news/slow.html", "/news/bomb.html", "/news/huge.html", "/news/error500.html",
                     "/news/redirect.html", "/news/brief.html", STUB])
    home = ("<html lang='en'><head><title>Fault site</title>"
            "<link rel='alternate' type='application/rss+xml' href='/discovered.rss'></head>"
            f"<body><ul>{links}</ul></body></html>")
    cp1252 = article("Cafe", EXPECTED_STRINGS["/news/cp1252.html"]).encode("cp1252")
    wrong_meta = article("Meta", EXPECTED_STRINGS["/news/wrong-meta.html"],
                         "<meta charset='iso-8859-1'>").encode("utf-8")
    bom = b"\xef\xbb\xbf" + article("Bom", EXPECTED_STRINGS["/news/bom.html"]).encode("utf-8")
    # Unclosed paragraphs and inline tags, no closing body or html, cut off mid-tag.
    broken = (f"<html><head><title>Broken</title><body><article><h1>Broken<p>{EXPECTED_STRINGS['/news/broken.html']}"
              f"<p>{FILLER}<div><span>unclosed <b>tags <i>and a truncated <a href='/news/x").encode("utf-8")
    urlset = ("<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
              "<url><loc>{{origin:faults}}/news/from-gz-sitemap.html</loc><lastmod>2026-03-04</lastmod></url></urlset>")
    news = ("<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
            "xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'><url>"
            "<loc>{{origin:faults}}/news/google-news-only.html</loc><news:news><news:publication>"
            "<news:name>Fault Site</news:name><news:language>en</news:language></news:publication>"
            f"<news:publication_date>{NEWS_SITEMAP_DATE}</news:publication_date>"
            "<news:title>Google News only</news:title></news:news></url></urlset>")
    index = ("<?xml version='1.0' encoding='UTF-8'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
             "<sitemap><loc>{{origin:faults}}/news-sitemap.xml</loc></sitemap>"
             "<sitemap><loc>{{origin:faults}}/sitemap.xml.gz</loc></sitemap></sitemapindex>")
    rss = ("<?xml version='1.0'?><rss version='2.0'><channel><title>Faults</title><link>{{origin:faults}}/</link>"
           "<description>d</description><item><title>From feed</title><link>{{origin:faults}}/news/from-feed.html</link>"
           "<pubDate>Thu, 05 Mar 2026 14:00:00 GMT</pubDate></item></channel></rss>")
    # Two pages of some 20-30 words: the brief states its publication time, the stub nothing.
    brief = (f"<html lang='en'><head><title>Brief</title><meta property='article:published_time' content='2026-03-05'>"
             f"</head><body><article><p>{EXPECTED_STRINGS['/news/brief.html']}. More to follow in the weekend "
             "edition of this site.</p></article></body></html>")
    stub = brief.replace("<meta property='article:published_time' content='2026-03-05'>", "")
    faults = {
        "/": FaultPage(home),
        "/news/brief.html": FaultPage(brief),
        STUB: FaultPage(stub),
        "/robots.txt": FaultPage("User-agent: *\nDisallow: /private/\nSitemap: {{origin:faults}}/sitemap_index.xml\n",
                                 "text/plain"),
        "/sitemap_index.xml": FaultPage(index, "application/xml"),
        "/news-sitemap.xml": FaultPage(news, "application/xml"),
        # Rendered placeholders cannot live inside gzip bytes: the test fills the port in before serving.
        "/sitemap.xml.gz": FaultPage(urlset, "application/x-gzip"),
        "/discovered.rss": FaultPage(rss, "application/rss+xml"),
        "/news/cp1252.html": FaultPage(cp1252, "text/html; charset=utf-8"),
        "/news/wrong-meta.html": FaultPage(wrong_meta, "text/html"),
        "/news/bom.html": FaultPage(bom, "text/html"),
        "/news/broken.html": FaultPage(broken, "text/html; charset=utf-8"),
        "/news/slow.html": FaultPage(article("Slow", EXPECTED_STRINGS["/news/slow.html"]), delay=1.0),
        "/news/google-news-only.html": FaultPage(article("News", EXPECTED_STRINGS["/news/google-news-only.html"])),
        "/news/from-feed.html": FaultPage(article("Feed", EXPECTED_STRINGS["/news/from-feed.html"])),
        "/news/from-gz-sitemap.html": FaultPage(article("Gz", EXPECTED_STRINGS["/news/from-gz-sitemap.html"])),
        "/news/syndicated.html": FaultPage(article(
            "Wire", EXPECTED_STRINGS["/news/syndicated.html"],
            "<link rel='canonical' href='{{origin:elsewhere}}/news/original.html'>")),
        "/news/bomb.html": FaultPage(gzip.compress(b"\0" * BOMB_BYTES), headers=(("Content-Encoding", "gzip"),),
                                     validators=False),
        "/news/huge.html": FaultPage(b"<html><body>" + b"x" * HUGE_BYTES, validators=False),
        "/news/error500.html": FaultPage("server error", "text/plain", status=500, validators=False),
        "/news/redirect.html": FaultPage("", status=302, headers=(("Location", "{{origin:elsewhere}}/news/target.html"),),
                                         validators=False),
    }
    elsewhere = {"/news/target.html": FaultPage(article("Elsewhere", "A page on another origin about Alder Creek")),
                 "/robots.txt": FaultPage("User-agent: *\nDisallow:\n", "text/plain")}
    return {"faults": faults, "elsewhere": elsewhere}


def gzip_sitemap(site: dict, origin: str) -> None:
    """Fill the origin into the gzipped sitemap (gzip bytes are served as they are)."""
    page = site["faults"]["/sitemap.xml.gz"]
    body = page.body.replace("{{origin:faults}}", origin) if isinstance(page.body, str) else page.body
    site["faults"]["/sitemap.xml.gz"] = FaultPage(gzip.compress(body.encode("utf-8"), mtime=0), page.content_type)
