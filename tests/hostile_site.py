"""A small hostile news site: every scraped field a report shows carries a script-injection payload.

Served by `newsclaims.demo.DemoServer` and crawled by the real crawler, it gives a story whose
report dict holds attacker-controlled text exactly as newsclaims stores it: the title, the body, the
author, the outlet's name (in the story config and in og:site_name) and the article URL carry
`<script>`, `<img onerror>` and `javascript:` payloads; the body names Sheriff Dale Cathcart, and
misspells him "Kathcart" in the sentences that hold the payloads, so those sentences are quoted in the
report.

Payloads are written as *text* (entity-escaped in the HTML, `\\u003c` in JSON-LD), the way an article
that talks about markup carries it: extraction turns them back into the literal characters, which is
what the report must then escape. The byline misspells the sheriff too, so it is quoted as a flagged
mention in the `author` field (the report has no byline of its own). Mention surfaces cannot carry
`<` or `"`: the mention finder only spans name characters (a `<` ends a name), so surfaces and chart
labels with markup are covered by the hand-written report in tests/test_analysis_reports_html.py.

Run by hand to look at the pages: ``python -m tests.hostile_site`` serves them and prints the origins.
"""
from __future__ import annotations

import html
import json

from tests.conftest import StaticPage

SCRIPT = "<script>window.pwned=1</script>"
IMG = "<img src=x onerror=alert(1)>"
JS_URL = "javascript:alert(1)"
#: The story config's outlet name (the name the report shows) and the page's own og:site_name.
HOSTILE_NAME = f'Hostile "Daily" {SCRIPT}{IMG}'
SITE_NAME = f"Hostile Daily {IMG}"
#: The byline names the sheriff (misspelt), so the report quotes it as a flagged mention in `author`.
AUTHOR = f"Pat Reed {IMG} with Sheriff Kathcart's press office"
TITLE = f"{SCRIPT} Sheriff Dale Kathcart closes Alder Creek bridge"
#: Percent-encoded as a crawler sends it; the report's URL keeps the encoding.
HOSTILE_PATH = "/news/javascript:alert(1)%22%3E%3Cscript%3Ewindow.pwned=1%3C/script%3E-kathcart.html"
#: A path with a bare apostrophe: a legal URL that `safe_url` refuses, so it must show as plain text.
QUOTE_PATH = "/news/kathcart'onmouseover='alert(1).html"
#: Sentences of the hostile article that hold a payload and the error form, so the report quotes them.
PAYLOAD_SENTENCE = f"Sheriff Dale Kathcart{SCRIPT} said the bridge would stay closed"
IMG_SENTENCE = f"Sheriff Kathcart {IMG} thanked the volunteer crews"

_FILLER = ("Engineers from the state transportation department inspected the remaining supports on "
           "Tuesday and said the span could not carry traffic until the piers were rebuilt. Commuters "
           "were directed to the county road detour, which adds about twenty minutes to the trip into "
           "town, and school buses will use the same route for the rest of the term.")


def _page(*, title: str, site_name: str, author: str, published: str, paragraphs: list[str],
          canonical: str | None = None) -> StaticPage:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "datePublished": published,
          "author": {"@type": "Person", "name": author}, "publisher": {"@type": "Organization", "name": site_name}}
    # JSON-LD is a <script> element: "<" must not appear raw, as every real CMS escapes it.
    blob = json.dumps(ld, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    link = f'<link rel="canonical" href="{html.escape(canonical)}">' if canonical else ""
    return StaticPage(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title, quote=False)}</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="{html.escape(site_name)}">
