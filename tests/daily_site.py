"""A small two-outlet site for the daily-use tests (issue 15), served by the demo server on loopback.

Small on purpose: each crawl of it is a subprocess, and the issue's tests must run in minutes. It
carries what those tests look for: a misspelling ("Kathcart" for Dale Cathcart) in two articles whose
dates sort one way as text and the other way in UTC; scraped text with Markdown specials (`*`, `|`,
`[`) in a title and an outlet name; a byline with a trailing dateline; an index page under
`article_paths`; and an RSS feed given as a seed that lists an article nothing else links to.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

TOPIC = "Alder Creek"
FILLER = (f"The {TOPIC} footbridge inspection continued on Tuesday as engineers walked the span with the county. "
          "Residents asked when the road would reopen and what the repairs would cost the town this year. ") * 3
OUTLET_NAMES = {"gazette": "Fernhollow *Gazette* | [Local]", "wire": "Riverbend Wire"}
#: The byline as the page prints it, and the author the extractor must keep.
BYLINE = ("By Pat Lindell; Riverbend Wire Oct. 4, 2026", "Pat Lindell")


@dataclass(frozen=True)
class Page:
    body: str | bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: tuple = ()
    delay: float = 0
    validators: bool = True


def article(outlet: str, title: str, sentence: str, published: str, byline: str = "") -> str:
    by = f"<p class='byline'>{byline}</p>" if byline else ""
    return (f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>"
            f"<meta property='og:type' content='article'><meta property='og:site_name' content='{OUTLET_NAMES[outlet]}'>"
            f"<meta property='article:published_time' content='{published}'></head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{by}<p>{sentence}</p><p>{FILLER}</p>"
            "</article><footer>Fictional test site.</footer></body></html>")


#: Per outlet: path -> (title, sentence, published). Kathcart is the planted error: wire's /news/b.html
#: sorts before /news/a.html as text ("T08" < "T13") but after it in UTC (16:00 against 13:00).
ARTICLES = {
    "gazette": {
        "/news/one.html": ("Bridge *closed* | day [one]", "Sheriff Dale Cathcart closed the Alder Creek bridge.",
                           "2026-03-04T09:00:00-05:00"),
        "/news/two.html": ("Repairs begin", "Sheriff Dale Cathcart said repairs begin on Monday.",
                           "2026-03-05T09:00:00-05:00"),
        "/news/three.html": ("Road reopens", "Dale Cathcart confirmed the Alder Creek road reopens.",
                             "2026-03-06T09:00:00-05:00"),
    },
    "wire": {
        "/news/a.html": ("Wire: bridge shut", "Sheriff Dale Kathcart shut the Alder Creek bridge overnight.",
                         "2026-03-04T13:00:00+00:00"),
        "/news/b.html": ("Wire: costs", "Sheriff Kathcart said the Alder Creek repairs would cost more.",
                         "2026-03-04T08:00:00-08:00"),
        "/news/c.html": ("Wire: inspection", "Sheriff Dale Cathcart watched the Alder Creek inspection.",
                         "2026-03-06T08:00:00+00:00"),
        "/news/d.html": ("Wire: volunteers", "Sheriff Dale Cathcart thanked the Alder Creek volunteers.",
                         "2026-03-05T10:00:00+00:00"),
    },
}
#: Only the RSS feed (a seed) lists this one.
FEED_ONLY = ("wire", "/news/e.html", ("Wire: from the feed", "Sheriff Dale Cathcart spoke to the Alder Creek council.",
                                     "2026-03-07T10:00:00+00:00"))
BYLINE_PAGE = ("wire", "/news/d.html")
#: An index under article_paths: must not be stored as an article.
LISTING_PAGE = ("gazette", "/news/")


def build_site(delay: float = 0) -> dict[str, dict[str, Page]]:
    """The site; `delay` seconds before each article answers (for tests that act mid-crawl)."""
    site = {}
    for outlet, articles in ARTICLES.items():
        links = "".join(f"<li><a href='{path}'>{title}</a></li>" for path, (title, _, _) in articles.items())
        pages = {"/": Page(f"<html lang='en'><body><ul>{links}</ul></body></html>"),
                 "/robots.txt": Page("User-agent: *\nDisallow:\n", "text/plain")}
        for path, (title, sentence, published) in articles.items():
            byline = BYLINE[0] if (outlet, path) == BYLINE_PAGE else ""
            pages[path] = Page(article(outlet, title, sentence, published, byline), delay=delay)
        site[outlet] = pages
    outlet, path, (title, sentence, published) = FEED_ONLY
    site[outlet][path] = Page(article(outlet, title, sentence, published), delay=delay)
    site[outlet]["/wire.rss"] = Page(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title><link>{{origin:wire}}/</link>"
        f"<description>d</description><item><title>{title}</title><link>{{{{origin:wire}}}}{path}</link>"
        "<pubDate>Sat, 07 Mar 2026 10:00:00 GMT</pubDate></item></channel></rss>", "application/rss+xml")
    teasers = "".join(f"<h2><a href='{path}'>{TOPIC} bridge: county engineers report on the repairs, part {n}</a></h2>"
                      for n, path in enumerate(list(ARTICLES["gazette"]) * 3))
    site["gazette"]["/news/"] = Page(
        "<html lang='en'><head><title>News</title><meta property='og:type' content='website'></head><body>"
        f"<main><h1>All the {TOPIC} news</h1>{teasers}</main></body></html>")
    site["gazette"]["/"] = dataclasses.replace(
        site["gazette"]["/"], body=site["gazette"]["/"].body.replace("<ul>", "<ul><li><a href='/news/'>News</a></li>"))
    return site


def write_config(path: Path, origins: dict[str, str], *, slug: str = "daily") -> Path:
    """A story config for `origins` (outlet slug -> origin)."""
    lines = [f'slug = "{slug}"', 'title = "Alder Creek | daily [test]"', "", "[topic]",
             'names = ["Dale Cathcart"]', f'keywords = ["{TOPIC}"]', ""]
    for outlet, origin in origins.items():
        seeds = '["/", "/wire.rss"]' if outlet == "wire" else '["/"]'
        lines += ["[[outlets]]", f'slug = "{outlet}"', f'name = "{OUTLET_NAMES[outlet]}"', f'origin = "{origin}"',
                  f"authoritative = {'true' if outlet == 'gazette' else 'false'}", f"seeds = {seeds}",
                  "article_paths = ['^/news/']", ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def article_urls(origins: dict[str, str]) -> set[str]:
    """Every URL the crawl must store as an article."""
    urls = {origins[outlet] + path for outlet, pages in ARTICLES.items() for path in pages}
    return urls | {origins[FEED_ONLY[0]] + FEED_ONLY[1]}
