"""A one-outlet site whose pages change between crawls, for the history tests (issue 13): update times
by every rule, a month-only URL, a stealth edit, a page that disappears, and an Atom feed with
`<updated>`. Served by the demo server on loopback; a test swaps pages in `server.site` between crawls.

Every expected value sits next to the page that states it (`EXPECTED_MODIFIED`, `MONTH_ONLY`), so the
tests compare the store with what the site says, never with what newsclaims produced before.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

TOPIC = "Larch Hollow"
FILLER = (f"The {TOPIC} water board met again on Thursday to hear the engineers on the reservoir wall. "
          "Residents asked how long the repairs would take and who would pay for them this year. ") * 4
OLD = "2025-01-10T09:00:00+00:00"  # every article is old: only the backoff schedule brings it back


@dataclass(frozen=True)
class Page:
    body: str | bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200


def article(title: str, sentence: str, *, head: str = "", top: str = "", published: str | None = OLD) -> str:
    date = f"<meta property='article:published_time' content='{published}'>" if published else ""
    return (f"<!DOCTYPE html><html lang='en'><head><title>{title}</title><meta property='og:type' content='article'>"
            f"{date}{head}</head><body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{top}"
            f"<p>{sentence}</p><p>{FILLER}</p></article><footer>Fictional test site.</footer></body></html>")


LD = ("<script type='application/ld+json'>{{\"@type\": \"NewsArticle\", \"headline\": \"{title}\", "
      "\"datePublished\": \"2025-01-10T09:00:00+00:00\", \"dateModified\": \"{modified}\"}}</script>")

#: path -> (title, sentence, extra head, text at the top of the article)
PAGES = {
    "/news/jsonld.html": ("Board hears engineers", "Chair Ines Varga opened the Larch Hollow meeting.",
                          LD.format(title="Board hears engineers", modified="2025-02-03T10:30:00+00:00"), ""),
    "/news/meta.html": ("Wall inspection", "Engineer Tom Ruiz inspected the Larch Hollow wall.",
                        "<meta property='article:modified_time' content='2025-02-04'>", ""),
    "/news/visible.html": ("Repairs costed", "Ines Varga said the Larch Hollow repairs were costed.", "",
                           "<p class='timestamp'>Updated: Feb. 5, 2025 3:05 PM ET</p>"),
    "/news/feed.html": ("Feed only update", "Tom Ruiz spoke to the Larch Hollow council.", "", ""),
    "/news/plain.html": ("No update stated", "The Larch Hollow board adjourned.", "", ""),
}
#: A page pointing at outlets the story does not crawl: two credit lines, a link, a cross-site
#: canonical; and at what must be left out: share links and a font host.
POINTING = ("/news/pointing.html", "Wire copy", "Larch Hollow residents met the wire's reporter.",
            "<link rel='canonical' href='https://courier.example/2025/01/original.html'>",
            "<p>(Valley Wire)</p><p>This story originally appeared in the Larch Courier.</p>"
            "<p>See <a href='http://127.0.0.1:9/news/source.html'>the source</a>, "
            "<a href='https://www.facebook.com/sharer/sharer.php?u=x'>share</a>, "
            "<a href='https://twitter.com/intent/tweet?text=x'>tweet</a>, "
            "<a href='https://fonts.googleapis.com/css?family=x'>font</a>.</p>")
#: What `discover` must list for it: (outlet, key, evidence kind).
POINTED_AT = {("Valley Wire", "name", "credit"), ("Larch Courier", "name", "credit"),
              ("127.0.0.1:9", "host", "link"), ("courier.example", "host", "canonical")}
LEFT_OUT = {"social": 2, "infrastructure": 1}
#: The month-only URL: its only date is the URL's year and month.
MONTH_ONLY = ("/news/2025/04/reservoir-levels.html", "2025-04")
#: The feed's <updated> for /news/feed.html.
FEED_UPDATED = "2025-02-06T08:00:00Z"
#: path -> (modified, precision, rule) the site states.
EXPECTED_MODIFIED = {
    "/news/jsonld.html": ("2025-02-03T10:30:00+00:00", "instant", "jsonld-dateModified"),
    "/news/meta.html": ("2025-02-04", "day", "meta-modified_time"),
    "/news/visible.html": ("2025-02-05T15:05:00-05:00", "instant", "visible-updated"),
    "/news/feed.html": ("2025-02-06T08:00:00+00:00", "instant", "feed-updated"),
    "/news/plain.html": (None, None, None),
    MONTH_ONLY[0]: (None, None, None),
    POINTING[0]: (None, None, None),
}
#: The stealth edit (served from the second crawl on) and the page that disappears (at the re-check).
EDITED = ("/news/plain.html", "The Larch Hollow board adjourned until March.")
GONE = "/news/meta.html"


def build_site() -> dict[str, dict[str, Page]]:
    pages = {path: Page(article(title, sentence, head=head, top=top))
             for path, (title, sentence, head, top) in PAGES.items()}
    path, title, sentence, head, top = POINTING
    pages[path] = Page(article(title, sentence, head=head, top=top))
    pages[MONTH_ONLY[0]] = Page(article("Reservoir levels", "Larch Hollow reservoir levels fell.", published=None))
    # The feed-only page is not linked: its one request must carry the feed entry's dates.
    links = "".join(f"<li><a href='{path}'>{path}</a></li>" for path in pages if path != "/news/feed.html")
    pages["/"] = Page(f"<html lang='en'><body><ul>{links}</ul></body></html>")
    pages["/robots.txt"] = Page("User-agent: *\nDisallow:\n", "text/plain")
    pages["/feed.atom"] = Page(
        "<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>Ledger</title>"
        "<id>urn:x</id><updated>2025-02-06T08:00:00Z</updated><entry><title>Feed only update</title>"
        "<id>urn:x:1</id><link href='/news/feed.html'/><published>2025-01-10T09:00:00Z</published>"
        f"<updated>{FEED_UPDATED}</updated></entry></feed>", "application/atom+xml")
    return {"ledger": pages}


def edited_page() -> Page:
    path, sentence = EDITED
    title, _, head, top = PAGES[path]
    return Page(article(title, sentence, head=head, top=top))


def write_config(path: Path, origin: str, *, backoff: str = "[1, 3, 7, 30]") -> Path:
    path.write_text("\n".join([
        'slug = "ledger"', 'title = "Larch Hollow"', "", "[topic]", f'keywords = ["{TOPIC}"]', "",
        "[revisit]", "young_days = 3", f"backoff_days = {backoff}", "",
        "[[outlets]]", 'slug = "ledger"', 'name = "Hollow Ledger"', f'origin = "{origin}"',
        'seeds = ["/", "/feed.atom"]', "article_paths = ['^/news/']", ""]), encoding="utf-8")
    return path