<meta property="article:published_time" content="{html.escape(published)}">
<meta name="author" content="{html.escape(author)}">
{link}
<script type="application/ld+json">{blob}</script>
<script>window.pwned = 1</script>
</head><body>
<header><a href="/">{html.escape(site_name, quote=False)}</a></header>
<main><article>
<h1>{html.escape(title, quote=False)}</h1>
<div class="byline">By {html.escape(author, quote=False)}</div>
{body}
</article></main>
<footer><a href="{JS_URL}">Contact</a></footer>
</body></html>
""")


def build_hostile_site() -> dict[str, dict[str, StaticPage]]:
    """Two outlets: "hostile" (the payloads, misspelling the sheriff) and "sheriff" (authoritative, right)."""
    robots = StaticPage("User-agent: *\nDisallow:\n", "text/plain")
    hostile_index = "".join(f'<li><a href="{html.escape(path)}">story</a></li>'
                            for path in ("/news/bridge-closed.html", HOSTILE_PATH, QUOTE_PATH))
    return {
        "hostile": {
            "/robots.txt": robots,
            "/": StaticPage(f"<!DOCTYPE html><html><body><ul>{hostile_index}</ul>"
                            f'<a href="{JS_URL}">javascript link</a></body></html>'),
            "/news/bridge-closed.html": _page(
                title="Alder Creek bridge closed after collapse", site_name=SITE_NAME, author="Pat Reed",
                published="2026-03-03T09:00:00+00:00", paragraphs=[
                    "Sheriff Dale Cathcart said the Alder Creek bridge collapsed shortly after dawn and that "
                    "nobody was on the span when it fell.",
                    "Sheriff Dale Cathcart asked drivers to stay away from the creek while divers searched "
                    "the water below the bridge.",
                    _FILLER,
                    "Cathcart said a full statement would follow once the inspection was done.",
                ]),
            HOSTILE_PATH: _page(
                title=TITLE, site_name=SITE_NAME, author=AUTHOR, published="2026-03-04", paragraphs=[
                    f"{PAYLOAD_SENTENCE}. Sheriff Dale Cathcart had said so on Monday.",
                    f"{IMG_SENTENCE}. The {JS_URL} link in the old notice was removed.",
                    _FILLER,
                    "Sheriff Dale Cathcart's office said divers would return on Thursday.",
                ]),
            QUOTE_PATH: _page(
                title="Sheriff Kathcart: detour to stay all month", site_name=SITE_NAME, author=AUTHOR,
                published="2026-03-04", paragraphs=[
                    "Sheriff Dale Kathcart said the detour on the county road would stay all month.",
                    "Sheriff Dale Cathcart had promised an update, and Kathcart gave it on Wednesday.",
                    _FILLER,
                ]),
        },
        "sheriff": {
            "/robots.txt": robots,
            "/": StaticPage('<!DOCTYPE html><html><body><a href="/news/statement.html">Statement</a></body></html>'),
            "/news/statement.html": _page(
                title="Statement from Sheriff Dale Cathcart on the Alder Creek bridge",
                site_name="Harrow County Sheriff's Office", author="Harrow County Sheriff's Office",
                published="2026-03-02T15:00:00-05:00", paragraphs=[
                    "Sheriff Dale Cathcart confirmed that the Alder Creek Road bridge collapsed and that the "
                    "road is closed in both directions.",
                    "Sheriff Dale Cathcart thanked the fire crews and the divers who searched the creek.",
                    _FILLER,
                    "Questions about the detour should go to the county road department, Cathcart said.",
                ]),
        },
    }


def story_toml(origins: dict[str, str]) -> str:
    """The story config for the hostile site; the hostile outlet's name is a payload (TOML-escaped)."""
    name = json.dumps(HOSTILE_NAME)  # a JSON string is a valid TOML basic string
    return (f'slug = "hostile"\ntitle = {json.dumps("Alder Creek " + SCRIPT + " " + IMG)}\n\n'
            f'[[outlets]]\nslug = "hostile"\nname = {name}\norigin = "{origins["hostile"]}"\n'
            'seeds = ["/"]\narticle_paths = ["^/news/"]\n\n'
            f'[[outlets]]\nslug = "sheriff"\nname = "Harrow County Sheriff\'s Office"\n'
            f'origin = "{origins["sheriff"]}"\nauthoritative = true\nseeds = ["/"]\narticle_paths = ["^/news/"]\n')


if __name__ == "__main__":
    import threading

    from newsclaims.demo import DemoServer

    with DemoServer(build_hostile_site()) as server:
        print(json.dumps(server.origins), flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
